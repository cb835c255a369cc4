package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dyad-events/dyad/internal/ingest"
)

const analyzeUsage = `Usage: dyad analyze [flags] FILE|-

Analyse one article and print the document JSON: doc, actors, locations,
quotes, events, tone and headline (see docs/SCHEMA.md).

Examples:
  dyad analyze --date 2025-03-14 examples/state-visit.txt
  dyad analyze --date 2025-03-14 - < article.txt

Flags:
`

func runAnalyze(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "analyze", analyzeUsage)
	var pf pipelineFlags
	pf.register(fs)
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
	doc, err := ingest.Open(ctx, fs.Arg(0), env.Stdin, published)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad: %v\n", err)
		return 1
	}
	a, err := p.Analyze(ctx, doc)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad: %s: %v\n", fs.Arg(0), err)
		return 1
	}
	return writeJSON(env, a)
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
