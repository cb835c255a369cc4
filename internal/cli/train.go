package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
)

const trainHelp = `Usage: dyad train MODEL [flags]

Train an NLP model from the treebanks in ../shared/data and write it where
the binary embeds it. MODEL is one of:
  tagger   POS tagger and lemmatizer   dyad train tagger --seed 1
  parser   dependency parser           dyad train parser --seed 1
  ner      named-entity recogniser     dyad train ner --seed 1
  clusters word classes from GloVe     dyad train clusters --seed 1
`

func runTrain(ctx context.Context, env *Env, args []string) int {
	return subcommands(ctx, env, "train", args, map[string]func(context.Context, *Env, []string) int{
		"tagger":   runTrainTagger,
		"parser":   runTrainParser,
		"ner":      runTrainNER,
		"clusters": runTrainClusters,
	}, trainHelp)
}

// writeModel encodes a trained model and writes it to path, returning its
// size; a model is written whole or not at all.
func writeModel(path string, encode func(io.Writer) error) (int, error) {
	var buf bytes.Buffer
	if err := encode(&buf); err != nil {
		return 0, fmt.Errorf("encode: %w", err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}
