package tag

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/tag/ap"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/wordclass"
)

// TrainConfig controls training.
type TrainConfig struct {
	Seed       int64
	Iters      int              // passes over the training data
	DictFreq   int              // minimum count for a form to enter the tag dictionary
	AmbFreq    int              // minimum count for a form to be restricted to the tags seen with it (0: off)
	DictPurity float64          // minimum share of the form's most frequent tag
	Prune      float32          // drop averaged weights with smaller magnitude
	Folds      int              // jackknife folds for the right-to-left first pass; < 2 means one pass
	Seeds      int              // second-pass models trained with seeds Seed, Seed+1, ... and averaged
	Classes    *wordclass.Table // word classes for features; nil: the embedded table (unless NoClasses)
	NoClasses  bool             // train without word-class features
}

// DefaultTrainConfig reproduces the shipped model.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Seed: 1, Iters: 5, DictFreq: 20, DictPurity: 0.995, AmbFreq: 10, Prune: 0.01, Folds: 4, Seeds: 3}
}

// Score is tagging accuracy on a set of sentences.
type Score struct {
	Tokens                int
	UPOS, XPOS, Lemma     float64 // accuracy, 0..1
	Seconds, TokensPerSec float64
}

// Evaluate tags the gold sentences and scores them.
func (t *Tagger) Evaluate(sents []conllu.Sentence) Score {
	var s Score
	var u, x, l int
	start := time.Now()
	for i := range sents {
		w := sents[i].Forms()
		up, xp, lm := t.TagWords(w)
		for j, g := range sents[i].Words {
			s.Tokens++
			if up[j] == g.UPOS {
				u++
			}
			if xp[j] == g.XPOS {
				x++
			}
			if lm[j] == g.Lemma {
				l++
			}
		}
	}
	s.Seconds = time.Since(start).Seconds()
	if s.Tokens > 0 {
		n := float64(s.Tokens)
		s.UPOS, s.XPOS, s.Lemma = float64(u)/n, float64(x)/n, float64(l)/n
		if s.Seconds > 0 {
			s.TokensPerSec = n / s.Seconds
		}
	}
	return s
}

// Train learns a tagger from train, reporting progress (iteration, dev
// accuracy, elapsed time) to progress after each pass when dev is non-empty.
func Train(ctx context.Context, cfg TrainConfig, train, dev []conllu.Sentence, progress io.Writer) (*Tagger, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("tag: no training sentences")
	}
	start := time.Now()
	// Classes, in a deterministic order.
	classOf := map[string]uint16{}
	var names []string
	for _, s := range train {
		for _, w := range s.Words {
			k := w.UPOS + "\t" + w.XPOS
			if _, ok := classOf[k]; !ok {
				classOf[k] = 0
				names = append(names, k)
			}
		}
	}
	sort.Strings(names)
	if cfg.Classes == nil && !cfg.NoClasses {
		wc, err := wordclass.Load()
		if err != nil {
			return nil, err
		}
		cfg.Classes = wc
	}
	if cfg.NoClasses {
		cfg.Classes = nil
	}
	t := &Tagger{dict: map[string]uint16{}, amb: map[string][]uint16{}, lower: map[string]bool{}, wc: cfg.Classes}
	for i, k := range names {
		classOf[k] = uint16(i)
		j := 0
		for k[j] != '\t' {
			j++
		}
		t.upos = append(t.upos, k[:j])
		t.xpos = append(t.xpos, k[j+1:])
	}
	nc := len(names)
	// Tag dictionary and lemmatizer.
	counts := map[string]map[uint16]int{}
	var lex []LemmaExample
	for _, s := range train {
		for _, w := range s.Words {
			f := NormForm(w.Form)
			m := counts[f]
			if m == nil {
				m = map[uint16]int{}
				counts[f] = m
			}
			m[classOf[w.UPOS+"\t"+w.XPOS]]++
			lex = append(lex, LemmaExample{w.Form, w.XPOS, w.Lemma})
		}
	}
	for f, m := range counts {
		tot, best := 0, 0
		var bc uint16
		for c, n := range m {
			tot += n
			if n > best || (n == best && c < bc) {
				best, bc = n, c
			}
		}
		if tot >= cfg.DictFreq && float64(best) >= cfg.DictPurity*float64(tot) {
			t.dict[f] = bc
		} else if cfg.AmbFreq > 0 && tot >= cfg.AmbFreq {
			var cs []uint16
			for c := range m {
				cs = append(cs, c)
			}
			sort.Slice(cs, func(a, b int) bool { return cs[a] < cs[b] })
			t.amb[f] = cs
		}
	}
	t.lem = TrainLemmatizer(lex)
	for f, m := range counts {
		tot := 0
		for _, n := range m {
			tot += n
		}
		if tot >= 2 && text.LowerASCII(f) == f && MakeWord(f).Flags&FlagAlpha != 0 {
			t.lower[f] = true
		}
	}

	// Pre-compute words and gold classes.
	data := make([]example, len(train))
	for i, s := range train {
		e := example{}
		for _, w := range s.Words {
			f := NormForm(w.Form)
			e.forms = append(e.forms, f)
			e.words = append(e.words, t.makeWord(f))
			e.gold = append(e.gold, classOf[w.UPOS+"\t"+w.XPOS])
		}
		data[i] = e
	}
	none := uint16(nc)
	// First pass (right to left): tags for the second pass's features come
	// from models that did not see the sentence (jackknifing), so that the
	// second pass learns how far to trust them.
	firstTags := make([][]uint16, len(data))
	if cfg.Folds > 1 {
		for f := 0; f < cfg.Folds; f++ {
			var in []int
			for i := range data {
				if i%cfg.Folds != f {
					in = append(in, i)
				}
			}
			m, err := t.trainPass(ctx, cfg, data, in, true, nil, nil)
			if err != nil {
				return nil, err
			}
			sc := &scratch{scores: make([]float32, nc)}
			for i := range data {
				if i%cfg.Folds == f {
					sc.words, sc.forms = data[i].words, data[i].forms
					t.lex(sc)
					firstTags[i] = t.pass(sc, m, true, nil, nil)
				}
			}
			if progress != nil {
				fmt.Fprintf(progress, "first-pass fold %d/%d done  %s\n", f+1, cfg.Folds, time.Since(start).Round(time.Second))
			}
		}
		all := make([]int, len(data))
		for i := range all {
			all[i] = i
		}
		m, err := t.trainPass(ctx, cfg, data, all, true, nil, nil)
		if err != nil {
			return nil, err
		}
		t.first = m
	}
	all := make([]int, len(data))
	for i := range all {
		all[i] = i
	}
	var ft [][]uint16
	if t.first != nil {
		ft = firstTags
	}
	_ = none
	var ms []*ap.Model
	for k := 0; k < max(1, cfg.Seeds); k++ {
		c := cfg
		c.Seed = cfg.Seed + int64(k)
		m, err := t.trainPass(ctx, c, data, all, false, ft, func(m *ap.Model) string {
			t.model = m
			msg := ""
			if len(dev) > 0 {
				s := t.Evaluate(dev)
				msg = fmt.Sprintf("dev UPOS %.4f XPOS %.4f lemma %.4f", s.UPOS, s.XPOS, s.Lemma)
			}
			nf, nw := m.Features()
			return fmt.Sprintf("%s  features %d weights %d  %s", msg, nf, nw, time.Since(start).Round(time.Second))
		}, progress)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	t.model = ms[0]
	if len(ms) > 1 {
		t.model = ap.Mean(ms...)
	}
	if len(ms) > 1 && progress != nil && len(dev) > 0 {
		s := t.Evaluate(dev)
		fmt.Fprintf(progress, "mean of %d second-pass models: dev UPOS %.4f XPOS %.4f lemma %.4f\n", len(ms), s.UPOS, s.XPOS, s.Lemma)
	}
	t.indexLexicon()
	return t, nil
}

// example is one training sentence.
type example struct {
	words []Word
	forms []string
	gold  []uint16
}

// trainPass trains one decoding pass on data[idx]. When report is non-nil
// it is called with the averaged model after each iteration and its result
// printed to progress.
func (t *Tagger) trainPass(ctx context.Context, cfg TrainConfig, data []example, idx []int, rev bool, first [][]uint16, report func(*ap.Model) string, progress ...io.Writer) (*ap.Model, error) {
	nc := len(t.upos)
	none := uint16(nc)
	tr := ap.NewTrainer(nc)
	rng := rand.New(rand.NewSource(cfg.Seed))
	order := append([]int(nil), idx...)
	scores := make([]float32, nc)
	var keys []uint32
	var pred []uint16
	for it := 1; it <= cfg.Iters; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		correct, total := 0, 0
		for _, si := range order {
			e := &data[si]
			n := len(e.words)
			pred = append(pred[:0], make([]uint16, n)...)
			var ft []uint16
			if first != nil {
				ft = first[si]
			}
			for k := 0; k < n; k++ {
				i, d := k, -1
				if rev {
					i, d = n-1-k, 1
				}
				if c, ok := t.dict[e.forms[i]]; ok {
					pred[i] = c
					continue
				}
				t1, t2 := decoded(pred, i, d, none)
				keys = passFeatures(keys[:0], e.words, i, rev, t1, t2, ft, none)
				for j := range scores {
					scores[j] = 0
				}
				tr.Score(keys, scores)
				var p uint16
				if cands := t.amb[e.forms[i]]; cands != nil {
					p = argmaxOf(scores, cands)
				} else {
					p = uint16(argmax(scores))
				}
				tr.Tick()
				if p != e.gold[i] {
					tr.Update(keys, int(e.gold[i]), 1)
					tr.Update(keys, int(p), -1)
				} else {
					correct++
				}
				total++
				pred[i] = p
			}
		}
		if report != nil && len(progress) > 0 && progress[0] != nil {
			msg := report(tr.Average(cfg.Prune))
			fmt.Fprintf(progress[0], "iter %2d  train(non-dict) %.4f  %s\n", it, float64(correct)/float64(max(total, 1)), msg)
		}
	}
	return tr.Average(cfg.Prune), nil
}
