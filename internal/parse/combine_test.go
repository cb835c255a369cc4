package parse

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestCombine(t *testing.T) {
	p := load(t)
	// a model combined with itself has every weight doubled: same parses
	q, err := Combine(0, p, p)
	if err != nil {
		t.Fatal(err)
	}
	if q.Features() != p.Features() {
		t.Fatalf("self-combination has %d features, want %d", q.Features(), p.Features())
	}
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		w := splitWords(line)
		h1, d1 := p.ParseWords(w, nil, nil)
		h2, d2 := q.ParseWords(w, nil, nil)
		if fmt.Sprint(h1, d1) != fmt.Sprint(h2, d2) {
			t.Fatalf("self-combination parses %q differently", line)
		}
	}
	tests := []struct {
		name string
		ps   []*Parser
	}{
		{"none", nil},
		{"other vocabulary", []*Parser{p, newParser(&model{labels: p.m.labels, words: p.m.words[:10], wordClass: p.m.wordClass[:10], xpos: p.m.xpos, upos: p.m.upos})}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Combine(0, tc.ps...); err == nil {
				t.Fatal("want an error")
			}
		})
	}
}
