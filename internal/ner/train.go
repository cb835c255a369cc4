package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/tag/ap"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/wordclass"
)

// TrainConfig controls training.
type TrainConfig struct {
	Seed    int64
	Iters   int
	Prune   float32
	Augment float64 // share of training sentences added again in upper case and in title case
	Seeds   int     // models trained on different shuffles (seeds Seed, Seed+1, ...) and averaged
	Stack   int     // folds for the jackknifed first pass of a stacked second pass (< 2: one pass)
	Doc     bool    // train with the document context (doc.go); off in the shipped model, see DefaultTrainConfig
}

// DefaultTrainConfig reproduces the shipped model. The document context
// (Doc) is off: see doc.go for what it gained in cross-validation and lost
// on dev.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Seed: 1, Iters: 4, Prune: 0.01, Augment: 0.1, Seeds: 8}
}

// Example is one training sentence: words, their POS tags, gold IOB2
// labels and the index of its document (sentences of one document are
// consecutive and share it).
type Example struct {
	Words, UPOS, XPOS, Tags []string
	Doc                     int
}

// Examples tags the UNER sentences with tg to build training examples;
// a "# newdoc" comment starts a new document.
func Examples(tg *tag.Tagger, sents []conllu.Sentence) []Example {
	out := make([]Example, 0, len(sents))
	doc := 0
	for i := range sents {
		if sents[i].NewDoc && i > 0 {
			doc++
		}
		w := sents[i].Forms()
		up, xp, _ := tg.TagWords(w)
		out = append(out, Example{w, up, xp, sents[i].NER(), doc})
	}
	return out
}

// exampleDocs returns the document context of every example: the stats of
// its run of consecutive examples with the same Doc (nil with noDoc).
func exampleDocs(ex []Example, noDoc bool) []docStats {
	out := make([]docStats, len(ex))
	if noDoc {
		return out
	}
	for a := 0; a < len(ex); {
		b := a + 1
		for b < len(ex) && ex[b].Doc == ex[a].Doc {
			b++
		}
		words := make([][]string, 0, b-a)
		for i := a; i < b; i++ {
			words = append(words, ex[i].Words)
		}
		d := newDocStats(words)
		for i := a; i < b; i++ {
			out[i] = d
		}
		a = b
	}
	return out
}

// Score is span-level precision, recall and F1 (exact match, CoNLL style).
type Score struct {
	Gold, Pred, Correct   int
	Precision, Recall, F1 float64
	ByType                map[string]*Score `json:",omitempty"`
	Tokens                int               `json:"tokens"`
	TokensPerSec          float64           `json:"tokens_per_sec"`
}

func (s *Score) finish() {
	if s.Pred > 0 {
		s.Precision = float64(s.Correct) / float64(s.Pred)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// ScoreSpans compares predicted with gold tag sequences over PER, ORG and LOC.
func ScoreSpans(gold, pred [][]string) *Score {
	tot := &Score{ByType: map[string]*Score{}}
	for _, t := range []string{"PER", "ORG", "LOC"} {
		tot.ByType[t] = &Score{}
	}
	for k := range gold {
		type key struct {
			t    string
			a, b int
		}
		gs := map[key]bool{}
		for _, e := range Spans(gold[k]) {
			if s := tot.ByType[e.Type]; s != nil {
				gs[key{e.Type, e.Start, e.End}] = true
				s.Gold++
				tot.Gold++
			}
		}
		for _, e := range Spans(pred[k]) {
			s := tot.ByType[e.Type]
			if s == nil {
				continue
			}
			s.Pred++
			tot.Pred++
			if gs[key{e.Type, e.Start, e.End}] {
				s.Correct++
				tot.Correct++
			}
		}
		tot.Tokens += len(gold[k])
	}
	for _, s := range tot.ByType {
		s.finish()
	}
	tot.finish()
	return tot
}

// Evaluate labels the examples (model only, no rules) with their
// documents as context and scores them.
func (r *Recognizer) Evaluate(ex []Example) *Score {
	start := time.Now()
	gold, pred := r.Predict(ex)
	el := time.Since(start).Seconds()
	s := ScoreSpans(gold, pred)
	if el > 0 {
		s.TokensPerSec = float64(s.Tokens) / el
	}
	return s
}

// Predict labels the examples (model only, no rules) with their documents
// as context and returns the gold and the predicted tags.
func (r *Recognizer) Predict(ex []Example) (gold, pred [][]string) {
	gold = make([][]string, len(ex))
	pred = make([][]string, len(ex))
	docs := exampleDocs(ex, false)
	for i, e := range ex {
		gold[i] = e.Tags
		pred[i] = r.label(e.Words, e.UPOS, e.XPOS, false, docs[i])
	}
	return gold, pred
}

func labelIndex(t string) (uint8, error) {
	for i, l := range labels {
		if l == t {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("unknown NER label %q", t)
}

// caseVariant returns the words in upper case (upper) or title case.
func caseVariant(words []string, upper bool) []string {
	out := make([]string, len(words))
	for i, w := range words {
		if upper {
			out[i] = strings.ToUpper(w)
		} else if len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' && len(w) > 3 {
			out[i] = strings.ToUpper(w[:1]) + w[1:]
		} else {
			out[i] = w
		}
	}
	return out
}

// Train learns a recogniser from train (reporting dev F1 after each pass to
// progress when dev is non-empty). tg provides POS tags for augmented
// sentences; wc the word classes and g the gazetteer used for features.
// With cfg.Stack >= 2 it also learns the stacked second pass: first-pass
// models trained on cfg.Stack-1 of cfg.Stack folds label the held-out fold,
// and the second pass learns from those labels.
func Train(ctx context.Context, cfg TrainConfig, tg *tag.Tagger, wc *wordclass.Table, g *Gazetteer, train, dev []Example, progress io.Writer) (*Recognizer, error) {
	if cfg.Stack < 2 {
		return trainMean(ctx, cfg, tg, wc, g, train, dev, progress, nil)
	}
	k := cfg.Stack
	st := &stackData{prev: make([][]uint8, len(train)), folds: make([]*Recognizer, k)}
	docs := exampleDocs(train, !cfg.Doc)
	for f := 0; f < k; f++ {
		// Folds are contiguous blocks, so that a fold model has not seen
		// the other sentences of a held-out document.
		a, b := f*len(train)/k, (f+1)*len(train)/k
		in := append(append([]Example(nil), train[:a]...), train[b:]...)
		if progress != nil {
			fmt.Fprintf(progress, "first pass for fold %d/%d\n", f+1, k)
		}
		r, err := trainMean(ctx, cfg, tg, wc, g, in, nil, nil, nil)
		if err != nil {
			return nil, err
		}
		st.folds[f] = r
		for i := a; i < b; i++ {
			st.prev[i] = r.firstPass(&train[i], docs[i])
			st.fold = append(st.fold, f)
		}
	}
	if progress != nil {
		fmt.Fprintf(progress, "first pass on all of train\n")
	}
	r1, err := trainMean(ctx, cfg, tg, wc, g, train, nil, progress, nil)
	if err != nil {
		return nil, err
	}
	st.first = r1.model.m
	if progress != nil {
		fmt.Fprintf(progress, "second pass\n")
	}
	return trainMean(ctx, cfg, tg, wc, g, train, dev, progress, st)
}

// stackData is what the second pass trains from: the jackknifed first-pass
// labels of every training sentence, the fold models (to label case
// variants of a sentence) and the first-pass model that ships with it.
type stackData struct {
	first *ap.Model
	prev  [][]uint8
	fold  []int // fold of each training sentence
	folds []*Recognizer
}

// firstPass labels e with the first-pass model.
func (r *Recognizer) firstPass(e *Example, doc docStats) []uint8 {
	sc := &scratch{}
	sc.s.build(e.Words, e.UPOS, e.XPOS, r.gaz, r.model.cases, r.wc, &sc.gazBuf)
	sc.s.setDoc(doc)
	return append([]uint8(nil), r.viterbi(sc, r.model.m)...)
}

// trainMean trains cfg.Seeds perceptrons and averages them; with st it
// trains the second pass.
func trainMean(ctx context.Context, cfg TrainConfig, tg *tag.Tagger, wc *wordclass.Table, g *Gazetteer, train, dev []Example, progress io.Writer, st *stackData) (*Recognizer, error) {
	if cfg.Seeds <= 1 {
		return trainOne(ctx, cfg, tg, wc, g, train, dev, progress, st)
	}
	var ms []*ap.Model
	var r *Recognizer
	for k := 0; k < cfg.Seeds; k++ {
		c := cfg
		c.Seed = cfg.Seed + int64(k)
		if progress != nil {
			fmt.Fprintf(progress, "model %d/%d (seed %d)\n", k+1, cfg.Seeds, c.Seed)
		}
		var err error
		r, err = trainOne(ctx, c, tg, wc, g, train, dev, progress, st)
		if err != nil {
			return nil, err
		}
		ms = append(ms, r.model.trained(st != nil))
	}
	r.model.setTrained(st != nil, ap.Mean(ms...))
	if progress != nil && len(dev) > 0 {
		s := r.Evaluate(dev)
		fmt.Fprintf(progress, "mean of %d models: dev P %.4f R %.4f F1 %.4f (PER %.3f ORG %.3f LOC %.3f)\n", cfg.Seeds,
			s.Precision, s.Recall, s.F1, s.ByType["PER"].F1, s.ByType["ORG"].F1, s.ByType["LOC"].F1)
	}
	return r, nil
}

// trained returns the model being trained: the second pass or the first.
func (m *Model) trained(second bool) *ap.Model {
	if second {
		return m.second
	}
	return m.m
}

func (m *Model) setTrained(second bool, a *ap.Model) {
	if second {
		m.second = a
	} else {
		m.m = a
	}
}

func trainOne(ctx context.Context, cfg TrainConfig, tg *tag.Tagger, wc *wordclass.Table, g *Gazetteer, train, dev []Example, progress io.Writer, st *stackData) (*Recognizer, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	start := time.Now()
	rng := rand.New(rand.NewSource(cfg.Seed))
	data := append([]Example(nil), train...)
	docs := exampleDocs(train, !cfg.Doc)
	var prev [][]uint8 // first-pass labels per sentence of data (second pass only)
	if st != nil {
		prev = append(prev, st.prev...)
	}
	if cfg.Augment > 0 {
		for si, e := range train {
			for _, upper := range []bool{true, false} {
				if rng.Float64() < cfg.Augment {
					w := caseVariant(e.Words, upper)
					up, xp, _ := tg.TagWords(w)
					data = append(data, Example{w, up, xp, e.Tags, -1})
					// A case variant is a document of its own.
					var d docStats
					if cfg.Doc {
						d = newDocStats([][]string{w})
					}
					docs = append(docs, d)
					if st != nil {
						prev = append(prev, st.folds[st.fold[si]].firstPass(&data[len(data)-1], d))
					}
				}
			}
		}
	}
	gold := make([][]uint8, len(data))
	for i, e := range data {
		if len(e.Tags) != len(e.Words) || len(e.UPOS) != len(e.Words) || len(e.XPOS) != len(e.Words) {
			return nil, fmt.Errorf("ner: training sentence %d: column lengths differ", i)
		}
		for _, t := range e.Tags {
			l, err := labelIndex(t)
			if err != nil {
				return nil, fmt.Errorf("ner: training sentence %d: %w", i, err)
			}
			gold[i] = append(gold[i], l)
		}
	}
	cases := CaseProfile(train)
	tr := ap.NewTrainer(nLabels)
	r := &Recognizer{tagger: tg, wc: wc, gaz: g, model: &Model{cases: cases, wcFP: wc.Fingerprint()}, useDoc: cfg.Doc}
	if st != nil {
		r.model.m = st.first
	}
	r.pool = newPool()
	sc := &scratch{}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var k1 [1]uint32
	for it := 1; it <= cfg.Iters; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		wrong := 0
		for _, si := range order {
			e := &data[si]
			sc.s.build(e.Words, e.UPOS, e.XPOS, g, cases, wc, &sc.gazBuf)
			sc.s.setDoc(docs[si])
			if st != nil {
				sc.s.setPrev(prev[si])
			}
			pred := r.viterbi(sc, tr)
			tr.Tick()
			gd := gold[si]
			bad := false
			for i := range gd {
				gp, pp := nLabels, nLabels
				if i > 0 {
					gp, pp = int(gd[i-1]), int(pred[i-1])
				}
				if gd[i] != pred[i] {
					bad = true
					keys := sc.keys[sc.offs[i]:sc.offs[i+1]]
					tr.Update(keys, int(gd[i]), 1)
					tr.Update(keys, int(pred[i]), -1)
				}
				if gp != pp || gd[i] != pred[i] {
					k1[0] = transKey(gp)
					tr.Update(k1[:], int(gd[i]), 1)
					k1[0] = transKey(pp)
					tr.Update(k1[:], int(pred[i]), -1)
				}
			}
			if bad {
				wrong++
			}
		}
		if progress != nil {
			r.model.setTrained(st != nil, tr.Average(cfg.Prune))
			msg := ""
			if len(dev) > 0 {
				s := r.Evaluate(dev)
				msg = fmt.Sprintf("dev P %.4f R %.4f F1 %.4f (PER %.3f ORG %.3f LOC %.3f)", s.Precision, s.Recall, s.F1,
					s.ByType["PER"].F1, s.ByType["ORG"].F1, s.ByType["LOC"].F1)
			}
			nf, nw := r.model.m.Features()
			fmt.Fprintf(progress, "iter %2d  train sentences wrong %.4f  %s  features %d weights %d  %s\n", it,
				float64(wrong)/float64(len(data)), msg, nf, nw, time.Since(start).Round(time.Second))
		}
	}
	r.model.setTrained(st != nil, tr.Average(cfg.Prune))
	return r, nil
}

// Model returns the recogniser's model (for Encode).
func (r *Recognizer) Model() *Model { return r.model }

// CaseProfile counts, for every word of the training text, how often it is
// capitalised when it is not the first word of a sentence, and buckets the
// ratio (see caseBucket). Mostly capitalised sentences are skipped.
func CaseProfile(ex []Example) map[string]uint8 {
	type cnt struct{ n, up int }
	m := map[string]*cnt{}
	for _, e := range ex {
		alpha, capsN := 0, 0
		for _, w := range e.Words {
			tw := tag.MakeWord(w)
			if tw.Flags&tag.FlagAlpha != 0 {
				alpha++
				if tw.Flags&(tag.FlagUpper|tag.FlagTitle) != 0 {
					capsN++
				}
			}
		}
		if IsMostlyCapitalised(alpha, capsN) {
			continue
		}
		for i, w := range e.Words {
			if i == 0 || len(w) == 0 {
				continue
			}
			tw := tag.MakeWord(w)
			if tw.Flags&tag.FlagAlpha == 0 {
				continue
			}
			l := text.Lower(tag.NormForm(w))
			c := m[l]
			if c == nil {
				c = &cnt{}
				m[l] = c
			}
			c.n++
			if w[0] >= 'A' && w[0] <= 'Z' {
				c.up++
			}
		}
	}
	out := make(map[string]uint8, len(m))
	for w, c := range m {
		out[w] = caseBucket(c.n, c.up)
	}
	return out
}

// caseBucket maps n occurrences of which up capitalised to 1..10 (0 is
// reserved for unseen words).
func caseBucket(n, up int) uint8 {
	b := uint8(1 + min(4, up*5/n))
	if n < 3 {
		b += 5
	}
	return b
}

// JackknifeExamples builds training examples whose POS tags come from
// taggers trained on the other folds of the UD treebank ud (matched to the
// UNER sentences by sent_id), so that training sees tags as noisy as at
// run time. Sentences without a UD match are tagged with tg.
func JackknifeExamples(ctx context.Context, tg *tag.Tagger, ud, uner []conllu.Sentence, folds int) ([]Example, error) {
	fold := map[string]int{}
	for i, s := range ud {
		fold[s.ID] = i % folds
	}
	out := Examples(tg, uner)
	cfg := tag.DefaultTrainConfig()
	cfg.Folds = 0
	for f := 0; f < folds; f++ {
		var in []conllu.Sentence
		for i, s := range ud {
			if i%folds != f {
				in = append(in, s)
			}
		}
		t, err := tag.Train(ctx, cfg, in, nil, nil)
		if err != nil {
			return nil, err
		}
		for i, s := range uner {
			if k, ok := fold[s.ID]; ok && k == f {
				out[i].UPOS, out[i].XPOS, _ = t.TagWords(out[i].Words)
			}
		}
	}
	return out, nil
}

// CrossValidate scores cfg by k-fold cross-validation on ex: the folds are
// contiguous blocks whose edges are moved to the next document start, so no
// document is split; each fold is labelled by a model trained on the
// others. It returns the pooled score and the held-out gold and predicted
// tags of every example.
func CrossValidate(ctx context.Context, cfg TrainConfig, tg *tag.Tagger, wc *wordclass.Table, g *Gazetteer, ex []Example, k int, progress io.Writer) (*Score, [][]string, error) {
	if k < 2 || len(ex) < k {
		return nil, nil, fmt.Errorf("ner: cross-validation needs 2 <= folds <= %d sentences, got %d", len(ex), k)
	}
	edge := func(f int) int {
		a := f * len(ex) / k
		for a > 0 && a < len(ex) && ex[a].Doc == ex[a-1].Doc {
			a++
		}
		return a
	}
	gold := make([][]string, len(ex))
	pred := make([][]string, len(ex))
	for f := 0; f < k; f++ {
		a, b := edge(f), edge(f+1)
		if a >= b {
			continue
		}
		in := append(append([]Example(nil), ex[:a]...), ex[b:]...)
		r, err := Train(ctx, cfg, tg, wc, g, in, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		var gd, pd [][]string
		if !cfg.Doc {
			for i := a; i < b; i++ {
				gd = append(gd, ex[i].Tags)
				pd = append(pd, r.label(ex[i].Words, ex[i].UPOS, ex[i].XPOS, false, nil))
			}
		} else {
			gd, pd = r.Predict(ex[a:b])
		}
		copy(gold[a:b], gd)
		copy(pred[a:b], pd)
		if progress != nil {
			s := ScoreSpans(gd, pd)
			fmt.Fprintf(progress, "fold %d/%d (sentences %d-%d): F1 %.4f (PER %.3f ORG %.3f LOC %.3f)\n", f+1, k, a, b,
				s.F1, s.ByType["PER"].F1, s.ByType["ORG"].F1, s.ByType["LOC"].F1)
		}
	}
	return ScoreSpans(gold, pred), pred, nil
}
