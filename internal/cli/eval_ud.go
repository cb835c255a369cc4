package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
)

const evalUDHelp = `Usage: dyad eval ud [flags] FILE.conllu

Tag and parse every sentence of a CoNLL-U treebank with the embedded tagger
and parser, on the gold tokenisation, and score them against the gold
annotation. Scores are percentages over all words, punctuation included:
  upos, xpos, lemma   tagging accuracy
  uas                 unlabelled attachment score
  las                 labelled attachment score, full relation with subtype
  las_universal       LAS on the universal relation only (CoNLL 2018 scorer)
tokens_per_sec is tagger + parser throughput on one goroutine (model loading
excluded); parse_tokens_per_sec is the parser alone.

Flags:
  --json        print one JSON object instead of a table
  --gold-tags   parse with the gold UPOS/XPOS (parser upper bound)

Examples:
  dyad eval ud ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  dyad eval ud --json ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  dyad eval ud --gold-tags ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
`

type udResult struct {
	File              string  `json:"file"`
	Sentences         int     `json:"sentences"`
	Tokens            int     `json:"tokens"`
	UPOS              float64 `json:"upos"`
	XPOS              float64 `json:"xpos"`
	Lemma             float64 `json:"lemma"`
	UAS               float64 `json:"uas"`
	LAS               float64 `json:"las"`
	LASUniversal      float64 `json:"las_universal"`
	GoldTags          bool    `json:"gold_tags"`
	TokensPerSec      float64 `json:"tokens_per_sec"`
	ParseTokensPerSec float64 `json:"parse_tokens_per_sec"`
}

func runEvalUD(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("eval ud", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, evalUDHelp) }
	asJSON := fs.Bool("json", false, "JSON output")
	goldTags := fs.Bool("gold-tags", false, "parse with gold tags")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, evalUDHelp)
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "dyad eval ud: %v\n", err)
		return 1
	}
	path := fs.Arg(0)
	gold, err := conllu.ReadFile(ctx, path)
	if err != nil {
		return fail(err)
	}
	tg, err := tag.Load()
	if err != nil {
		return fail(err)
	}
	ps, err := parse.Load()
	if err != nil {
		return fail(err)
	}
	res := udResult{File: path, Sentences: len(gold), GoldTags: *goldTags}
	var sc parse.Scores
	var nu, nx, nl int
	var tagTime, parseTime time.Duration
	for i := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			return fail(ctx.Err())
		}
		words := gold[i].Forms()
		t0 := time.Now()
		up, xp, lm := tg.TagWords(words)
		t1 := time.Now()
		tagTime += t1.Sub(t0)
		for j, w := range gold[i].Words {
			if up[j] == w.UPOS {
				nu++
			}
			if xp[j] == w.XPOS {
				nx++
			}
			if lm[j] == w.Lemma {
				nl++
			}
		}
		if *goldTags {
			for j, w := range gold[i].Words {
				up[j], xp[j] = w.UPOS, w.XPOS
			}
		}
		t2 := time.Now()
		heads, deps := ps.ParseWords(words, up, xp)
		parseTime += time.Since(t2)
		sc.Add(gold[i].Words, heads, deps)
	}
	n := sc.Words
	res.Tokens = n
	if n > 0 {
		res.UPOS, res.XPOS, res.Lemma = pct100(nu, n), pct100(nx, n), pct100(nl, n)
	}
	res.UAS, res.LAS, res.LASUniversal = sc.UAS(), sc.LAS(), sc.LASUniversal()
	if d := (tagTime + parseTime).Seconds(); d > 0 {
		res.TokensPerSec = float64(n) / d
	}
	if d := parseTime.Seconds(); d > 0 {
		res.ParseTokensPerSec = float64(n) / d
	}
	if *asJSON {
		b, _ := json.MarshalIndent(res, "", "  ")
		fmt.Fprintf(env.Stdout, "%s\n", b)
		return 0
	}
	fmt.Fprintf(env.Stdout, "file            %s\nsentences       %d\ntokens          %d\n", res.File, res.Sentences, res.Tokens)
	fmt.Fprintf(env.Stdout, "UPOS            %.2f\nXPOS            %.2f\nlemma           %.2f\n", res.UPOS, res.XPOS, res.Lemma)
	tags := "predicted"
	if *goldTags {
		tags = "gold"
	}
	fmt.Fprintf(env.Stdout, "UAS             %.2f   (%s tags)\nLAS             %.2f\nLAS universal   %.2f\n", res.UAS, tags, res.LAS, res.LASUniversal)
	fmt.Fprintf(env.Stdout, "tokens/s        %.0f   (tagger + parser, one goroutine)\nparser tokens/s %.0f\n", res.TokensPerSec, res.ParseTokensPerSec)
	return 0
}

func pct100(a, b int) float64 { return 100 * float64(a) / float64(b) }
