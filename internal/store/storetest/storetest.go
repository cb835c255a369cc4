// Package storetest owns the test suite every store.Store adapter must
// pass, and a fake analyser that turns tiny line-based articles into
// events so that ingest can be tested without the NLP models.
package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dedup"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/store"
)

// FakeAnalyze codes a fake article: each body line "SRC TGT CODE
// YYYY-MM-DD [GEONAMEID]" is one event; the first line is the headline.
// Anything else on a line makes it a non-event.
func FakeAnalyze(_ context.Context, doc *dyad.Document) (*dyad.Analysis, error) {
	a := &dyad.Analysis{Doc: dyad.DocMeta{ID: doc.ID, Title: doc.Title, URL: doc.URL}, Tone: &dyad.Tone{Tone: -1.5, WordCount: len(strings.Fields(doc.Text))}}
	off := 0
	for i, line := range strings.SplitAfter(doc.Text, "\n") {
		start := off
		off += len(line)
		f := strings.Fields(line)
		if i == 0 || (len(f) != 4 && len(f) != 5) {
			continue
		}
		if _, err := time.Parse("2006-01-02", f[3]); err != nil {
			continue
		}
		ev := dyad.Event{
			Date: f[3], Actor: []dyad.ActorRef{{Code: f[0], Name: f[0], Start: start, End: start + len(f[0])}},
			Recipient: []dyad.ActorRef{{Code: f[1], Name: f[1]}},
			CAMEO:     dyad.CAMEO{Code: f[2], Name: "code " + f[2], Goldstein: -2, QuadClass: 3},
			Event:     "ACCUSE",
			Evidence:  dyad.Evidence{Sentence: i, Start: start, End: off, Text: strings.TrimSpace(line), Trigger: f[2]},
		}
		if len(f) == 5 {
			var g int
			fmt.Sscan(f[4], &g)
			ev.Location = &dyad.Location{Name: "place " + f[4], CountryCode: "UA", Lat: 50, Lon: 36.25, GeonameID: g, Precision: 4}
		}
		a.Events = append(a.Events, ev)
		a.Actors = append(a.Actors, ev.Actor...)
	}
	return a, nil
}

// Doc returns a fake document with the given headline, URL and event lines.
func Doc(title, url string, lines ...string) *dyad.Document {
	return &dyad.Document{Title: title, URL: url, Text: title + "\n" + strings.Join(lines, "\n") + "\nSource: " + url + "\n",
		Published: time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)}
}

// Walk returns a walk function over docs for store.Ingest.
func Walk(docs ...*dyad.Document) func(ctx context.Context, fn func(store.Item) error) error {
	return func(ctx context.Context, fn func(store.Item) error) error {
		for i, d := range docs {
			if err := fn(store.Item{Doc: d, Input: fmt.Sprintf("doc%d", i)}); err != nil {
				return err
			}
		}
		return nil
	}
}

// Run runs the suite; open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("IngestAndMerge", func(t *testing.T) { testIngest(t, open(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("PutIsAtomic", func(t *testing.T) { testAtomic(t, open(t)) })
	t.Run("CancelResume", func(t *testing.T) { testCancel(t, open(t), open(t)) })
	t.Run("Reports", func(t *testing.T) { testReports(t, open(t)) })
	t.Run("EmptyQuery", func(t *testing.T) {
		st := open(t)
		defer st.Close()
		calls := 0
		err := st.Query(context.Background(), "SELECT 1 AS one WHERE false", nil, func(cols []string, row []any) error {
			calls++
			if row != nil || len(cols) != 1 || cols[0] != "one" {
				t.Errorf("cols %v, row %v; want [one], nil", cols, row)
			}
			return nil
		})
		if err != nil || calls != 1 {
			t.Errorf("%d calls, %v; want 1", calls, err)
		}
	})
}

func ingest(t *testing.T, st store.Store, docs ...*dyad.Document) store.Stats {
	t.Helper()
	stats, err := store.Ingest(context.Background(), st, Walk(docs...), store.IngestOptions{Analyze: FakeAnalyze, Workers: 2, BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// corpus: two wire copies of one story from different sites, one other
// article repeating an event a day later, and an unrelated event.
func corpus() []*dyad.Document {
	return []*dyad.Document{
		Doc("Russia shells Kharkiv", "https://www.a.example/1", "RUS UKR 190 2025-01-10 706483", "UKR RUS 112 2025-01-10"),
		Doc("Russia shells Kharkiv", "https://b.example/x", "RUS UKR 190 2025-01-10 706483", "UKR RUS 112 2025-01-10"),
		Doc("Shelling continues", "https://a.example/2", "RUS UKR 190 2025-01-11 706483", "RUS UKR 190 2025-01-15 706483"),
		Doc("Talks in Geneva", "https://c.example/3", "USA CHN 040 2025-02-01"),
	}
}

type eventRow struct {
	key                     string
	date                    string
	mentions, sources, arts int
}

func events(t *testing.T, st store.Store) []eventRow {
	t.Helper()
	var out []eventRow
	err := st.Events(context.Background(), func(e *store.Event) error {
		out = append(out, eventRow{e.Key, e.Date.Format("2006-01-02"), e.NumMentions, e.NumSources, e.NumArticles})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key+out[i].date < out[j].key+out[j].date })
	return out
}

func testIngest(t *testing.T, st store.Store) {
	defer st.Close()
	stats := ingest(t, st, corpus()...)
	if stats.Stored != 4 || stats.Mentions != 7 || stats.Events != 4 {
		t.Errorf("stats = %+v, want 4 stored, 7 mentions, 4 events", stats)
	}
	want := []eventRow{
		{"RUS|UKR|190|g706483", "2025-01-10", 3, 2, 3},
		{"RUS|UKR|190|g706483", "2025-01-15", 1, 1, 1},
		{"UKR|RUS|112|", "2025-01-10", 2, 2, 2},
		{"USA|CHN|040|", "2025-02-01", 1, 1, 1},
	}
	got := events(t, st)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("events:\n got %v\nwant %v", got, want)
	}
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != 4 || c.Events != 4 || c.Mentions != 7 || c.Actors != 7 {
		t.Errorf("counts = %+v", c)
	}
	var stories []string
	err = st.Articles(context.Background(), func(h string, _ dedup.Fingerprint, story string) { stories = append(stories, story) })
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 4 {
		t.Errorf("Articles saw %d articles, want 4", len(stories))
	}
	var keys []string
	days := []time.Time{time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}
	err = st.EventKeys(context.Background(), days, func(id int64, key string, date time.Time) {
		keys = append(keys, fmt.Sprint(id, " ", key, " ", date.Format("2006-01-02")))
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[1 RUS|UKR|190|g706483 2025-01-10 2 UKR|RUS|112| 2025-01-10 4 USA|CHN|040| 2025-02-01]"; fmt.Sprint(keys) != want {
		t.Errorf("EventKeys = %v, want %v", keys, want)
	}
	if n, err := st.NextEventID(context.Background()); n != 5 || err != nil {
		t.Errorf("NextEventID = %d, %v; want 5", n, err)
	}
}

func testIdempotent(t *testing.T, st store.Store) {
	defer st.Close()
	docs := corpus()
	ingest(t, st, docs[:2]...)
	before := events(t, st)
	stats := ingest(t, st, docs...)
	if stats.Known != 2 || stats.Stored != 2 {
		t.Errorf("re-run stats = %+v, want 2 known, 2 stored", stats)
	}
	stats = ingest(t, st, docs...)
	if stats.Known != 4 || stats.Stored != 0 {
		t.Errorf("third run stats = %+v, want 4 known", stats)
	}
	fresh := events(t, st)
	if len(before) != 2 || len(fresh) != 4 {
		t.Errorf("events before %d, after %d; want 2, 4", len(before), len(fresh))
	}
	// The same as one uninterrupted run.
	if fmt.Sprint(fresh[0]) != fmt.Sprint(eventRow{"RUS|UKR|190|g706483", "2025-01-10", 3, 2, 3}) {
		t.Errorf("merged event after resume = %v", fresh[0])
	}
}

// testCancel interrupts an ingest (context cancelled while reading) and
// checks that a re-run ends with the same store as an uninterrupted run.
func testCancel(t *testing.T, st, whole store.Store) {
	defer st.Close()
	defer whole.Close()
	docs := Articles(60, 5)
	if _, err := store.Ingest(context.Background(), whole, Walk(docs...), store.IngestOptions{Analyze: lineAnalyze, Workers: 2, BatchSize: 4}); err != nil {
		t.Fatal(err)
	}
	want := events(t, whole)
	if len(want) == 0 {
		t.Fatal("no events in the uninterrupted run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	walk := func(ctx context.Context, fn func(store.Item) error) error {
		for i, d := range docs {
			if i == 30 {
				cancel()
			}
			if err := fn(store.Item{Doc: d, Input: fmt.Sprintf("doc%d", i)}); err != nil {
				return err
			}
		}
		return nil
	}
	stats, err := store.Ingest(ctx, st, walk, store.IngestOptions{Analyze: lineAnalyze, Workers: 2, BatchSize: 4})
	if err == nil {
		t.Fatal("interrupted ingest returned no error")
	}
	if stats.Stored == 0 || stats.Stored >= len(docs) {
		t.Logf("interrupted run stored %d of %d", stats.Stored, len(docs))
	}
	stats, err = store.Ingest(context.Background(), st, Walk(docs...), store.IngestOptions{Analyze: lineAnalyze, Workers: 2, BatchSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Failed != 0 {
		t.Errorf("re-run: %d failed", stats.Failed)
	}
	if got := events(t, st); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after interrupt and re-run:\n got %v\nwant %v", got, want)
	}
}

// lineAnalyze codes generated articles without the NLP models: each
// sentence naming two countries is an event between them.
func lineAnalyze(ctx context.Context, doc *dyad.Document) (*dyad.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &dyad.Analysis{Tone: &dyad.Tone{}}
	for i, s := range strings.Split(doc.Text, ".") {
		var found []string
		for _, c := range genCountries {
			if strings.Contains(s, c[1]) || strings.Contains(s, c[0]) {
				found = append(found, strings.ToUpper(c[1][:3]))
			}
		}
		if len(found) >= 2 {
			a.Events = append(a.Events, dyad.Event{Date: doc.Published.Format("2006-01-02"), Actor: []dyad.ActorRef{{Code: found[0]}},
				Recipient: []dyad.ActorRef{{Code: found[1]}}, CAMEO: dyad.CAMEO{Code: "010"}, Evidence: dyad.Evidence{Sentence: i}})
		}
	}
	return a, nil
}

func testAtomic(t *testing.T, st store.Store) {
	defer st.Close()
	ctx := context.Background()
	a := store.NewArticle(Doc("one", "", "RUS UKR 190 2025-01-10"), must(FakeAnalyze(ctx, Doc("one", "", "RUS UKR 190 2025-01-10"))), "x", "", nil, time.Now())
	a.Mentions[0].EventID, a.Mentions[0].Event.ID = 1, 1
	b := *a
	b.Mentions = nil
	// The second article has the same hash: the whole batch must fail.
	if err := st.Put(ctx, []*store.Article{a, &b}); err == nil {
		t.Fatal("Put of a duplicate article succeeded")
	}
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c != (store.Counts{}) {
		t.Errorf("after a failed Put: %+v, want nothing stored", c)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func testReports(t *testing.T, st store.Store) {
	defer st.Close()
	ingest(t, st, corpus()...)
	ctx := context.Background()
	for _, r := range store.Reports() {
		t.Run(r.Name, func(t *testing.T) {
			q, args := r.SQL(store.ReportParams{Lat: 50, Lon: 36.2, Km: 10})
			n := 0
			err := st.Query(ctx, q, args, func(cols []string, row []any) error {
				if row != nil {
					n++
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
			if n == 0 {
				t.Errorf("no rows")
			}
		})
	}
	// dyad-month: January has RUS>UKR twice (two records), February USA>CHN once.
	r, _ := store.LookupReport("dyad-month")
	q, args := r.SQL(store.ReportParams{})
	var rows []string
	err := st.Query(ctx, q, args, func(cols []string, row []any) error {
		if row == nil {
			return nil
		}
		rows = append(rows, fmt.Sprint(row[0], ">", row[1], " ", row[2], " ", row[3], " ", row[4]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "[RUS>UKR 2025-01 2 4 UKR>RUS 2025-01 1 2 USA>CHN 2025-02 1 1]"
	if fmt.Sprint(rows) != want {
		t.Errorf("dyad-month = %v, want %v", rows, want)
	}
	// A date filter.
	q, args = r.SQL(store.ReportParams{From: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)})
	n := 0
	if err := st.Query(ctx, q, args, func(_ []string, row []any) error {
		if row != nil {
			n++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("dyad-month from February: %d rows, want 1", n)
	}
}
