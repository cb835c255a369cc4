package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/ner"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/wordclass"
)

const trainNERHelp = `Usage: dyad train ner [flags]

Train the named-entity recogniser (PER, ORG, LOC) on UNER English EWT
(DIR/uner-ewt/en_ewt-ud-train.iob2), with POS features from jackknifed
taggers (DIR/ud-ewt/en_ewt-ud-train.conllu), the embedded tagger, word
classes (internal/wordclass) and gazetteer, report dev F1 after every pass and
write the gzip model that the binary embeds. Run at GOMAXPROCS=1.

Flags:
  --seed N     shuffling and augmentation seed (default 1)
  --iters N    training passes (default 5)
  --folds N    jackknife folds: POS tags of the training set come from taggers
               trained on the other folds of UD EWT train (default 4)
  --augment X  share of sentences also trained in upper and title case (default 0.1)
  --seeds K    train K models (seeds N..N+K-1) and average their weights (default 8)
  --prune X    drop averaged weights whose magnitude is below X (default 0.01)
  --stack N    train a second pass on first-pass labels jackknifed over N folds
               of the training set (default 0: one pass only; see internal/ner/stack.go)
  --data DIR   data directory (default ../shared/data)
  --out FILE   model file (default internal/ner/model/ner.bin.gz)

Examples:
  dyad train ner --seed 1
  dyad train ner --iters 4 --out /tmp/ner.bin.gz
`

func runTrainNER(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, trainNERHelp) }
	cfg := ner.DefaultTrainConfig()
	fs.Int64Var(&cfg.Seed, "seed", cfg.Seed, "seed")
	fs.IntVar(&cfg.Iters, "iters", cfg.Iters, "training passes")
	fs.Float64Var(&cfg.Augment, "augment", cfg.Augment, "case augmentation share")
	prune := fs.Float64("prune", float64(cfg.Prune), "drop averaged weights smaller than this")
	fs.IntVar(&cfg.Seeds, "seeds", cfg.Seeds, "models trained with seeds N, N+1, ... and averaged")
	fs.IntVar(&cfg.Stack, "stack", cfg.Stack, "folds for the second pass's jackknifed first pass (0: none)")
	folds := fs.Int("folds", 4, "jackknife folds for the training set's POS tags")
	data := fs.String("data", "../shared/data", "data directory")
	out := fs.String("out", ner.ModelPath, "model file")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, trainNERHelp)
			return 0
		}
		return 2
	}
	cfg.Prune = float32(*prune)
	if fs.NArg() != 0 || cfg.Iters < 1 || *folds < 2 || cfg.Seeds < 1 || cfg.Stack == 1 || cfg.Stack < 0 {
		fs.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "dyad train ner: %v\n", err)
		return 1
	}
	train, err := conllu.ReadFile(ctx, filepath.Join(*data, "uner-ewt", "en_ewt-ud-train.iob2"))
	if err != nil {
		return fail(err)
	}
	dev, err := conllu.ReadFile(ctx, filepath.Join(*data, "uner-ewt", "en_ewt-ud-dev.iob2"))
	if err != nil {
		return fail(err)
	}
	tg, err := tag.Load()
	if err != nil {
		return fail(err)
	}
	wc, err := wordclass.Load()
	if err != nil {
		return fail(err)
	}
	g, err := ner.DefaultGazetteer()
	if err != nil {
		return fail(err)
	}
	ud, err := conllu.ReadFile(ctx, filepath.Join(*data, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return fail(err)
	}
	start := time.Now()
	fmt.Fprintf(env.Stderr, "POS-tagging the training set with %d jackknifed taggers\n", *folds)
	trainEx, err := ner.JackknifeExamples(ctx, tg, ud, train, *folds)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(env.Stderr, "training on %d sentences, dev %d, %d passes, seed %d, gazetteer %d names\n", len(train), len(dev), cfg.Iters, cfg.Seed, g.Len())
	devEx := ner.Examples(tg, dev)
	r, err := ner.Train(ctx, cfg, tg, wc, g, trainEx, devEx, env.Stderr)
	if err != nil {
		return fail(err)
	}
	size, err := writeModel(*out, r.Model().Encode)
	if err != nil {
		return fail(err)
	}
	s := r.Evaluate(devEx)
	fmt.Fprintf(env.Stdout, "wrote %s (%d bytes) in %s; dev P %.4f R %.4f F1 %.4f\n", *out, size,
		time.Since(start).Round(time.Second), s.Precision, s.Recall, s.F1)
	return 0
}
