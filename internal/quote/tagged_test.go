package quote

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
)

// TestTaggedAccuracy measures speaker accuracy on testdata/quotes.txt
// with the tokens tagged and parsed by the shipped models, as the
// pipeline gives them.
func TestTaggedAccuracy(t *testing.T) {
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parse.Load()
	if err != nil {
		t.Fatal(err)
	}
	arts := readAnnotated(t, "testdata/quotes.txt")
	total, right := 0, 0
	for _, a := range arts {
		doc, _ := analyse(t, a.text, a.pub)
		for i := range doc.Sentences {
			tg.Annotate(&doc.Sentences[i])
			ps.Annotate(&doc.Sentences[i])
		}
		ms := make([][]actor.Mention, len(doc.Sentences))
		for i := range doc.Sentences {
			ms[i] = builtin(t).Find(&doc.Sentences[i], a.pub)
		}
		qs := Find(doc, ms)
		for k, frag := range a.frag {
			total++
			var q *dyad.Quote
			for i := range qs {
				if qs[i].Direct == a.direct[k] && strings.Contains(qs[i].Text, frag) {
					q = &qs[i]
					break
				}
			}
			if q == nil {
				t.Logf("testdata/quotes.txt:%d: quote %q not found", a.line[k], frag)
				continue
			}
			want := strings.ToLower(a.speaker[k])
			if strings.Contains(strings.ToLower(q.Speaker.Name), want) || strings.Contains(strings.ToLower(q.Speaker.Text), want) {
				right++
			} else {
				t.Logf("testdata/quotes.txt:%d: %q: speaker %+v, want %q", a.line[k], frag, q.Speaker, want)
			}
		}
	}
	t.Logf("tagged and parsed: speaker right %d/%d = %.3f", right, total, float64(right)/float64(total))
	if float64(right)/float64(total) < 0.7 {
		t.Errorf("speaker accuracy %.3f below 0.7", float64(right)/float64(total))
	}
}
