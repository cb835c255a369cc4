package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
  --iters N    training passes (default 4)
  --folds N    jackknife folds: POS tags of the training set come from taggers
               trained on the other folds of UD EWT train (default 4)
  --augment X  share of sentences also trained in upper and title case (default 0.1)
  --seeds K    train K models (seeds N..N+K-1) and average their weights (default 8)
  --prune X    drop averaged weights whose magnitude is below X (default 0.01)
  --stack N    train a second pass on first-pass labels jackknifed over N folds
               of the training set (default 0: one pass only; see internal/ner/stack.go)
  --doc        train with the document context (internal/ner/doc.go: how the
               rest of the document writes each word); off in the shipped model
  --cv K       do not write a model: score the settings by K-fold
               cross-validation on the training set (contiguous blocks of
               whole documents) and print F1 overall and by type
  --errors F   with --cv: write the held-out sentences the model got wrong
               to F (word, gold, predicted per line)
  --cache F    keep the jackknife-tagged training set in F (gob): read it when
               F exists, else tag and write it (repeated runs skip the taggers)
  --data DIR   data directory (default ../shared/data)
  --out FILE   model file (default internal/ner/model/ner.bin.gz)

Examples:
  dyad train ner --seed 1
  dyad train ner --iters 4 --out /tmp/ner.bin.gz
  dyad train ner --cv 5 --cache /tmp/ner-train.gob
  dyad train ner --cv 5 --doc --cache /tmp/ner-train.gob
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
	fs.BoolVar(&cfg.Doc, "doc", cfg.Doc, "document context")
	cv := fs.Int("cv", 0, "cross-validation folds (0: train the model)")
	errs := fs.String("errors", "", "with --cv: file for the misses")
	cache := fs.String("cache", "", "gob file caching the jackknife-tagged training set")
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
	if fs.NArg() != 0 || cfg.Iters < 1 || *folds < 2 || cfg.Seeds < 1 || cfg.Stack == 1 || cfg.Stack < 0 || *cv == 1 || *cv < 0 {
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
	start := time.Now()
	trainEx, err := readNERCache(*cache, len(train))
	if err != nil {
		return fail(err)
	}
	if trainEx == nil {
		ud, err := conllu.ReadFile(ctx, filepath.Join(*data, "ud-ewt", "en_ewt-ud-train.conllu"))
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(env.Stderr, "POS-tagging the training set with %d jackknifed taggers\n", *folds)
		if trainEx, err = ner.JackknifeExamples(ctx, tg, ud, train, *folds); err != nil {
			return fail(err)
		}
		if err := writeNERCache(*cache, trainEx); err != nil {
			return fail(err)
		}
	}
	if *cv > 0 {
		s, pred, err := ner.CrossValidate(ctx, cfg, tg, wc, g, trainEx, *cv, env.Stderr)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(env.Stdout, "%d-fold CV on %d training sentences: P %.4f R %.4f F1 %.4f  PER %.4f ORG %.4f (P %.4f R %.4f) LOC %.4f  in %s\n",
			*cv, len(trainEx), s.Precision, s.Recall, s.F1, s.ByType["PER"].F1, s.ByType["ORG"].F1,
			s.ByType["ORG"].Precision, s.ByType["ORG"].Recall, s.ByType["LOC"].F1, time.Since(start).Round(time.Second))
		if *errs != "" {
			if err := writeNERErrors(*errs, trainEx, pred); err != nil {
				return fail(err)
			}
		}
		return 0
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

// readNERCache reads the cached training examples from path; nil when
// path is empty or absent. want is the number of training sentences.
func readNERCache(path string, want int) ([]ner.Example, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ex []ner.Example
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&ex); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(ex) != want {
		return nil, fmt.Errorf("%s: %d sentences cached, training set has %d (delete the cache)", path, len(ex), want)
	}
	return ex, nil
}

func writeNERCache(path string, ex []ner.Example) error {
	if path == "" {
		return nil
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(ex); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// writeNERErrors writes every example whose predicted tags differ from the
// gold ones: a "# sentence N" line, then word, gold and predicted tag per
// line, misses marked with "*".
func writeNERErrors(path string, ex []ner.Example, pred [][]string) error {
	var b bytes.Buffer
	for i, e := range ex {
		if slices.Equal(e.Tags, pred[i]) {
			continue
		}
		fmt.Fprintf(&b, "# sentence %d doc %d\n", i, e.Doc)
		for j, w := range e.Words {
			mark := ""
			if e.Tags[j] != pred[i][j] {
				mark = "\t*"
			}
			fmt.Fprintf(&b, "%s\t%s\t%s%s\n", w, e.Tags[j], pred[i][j], mark)
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
