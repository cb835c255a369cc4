package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
)

const trainParserHelp = `Usage: dyad train parser [flags]

Train the dependency parser (arc-hybrid, averaged perceptron, dynamic
oracle) on UD English EWT (DIR/ud-ewt/en_ewt-ud-train.conllu), report dev
UAS/LAS after every epoch, and write the gzip model the binary embeds (the
epoch with the best dev LAS). Run at GOMAXPROCS=1.

Tags the parser learns from (--tags):
  jackknife  train POS tags predicted by taggers trained on the other folds
             (--folds N); dev is tagged by the shipped tagger (default)
  tagger     train and dev tagged by the shipped tagger
  gold       gold tags for train and dev (upper bound, not the shipped model)

Flags:
  --seed N           shuffling/exploration seed (default 1)
  --iters N          epochs (default 20)
  --data DIR         data directory (default ../shared/data)
  --out FILE         model file (default internal/parse/model/parser.model.gz)
  --tags MODE        jackknife, tagger or gold (default jackknife)
  --folds N          jackknife folds (default 5)
  --explore-from N   first epoch that follows the model's own mistakes (default 2)
  --explore-prob X   probability of following the model's choice (default 0.9)
  --prune X          drop averaged weights with |w| below X (default 2.0)
  --min-word N       words seen fewer times are unknown (default 2)
  --min-feature N    only features seen N times on the oracle paths get weights (default 3)

Examples:
  dyad train parser --seed 1
  dyad train parser --tags gold --iters 5 --out /tmp/parser.model.gz
`

func runTrainParser(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("train parser", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, trainParserHelp) }
	var opt parse.Options
	seed := fs.Uint64("seed", 1, "seed")
	fs.IntVar(&opt.Iters, "iters", 20, "epochs")
	fs.IntVar(&opt.ExploreFrom, "explore-from", 2, "first exploring epoch")
	fs.Float64Var(&opt.ExploreProb, "explore-prob", 0.9, "exploration probability")
	fs.Float64Var(&opt.Prune, "prune", 2.0, "prune threshold")
	fs.IntVar(&opt.MinWordCount, "min-word", 2, "minimum word count")
	fs.IntVar(&opt.MinFeature, "min-feature", 3, "minimum feature count on oracle paths")
	data := fs.String("data", "../shared/data", "data directory")
	out := fs.String("out", "internal/parse/model/parser.model.gz", "model file")
	tags := fs.String("tags", "jackknife", "jackknife, tagger or gold")
	folds := fs.Int("folds", 5, "jackknife folds")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, trainParserHelp)
			return 0
		}
		return 2
	}
	if fs.NArg() != 0 || opt.Iters < 1 || (*tags != "gold" && *tags != "tagger" && *tags != "jackknife") || *folds < 2 {
		fs.Usage()
		return 2
	}
	opt.Seed = *seed
	opt.Progress = env.Stderr
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "dyad train parser: %v\n", err)
		return 1
	}
	train, err := conllu.ReadFile(ctx, filepath.Join(*data, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return fail(err)
	}
	dev, err := conllu.ReadFile(ctx, filepath.Join(*data, "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		return fail(err)
	}
	start := time.Now()
	if *tags != "gold" {
		tg, err := tag.Load()
		if err != nil {
			return fail(err)
		}
		retag(tg, dev)
		if *tags == "tagger" {
			retag(tg, train)
		} else if err := jackknife(ctx, env, train, *folds); err != nil {
			return fail(err)
		}
		fmt.Fprintf(env.Stderr, "tagging done in %s\n", time.Since(start).Round(time.Second))
	}
	fmt.Fprintf(env.Stderr, "training parser on %d sentences (%s tags), dev %d sentences, %d epochs, seed %d\n", len(train), *tags, len(dev), opt.Iters, opt.Seed)
	p, err := parse.Train(ctx, train, dev, opt)
	if err != nil {
		return fail(err)
	}
	size, err := writeModel(*out, func(w io.Writer) error { return p.Write(ctx, w) })
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(env.Stderr, "wrote %s (%d bytes, %s) in %s\n", *out, size, p, time.Since(start).Round(time.Second))
	return 0
}

// retag replaces the UPOS and XPOS of every word with the tagger's.
func retag(tg *tag.Tagger, ss []conllu.Sentence) {
	for i := range ss {
		up, xp, _ := tg.TagWords(ss[i].Forms())
		for j := range ss[i].Words {
			ss[i].Words[j].UPOS, ss[i].Words[j].XPOS = up[j], xp[j]
		}
	}
}

// jackknife tags each of k folds of train with a tagger trained on the rest.
func jackknife(ctx context.Context, env *Env, train []conllu.Sentence, k int) error {
	cfg := tag.DefaultTrainConfig()
	tagged := make([][]conllu.Word, len(train))
	for f := 0; f < k; f++ {
		var rest, fold []conllu.Sentence
		var idx []int
		for i := range train {
			if i%k == f {
				fold = append(fold, train[i])
				idx = append(idx, i)
			} else {
				rest = append(rest, train[i])
			}
		}
		t0 := time.Now()
		tg, err := tag.Train(ctx, cfg, rest, nil, nil)
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", f+1, err)
		}
		for j, i := range idx {
			up, xp, _ := tg.TagWords(fold[j].Forms())
			ws := append([]conllu.Word(nil), train[i].Words...)
			for w := range ws {
				ws[w].UPOS, ws[w].XPOS = up[w], xp[w]
			}
			tagged[i] = ws
		}
		fmt.Fprintf(env.Stderr, "jackknife fold %d/%d tagged %d sentences (%s)\n", f+1, k, len(fold), time.Since(t0).Round(time.Second))
	}
	for i := range train {
		train[i].Words = tagged[i]
	}
	return nil
}
