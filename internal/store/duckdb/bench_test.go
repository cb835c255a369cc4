package duckdb

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

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
	docs := fakeCorpus(2000)
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

var _ = strings.Join
