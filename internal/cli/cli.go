// Package cli owns the dyad command line: argument parsing, help text and
// the wiring of pipeline packages into commands. Each command lives in its
// own file; the table in this file lists them. cmd/dyad only calls Main.
package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Env is what a command may touch: its arguments and standard streams.
// Commands never read os.Args or write os.Stdout directly, so Main is
// testable in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand. run returns the process exit code.
type command struct {
	name  string
	short string
	run   func(ctx context.Context, env *Env, args []string) int
}

// commands lists every subcommand. Adding a command adds one line here and
// one file beside this one.
func commands() []command {
	return []command{
		{"code", "code events from articles, one JSON object per line", runCode},
		{"analyze", "analyse one article: actors, places, quotes, events, tone, headline", runAnalyze},
		{"eval", "score dyad against gold data (plover, ud, ner, geo, petr)", runEval},
		{"train", "train the NLP models from treebanks (tagger, parser, ner)", runTrain},
		{"dict", "convert PETRARCH/TABARI dictionaries into dyad's format", runDict},
		{"gazetteer", "build the embedded gazetteer from GeoNames-derived data", runGazetteer},
		{"ingest", "code articles into the corpus store (DuckDB), resumably", runIngest},
		{"query", "reports and SQL over the corpus store", runQuery},
		{"export", "export the corpus store's events: gdelt, plover, csv, parquet", runExport},
		{"version", "print version, licences and data attributions", runVersion},
	}
}

// Main runs dyad with args (without the program name) and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "dyad: unknown command %q (see dyad --help)\n", args[0])
	return 2
}

func usage(w io.Writer) {
	cs := commands()
	var b strings.Builder
	b.WriteString("dyad turns news reports into coded political events (CAMEO and PLOVER).\n\n")
	b.WriteString("Usage:\n  dyad COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.short)
	}
	b.WriteString("\nExamples:\n  dyad code examples/\n  dyad analyze --date 2025-03-14 examples/state-visit.txt\n  dyad eval plover --json ../shared/data/plover-gsr/plover-gsr-dev.json\n\nRun 'dyad COMMAND --help' for a command's flags and examples.\n")
	io.WriteString(w, b.String())
}

// subcommands dispatches a command that has its own subcommands (eval, train, dict).
func subcommands(ctx context.Context, env *Env, parent string, args []string, subs map[string]func(context.Context, *Env, []string) int, help string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		io.WriteString(env.Stdout, help)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	f, ok := subs[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "dyad %s: unknown subcommand %q (see dyad %s --help)\n", parent, args[0], parent)
		return 2
	}
	return f(ctx, env, args[1:])
}
