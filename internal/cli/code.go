package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

const codeUsage = `Usage: dyad code [flags] FILE|DIR|- ...

Code the political events in news articles. Each argument is a file, a
directory, an http(s) URL or - for standard input: plain text (first line:
headline), HTML pages, RSS/Atom feeds, WARC files, JSON Lines (text, title,
url, date), and .gz or .zip archives of them. Prints one JSON object per
event (see docs/SCHEMA.md), or TSV.
A bad input gets a one-line error naming it; the other inputs are still
coded and the exit status is 1.

Examples:
  dyad code examples/
  dyad code --date 2025-03-14 examples/state-visit.txt
  echo "Russian troops shelled Ukrainian positions near Kharkiv." | dyad code --date 2025-01-10 -
  dyad code --format tsv --actors my.actors news/
  dyad code --dicts ../shared/data/petrarch/ examples/
  dyad code --dicts my-petrarch-dicts/ --dicts-only --petrarch news/
  dyad code feed.xml crawl.warc.gz articles.jsonl

Flags:
`

func runCode(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "code", codeUsage)
	var pf pipelineFlags
	pf.register(fs)
	format := fs.String("format", "jsonl", "output `format`: jsonl or tsv")
	allowPrivate := fs.Bool("allow-private", false, "allow http(s) inputs on private and loopback addresses")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if *format != "jsonl" && *format != "tsv" {
		fmt.Fprintf(env.Stderr, "dyad code: --format %q: want jsonl or tsv\n", *format)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "dyad code: no input (give files, directories or -; see dyad code --help)")
		return 2
	}
	published, err := pf.published()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad code: %v\n", err)
		return 2
	}
	p, err := pf.pipeline(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad code: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *format == "tsv" {
		fmt.Fprintln(w, strings.Join(tsvHeader, "\t"))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	opt := ingest.Options{Published: published, AllowPrivate: *allowPrivate}
	failed := eachDocument(ctx, env, fs.Args(), opt,
		func(ctx context.Context, doc *dyad.Document) (any, error) { return p.Events(ctx, doc) },
		func(name string, out any) error {
			for _, ev := range out.([]dyad.Event) {
				if *format == "tsv" {
					if _, err := fmt.Fprintln(w, strings.Join(tsvRow(&ev), "\t")); err != nil {
						return err
					}
					continue
				}
				if err := enc.Encode(ev); err != nil {
					return err
				}
			}
			return nil
		})
	if failed > 0 {
		return 1
	}
	return 0
}

var tsvHeader = []string{"id", "date", "actor_code", "actor_name", "recipient_code", "recipient_name", "event", "mode",
	"cameo", "cameo_name", "goldstein", "quad_class", "location", "country_code", "lat", "lon", "trigger", "sentence", "confidence"}

func tsvRow(e *dyad.Event) []string {
	join := func(rs []dyad.ActorRef, name bool) string {
		var parts []string
		for _, r := range rs {
			if name {
				parts = append(parts, r.Name)
			} else {
				parts = append(parts, r.Code)
			}
		}
		return strings.Join(parts, ";")
	}
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s) }
	var loc, cc, lat, lon string
	if e.Location != nil {
		loc, cc = e.Location.Name, e.Location.CountryCode
		lat = strconv.FormatFloat(e.Location.Lat, 'f', 4, 64)
		lon = strconv.FormatFloat(e.Location.Lon, 'f', 4, 64)
	}
	return []string{e.ID, e.Date, join(e.Actor, false), clean(join(e.Actor, true)), join(e.Recipient, false), clean(join(e.Recipient, true)),
		e.Event, e.Mode, e.CAMEO.Code, e.CAMEO.Name, strconv.FormatFloat(e.CAMEO.Goldstein, 'f', 1, 64), strconv.Itoa(e.CAMEO.QuadClass),
		clean(loc), cc, lat, lon, clean(e.Evidence.Trigger), clean(e.Evidence.Text), strconv.FormatFloat(e.Confidence, 'f', 2, 64)}
}
