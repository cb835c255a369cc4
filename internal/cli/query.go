package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

const queryUsage = `Usage: dyad query [--db PATH] [flags] REPORT
       dyad query [--db PATH] --sql 'SELECT ...'

Run a ready-made report over the corpus store, or any read-only SQL
(DuckDB dialect; tables articles, events, mentions, actors, places, quotes).

Reports:
%s
Examples:
  dyad query dyad-month
  dyad query --from 2025-01-01 --to 2025-03-31 --limit 20 goldstein
  dyad query --lat 50.0 --lon 36.23 --km 25 near
  dyad query --format csv quad > quad.csv
  dyad query --sql "SELECT cameo, count(*) FROM events GROUP BY cameo ORDER BY 2 DESC LIMIT 10"

Flags:
`

func runQuery(ctx context.Context, env *Env, args []string) int {
	var rl strings.Builder
	for _, r := range store.Reports() {
		fmt.Fprintf(&rl, "  %-11s %s\n", r.Name, r.Description)
	}
	fs := newFlagSet(env, "query", fmt.Sprintf(queryUsage, rl.String()))
	var db string
	dbFlag(fs, &db)
	sqlText := fs.String("sql", "", "run this SQL `query` instead of a report")
	from := fs.String("from", "", "first event date `YYYY-MM-DD`")
	to := fs.String("to", "", "last event date `YYYY-MM-DD`")
	limit := fs.Int("limit", 0, "at most `N` rows (0: all)")
	lat := fs.Float64("lat", 0, "latitude of the point (near)")
	lon := fs.Float64("lon", 0, "longitude of the point (near)")
	km := fs.Float64("km", 50, "radius in kilometres (near)")
	format := fs.String("format", "table", "output `format`: table, tsv, csv or jsonl")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	// Flags may also follow the report name: dyad query near --km 10.
	if fs.NArg() > 1 && strings.HasPrefix(fs.Arg(1), "-") {
		name := fs.Arg(0)
		if code, exit := parseFlags(fs, fs.Args()[1:]); exit {
			return code
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(env.Stderr, "dyad query: unexpected argument %q (see dyad query --help)\n", fs.Arg(0))
			return 2
		}
		if err := fs.Parse(append([]string{"--"}, name)); err != nil {
			return 2
		}
	}
	switch *format {
	case "table", "tsv", "csv", "jsonl":
	default:
		fmt.Fprintf(env.Stderr, "dyad query: --format %q: want table, tsv, csv or jsonl\n", *format)
		return 2
	}
	var q string
	var qargs []any
	switch {
	case *sqlText != "" && fs.NArg() == 0:
		q = *sqlText
	case *sqlText == "" && fs.NArg() == 1:
		r, ok := store.LookupReport(fs.Arg(0))
		if !ok {
			fmt.Fprintf(env.Stderr, "dyad query: unknown report %q (see dyad query --help)\n", fs.Arg(0))
			return 2
		}
		var p store.ReportParams
		for _, d := range []struct {
			s   string
			t   *time.Time
			arg string
		}{{*from, &p.From, "--from"}, {*to, &p.To, "--to"}} {
			if d.s == "" {
				continue
			}
			t, err := time.Parse("2006-01-02", d.s)
			if err != nil {
				fmt.Fprintf(env.Stderr, "dyad query: %s %q: want YYYY-MM-DD\n", d.arg, d.s)
				return 2
			}
			*d.t = t
		}
		p.Limit, p.Lat, p.Lon, p.Km = *limit, *lat, *lon, *km
		q, qargs = r.SQL(p)
	default:
		fmt.Fprintln(env.Stderr, "dyad query: give one REPORT or --sql (see dyad query --help)")
		return 2
	}
	st, err := openExisting(ctx, db)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad query: %v\n", err)
		return 1
	}
	defer st.Close()
	bw := bufio.NewWriterSize(env.Stdout, 1<<16)
	out := newTableWriter(bw, *format)
	if err := st.Query(ctx, q, qargs, out.row); err != nil {
		fmt.Fprintf(env.Stderr, "dyad query: %v\n", err)
		return 1
	}
	err = out.flush()
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad query: writing output: %v\n", err)
		return 1
	}
	return 0
}

// tableWriter prints query rows as an aligned table, TSV, CSV or JSON Lines.
type tableWriter struct {
	format string
	w      io.Writer
	tw     *tabwriter.Writer
	cw     *csv.Writer
	enc    *json.Encoder
	header bool
	cols   []string
}

func newTableWriter(w io.Writer, format string) *tableWriter {
	t := &tableWriter{format: format, w: w}
	switch format {
	case "table":
		t.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	case "csv":
		t.cw = csv.NewWriter(w)
	case "jsonl":
		t.enc = json.NewEncoder(w)
		t.enc.SetEscapeHTML(false)
	}
	return t
}

func (t *tableWriter) row(cols []string, row []any) error {
	if !t.header {
		t.header, t.cols = true, append([]string(nil), cols...)
		if err := t.line(cols); err != nil {
			return err
		}
	}
	if row == nil {
		return nil
	}
	if t.enc != nil {
		m := make(map[string]any, len(cols))
		for i, c := range cols {
			m[c] = jsonValue(row[i])
		}
		return t.enc.Encode(m)
	}
	cells := make([]string, len(row))
	for i, v := range row {
		cells[i] = cell(v)
	}
	return t.line(cells)
}

func (t *tableWriter) line(cells []string) error {
	switch t.format {
	case "csv":
		return t.cw.Write(cells)
	case "jsonl":
		return nil
	case "table":
		_, err := io.WriteString(t.tw, strings.Join(cells, "\t")+"\n")
		return err
	}
	for i, c := range cells {
		if strings.ContainsAny(c, "\t\n\r") {
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
		}
	}
	_, err := io.WriteString(t.w, strings.Join(cells, "\t")+"\n")
	return err
}

func (t *tableWriter) flush() error {
	switch {
	case t.tw != nil:
		return t.tw.Flush()
	case t.cw != nil:
		t.cw.Flush()
		return t.cw.Error()
	}
	return nil
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	case *big.Int:
		return x.String()
	}
	return fmt.Sprint(v)
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time, *big.Int, []byte:
		return cell(x)
	}
	return v
}
