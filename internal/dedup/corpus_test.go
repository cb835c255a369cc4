package dedup_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dedup"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// TestGeneratedCorpus checks both error rates on generated articles, which
// share many template sentences (harder than real news): distinct
// articles stay in distinct stories, and most one-word edits of an article
// join its story.
func TestGeneratedCorpus(t *testing.T) {
	docs := storetest.Articles(600, 3)
	s := dedup.NewStories()
	for i, d := range docs {
		id := string(rune('A'+i%26)) + d.ID
		if got := s.Add(id, dedup.SimHash(d.Text), ""); got != id {
			t.Errorf("%s joined story %s", d.ID, got)
		}
	}
	found := 0
	for i, d := range docs {
		w := strings.Fields(d.Text)
		w[len(w)/2] = "zebra"
		id := string(rune('A'+i%26)) + d.ID
		if s.Add("edit of "+id, dedup.SimHash(strings.Join(w, " ")), "") == id {
			found++
		}
	}
	if found < len(docs)*8/10 {
		t.Errorf("one-word edits found in their story: %d of %d, want ≥ 80%%", found, len(docs))
	}
	t.Logf("one-word edits found in their story: %d of %d", found, len(docs))
}
