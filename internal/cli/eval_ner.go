package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/ner"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/wordclass"
)

const evalNERHelp = `Usage: dyad eval ner [--json] FILE.iob2

Score the named-entity recogniser against a UNER IOB2 file (gold
tokenisation): exact-span precision, recall and F1 over PER, ORG and LOC,
overall and per type (CoNLL style). Each document ("# newdoc" comment) is
labelled whole, as the pipeline labels a document. The rule layer (DATE, MONEY, ...) is
not scored: UNER does not annotate those types.

Flags:
  --json         print one JSON object instead of a table
  --model FILE   score this model file (from dyad train ner) instead of the
                 embedded one
  --sentences    label every sentence on its own (no document context)

Examples:
  dyad eval ner ../shared/data/uner-ewt/en_ewt-ud-dev.iob2
  dyad eval ner --json ../shared/data/uner-ewt/en_ewt-ud-dev.iob2
  dyad eval ner --model /tmp/ner.bin.gz ../shared/data/uner-ewt/en_ewt-ud-dev.iob2
`

func runEvalNER(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, evalNERHelp) }
	asJSON := fs.Bool("json", false, "JSON output")
	modelFile := fs.String("model", "", "model file (default: the embedded model)")
	single := fs.Bool("sentences", false, "no document context")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, evalNERHelp)
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	sents, err := conllu.ReadFile(ctx, fs.Arg(0))
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval ner: %v\n", err)
		return 1
	}
	r, err := loadNER(*modelFile)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval ner: %v\n", err)
		return 1
	}
	gold := make([][]string, len(sents))
	pred := make([][]string, 0, len(sents))
	start := time.Now()
	// Documents ("# newdoc") are labelled whole: each sentence sees how the
	// rest of its document writes its words.
	for a := 0; a < len(sents); {
		if ctx.Err() != nil {
			fmt.Fprintf(env.Stderr, "dyad eval ner: %v\n", ctx.Err())
			return 1
		}
		b := a + 1
		for b < len(sents) && !sents[b].NewDoc && !*single {
			b++
		}
		doc := make([][]string, 0, b-a)
		for i := a; i < b; i++ {
			gold[i] = sents[i].NER()
			doc = append(doc, sents[i].Forms())
		}
		pred = append(pred, r.RecognizeDocument(doc, false)...)
		a = b
	}
	el := time.Since(start).Seconds()
	s := ner.ScoreSpans(gold, pred)
	if el > 0 {
		s.TokensPerSec = float64(s.Tokens) / el
	}
	if *asJSON {
		type typ struct {
			Precision float64 `json:"precision"`
			Recall    float64 `json:"recall"`
			F1        float64 `json:"f1"`
			Gold      int     `json:"gold"`
			Pred      int     `json:"pred"`
			Correct   int     `json:"correct"`
		}
		out := struct {
			File         string         `json:"file"`
			typ                         // the overall figures, flattened into the object
			Types        map[string]typ `json:"types"`
			Sentences    int            `json:"sentences"`
			Tokens       int            `json:"tokens"`
			TokensPerSec float64        `json:"tokens_per_sec"`
		}{File: fs.Arg(0), typ: typ{s.Precision, s.Recall, s.F1, s.Gold, s.Pred, s.Correct},
			Types: map[string]typ{}, Sentences: len(sents), Tokens: s.Tokens, TokensPerSec: s.TokensPerSec}
		for k, v := range s.ByType {
			out.Types[k] = typ{v.Precision, v.Recall, v.F1, v.Gold, v.Pred, v.Correct}
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
		return 0
	}
	fmt.Fprintf(env.Stdout, "%-6s %9s %9s %9s %6s %6s %7s\n", "type", "precision", "recall", "f1", "gold", "pred", "correct")
	for _, k := range []string{"PER", "ORG", "LOC"} {
		v := s.ByType[k]
		fmt.Fprintf(env.Stdout, "%-6s %9.4f %9.4f %9.4f %6d %6d %7d\n", k, v.Precision, v.Recall, v.F1, v.Gold, v.Pred, v.Correct)
	}
	fmt.Fprintf(env.Stdout, "%-6s %9.4f %9.4f %9.4f %6d %6d %7d\n", "all", s.Precision, s.Recall, s.F1, s.Gold, s.Pred, s.Correct)
	fmt.Fprintf(env.Stdout, "%d sentences, %d tokens, %.0f tokens/s (tagger + NER)\n", len(sents), s.Tokens, s.TokensPerSec)
	return 0
}

// loadNER returns the embedded recogniser, or one with the model in path
// over the embedded tagger, word classes and gazetteer.
func loadNER(path string) (*ner.Recognizer, error) {
	if path == "" {
		return ner.Load()
	}
	tg, err := tag.Load()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Decode(path, bufio.NewReader(f))
	if err != nil {
		return nil, err
	}
	wc := tg.WordClasses()
	if wc == nil {
		if wc, err = wordclass.Load(); err != nil {
			return nil, err
		}
	}
	g, err := ner.DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	return ner.New(tg, wc, m, g), nil
}
