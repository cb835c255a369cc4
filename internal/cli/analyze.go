package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

const analyzeUsage = `Usage: dyad analyze [flags] FILE|-

Analyse one input and print the document JSON: doc, actors, locations,
quotes, events, contexts, tone and headline (see docs/SCHEMA.md). The
input may be any format dyad code reads (text, HTML, a feed, WARC, JSON
Lines, an archive, a URL); each article in it gives one JSON document.

Examples:
  dyad analyze --date 2025-03-14 examples/state-visit.txt
  dyad analyze --date 2025-03-14 - < article.txt

Flags:
`

func runAnalyze(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "analyze", analyzeUsage)
	var pf pipelineFlags
	pf.register(fs)
	allowPrivate := fs.Bool("allow-private", false, "allow an http(s) input on a private or loopback address")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "dyad analyze: give exactly one FILE or - (see dyad analyze --help)")
		return 2
	}
	published, err := pf.published()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad analyze: %v\n", err)
		return 2
	}
	p, err := pf.pipeline(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad analyze: %v\n", err)
		return 1
	}
	failed := eachDocument(ctx, env, fs.Args(), ingest.Options{Published: published, AllowPrivate: *allowPrivate},
		func(ctx context.Context, doc *dyad.Document) (any, error) { return p.Analyze(ctx, doc) },
		func(name string, out any) error {
			if writeJSON(env, out) != 0 {
				return fmt.Errorf("%s: writing the analysis failed", name)
			}
			return nil
		})
	if failed > 0 {
		return 1
	}
	return 0
}

func writeJSON(env *Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(env.Stderr, "dyad: writing output: %v\n", err)
		return 1
	}
	return 0
}
