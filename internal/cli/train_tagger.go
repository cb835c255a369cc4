package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/wordclass"
)

const trainTaggerHelp = `Usage: dyad train tagger [flags]

Train the POS tagger and lemmatizer on UD English EWT (DIR/ud-ewt/en_ewt-ud-train.conllu),
report accuracy on the dev set after every pass, and write the gzip model
that the binary embeds. Run at GOMAXPROCS=1; takes a few minutes.

Flags:
  --seed N    shuffling seed (default 1)
  --iters N   training passes (default 5)
  --folds N   jackknife folds for the right-to-left first pass (default 4; 0 = one pass)
  --seeds K   average K second-pass models trained with seeds N..N+K-1 (default 3)
  --data DIR  data directory (default ../shared/data)
  --out FILE  model file (default internal/tag/model/tagger.bin.gz)
  --clusters FILE  word-class table for the class features (default: the
              embedded internal/wordclass table; "none" = no class features).
              The shipped model must use the embedded table.
  --prune X, --dict-freq N, --dict-purity X, --amb-freq N   model size / tag dictionary knobs

Examples:
  dyad train tagger --seed 1
  dyad train tagger --iters 3 --out /tmp/tagger.bin.gz
`

func runTrainTagger(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("train tagger", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, trainTaggerHelp) }
	cfg := tag.DefaultTrainConfig()
	fs.Int64Var(&cfg.Seed, "seed", cfg.Seed, "shuffling seed")
	fs.IntVar(&cfg.Iters, "iters", cfg.Iters, "training passes")
	fs.IntVar(&cfg.Seeds, "seeds", cfg.Seeds, "average this many second-pass models (seeds N, N+1, ...); 0 or 1 = one")
	fs.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds for the right-to-left first pass (< 2: one pass only)")
	fs.Float64Var(&cfg.DictPurity, "dict-purity", cfg.DictPurity, "minimum share of a form's main tag for the tag dictionary")
	fs.IntVar(&cfg.DictFreq, "dict-freq", cfg.DictFreq, "minimum count of a form for the tag dictionary")
	fs.IntVar(&cfg.AmbFreq, "amb-freq", cfg.AmbFreq, "minimum count of a form for restricting it to the tags seen with it (0: off)")
	prune := fs.Float64("prune", float64(cfg.Prune), "drop averaged weights below this magnitude")
	data := fs.String("data", "../shared/data", "data directory")
	out := fs.String("out", tag.ModelPath, "model file")
	clusters := fs.String("clusters", "", "word-class table (default embedded; none = no class features)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, trainTaggerHelp)
			return 0
		}
		return 2
	}
	cfg.Prune = float32(*prune)
	if fs.NArg() != 0 || cfg.Iters < 1 {
		fs.Usage()
		return 2
	}
	switch *clusters {
	case "none":
		cfg.NoClasses = true
	case "": // the embedded table
	default:
		f, err := os.Open(*clusters)
		if err != nil {
			fmt.Fprintf(env.Stderr, "dyad train tagger: %v\n", err)
			return 1
		}
		wc, err := wordclass.Decode(ctx, *clusters, f)
		f.Close()
		if err != nil {
			fmt.Fprintf(env.Stderr, "dyad train tagger: %v\n", err)
			return 1
		}
		cfg.Classes = wc
	}
	trainPath := filepath.Join(*data, "ud-ewt", "en_ewt-ud-train.conllu")
	devPath := filepath.Join(*data, "ud-ewt", "en_ewt-ud-dev.conllu")
	train, err := conllu.ReadFile(ctx, trainPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train tagger: %v\n", err)
		return 1
	}
	dev, err := conllu.ReadFile(ctx, devPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train tagger: %v\n", err)
		return 1
	}
	fmt.Fprintf(env.Stderr, "training on %d sentences, dev %d sentences, %d passes, seed %d\n", len(train), len(dev), cfg.Iters, cfg.Seed)
	start := time.Now()
	t, err := tag.Train(ctx, cfg, train, dev, env.Stderr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train tagger: %v\n", err)
		return 1
	}
	size, err := writeModel(*out, t.Encode)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train tagger: %v\n", err)
		return 1
	}
	s := t.Evaluate(dev)
	fmt.Fprintf(env.Stdout, "wrote %s (%d bytes) in %s; dev UPOS %.4f XPOS %.4f lemma %.4f\n",
		*out, size, time.Since(start).Round(time.Second), s.UPOS, s.XPOS, s.Lemma)
	return 0
}
