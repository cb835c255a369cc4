package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/code"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/petr"
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
	dicts    listFlag
	only     bool
	compat   bool
}

func (pf *pipelineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.date, "date", "", "publication date `YYYY-MM-DD` (default: the article's dateline date, else today); resolves relative dates and date-bounded actor codes")
	fs.Var(&pf.actors, "actors", "extra actor dictionary `FILE` applied over the built-ins (repeatable)")
	fs.Var(&pf.patterns, "patterns", "extra verb-pattern `FILE` added to the built-ins (repeatable)")
	fs.BoolVar(&pf.noModels, "no-models", false, "skip the tagger, parser and NER (faster, less accurate)")
	fs.BoolVar(&pf.custom, "custom-codes", false, "allow --patterns files to use event codes outside CAMEO (e.g. converted PETRARCH dictionaries)")
	fs.Var(&pf.dicts, "dicts", "`DIR` (or file) of PETRARCH/TABARI dictionaries (*verbs*, *actors*, *agents*, *discards* .txt), converted at start and applied on top of the built-ins, discards included (repeatable)")
	fs.BoolVar(&pf.compat, "petrarch", false, "read sentences as PETRARCH does (what dyad eval petr measures): capitals are governments everywhere, a passive without \"by\" is active, subordinate clauses of a coded verb are not coded, verbs match only in their spelt-out forms, short comma-delimited clauses are dropped, an event without a target needs a noun phrase after its verb")
	fs.BoolVar(&pf.only, "dicts-only", false, "with --dicts, code with those dictionaries only: no built-in actors or patterns, and no rewriting of future actions as intentions (the dictionaries code them)")
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
	opt := pipeline.Options{ActorFiles: pf.actors, PatternFiles: pf.patterns, NoModels: pf.noModels, CustomCodes: pf.custom}
	if pf.only && len(pf.dicts) == 0 {
		return nil, fmt.Errorf("--dicts-only needs --dicts DIR")
	}
	if len(pf.dicts) == 0 {
		return pf.compatible(pipeline.New(ctx, opt))
	}
	tmp, err := os.MkdirTemp("", "dyad-dicts-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // the pipeline reads the converted files while it is built
	if err := withDicts(ctx, &opt, pf.dicts, tmp); err != nil {
		return nil, err
	}
	if pf.only {
		opt.NoBuiltinActors, opt.NoBuiltinPatterns, opt.NoIntent = true, true, true
	}
	return pf.compatible(pipeline.New(ctx, opt))
}

// compatible applies --petrarch to a new pipeline.
func (pf *pipelineFlags) compatible(p *pipeline.Pipeline, err error) (*pipeline.Pipeline, error) {
	if err != nil || !pf.compat {
		return p, err
	}
	p.Coder = p.Coder.With(petrarchOptions()...)
	return p, nil
}

// petrarchOptions are the coder options that read sentences as PETRARCH
// does; dyad eval petr turns each on by default (each has its own flag
// there).
func petrarchOptions() []code.Option {
	return []code.Option{code.CapitalAsGovernment(), code.PassiveNeedsAgent(), code.AbsorbSubordinate(), code.VerbForms(),
		code.TargetlessNeedsPhrase(), code.CommaClauses(code.PetrarchCommas)}
}

// withDicts converts the PETRARCH/TABARI dictionaries in paths into dir
// and adds them to opt: actors and patterns after the user's own files,
// their event codes allowed even outside CAMEO, their discard lists as the
// pipeline's Discard.
func withDicts(ctx context.Context, opt *pipeline.Options, paths []string, dir string) error {
	d, err := petr.LoadFiles(ctx, paths)
	if err != nil {
		return fmt.Errorf("--dicts: %w", err)
	}
	ont, err := ontology.Load()
	if err != nil {
		return err
	}
	vo, err := verbOptions(ont, "auto", true, true, true)
	if err != nil {
		return err
	}
	vo.ExactWords, vo.SkipActors = true, true // PETRARCH's own reading, as dyad eval petr measures it
	conv, err := d.Convert(ctx, dir, vo)
	if err != nil {
		return fmt.Errorf("--dicts: %w", err)
	}
	opt.ActorFiles = append(opt.ActorFiles, conv.ActorFiles...)
	opt.PatternFiles = append(opt.PatternFiles, conv.PatternFiles...)
	opt.CustomCodes = true
	if disc := d.AllDiscards(); len(disc.Discards) > 0 {
		opt.Discard = func(s string) (string, bool) {
			dc, ok := disc.Match(s)
			return dc.Level, ok
		}
	}
	return nil
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
