package ner

import (
	"slices"
	"testing"
)

// TestAllowedPrev checks the Viterbi's table of permitted predecessors
// against the IOB2 constraint.
func TestAllowedPrev(t *testing.T) {
	for y := 0; y < nLabels; y++ {
		var want []uint8
		for p := 0; p < nLabels; p++ {
			if allowed(p, y) {
				want = append(want, uint8(p))
			}
		}
		if !slices.Equal(allowedPrev[y], want) {
			t.Errorf("allowedPrev[%s] = %v, want %v", labels[y], allowedPrev[y], want)
		}
	}
}

// TestMayStartRule checks that every rule word passes the rules'
// pre-filter, and that plain words do not.
func TestMayStartRule(t *testing.T) {
	f := newRuleFilter()
	for _, set := range []map[string]bool{currencySymbols, numberWords, months, weekdays, relDay, periodModifiers} {
		for w := range set {
			if !mayStartRule(w, nil) || !mayStartRule(w, f) {
				t.Errorf("mayStartRule(%q) = false", w)
			}
		}
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"noon", true}, {"2024", true}, {"3rd", true}, {"10:30", true},
		{"the", false}, {"minister", false}, {"", false},
	}
	for _, tc := range tests {
		if got := mayStartRule(tc.w, nil); got != tc.want {
			t.Errorf("mayStartRule(%q) = %v, want %v", tc.w, got, tc.want)
		}
		if tc.want && !mayStartRule(tc.w, f) {
			t.Errorf("mayStartRule(%q, filter) = false", tc.w)
		}
	}
}

// TestGazetteerFirstFilter checks that names added after construction
// are still matched (the first-token filter is kept up to date) and that
// a gazetteer without the filter behaves the same.
func TestGazetteerFirstFilter(t *testing.T) {
	g := NewGazetteer()
	if err := g.Add("ORG", "Médecins Sans Frontières"); err != nil {
		t.Fatal(err)
	}
	if err := g.Add("LOC", "New York"); err != nil {
		t.Fatal(err)
	}
	plain := &Gazetteer{names: g.names, maxLen: g.maxLen}
	tests := [][]string{
		{"in", "new", "york", "today"},
		{"médecins", "sans", "frontières", "said"},
		{"new", "ideas"},
	}
	for _, words := range tests {
		var buf []byte
		got := make([]uint8, len(words))
		want := make([]uint8, len(words))
		g.match(words, got, &buf)
		plain.match(words, want, &buf)
		if !slices.Equal(got, want) {
			t.Errorf("match(%q) = %v, without filter %v", words, got, want)
		}
	}
	var buf []byte
	out := make([]uint8, 4)
	g.match(tests[0], out, &buf)
	if out[1] == 0 || out[2] == 0 {
		t.Errorf("New York not matched: %v", out)
	}
}
