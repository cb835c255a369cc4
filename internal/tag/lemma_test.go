package tag

import (
	"bytes"
	"context"
	"testing"
)

func TestLemmatizerRules(t *testing.T) {
	l := TrainLemmatizer([]LemmaExample{
		{"walked", "VBD", "walk"}, {"talked", "VBD", "talk"}, {"jumped", "VBD", "jump"},
		{"cats", "NNS", "cat"}, {"dogs", "NNS", "dog"}, {"cakes", "NNS", "cake"}, {"lines", "NNS", "line"}, {"games", "NNS", "game"}, {"parties", "NNS", "party"}, {"cities", "NNS", "city"},
		{"Americans", "NNPS", "American"}, {"Kurds", "NNPS", "Kurd"},
		{"The", "DT", "the"}, {"I", "PRP", "I"},
	})
	tests := []struct{ form, upos, xpos, want string }{
		{"worked", "VERB", "VBD", "work"},  // learned suffix rule
		{"tables", "NOUN", "NNS", "table"}, // learned suffix rule
		{"armies", "NOUN", "NNS", "army"},  // longer suffix wins
		{"Germans", "PROPN", "NNPS", "German"},
		{"went", "VERB", "VBD", "go"},      // irregular list
		{"women", "NOUN", "NNS", "woman"},  // irregular list
		{"THE", "DET", "DT", "the"},        // dictionary, case-folded
		{"I", "PRON", "PRP", "I"},          // dictionary keeps case
		{"2025", "NUM", "CD", "2025"},      // numbers unchanged
		{"Obama", "PROPN", "NNP", "Obama"}, // proper noun keeps case
	}
	for _, tc := range tests {
		if got := l.Lemma(tc.form, tc.upos, tc.xpos); got != tc.want {
			t.Errorf("Lemma(%q, %s) = %q want %q", tc.form, tc.xpos, got, tc.want)
		}
	}
}

func TestNormForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"\u201cquoted\u201d", `"quoted"`},
		{"don\u2019t", "don't"},
	}
	for _, tc := range tests {
		if got := NormForm(tc.in); got != tc.want {
			t.Errorf("NormForm(%q) = %q want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("junk"))
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		tg, err := Decode(context.Background(), "fuzz", bytes.NewReader(b))
		if err != nil {
			return
		}
		tg.TagWords([]string{"a", "b"})
	})
}

func FuzzTagWords(f *testing.F) {
	tg, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The minister\u2019s visit", "x")
	f.Add("", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		up, xp, lm := tg.TagWords([]string{a, b, a})
		if len(up) != 3 || len(xp) != 3 || len(lm) != 3 {
			t.Fatal("wrong lengths")
		}
	})
}
