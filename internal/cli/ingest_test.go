package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/duckdb"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// writeCorpus writes n generated articles as text files under dir.
func writeCorpus(t testing.TB, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, d := range storetest.Articles(n, 1) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(d.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStoreCommands(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, filepath.Join(dir, "in"), 30)
	// A copy of one article under another name is the same article.
	b, _ := os.ReadFile(filepath.Join(dir, "in", "a00003.txt"))
	os.WriteFile(filepath.Join(dir, "in", "copy.txt"), b, 0o644)
	db := filepath.Join(dir, "c.duckdb")
	code, _, stderr := run(t, "", "ingest", "--no-models", "--date", "2025-01-10", "--progress", "none", "--db", db, filepath.Join(dir, "in"))
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "stored 30 articles") || !strings.Contains(stderr, "1 already stored") {
		t.Errorf("ingest summary: %s", stderr)
	}
	code, _, stderr = run(t, "", "ingest", "--no-models", "--progress", "none", "--db", db, filepath.Join(dir, "in"))
	if code != 0 || !strings.Contains(stderr, "stored 0 articles") {
		t.Errorf("second ingest: exit %d: %s", code, stderr)
	}
	for _, r := range store.Reports() {
		args := []string{"query", "--db", db, "--format", "tsv"}
		if r.Name == "near" {
			args = append(args, "--lat", "50", "--lon", "36.2", "--km", "20000")
		}
		code, out, stderr := run(t, "", append(args, r.Name)...)
		min := 2 // a header and a row
		if r.Name == "near" {
			min = 1 // --no-models resolves no places
		}
		if code != 0 || strings.Count(out, "\n") < min {
			t.Errorf("query %s: exit %d, %d lines\n%s%s", r.Name, code, strings.Count(out, "\n"), out, stderr)
		}
	}
	code, out, _ := run(t, "", "query", "--db", db, "--format", "tsv", "--sql", "SELECT count(*) AS n FROM events")
	events := strings.TrimSpace(strings.TrimPrefix(out, "n\n"))
	if code != 0 || events == "0" {
		t.Fatalf("events: %q", out)
	}
	code, out, stderr = run(t, "", "export", "--db", db, "--format", "gdelt")
	if code != 0 {
		t.Fatalf("export gdelt: %d %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if fmt.Sprint(len(lines)) != events {
		t.Errorf("gdelt export: %d lines, %s events", len(lines), events)
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t") + 1; n != 61 {
			t.Fatalf("gdelt line with %d fields: %q", n, l)
		}
	}
	pq := filepath.Join(dir, "pq")
	if code, _, stderr := run(t, "", "export", "--db", db, "--format", "parquet", "-o", pq); code != 0 {
		t.Fatalf("export parquet: %s", stderr)
	}
	_, out, _ = run(t, "", "query", "--db", db, "--format", "tsv", "--sql",
		"SELECT count(*) AS n FROM read_parquet('"+pq+"/**/*.parquet', hive_partitioning = true)")
	if got := strings.TrimSpace(strings.TrimPrefix(out, "n\n")); got != events {
		t.Errorf("parquet read back %s rows, want %s", got, events)
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"export", "--db", db, "--format", "xml"}, 2},
		{[]string{"export", "--db", db, "--format", "parquet"}, 2},
		{[]string{"export", "--db", filepath.Join(dir, "missing.duckdb"), "--format", "csv"}, 1},
		{[]string{"query", "--db", db, "nope"}, 2},
		{[]string{"query", "--db", db, "quad", "--limit", "2"}, 0},
		{[]string{"query", "--db", db, "quad", "extra"}, 2},
		{[]string{"query", "--db", db, "--sql", "SELEC 1"}, 1},
		{[]string{"ingest", "--db", db}, 2},
		{[]string{"ingest", "--help"}, 0},
	} {
		if code, _, _ := run(t, "", tt.args...); code != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.args, code, tt.code)
		}
	}
}

// fingerprint is everything ingest stored, independent of timing.
func fingerprint(t *testing.T, bin, db string) string {
	t.Helper()
	q := `SELECT (SELECT count(*) FROM articles) || ' articles ' || (SELECT count(*) FROM events) || ' events ' ||
  (SELECT count(*) FROM mentions) || ' mentions ' || (SELECT count(*) FROM actors) || ' actors; ' ||
  (SELECT string_agg(id || ':' || key || ':' || date || ':' || num_mentions || '/' || num_sources || '/' || num_articles, ' ' ORDER BY id) FROM events) || ' ' ||
  (SELECT string_agg(hash || ':' || story, ' ' ORDER BY hash) FROM articles) AS f`
	out, err := exec.Command(bin, "query", "--db", db, "--format", "tsv", "--sql", q).CombinedOutput()
	if err != nil {
		t.Fatalf("query %s: %v\n%s", db, err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestIngestKillResume kills a real ingest process with SIGKILL in the
// middle of its run, re-runs it, and checks the store ends up exactly as
// after an uninterrupted run.
func TestIngestKillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/dyad")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	writeCorpus(t, in, 400)
	args := func(db string) []string {
		return []string{"ingest", "--no-models", "--date", "2025-01-10", "--progress", "log", "--batch", "5", "--workers", "2", "--db", db, in}
	}
	whole := filepath.Join(dir, "whole.duckdb")
	if out, err := exec.Command(bin, args(whole)...).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	want := fingerprint(t, bin, whole)

	killed := filepath.Join(dir, "killed.duckdb")
	cmd := exec.Command(bin, args(killed)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	batches := 0
	for sc.Scan() {
		if strings.Contains(sc.Text(), "articles stored") {
			if batches++; batches == 3 {
				break
			}
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	go func() {
		for sc.Scan() {
		}
	}()
	cmd.Wait()
	partial := fingerprint(t, bin, killed)
	t.Logf("after SIGKILL: %s", partial[:strings.Index(partial, ";")])
	if partial == want {
		t.Fatal("the killed run had already finished: the test proves nothing (corpus too small?)")
	}
	out, err := exec.Command(bin, args(killed)...).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	got := fingerprint(t, bin, killed)
	if got != want {
		t.Errorf("after kill and resume:\n%.300s\nuninterrupted:\n%.300s", got, want)
	}
}

// BenchmarkIngest measures end-to-end ingest (parse, code with the NLP
// models, store in a DuckDB file) of generated articles. It reports
// articles/s and the split between coding and store time.
//
//	GOMAXPROCS=2 go test -run XX -bench Ingest -benchtime 1x ./internal/cli
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	p, err := pipeline.New(ctx, pipeline.Options{})
	if err != nil {
		b.Skipf("pipeline: %v", err)
	}
	docs := storetest.Articles(1000, 7)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := duckdb.Open(ctx, filepath.Join(b.TempDir(), "bench.duckdb"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		stats, err := store.Ingest(ctx, db, storetest.Walk(docs...), store.IngestOptions{Analyze: p.Analyze, Ontology: p.Ontology})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
		b.ReportMetric(float64(stats.Stored)/stats.Elapsed.Seconds(), "articles/s")
		b.ReportMetric(stats.NLP.Seconds()/float64(stats.Stored)*1e3, "nlp-ms/article")
		b.ReportMetric(stats.Store.Seconds()/float64(stats.Stored)*1e3, "store-ms/article")
		b.ReportMetric(float64(stats.Mentions)/float64(stats.Stored), "events/article")
	}
}
