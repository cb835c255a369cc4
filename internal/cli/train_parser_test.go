package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
)

func tagCacheSentences() []conllu.Sentence {
	return []conllu.Sentence{
		{Words: []conllu.Word{{Form: "She", UPOS: "PRON", XPOS: "PRP"}, {Form: "left", UPOS: "VERB", XPOS: "VBD"}}},
		{Words: []conllu.Word{{Form: "Yes", UPOS: "INTJ", XPOS: "UH"}}},
	}
}

func TestTagCache(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tags.txt")
	if err := writeTagCache(path, tagCacheSentences()); err != nil {
		t.Fatal(err)
	}
	got := tagCacheSentences()
	for i := range got {
		for j := range got[i].Words {
			got[i].Words[j].UPOS, got[i].Words[j].XPOS = "", ""
		}
	}
	if err := readTagCache(path, got); err != nil {
		t.Fatal(err)
	}
	if got[0].Words[1].XPOS != "VBD" || got[1].Words[0].UPOS != "INTJ" {
		t.Fatalf("round trip lost tags: %+v", got)
	}
	tests := []struct {
		name, data, want string
	}{
		{"short", "PRON PRP\n", "tags.bad:2: want"},
		{"empty", "", "tags.bad:1: want"},
		{"no xpos", "PRON\nVERB VBD\n\nINTJ UH\n\n", "tags.bad:1: want"},
		{"no blank line", "PRON PRP\nVERB VBD\nINTJ UH\n", "tags.bad:3: want a blank line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := filepath.Join(dir, "tags.bad")
			if err := os.WriteFile(bad, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			err := readTagCache(bad, tagCacheSentences())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestFoldOf(t *testing.T) {
	for split := 0; split < 3; split++ {
		counts := make([]int, 5)
		for i := 0; i < 5000; i++ {
			f := foldOf(i, 5, split)
			if f < 0 || f >= 5 || f != foldOf(i, 5, split) {
				t.Fatalf("split %d: bad fold %d for sentence %d", split, f, i)
			}
			counts[f]++
		}
		for f, c := range counts {
			if c < 900 || c > 1100 {
				t.Errorf("split %d: fold %d has %d of 5000 sentences", split, f, c)
			}
		}
	}
	same := 0
	for i := 0; i < 1000; i++ {
		if foldOf(i, 5, 1) == foldOf(i, 5, 2) {
			same++
		}
	}
	if same > 300 {
		t.Errorf("splits 1 and 2 agree on %d of 1000 sentences: not independent", same)
	}
}
