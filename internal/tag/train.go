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
)

// TrainConfig controls training.
type TrainConfig struct {
	Seed       int64
	Iters      int     // passes over the training data
	DictFreq   int     // minimum count for a form to enter the tag dictionary
	DictPurity float64 // minimum share of the form's most frequent tag
	Prune      float32 // drop averaged weights with smaller magnitude
}

// DefaultTrainConfig reproduces the shipped model.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Seed: 1, Iters: 10, DictFreq: 20, DictPurity: 0.995, Prune: 0.01}
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
	t := &Tagger{dict: map[string]uint16{}}
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
		}
	}
	t.lem = TrainLemmatizer(lex)

	// Pre-compute words and gold classes.
	type ex struct {
		words []Word
		forms []string
		gold  []uint16
	}
	data := make([]ex, len(train))
	for i, s := range train {
		e := ex{}
		for _, w := range s.Words {
			f := NormForm(w.Form)
			e.forms = append(e.forms, f)
			e.words = append(e.words, MakeWord(f))
			e.gold = append(e.gold, classOf[w.UPOS+"\t"+w.XPOS])
		}
		data[i] = e
	}
	tr := ap.NewTrainer(nc)
	rng := rand.New(rand.NewSource(cfg.Seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, nc)
	var keys []uint32
	var pred []uint16
	none := uint16(nc)
	for it := 1; it <= cfg.Iters; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		correct, total := 0, 0
		for _, si := range order {
			e := &data[si]
			pred = pred[:0]
			for i := range e.words {
				if c, ok := t.dict[e.forms[i]]; ok {
					pred = append(pred, c)
					continue
				}
				t1, t2 := none, none
				if i > 0 {
					t1 = pred[i-1]
				}
				if i > 1 {
					t2 = pred[i-2]
				}
				keys = staticFeatures(keys[:0], e.words, i)
				keys = tagFeatures(keys, e.words, i, t1, t2)
				for j := range scores {
					scores[j] = 0
				}
				tr.Score(keys, scores)
				p := uint16(argmax(scores))
				tr.Tick()
				if p != e.gold[i] {
					tr.Update(keys, int(e.gold[i]), 1)
					tr.Update(keys, int(p), -1)
				} else {
					correct++
				}
				total++
				pred = append(pred, p)
			}
		}
		if progress != nil {
			t.model = tr.Average(cfg.Prune)
			msg := fmt.Sprintf("iter %2d  train(non-dict) %.4f", it, float64(correct)/float64(max(total, 1)))
			if len(dev) > 0 {
				s := t.Evaluate(dev)
				msg += fmt.Sprintf("  dev UPOS %.4f XPOS %.4f lemma %.4f", s.UPOS, s.XPOS, s.Lemma)
			}
			nf, nw := t.model.Features()
			fmt.Fprintf(progress, "%s  features %d weights %d  %s\n", msg, nf, nw, time.Since(start).Round(time.Second))
		}
	}
	t.model = tr.Average(cfg.Prune)
	return t, nil
}
