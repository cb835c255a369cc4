package ner

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/dyad"
)

func loadR(t testing.TB) *Recognizer {
	t.Helper()
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRules(t *testing.T) {
	tests := []struct {
		in   string
		want string // entity spans as TYPE:words, joined by '|'
	}{
		{"They met on March 14 , 2025 in Geneva", "DATE:March 14 , 2025"},
		{"It was signed 14 March 2025 .", "DATE:14 March 2025"},
		{"talks on Monday", "DATE:Monday"},
		{"talks resumed last week", "DATE:last week"},
		{"the deal of 2025-03-14", "DATE:2025-03-14"},
		{"the war that began in 2022", "DATE:2022"},
		{"it ended at 7 p.m. local time", "TIME:7 p.m."},
		{"sirens at 10:30", "TIME:10:30"},
		{"aid worth $ 5 million", "MONEY:$ 5 million"},
		{"a fund of 5 billion euros", "MONEY:5 billion euros"},
		{"prices rose 3 percent", "PERCENT:3 percent"},
		{"prices rose 3 %", "PERCENT:3 %"},
		{"42 drones and three missiles", "NUMBER:42|NUMBER:three"},
		{"she may go", ""},
	}
	for _, tc := range tests {
		words := strings.Fields(tc.in)
		tags := make([]string, len(words))
		for i := range tags {
			tags[i] = "O"
		}
		applyRules(words, tags)
		var got []string
		for _, e := range Spans(tags) {
			got = append(got, e.Type+":"+strings.Join(words[e.Start:e.End], " "))
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%q: got %q want %q", tc.in, g, tc.want)
		}
	}
}

func TestRulesKeepModelEntities(t *testing.T) {
	words := []string{"Paris", "2024"}
	tags := []string{"B-LOC", "O"}
	applyRules(words, tags)
	if tags[0] != "B-LOC" || tags[1] != "B-NUMBER" {
		t.Errorf("got %v", tags)
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Entity
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Entity{{Type: "PER", Start: 0, End: 2}, {Type: "LOC", Start: 3, End: 4}}},
		{[]string{"I-ORG", "I-ORG"}, []Entity{{Type: "ORG", Start: 0, End: 2}}},
		{[]string{"B-PER", "B-PER"}, []Entity{{Type: "PER", Start: 0, End: 1}, {Type: "PER", Start: 1, End: 2}}},
		{[]string{"O", "weird", ""}, nil},
	}
	for _, tc := range tests {
		got := Spans(tc.tags)
		if len(got) != len(tc.want) {
			t.Errorf("%v: got %v want %v", tc.tags, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%v: got %v want %v", tc.tags, got, tc.want)
			}
		}
	}
}

func TestGazetteer(t *testing.T) {
	g := NewGazetteer()
	for _, e := range [][2]string{{"LOC", "New York"}, {"ORG", "al-Qaeda"}, {"PER", "Angela Merkel"}} {
		if err := g.Add(e[0], e[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Add("XYZ", "x"); err == nil {
		t.Error("unknown type accepted")
	}
	lower := strings.Fields("in new york , al - qaeda met angela merkel")
	out := make([]uint8, len(lower))
	var buf []byte
	g.match(lower, out, &buf)
	want := []uint8{0, 2, 3, 0, 4, 5, 5, 0, 6, 7}
	for i := range want {
		if out[i] != want[i] {
			t.Fatalf("match = %v want %v", out, want)
		}
	}
	if _, err := DefaultGazetteer(); err != nil {
		t.Fatal(err)
	}
	if err := NewGazetteer().Read("bad.tsv", strings.NewReader("LOC Paris\n")); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("bad line error = %v", err)
	}
}

func TestAnnotateEntities(t *testing.T) {
	r := loadR(t)
	text := "Russian President Vladimir Putin met officials in Moscow on Friday ."
	var s dyad.Sentence
	off := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[off:], w) + off
		s.Tokens = append(s.Tokens, dyad.Token{Text: w, Start: i, End: i + len(w)})
		off = i + len(w)
	}
	r.Annotate(&s)
	got := map[string]string{}
	for _, e := range Entities(&s) {
		got[text[e.ByteStart:e.ByteEnd]] = e.Type
	}
	for k, v := range map[string]string{"Vladimir Putin": "PER", "Moscow": "LOC", "Friday": "DATE"} {
		if got[k] != v {
			t.Errorf("entity %q: got %q, all %v", k, got[k], got)
		}
	}
	r.Annotate(&dyad.Sentence{}) // must not panic
}

func TestHeadlineCaps(t *testing.T) {
	r := loadR(t)
	for _, line := range []string{
		"RUSSIA AND UKRAINE HOLD TALKS IN GENEVA",
		"Foreign Ministers Meet In Geneva As Ceasefire Talks Resume",
	} {
		tags := r.RecognizeWords(strings.Fields(line), false)
		n := 0
		for _, tg := range tags {
			if tg != "O" {
				n++
			}
		}
		// Capitalisation alone must not turn most words into entities.
		if n*2 > len(tags) {
			t.Errorf("%q: %v", line, tags)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	r := loadR(t)
	var buf bytes.Buffer
	if err := r.Model().Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Decode("roundtrip", &buf)
	if err != nil {
		t.Fatal(err)
	}
	r2 := New(r.tagger, r.wc, m, r.gaz)
	w := strings.Fields("NATO leaders met in Brussels with Mark Rutte .")
	a, b := r.RecognizeWords(w, true), r2.RecognizeWords(w, true)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("differs: %v vs %v", a, b)
		}
	}
	if _, err := Decode("bad", bytes.NewReader([]byte("junk"))); err == nil {
		t.Error("junk decoded")
	}
}

func devPath() string {
	if d := os.Getenv("DYAD_DATA"); d != "" {
		return filepath.Join(d, "uner-ewt", "en_ewt-ud-dev.iob2")
	}
	return filepath.Join("..", "..", "..", "shared", "data", "uner-ewt", "en_ewt-ud-dev.iob2")
}

func FuzzGazetteerRead(f *testing.F) {
	f.Add("LOC\tParis\n# c\nORG\tal-Qaeda\n")
	f.Add("PER\t\n\tx\nFIRST\t - - \n")
	f.Fuzz(func(t *testing.T, s string) {
		g := NewGazetteer()
		if g.Read("fuzz", strings.NewReader(s)) != nil {
			return
		}
		words := strings.Fields(strings.ToLower(s))
		out := make([]uint8, len(words))
		var buf []byte
		g.match(words, out, &buf)
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("junk"))
	f.Fuzz(func(t *testing.T, b []byte) {
		Decode("fuzz", bytes.NewReader(b))
	})
}

// TestDevF1 guards the shipped model against regressions.
func TestDevF1(t *testing.T) {
	p := devPath()
	if _, err := os.Stat(p); err != nil {
		t.Skipf("UNER EWT dev set not found at %s (set DYAD_DATA): %v", p, err)
	}
	dev, err := conllu.ReadFile(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	r := loadR(t)
	s := r.Evaluate(Examples(r.tagger, dev))
	t.Logf("dev P %.4f R %.4f F1 %.4f", s.Precision, s.Recall, s.F1)
	if s.F1 < 0.73 {
		t.Errorf("dev F1 %.4f too low", s.F1)
	}
}

func TestGazetteerUnicodeAndPrefixes(t *testing.T) {
	g := NewGazetteer()
	g.Add("LOC", "São Paulo")
	g.Add("ORG", "Bank of America")
	g.Add("LOC", "America")
	var s sent
	var buf []byte
	words := strings.Fields("SÃO PAULO and Bank of America or America")
	up := make([]string, len(words))
	s.build(words, up, up, g, nil, nil, &buf)
	want := []uint8{2, 3, 0, 4, 5, 5, 0, 2}
	for i := range want {
		if s.gaz[i] != want[i] {
			t.Fatalf("gaz = %v want %v", s.gaz, want)
		}
	}
	if g.Len() != 3 {
		t.Errorf("Len = %d want 3", g.Len())
	}
}

// TestConcurrent runs Annotate from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	r := loadR(t)
	lines := []string{
		"Officials in Kyiv said on Monday that talks would resume .",
		"NATO leaders met in Brussels with Mark Rutte .",
		"The World Bank pledged $ 5 billion .",
	}
	done := make(chan [][]string)
	for g := 0; g < 4; g++ {
		go func() {
			var out [][]string
			for k := 0; k < 20; k++ {
				for _, l := range lines {
					var s dyad.Sentence
					for _, w := range strings.Fields(l) {
						s.Tokens = append(s.Tokens, dyad.Token{Text: w})
					}
					r.tagger.Annotate(&s)
					r.Annotate(&s)
					var tags []string
					for _, tk := range s.Tokens {
						tags = append(tags, tk.UPOS+"/"+tk.Ent)
					}
					out = append(out, tags)
				}
			}
			done <- out
		}()
	}
	first := <-done
	for g := 1; g < 4; g++ {
		other := <-done
		for i := range first {
			if strings.Join(first[i], " ") != strings.Join(other[i], " ") {
				t.Fatalf("goroutines disagree: %v vs %v", first[i], other[i])
			}
		}
	}
}
