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

// result is one processed input.
type result struct {
	name string
	doc  *dyad.Document
	err  error
}

// eachDocument reads and processes the inputs on all cores, calling emit
// in input order. A bad input is reported by name on stderr and skipped;
// the return value is the number of failed inputs.
func eachDocument(ctx context.Context, env *Env, inputs []string, published time.Time,
	work func(ctx context.Context, doc *dyad.Document) (any, error), emit func(name string, out any) error) int {
	type job struct {
		i    int
		name string
	}
	type done struct {
		out any
		err error
	}
	results := make([]chan done, len(inputs))
	for i := range results {
		results[i] = make(chan done, 1)
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := ingest.Open(ctx, j.name, env.Stdin, published)
				if err != nil {
					results[j.i] <- done{err: err}
					continue
				}
				out, err := work(ctx, doc)
				if err != nil {
					err = fmt.Errorf("%s: %w", j.name, err)
				}
				results[j.i] <- done{out: out, err: err}
			}
		}()
	}
	go func() {
		for i, n := range inputs {
			select {
			case jobs <- job{i, n}:
			case <-ctx.Done():
				for k := i; k < len(inputs); k++ {
					results[k] <- done{err: ctx.Err()}
				}
				close(jobs)
				return
			}
		}
		close(jobs)
	}()
	failed := 0
	for i, ch := range results {
		d := <-ch
		if d.err != nil {
			fmt.Fprintf(env.Stderr, "dyad: %v\n", d.err)
			failed++
			continue
		}
		if err := emit(inputs[i], d.out); err != nil {
			fmt.Fprintf(env.Stderr, "dyad: writing output: %v\n", err)
			failed++
		}
	}
	wg.Wait()
	return failed
}
