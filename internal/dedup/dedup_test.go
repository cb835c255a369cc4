package dedup

import (
	"fmt"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

const wire = `Russian troops shelled Ukrainian positions near Kharkiv on Tuesday, the regional governor said, adding that two civilians were wounded and several houses damaged in the overnight attack on the city's northern districts.`

func TestStories(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", wire, wire, true},
		{"punctuation and case", wire, "RUSSIAN troops shelled Ukrainian positions, near Kharkiv on Tuesday; the regional governor said, adding that two civilians were wounded and several houses damaged in the overnight attack on the city's northern districts", true},
		{"different story", wire, "The central bank raised interest rates by half a point on Thursday, citing persistent inflation in food and energy prices, and signalled that further increases were likely before the end of the year.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStories()
			first := s.Add("a", SimHash(tt.a), "")
			second := s.Add("b", SimHash(tt.b), "")
			if first != "a" {
				t.Fatalf("first story = %q, want a", first)
			}
			if got := second == "a"; got != tt.same {
				t.Errorf("same story = %v (distance %d), want %v", got, Distance(SimHash(tt.a), SimHash(tt.b)), tt.same)
			}
		})
	}
}

func TestSimHashNearDuplicate(t *testing.T) {
	long := wire + " " + wire + " Officials said repair crews were at work and schools would stay closed."
	edited := wire + " " + wire + " Officials said repair crews were at work and schools would remain closed."
	if d := Distance(SimHash(long), SimHash(edited)); d > MaxDistance {
		t.Errorf("one-word edit: distance %d > %d", d, MaxDistance)
	}
}

func ev(a, r, code string, geo int) *dyad.Event {
	e := &dyad.Event{Actor: []dyad.ActorRef{{Code: a}}, Recipient: []dyad.ActorRef{{Code: r}}, CAMEO: dyad.CAMEO{Code: code}}
	if geo != 0 {
		e.Location = &dyad.Location{GeonameID: geo, CountryCode: "UA"}
	}
	return e
}

func TestEventsAssign(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	k1 := EventKey(ev("RUSMIL", "UKR", "190", 706483))
	tests := []struct {
		key    string
		date   string
		wantID int64
		isNew  bool
	}{
		{k1, "2025-01-10", 1, true},
		{k1, "2025-01-11", 1, false}, // next day: same happening
		{k1, "2025-01-09", 1, false}, // day before
		{k1, "2025-01-12", 2, true},  // two days after the first record
		{k1, "2025-01-13", 2, false},
		{EventKey(ev("RUSMIL", "UKR", "190", 0)), "2025-01-10", 3, true},      // no place: another key
		{EventKey(ev("RUSMIL", "UKR", "193", 706483)), "2025-01-10", 4, true}, // other code
		{EventKey(ev("UKR", "RUSMIL", "190", 706483)), "2025-01-10", 5, true}, // roles swapped
	}
	e := NewEvents(1)
	for i, tt := range tests {
		id, isNew := e.Assign(tt.key, d(tt.date))
		if id != tt.wantID || isNew != tt.isNew {
			t.Errorf("%d: Assign(%q, %s) = %d, %v; want %d, %v", i, tt.key, tt.date, id, isNew, tt.wantID, tt.isNew)
		}
	}
	// Reloading gives the same assignments.
	r := NewEvents(1)
	r.Load(1, k1, d("2025-01-10"))
	if id, isNew := r.Assign(k1, d("2025-01-11")); id != 1 || isNew {
		t.Errorf("after Load: %d, %v", id, isNew)
	}
	if id, _ := r.Assign("other", d("2025-01-11")); id != 2 {
		t.Errorf("next id after Load = %d, want 2", id)
	}
}

func ExampleEvents() {
	e := NewEvents(1)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	key := EventKey(&dyad.Event{Actor: []dyad.ActorRef{{Code: "RUS"}}, Recipient: []dyad.ActorRef{{Code: "UKR"}}, CAMEO: dyad.CAMEO{Code: "190"}})
	fmt.Println(e.Assign(key, day("2025-01-10")))
	fmt.Println(e.Assign(key, day("2025-01-11")))
	fmt.Println(e.Assign(key, day("2025-01-20")))
	// Output:
	// 1 true
	// 1 false
	// 2 true
}

func ExampleStories() {
	s := NewStories()
	fmt.Println(s.Add("a1", SimHash("Protesters marched through the capital on Sunday demanding the resignation of the prime minister."), ""))
	fmt.Println(s.Add("a2", SimHash("PROTESTERS marched through the capital on Sunday, demanding the resignation of the Prime Minister"), ""))
	// Output:
	// a1
	// a1
}

func FuzzSimHash(f *testing.F) {
	f.Add(wire)
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if SimHash(s) != SimHash(s) {
			t.Fatal("not deterministic")
		}
	})
}

func TestEventsNeedAndReset(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	e := NewEvents(10)
	need := e.Need(d("2025-01-10"))
	if fmt.Sprintf("%d %s %s", len(need), need[0].Format("2006-01-02"), need[2].Format("2006-01-02")) != "3 2025-01-09 2025-01-11" {
		t.Fatalf("Need = %v", need)
	}
	e.Load(3, "k", d("2025-01-09"))
	e.Loaded(need)
	if got := e.Need(d("2025-01-11")); len(got) != 1 || got[0] != d("2025-01-12") {
		t.Errorf("Need after Loaded = %v, want [2025-01-12]", got)
	}
	if id, isNew := e.Assign("k", d("2025-01-10")); id != 3 || isNew {
		t.Errorf("Assign = %d, %v; want the loaded record 3", id, isNew)
	}
	if id, _ := e.Assign("other", d("2025-01-10")); id != 10 {
		t.Errorf("new id = %d, want 10", id)
	}
	e.Reset()
	if e.Days() != 0 || len(e.Need(d("2025-01-10"))) != 3 {
		t.Errorf("Reset kept days")
	}
	if id, _ := e.Assign("other2", d("2025-01-10")); id != 11 {
		t.Errorf("id after Reset = %d, want 11 (the counter survives)", id)
	}
}
