package duckdb_test

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad/internal/export"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/duckdb"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// Ingest two articles reporting the same shelling (merged into one event
// with two mentions from two sources) and run a report.
func Example() {
	ctx := context.Background()
	db, err := duckdb.Open(ctx, "") // "" is a private in-memory store; give a path for a file
	if err != nil {
		panic(err)
	}
	defer db.Close()
	docs := storetest.Walk(
		storetest.Doc("Shelling in Kharkiv", "https://a.example/1", "RUS UKR 190 2025-01-10 706483"),
		storetest.Doc("Kharkiv shelled again", "https://b.example/2", "RUS UKR 190 2025-01-11 706483"),
	)
	// In dyad, Analyze is pipeline.Pipeline.Analyze; the fake codes one
	// event per "SRC TGT CODE DATE [GEONAMEID]" line.
	stats, err := store.Ingest(ctx, db, docs, store.IngestOptions{Analyze: storetest.FakeAnalyze})
	if err != nil {
		panic(err)
	}
	fmt.Println(stats.Stored, "articles,", stats.Mentions, "mentions,", stats.Events, "event")
	db.Events(ctx, func(e *store.Event) error {
		fmt.Println(e.Date.Format("2006-01-02"), e.Actor1.Code, e.Code, e.Actor2.Code, e.NumMentions, e.NumSources, e.NumArticles)
		fmt.Println(len(export.GDELTRow(e)), "GDELT columns")
		return nil
	})
	r, _ := store.LookupReport("dyad-month")
	q, args := r.SQL(store.ReportParams{})
	db.Query(ctx, q, args, func(cols []string, row []any) error {
		fmt.Println(cols, row)
		return nil
	})
	// Output:
	// 2 articles, 2 mentions, 1 event
	// 2025-01-10 RUS 190 UKR 2 2 2
	// 61 GDELT columns
	// [source target month events mentions] [RUS UKR 2025-01 1 2]
}
