package actor

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown kind", "thing X\n", "f.actors:1: unknown kind"},
		{"no key", "country\n  name X\n", "f.actors:1: country entry without a key"},
		{"bad country key", "country Russia\n  name Russia\n", "f.actors:1: country key"},
		{"short country key", "country RU\n  name Russia\n", "f.actors:1: country key \"RU\" is not a 3-letter code"},
		{"attribute first", "  name Russia\n", "f.actors:1: attribute line before any entry header"},
		{"no value", "country RUS\n  name\n", "f.actors:2: attribute \"name\" without a value"},
		{"attribute not allowed", "\n\ncountry RUS\n  name Russia\n  role RUSGOV 2000 - x\n", "f.actors:5: attribute \"role\" not allowed in a country entry"},
		{"two names", "igo IGOUNO\n  name UN\n  name United Nations\n", "f.actors:3: second name"},
		{"missing name", "org USAMED\n  country USA\n", "f.actors:1: org USAMED has no name"},
		{"agent without words", "agent GOV\n", "f.actors:1: agent GOV has no word"},
		{"bad role date", "person X\n  role RUSGOV 2000-13 - p\n", "f.actors:2: role FROM: bad date"},
		{"bad day", "person X\n  role RUSGOV 2001-02-29 - p\n", "f.actors:2: role FROM: bad date"},
		{"short role", "person X\n  role RUSGOV 2000\n", "f.actors:2: role wants CODE FROM TO"},
		{"reversed role", "person X\n  role RUSGOV 2010 2000 p\n", "f.actors:2: role ends (2000) before it starts (2010)"},
		{"bad inst", "country RUS\n  name Russia\n  inst Duma\n", "f.actors:3: inst wants SECTOR NAME"},
		{"bad person country", "person X\n  country Russia\n", "f.actors:2: country \"Russia\" is not a 3-letter code"},
		{"invalid utf-8", "country RUS\n  name Ru\xffssia\n", "f.actors:2: invalid UTF-8"},
		{"lower-case code", "igo igoUNO\n  name UN\n", "f.actors:1: igo key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f.actors", strings.NewReader(tc.src))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want prefix %q", err, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
		})
	}
}

func TestParseEntries(t *testing.T) {
	src := "\uFEFF# comment line\n" +
		"country RUS   # trailing comment\n" +
		"  name   Russia\n" +
		"\talias Russian   Federation\n" +
		"\n" +
		"  gov Kremlin\n" +
		"  inst LEG State Duma\n" +
		"person Vladimir Putin\n" +
		"  role RUSGOV 2000-05 2008 president\n" +
		"  role RUSGOV 2012-05-07 - president\n" +
		"agent GOV\n" +
		"  word Prime Minister\n" +
		"igo IGOUNOSC\n" +
		"  name UN Security Council\n" +
		"  code IGOUNO\n"
	d, err := Parse("f.actors", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 4 {
		t.Fatalf("Len = %d, want 4", d.Len())
	}
	ru := d.Lookup(KindCountry, "RUS")
	if ru.Name != "Russia" || len(ru.Aliases) != 1 || ru.Aliases[0] != "Russian Federation" || ru.Line != 2 || ru.File != "f.actors" {
		t.Errorf("RUS = %+v", ru)
	}
	if len(ru.Insts) != 2 || ru.Insts[0] != (Institution{"GOV", "Kremlin"}) || ru.Insts[1] != (Institution{"LEG", "State Duma"}) {
		t.Errorf("RUS institutions = %+v", ru.Insts)
	}
	if w := d.Lookup(KindAgent, "GOV").Words; len(w) != 1 || w[0] != "prime minister" {
		t.Errorf("agent words = %q", w)
	}
	if c := d.Lookup(KindIGO, "IGOUNOSC").Code; c != "IGOUNO" {
		t.Errorf("code = %q", c)
	}
	p := d.Lookup(KindPerson, "Vladimir Putin")
	dates := []struct {
		date string
		ok   bool
	}{
		{"2000-04-30", false}, {"2000-05-01", true}, {"2008-12-31", true}, {"2009-01-01", false},
		{"2012-05-06", false}, {"2012-05-07", true}, {"2099-01-01", true},
	}
	for _, dc := range dates {
		if _, ok := p.RoleAt(day(dc.date)); ok != dc.ok {
			t.Errorf("RoleAt(%s) = %v, want %v", dc.date, ok, dc.ok)
		}
	}
	if r, ok := p.RoleAt(time.Time{}); !ok || r.From != "2012-05-07" {
		t.Errorf("RoleAt(zero) = %+v %v, want the open role", r, ok)
	}
}

func TestParseLaterEntryReplaces(t *testing.T) {
	d := mustParse(t, "country RUS\n  name Russia\ncountry RUS\n  name Russian Federation\n")
	if d.Len() != 1 || d.Lookup(KindCountry, "RUS").Name != "Russian Federation" {
		t.Errorf("got %+v", d.Entries())
	}
}

func FuzzParse(f *testing.F) {
	f.Add(testDict)
	f.Add("person X\n  role RUSGOV 2000-02-29 - p\n")
	f.Add("country RUS\n  name Russia\n  inst LEG Duma\n")
	f.Add("  \n#\n\t\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("fuzz.actors", strings.NewReader(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.actors:") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		// Whatever parsed must be usable by the matcher.
		s := sentence(src)
		for _, m := range d.Find(s, day("2020-01-01")) {
			if m.Start < 0 || m.End > len(s.Tokens) || m.Start >= m.End {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}
