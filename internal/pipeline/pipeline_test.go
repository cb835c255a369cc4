package pipeline

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

var (
	once   sync.Once
	shared *Pipeline
	sErr   error
)

func testPipeline(t testing.TB) *Pipeline {
	t.Helper()
	once.Do(func() { shared, sErr = New(context.Background(), Options{}) })
	if sErr != nil {
		t.Fatal(sErr)
	}
	return shared
}

func doc(t testing.TB, text, date string) *dyad.Document {
	t.Helper()
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatal(err)
	}
	return &dyad.Document{ID: "t", Text: text, Published: d}
}

type want struct {
	root     string // 3-digit CAMEO prefix
	src, tgt string // actor codes (first actor / first recipient)
	date     string
}

func has(evs []dyad.Event, w want) bool {
	for _, e := range evs {
		if len(e.CAMEO.Code) < 3 || e.CAMEO.Code[:3] != w.root {
			continue
		}
		if len(e.Actor) == 0 || e.Actor[0].Code != w.src {
			continue
		}
		if w.tgt != "" && (len(e.Recipient) == 0 || e.Recipient[0].Code != w.tgt) {
			continue
		}
		if w.date != "" && e.Date != w.date {
			continue
		}
		return true
	}
	return false
}

// TestStateVisit: a head of state visiting another capital yields a visit
// event with the right countries and the date the sentence states; the
// leaders are coded with their governments for the article date.
func TestStateVisit(t *testing.T) {
	p := testPipeline(t)
	text := "Putin arrives in Kyrgyzstan for state visit\n\n" +
		"BISHKEK, March 14 — Russian President Vladimir Putin arrived in Bishkek on Tuesday for a two-day state visit.\n\n" +
		"Putin met Kyrgyz President Sadyr Japarov on Wednesday and the two leaders signed an agreement on the Russian air base in Kant.\n"
	evs, err := p.Events(context.Background(), doc(t, text, "2025-03-14"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []want{
		{root: "042", src: "RUSGOV", tgt: "KGZ", date: "2025-03-11"},
		{root: "040", src: "RUSGOV", tgt: "KGZGOV", date: "2025-03-12"},
	} {
		if !has(evs, w) {
			t.Errorf("missing %+v in:\n%s", w, dump(evs))
		}
	}
}

// TestEventDates: an event takes the date its sentence names nearest to
// the trigger — a day, or the first day of a range — and periods that name
// no day leave the publication date.
func TestEventDates(t *testing.T) {
	p := testPipeline(t)
	tests := []struct{ sentence, want string }{
		{"Russian President Vladimir Putin visited Kyrgyzstan on Tuesday.", "2025-03-11"},
		{"Russian President Vladimir Putin visited Kyrgyzstan from March 3 to 5.", "2025-03-03"},
		{"Russian President Vladimir Putin visited Kyrgyzstan last week.", "2025-03-14"},
		{"Russian President Vladimir Putin visited Kyrgyzstan in 2014.", "2025-03-14"},
	}
	for _, tc := range tests {
		evs, err := p.Events(context.Background(), doc(t, tc.sentence, "2025-03-14"))
		if err != nil {
			t.Fatal(err)
		}
		if !has(evs, want{root: "042", src: "RUSGOV", tgt: "KGZ", date: tc.want}) {
			t.Errorf("%s: want the visit dated %s, got:\n%s", tc.sentence, tc.want, dump(evs))
		}
	}
}

func dump(evs []dyad.Event) string {
	s := ""
	for _, e := range evs {
		var a, r string
		for _, x := range e.Actor {
			a += x.Code + " "
		}
		for _, x := range e.Recipient {
			r += x.Code + " "
		}
		s += e.Date + " " + e.CAMEO.Code + " [" + a + "] -> [" + r + "] " + e.Evidence.Trigger + " | " + e.Evidence.Rule + "\n"
	}
	return s
}

// BenchmarkAnalyze measures dyad analyze on the example articles with and
// without the stages beyond events (modes, contexts, quotes, tone, headline
// check), to keep their cost in view.
func BenchmarkAnalyze(b *testing.B) {
	p := testPipeline(b)
	docs := exampleDocs(b)
	for _, cfg := range []struct {
		name   string
		beyond bool
	}{{"events-only", false}, {"all", true}} {
		b.Run(cfg.name, func(b *testing.B) {
			q := *p
			q.beyond = cfg.beyond
			tokens := 0
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					c := *d
					c.Sentences = nil
					if _, err := q.Analyze(context.Background(), &c); err != nil {
						b.Fatal(err)
					}
					for _, s := range c.Sentences {
						tokens += len(s.Tokens)
					}
				}
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// exampleDocs reads the example articles as dyad code does.
func exampleDocs(b *testing.B) []*dyad.Document {
	var docs []*dyad.Document
	err := ingest.Walk(context.Background(), []string{"../../examples"}, nil, ingest.Options{},
		func(d *dyad.Document, src ingest.Source, err error) error {
			if err != nil {
				return err
			}
			docs = append(docs, d)
			return nil
		})
	if err != nil || len(docs) == 0 {
		b.Fatalf("reading examples: %d documents, %v", len(docs), err)
	}
	return docs
}

// BenchmarkCode measures the whole code path (segment, annotate, actors,
// dates, coding) on the example articles.
func BenchmarkCode(b *testing.B) {
	p := testPipeline(b)
	docs := exampleDocs(b)
	tokens := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			c := *d
			c.Sentences = nil
			if _, err := p.Events(context.Background(), &c); err != nil {
				b.Fatal(err)
			}
			for _, s := range c.Sentences {
				tokens += len(s.Tokens)
			}
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkNew measures building a pipeline: the ontology, actor
// dictionary, verb patterns, tagger, parser, recogniser (sharing the
// tagger), word classes, gazetteer and lexicons.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
