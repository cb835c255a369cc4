package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/dyad-events/dyad/internal/export"
)

const exportUsage = `Usage: dyad export [--db PATH] --format gdelt|plover|csv|parquet [-o PATH]

Write the merged events of the corpus store, one record per event with its
counts of mentions, sources and articles:

  gdelt    GDELT 2.0 event export: 61 tab-separated columns in GDELT's order,
           GDELT's quad classes, FIPS country codes for places, no header
  plover   PLOVER JSON Lines
  csv      CSV with a header row
  parquet  a directory of Parquet files partitioned by year and month
           (-o is required); read it with DuckDB, pandas/pyarrow or R arrow

Without -o the output goes to standard output (not for parquet).

Examples:
  dyad export --format gdelt > events.tsv
  dyad export --db corpus.duckdb --format plover -o events.jsonl
  dyad export --format parquet -o events/
  duckdb -c "SELECT count(*) FROM read_parquet('events/**/*.parquet', hive_partitioning = true)"

Flags:
`

func runExport(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "export", exportUsage)
	var db string
	dbFlag(fs, &db)
	format := fs.String("format", "", "output `format`: gdelt, plover, csv or parquet")
	out := fs.String("o", "", "output `PATH` (a directory for parquet; default standard output)")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(env.Stderr, "dyad export: unexpected argument %q (see dyad export --help)\n", fs.Arg(0))
		return 2
	}
	switch *format {
	case "gdelt", "plover", "csv":
	case "parquet":
		if *out == "" {
			fmt.Fprintln(env.Stderr, "dyad export: --format parquet needs -o DIR")
			return 2
		}
	default:
		fmt.Fprintf(env.Stderr, "dyad export: --format %q: want gdelt, plover, csv or parquet\n", *format)
		return 2
	}
	st, err := openExisting(ctx, db)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad export: %v\n", err)
		return 1
	}
	defer st.Close()
	if *format == "parquet" {
		n, err := export.Parquet(ctx, st, *out)
		if err != nil {
			fmt.Fprintf(env.Stderr, "dyad export: %v\n", err)
			return 1
		}
		fmt.Fprintf(env.Stderr, "dyad export: %d events to %s\n", n, *out)
		return 0
	}
	w := env.Stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintf(env.Stderr, "dyad export: %v\n", err)
			return 1
		}
		w = f
	}
	n, err := export.Events(ctx, st, *format, w)
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad export: %v\n", err)
		return 1
	}
	if *out != "" {
		fmt.Fprintf(env.Stderr, "dyad export: %d events to %s\n", n, *out)
	}
	return 0
}
