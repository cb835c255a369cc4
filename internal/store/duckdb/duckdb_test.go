package duckdb

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), "")
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestReopenKeepsSchemaAndData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "corpus.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Ingest(ctx, db, storetest.Walk(storetest.Doc("t", "", "RUS UKR 190 2025-01-10")), store.IngestOptions{Analyze: storetest.FakeAnalyze}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.SQL().QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != Version() {
		t.Errorf("schema version %d, %v; want %d", v, err, Version())
	}
	c, err := db.Counts(ctx)
	if err != nil || c.Articles != 1 || c.Events != 1 {
		t.Errorf("after reopen: %+v, %v", c, err)
	}
}

func TestParquetRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	docs := storetest.Walk(storetest.Doc("a", "", "RUS UKR 190 2025-01-10", "USA CHN 040 2025-02-01"), storetest.Doc("b", "", "FRA DEU 042 2024-12-31"))
	if _, err := store.Ingest(ctx, db, docs, store.IngestOptions{Analyze: storetest.FakeAnalyze}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pq")
	n, err := db.ExportParquet(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	var back int64
	if err := db.SQL().QueryRow(`SELECT count(*) FROM read_parquet('` + dir + `/**/*.parquet', hive_partitioning = true)`).Scan(&back); err != nil {
		t.Fatal(err)
	}
	if n != 3 || back != n {
		t.Errorf("exported %d, read back %d; want 3", n, back)
	}
	for _, p := range []string{"year=2025/month=1", "year=2025/month=2", "year=2024/month=12"} {
		if m, _ := filepath.Glob(filepath.Join(dir, p, "*.parquet")); len(m) == 0 {
			t.Errorf("no partition %s", p)
		}
	}
}
