package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
  --tag-sets N       train on N copies of train, each jackknifed with a
                     different fold split (default 1)
  --tags-cache FILE  jackknife tags cache: read the train tags from FILE if it
                     exists (one "UPOS XPOS" line per word, a blank line
                     after each sentence), else jackknife and write it there;
                     split j > 1 uses FILE.j
  --explore-from N   first epoch that follows the model's own mistakes (default 2)
  --explore-prob X   probability of following the model's choice (default 0.9)
  --prune X          drop averaged weights with |w| below X (default 2.0)
  --min-word N       words seen fewer times are unknown (default 2)
  --min-feature N    only features seen N times on the oracle paths get weights (default 3)

Experimental (not used by the shipped model):
  --labeller-iters N   train a second-stage arc labeller for N epochs (default 0: none)
  --labeller-folds K   train it on trees of parsers trained on the other K-1
                       folds (default 0: on the final parser's own trees)
  --labeller-beta X    weight of the parser's own label scores added to the
                       labeller's (default 0)
  --labeller-prune X   the labeller's prune threshold (default 0)
  --fold-cache DIR     keep the fold parsers in DIR and reuse them
  --base FILE          train only the labeller, on top of parser model FILE
  --combine F1,F2,...  sum the weights of parser models trained with
                       different seeds into one model, score it on dev and
                       write it to --out (no training)

Examples:
  dyad train parser --seed 1
  dyad train parser --tags gold --iters 5 --out /tmp/parser.model.gz
  dyad train parser --tags-cache /tmp/ewt-tags.txt --out /tmp/p.model.gz
  dyad train parser --tags-cache /tmp/ewt-tags.txt --base /tmp/p.model.gz \
      --labeller-iters 5 --labeller-folds 5 --labeller-beta 0.5 --out /tmp/pl.model.gz
  dyad train parser --combine /tmp/s1.model.gz,/tmp/s2.model.gz --out /tmp/c.model.gz
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
	fs.IntVar(&opt.LabelIters, "labeller-iters", 0, "arc labeller epochs")
	fs.Float64Var(&opt.LabelPrune, "labeller-prune", 0, "labeller prune threshold")
	fs.IntVar(&opt.LabelFolds, "labeller-folds", 0, "labeller jackknife folds")
	fs.Float64Var(&opt.LabelBeta, "labeller-beta", 0, "weight of the parser's label scores")
	fs.StringVar(&opt.FoldCache, "fold-cache", "", "fold parser cache directory")
	data := fs.String("data", "../shared/data", "data directory")
	out := fs.String("out", "internal/parse/model/parser.model.gz", "model file")
	tags := fs.String("tags", "jackknife", "jackknife, tagger or gold")
	folds := fs.Int("folds", 5, "jackknife folds")
	combine := fs.String("combine", "", "comma-separated models to combine")
	base := fs.String("base", "", "train only the labeller on top of this parser model")
	tagSets := fs.Int("tag-sets", 1, "jackknife tag sets")
	cache := fs.String("tags-cache", "", "jackknife tags cache file")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, trainParserHelp)
			return 0
		}
		return 2
	}
	if fs.NArg() != 0 || opt.Iters < 1 || (*tags != "gold" && *tags != "tagger" && *tags != "jackknife") || *folds < 2 || *tagSets < 1 {
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
		} else {
			orig := train
			train = nil
			for j := 0; j < *tagSets; j++ {
				set := make([]conllu.Sentence, len(orig))
				for i := range orig {
					set[i] = orig[i]
					set[i].Words = append([]conllu.Word(nil), orig[i].Words...)
				}
				path := *cache
				if path != "" && j > 0 {
					path = fmt.Sprintf("%s.%d", path, j+1)
				}
				if path != "" && fileExists(path) {
					if err := readTagCache(path, set); err != nil {
						return fail(err)
					}
				} else {
					if err := jackknife(ctx, env, set, *folds, j); err != nil {
						return fail(err)
					}
					if path != "" {
						if err := writeTagCache(path, set); err != nil {
							return fail(err)
						}
					}
				}
				train = append(train, set...)
			}
		}
		fmt.Fprintf(env.Stderr, "tagging done in %s\n", time.Since(start).Round(time.Second))
	}
	fmt.Fprintf(env.Stderr, "training parser on %d sentences (%s tags), dev %d sentences, %d epochs, seed %d\n", len(train), *tags, len(dev), opt.Iters, opt.Seed)
	var p *parse.Parser
	if *combine != "" {
		var ps []*parse.Parser
		for _, f := range strings.Split(*combine, ",") {
			data, err := os.ReadFile(f)
			if err != nil {
				return fail(err)
			}
			q, err := parse.Read(f, data)
			if err != nil {
				return fail(err)
			}
			ps = append(ps, q)
		}
		if p, err = parse.Combine(opt.Prune, ps...); err != nil {
			return fail(err)
		}
		sc, err := p.Evaluate(ctx, dev)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(env.Stderr, "combined %d models: dev UAS %.2f LAS %.2f\n", len(ps), sc.UAS(), sc.LAS())
	} else if *base != "" {
		data, err := os.ReadFile(*base)
		if err != nil {
			return fail(err)
		}
		if p, err = parse.Read(*base, data); err != nil {
			return fail(err)
		}
		p, err = parse.TrainLabeller(ctx, p, train, dev, opt)
	} else {
		p, err = parse.Train(ctx, train, dev, opt)
	}
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

// jackknife tags each of k folds of train with a tagger trained on the
// rest. Sentence i is in fold i%k for split 0, and in a fold picked by a
// hash of i and split for other splits.
func jackknife(ctx context.Context, env *Env, train []conllu.Sentence, k, split int) error {
	cfg := tag.DefaultTrainConfig()
	tagged := make([][]conllu.Word, len(train))
	for f := 0; f < k; f++ {
		var rest, fold []conllu.Sentence
		var idx []int
		for i := range train {
			if foldOf(i, k, split) == f {
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

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// writeTagCache writes the UPOS and XPOS of every word of ss, one word a
// line, a blank line after each sentence.
func writeTagCache(path string, ss []conllu.Sentence) error {
	var b strings.Builder
	for _, s := range ss {
		for _, w := range s.Words {
			b.WriteString(w.UPOS)
			b.WriteByte(' ')
			b.WriteString(w.XPOS)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// readTagCache sets the UPOS and XPOS of every word of ss from a file
// written by writeTagCache for the same sentences.
func readTagCache(path string, ss []conllu.Sentence) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(data), "\n")
	ln := 0
	for i := range ss {
		for j := range ss[i].Words {
			if ln >= len(lines) {
				return fmt.Errorf("%s:%d: file ends before sentence %d", path, ln+1, i+1)
			}
			up, xp, ok := strings.Cut(lines[ln], " ")
			if !ok || up == "" {
				return fmt.Errorf("%s:%d: want \"UPOS XPOS\" for word %d of sentence %d", path, ln+1, j+1, i+1)
			}
			ss[i].Words[j].UPOS, ss[i].Words[j].XPOS = up, xp
			ln++
		}
		if ln >= len(lines) || lines[ln] != "" {
			return fmt.Errorf("%s:%d: want a blank line after sentence %d", path, ln+1, i+1)
		}
		ln++
	}
	return nil
}

// foldOf is the jackknife fold of sentence i of k for split.
func foldOf(i, k, split int) int {
	if split == 0 {
		return i % k
	}
	x := uint64(i)*0x9E3779B97F4A7C15 ^ uint64(split)*0xC2B2AE3D27D4EB4F
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return int(x % uint64(k))
}
