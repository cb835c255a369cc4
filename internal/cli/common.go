package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// listFlag collects a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// pipelineFlags are the flags shared by the commands that run the pipeline.
type pipelineFlags struct {
	date     string
	actors   listFlag
	patterns listFlag
	noModels bool
	custom   bool
}

func (pf *pipelineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.date, "date", "", "publication date `YYYY-MM-DD` (default: the article's dateline date, else today); resolves relative dates and date-bounded actor codes")
	fs.Var(&pf.actors, "actors", "extra actor dictionary `FILE` applied over the built-ins (repeatable)")
	fs.Var(&pf.patterns, "patterns", "extra verb-pattern `FILE` added to the built-ins (repeatable)")
	fs.BoolVar(&pf.noModels, "no-models", false, "skip the tagger, parser and NER (faster, less accurate)")
	fs.BoolVar(&pf.custom, "custom-codes", false, "allow --patterns files to use event codes outside CAMEO (e.g. converted PETRARCH dictionaries)")
}

func (pf *pipelineFlags) published() (time.Time, error) {
	if pf.date == "" {
		return time.Time{}, nil // the pipeline takes the dateline's date, else today
	}
	t, err := time.Parse("2006-01-02", pf.date)
	if err != nil {
		return time.Time{}, fmt.Errorf("--date %q: want YYYY-MM-DD", pf.date)
	}
	return t, nil
}

func (pf *pipelineFlags) pipeline(ctx context.Context) (*pipeline.Pipeline, error) {
	return pipeline.New(ctx, pipeline.Options{ActorFiles: pf.actors, PatternFiles: pf.patterns, NoModels: pf.noModels, CustomCodes: pf.custom})
}

// newFlagSet returns a flag set whose --help prints usage and examples.
func newFlagSet(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		io.WriteString(env.Stdout, usage)
		fs.SetOutput(env.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(env.Stderr)
	}
	return fs
}

// parseFlags parses args; it returns (code, true) when the command should
// exit right away (help or a usage error).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0, true
		}
		return 2, true
	}
	return 0, false
}

// eachDocument reads the inputs with ingest.Walk (text, HTML, feeds, WARC,
// JSON Lines, directories, archives, URLs), processes the articles on all
// cores and calls emit in input order. A bad input or record is reported
// by name on stderr and skipped; the return value is the number of
// failures.
func eachDocument(ctx context.Context, env *Env, inputs []string, opt ingest.Options,
	work func(ctx context.Context, doc *dyad.Document) (any, error), emit func(name string, out any) error) int {
	type job struct {
		name string
		doc  *dyad.Document
		err  error
		done chan result
	}
	jobs := make(chan *job, 64)
	order := make(chan *job, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out, err := work(ctx, j.doc)
				if err != nil {
					err = fmt.Errorf("%s: %w", j.name, err)
				}
				j.done <- result{out: out, err: err}
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		err := ingest.Walk(ctx, inputs, env.Stdin, opt, func(doc *dyad.Document, src ingest.Source, err error) error {
			name := src.Input
			if src.Record != "" {
				name += ": " + src.Record
			}
			j := &job{name: name, doc: doc, err: err, done: make(chan result, 1)}
			if err != nil {
				j.done <- result{err: err}
			} else {
				select {
				case jobs <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
		if err != nil {
			j := &job{done: make(chan result, 1)}
			j.done <- result{err: err}
			order <- j
		}
	}()
	failed := 0
	for j := range order {
		r := <-j.done
		if r.err != nil {
			fmt.Fprintf(env.Stderr, "dyad: %v\n", r.err)
			failed++
			continue
		}
		if err := emit(j.name, r.out); err != nil {
			fmt.Fprintf(env.Stderr, "dyad: writing output: %v\n", err)
			failed++
		}
	}
	wg.Wait()
	return failed
}

// result is one processed article.
type result struct {
	out any
	err error
}
