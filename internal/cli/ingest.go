package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/duckdb"
)

const ingestUsage = `Usage: dyad ingest [--db PATH] [flags] INPUT...

Read, code and store articles in the corpus store (a DuckDB file). Inputs
are files, directories (walked for .txt .html .xml .rss .atom .warc .jsonl
files, .gz and .zip too), http(s) URLs, or - for standard input.

Ingest is idempotent and resumable: an article whose text is already stored
is skipped, and every article is committed together with its events, so an
interrupted ingest (even kill -9) loses only uncommitted work and re-running
the same command stores exactly what is missing. Events that describe the
same happening (same actors, event code and place, dates at most a day
apart) are merged across articles, keeping every mention with counts of
mentions, sources and articles; near-duplicate articles share a story id.

The store opens in one process at a time. Query it with dyad query, export
it with dyad export, or open the file in R or Python's duckdb package.

Examples:
  dyad ingest news/
  dyad ingest --db corpus.duckdb --date 2025-03-14 examples/ feed.rss
  dyad ingest --db cc.duckdb CC-NEWS-20250101.warc.gz
  zcat articles.jsonl.gz | dyad ingest --db corpus.duckdb -

Flags:
`

// defaultDB is the store used when --db is not given: $DYAD_DB, else
// dyad/dyad.duckdb under the user's data directory.
func defaultDB() string {
	if p := os.Getenv("DYAD_DB"); p != "" {
		return p
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "dyad", "dyad.duckdb")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "dyad.duckdb"
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "dyad", "dyad.duckdb")
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "dyad", "dyad.duckdb")
		}
	}
	return filepath.Join(home, ".local", "share", "dyad", "dyad.duckdb")
}

func dbFlag(fs interface {
	StringVar(*string, string, string, string)
}, p *string) {
	fs.StringVar(p, "db", defaultDB(), "corpus store `PATH` (a DuckDB file; default $DYAD_DB, else under the user's data directory)")
}

// openExisting opens a store for reading; it must exist.
func openExisting(ctx context.Context, path string) (*duckdb.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: no corpus store there (create one with dyad ingest --db %s INPUT...)", path, path)
	}
	return duckdb.Open(ctx, path)
}

func runIngest(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "ingest", ingestUsage)
	var pf pipelineFlags
	pf.register(fs)
	var db string
	dbFlag(fs, &db)
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private and loopback addresses")
	maxBytes := fs.Int64("max-bytes", ingest.MaxArticleBytes, "largest article or download in `bytes`")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one URL fetch")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles coded at once")
	batch := fs.Int("batch", 64, "articles per transaction")
	progress := fs.String("progress", "auto", "progress display: auto (a bar on a terminal, log lines otherwise), bar, log or none")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "dyad ingest: no input (give files, directories, URLs or -; see dyad ingest --help)")
		return 2
	}
	switch *progress {
	case "auto", "bar", "log", "none":
	default:
		fmt.Fprintf(env.Stderr, "dyad ingest: --progress %q: want auto, bar, log or none\n", *progress)
		return 2
	}
	published, err := pf.published()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad ingest: %v\n", err)
		return 2
	}
	p, err := pf.pipeline(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad ingest: %v\n", err)
		return 1
	}
	st, err := duckdb.Open(ctx, db)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad ingest: %v\n", err)
		return 1
	}
	defer st.Close()

	inputs := fs.Args()
	total := countInputs(inputs)
	var inputsSeen atomic.Int64
	last := ""
	walk := func(ctx context.Context, fn func(store.Item) error) error {
		opt := ingest.Options{AllowPrivate: *allowPrivate, MaxBytes: *maxBytes, Timeout: *timeout, Published: published}
		return ingest.Walk(ctx, inputs, env.Stdin, opt, func(doc *dyad.Document, src ingest.Source, err error) error {
			if src.Input != last {
				last = src.Input
				inputsSeen.Add(1)
			}
			return fn(store.Item{Doc: doc, Input: src.Input, Record: src.Record, Err: err})
		})
	}
	mode := *progress
	if mode == "auto" {
		mode = "log"
		if isTerminal(env.Stderr) {
			mode = "bar"
		}
	}
	show := progressPrinter(env.Stderr, mode, total, &inputsSeen)
	stats, err := store.Ingest(ctx, st, walk, store.IngestOptions{
		Analyze: p.Analyze, Ontology: p.Ontology, Workers: *workers, BatchSize: *batch,
		OnError:  func(input string, err error) { fmt.Fprintf(env.Stderr, "%sdyad: %v\n", clearLine(mode), err) },
		Progress: show,
	})
	if mode == "bar" {
		fmt.Fprintln(env.Stderr)
	}
	fmt.Fprintf(env.Stderr, "dyad ingest: %s: stored %d articles (%d mentions, %d new events), %d already stored, %d failed, in %s (%.1f articles/s; coding %s, store %s)\n",
		db, stats.Stored, stats.Mentions, stats.Events, stats.Known, stats.Failed, stats.Elapsed.Round(time.Millisecond),
		rate(stats.Stored+stats.Known, stats.Elapsed), stats.NLP.Round(time.Millisecond), stats.Store.Round(time.Millisecond))
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(env.Stderr, "dyad ingest: interrupted; run the same command again to resume")
		} else {
			fmt.Fprintf(env.Stderr, "dyad ingest: %v\n", err)
		}
		return 1
	}
	if stats.Failed > 0 {
		return 1
	}
	return 0
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// countInputs counts the input files (for the ETA): files in directories
// with a readable extension, other arguments once each.
func countInputs(inputs []string) int {
	n := 0
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil || !fi.IsDir() {
			n++
			continue
		}
		filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && readable(d.Name()) {
				n++
			}
			return nil
		})
	}
	return n
}

func readable(name string) bool {
	n := strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(n) {
	case ".txt", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc", ".jsonl", ".ndjson", ".zip":
		return true
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func clearLine(mode string) string {
	if mode == "bar" {
		return "\r\033[K"
	}
	return ""
}

// progressPrinter returns the Progress callback: a one-line bar redrawn in
// place, or a plain log line per committed batch.
func progressPrinter(w io.Writer, mode string, total int, seen *atomic.Int64) func(store.Stats) {
	switch mode {
	case "none":
		return nil
	case "log":
		return func(s store.Stats) {
			fmt.Fprintf(w, "dyad ingest: %d articles stored, %d known, %d failed, %.1f articles/s\n",
				s.Stored, s.Known, s.Failed, rate(s.Stored+s.Known, s.Elapsed))
		}
	}
	return func(s store.Stats) {
		done := int(seen.Load())
		frac := 0.0
		if total > 0 {
			frac = float64(done) / float64(total)
			if frac > 1 {
				frac = 1
			}
		}
		const width = 30
		bar := strings.Repeat("=", int(frac*width)) + strings.Repeat(" ", width-int(frac*width))
		eta := "?"
		if done > 0 && total >= done {
			eta = (time.Duration(float64(s.Elapsed) * float64(total-done) / float64(done))).Round(time.Second).String()
		}
		fmt.Fprintf(w, "\r\033[K[%s] %d/%d inputs  %d stored  %.1f articles/s  ETA %s", bar, done, total, s.Stored,
			rate(s.Stored+s.Known, s.Elapsed), eta)
	}
}
