package duckdb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// fakeCorpus returns n fake articles of 20 events each over 50 actors.
func fakeCorpus(n int) []*dyad.Document {
	docs := make([]*dyad.Document, n)
	for i := range docs {
		var lines []string
		for k := 0; k < 20; k++ {
			lines = append(lines, fmt.Sprintf("A%02d B%02d 1%02d 2025-%02d-%02d %d", (i+k)%50, (i*7+k)%50, k%20, 1+(i/28)%12, 1+i%28, 700000+k))
		}
		docs[i] = storetest.Doc(fmt.Sprintf("article %d", i), fmt.Sprintf("https://s%d.example/%d", i%10, i), lines...)
	}
	return docs
}

// BenchmarkPut measures the store side of ingest on a file store: fake
// coding (no NLP), 20 events and 20 actors per article.
func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	n := 2000
	if s := os.Getenv("DYAD_BENCH_ARTICLES"); s != "" {
		fmt.Sscan(s, &n)
	}
	docs := fakeCorpus(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "b.duckdb"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		stats, err := store.Ingest(ctx, db, storetest.Walk(docs...), store.IngestOptions{Analyze: storetest.FakeAnalyze, Workers: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(stats.Stored)/stats.Elapsed.Seconds(), "articles/s")
		b.ReportMetric(stats.Store.Seconds()/float64(stats.Stored)*1e3, "store-ms/article")
		db.Close()
	}
}

// BenchmarkDyadMonth10M runs the dyad × month report over 10 million
// synthetic events. The store is generated once (a minute or so) and kept
// at $DYAD_BENCH_DB if set, else in a temporary directory.
//
//	GOMAXPROCS=2 go test -run XX -bench DyadMonth -benchtime 5x ./internal/store/duckdb
func BenchmarkDyadMonth10M(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "10m.duckdb")
	}
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const n = 10_000_000
	var have int64
	db.SQL().QueryRow(`SELECT count(*) FROM events`).Scan(&have)
	if have < n {
		t0 := time.Now()
		if err := db.Synthesize(ctx, n-have); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d events in %s", n-have, time.Since(t0))
	}
	r, _ := store.LookupReport("dyad-month")
	q, args := r.SQL(store.ReportParams{})
	// aggregate: the report computed and sorted in DuckDB; stream: every
	// row of it also handed to Go through database/sql.
	b.Run("aggregate", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var n int64
			if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM ("+q+")", args...).Scan(&n); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n), "rows")
		}
	})
	b.Run("stream", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rows := 0
			if err := db.Query(ctx, q, args, func([]string, []any) error { rows++; return nil }); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(rows), "rows")
		}
	})
}
