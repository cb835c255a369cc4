package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/text"
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

With --raw, each sentence's "# text" is tokenised by internal/text instead,
and predicted tokens are aligned to gold words by character span: a gold
word counts as correct only if a predicted token has exactly its span (and,
for attachment, the right tag/head/relation, the head aligned too). Scores
are then over gold words, and tokens_f1 reports the tokenisation.

Flags:
  --json        print one JSON object instead of a table
  --gold-tags   parse with the gold UPOS/XPOS (parser upper bound; not with --raw)
  --raw         tokenise the raw sentence text with internal/text

Examples:
  dyad eval ud ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  dyad eval ud --json ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  dyad eval ud --gold-tags ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  dyad eval ud --raw --json ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
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
	Raw               bool    `json:"raw"`
	TokensF1          float64 `json:"tokens_f1,omitempty"`
	TokensPerSec      float64 `json:"tokens_per_sec"`
	ParseTokensPerSec float64 `json:"parse_tokens_per_sec"`
}

func runEvalUD(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("eval ud", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, evalUDHelp) }
	asJSON := fs.Bool("json", false, "JSON output")
	goldTags := fs.Bool("gold-tags", false, "parse with gold tags")
	raw := fs.Bool("raw", false, "tokenise the raw text")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, evalUDHelp)
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 || (*raw && *goldTags) {
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
	res := udResult{File: path, Sentences: len(gold), GoldTags: *goldTags, Raw: *raw}
	if *raw {
		return evalUDRaw(ctx, env, gold, tg, ps, res, *asJSON)
	}
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
	return printUD(env, res, *asJSON)
}

func printUD(env *Env, res udResult, asJSON bool) int {
	if asJSON {
		b, _ := json.MarshalIndent(res, "", "  ")
		fmt.Fprintf(env.Stdout, "%s\n", b)
		return 0
	}
	fmt.Fprintf(env.Stdout, "file            %s\nsentences       %d\ntokens          %d\n", res.File, res.Sentences, res.Tokens)
	fmt.Fprintf(env.Stdout, "UPOS            %.2f\nXPOS            %.2f\nlemma           %.2f\n", res.UPOS, res.XPOS, res.Lemma)
	tags := "predicted"
	if res.GoldTags {
		tags = "gold"
	}
	if res.Raw {
		tags += " tags; raw text tokenised by internal/text"
		fmt.Fprintf(env.Stdout, "tokens F1       %.2f\n", res.TokensF1)
	}
	if !res.Raw {
		tags += " tags"
	}
	fmt.Fprintf(env.Stdout, "UAS             %.2f   (%s)\nLAS             %.2f\nLAS universal   %.2f\n", res.UAS, tags, res.LAS, res.LASUniversal)
	fmt.Fprintf(env.Stdout, "tokens/s        %.0f   (tagger + parser, with --raw also tokenizer; one goroutine)\n", res.TokensPerSec)
	if res.ParseTokensPerSec > 0 {
		fmt.Fprintf(env.Stdout, "parser tokens/s %.0f\n", res.ParseTokensPerSec)
	}
	return 0
}

func pct100(a, b int) float64 { return 100 * float64(a) / float64(b) }

// goldSpans gives each gold word its byte span in the sentence text:
// words are found in order; the words of a multi-word token share the
// token's span unless their forms spell it out.
func goldSpans(s *conllu.Sentence) [][2]int {
	spans := make([][2]int, len(s.Words))
	for i := range spans {
		spans[i] = [2]int{-1, -1}
	}
	mw := map[int]conllu.MultiWord{}
	for _, m := range s.MultiWord {
		mw[m.First] = m
	}
	pos := 0
	find := func(form string) (int, bool) {
		j := strings.Index(s.Text[pos:], form)
		if j < 0 || strings.TrimSpace(s.Text[pos:pos+j]) != "" {
			return 0, false
		}
		return pos + j, true
	}
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if m, ok := mw[w.ID]; ok && m.Last >= m.First {
			start, ok := find(m.Form)
			if !ok {
				continue
			}
			end := start + len(m.Form)
			k := start
			spelled := true
			for j := i; j < len(s.Words) && s.Words[j].ID <= m.Last; j++ {
				f := s.Words[j].Form
				if !strings.HasPrefix(s.Text[k:end], f) {
					spelled = false
					break
				}
				k += len(f)
			}
			k = start
			for ; i < len(s.Words) && s.Words[i].ID <= m.Last; i++ {
				if spelled {
					spans[i] = [2]int{k, k + len(s.Words[i].Form)}
					k += len(s.Words[i].Form)
				} else {
					spans[i] = [2]int{start, end}
				}
			}
			i--
			pos = end
			continue
		}
		if start, ok := find(w.Form); ok {
			spans[i] = [2]int{start, start + len(w.Form)}
			pos = start + len(w.Form)
		}
	}
	return spans
}

func evalUDRaw(ctx context.Context, env *Env, gold []conllu.Sentence, tg *tag.Tagger, ps *parse.Parser, res udResult, asJSON bool) int {
	var nGold, nPred, nAligned, nu, nx, nl, uas, las, lasU int
	var elapsed time.Duration
	for i := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			fmt.Fprintf(env.Stderr, "dyad eval ud: %v\n", ctx.Err())
			return 1
		}
		g := &gold[i]
		nGold += len(g.Words)
		if g.Text == "" {
			continue
		}
		t0 := time.Now()
		toks := text.Tokenize(g.Text, 0)
		words := make([]string, len(toks))
		for j := range toks {
			words[j] = toks[j].Form()
		}
		up, xp, lm := tg.TagWords(words)
		heads, deps := ps.ParseWords(words, up, xp)
		elapsed += time.Since(t0)
		nPred += len(toks)
		predAt := map[[2]int]int{}
		for j, t := range toks {
			predAt[[2]int{t.Start, t.End}] = j
		}
		spans := goldSpans(g)
		goldToPred := make([]int, len(g.Words))
		for j, sp := range spans {
			goldToPred[j] = -1
			if k, ok := predAt[sp]; ok && sp[0] >= 0 {
				goldToPred[j] = k
			}
		}
		for j, w := range g.Words {
			k := goldToPred[j]
			if k < 0 {
				continue
			}
			nAligned++
			if up[k] == w.UPOS {
				nu++
			}
			if xp[k] == w.XPOS {
				nx++
			}
			if lm[k] == w.Lemma {
				nl++
			}
			headOK := (w.Head == 0 && heads[k] == -1) || (w.Head > 0 && w.Head <= len(g.Words) && heads[k] >= 0 && goldToPred[w.Head-1] == heads[k])
			if headOK {
				uas++
				if deps[k] == w.Deprel {
					las++
				}
				if udUniversal(deps[k]) == udUniversal(w.Deprel) {
					lasU++
				}
			}
		}
	}
	res.Tokens = nGold
	if nGold > 0 {
		res.UPOS, res.XPOS, res.Lemma = pct100(nu, nGold), pct100(nx, nGold), pct100(nl, nGold)
		res.UAS, res.LAS, res.LASUniversal = pct100(uas, nGold), pct100(las, nGold), pct100(lasU, nGold)
	}
	if nPred+nGold > 0 {
		res.TokensF1 = 100 * 2 * float64(nAligned) / float64(nPred+nGold)
	}
	if d := elapsed.Seconds(); d > 0 {
		res.TokensPerSec = float64(nPred) / d
	}
	return printUD(env, res, asJSON)
}

func udUniversal(l string) string {
	if i := strings.IndexByte(l, ':'); i >= 0 {
		return l[:i]
	}
	return l
}
