package ingest

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/golden"
	"github.com/dyad-events/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// render walks inputs and writes every document and error as text.
func render(t *testing.T, inputs []string, opt Options) string {
	t.Helper()
	var b strings.Builder
	err := Walk(context.Background(), inputs, strings.NewReader(""), opt, func(doc *dyad.Document, src Source, err error) error {
		fmt.Fprintf(&b, "== %s [%s] lang=%q\n", filepath.ToSlash(src.Input), src.Record, src.Lang)
		if err != nil {
			fmt.Fprintf(&b, "ERROR %s\n\n", filepath.ToSlash(err.Error()))
			return nil
		}
		pub := ""
		if !doc.Published.IsZero() {
			pub = doc.Published.Format(time.RFC3339)
		}
		fmt.Fprintf(&b, "id=%s\ntitle=%q\nurl=%q\npublished=%s\n%s\n\n", doc.ID, doc.Title, doc.URL, pub, doc.Text)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return b.String()
}

func TestWalkGolden(t *testing.T) {
	tests := []struct {
		name   string
		inputs []string
	}{
		{"plain", []string{"testdata/plain.txt"}},
		{"plain-gz", []string{"testdata/plain.txt.gz"}},
		{"html", []string{"testdata/news.html"}},
		{"rss", []string{"testdata/feed.rss"}},
		{"atom", []string{"testdata/feed.atom"}},
		{"jsonl", []string{"testdata/articles.jsonl"}},
		{"warc", []string{"testdata/news.warc"}},
		{"warc-gz", []string{"testdata/news.warc.gz"}},
		{"zip", []string{"testdata/bundle.zip"}},
		{"missing", []string{"testdata/no-such-file.txt", "testdata/plain.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.inputs, Options{})
			golden.Check(t, filepath.Join("testdata", "golden", tc.name+".txt"), []byte(got), *update, "./internal/ingest")
		})
	}
}

// TestHeadlineContract checks the layout the pipeline relies on: with a
// title, text.Segment finds it as the headline sentence.
func TestHeadlineContract(t *testing.T) {
	docs, _, errs := collect(t, []string{"testdata/news.html", "testdata/feed.rss", "testdata/news.warc"}, Options{})
	if len(docs) < 5 {
		t.Fatalf("%d documents, errors %v", len(docs), errs)
	}
	for _, d := range docs {
		text.Segment(d, d.Title != "")
		if len(d.Sentences) < 2 || !d.Sentences[0].Headline || d.Sentences[0].Text != d.Title || d.Sentences[1].Headline {
			t.Errorf("%s: first sentence %+v, title %q", d.ID, d.Sentences[0], d.Title)
		}
		if d.Sentences[1].Paragraph < 1 {
			t.Errorf("%s: body starts in the headline's paragraph", d.ID)
		}
	}
}
