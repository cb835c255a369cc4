package parse

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
)

// labelSet is a set of arcs to label, each with its feature keys (cached:
// they depend on the tree and the parser's relations, not on the
// labeller), its gold relation (127 if the model does not know it: never
// predicted) and the parser's own label scores.
type labelSet struct {
	off   []int // arc i's keys are keys[off[i]:off[i+1]]
	keys  []uint64
	gold  []int16
	base  []float32 // per arc, nl parser scores of the labels (weights, unscaled)
	fixed int       // arcs outside the set that are right anyway (root arcs)
	words int       // words scored, for LAS
}

func (ls *labelSet) add(feats []uint64, gold int16) {
	if len(ls.off) == 0 {
		ls.off = append(ls.off, 0)
	}
	ls.keys = append(ls.keys, feats...)
	ls.off = append(ls.off, len(ls.keys))
	ls.gold = append(ls.gold, gold)
}

func (ls *labelSet) len() int { return len(ls.gold) }

func (ls *labelSet) feats(i int) []uint64 { return ls.keys[ls.off[i]:ls.off[i+1]] }

// addTree adds to ls the arcs of one parsed sentence g: heads and labs
// (final label ids) are the parse, arcSc the parser's label scores per
// dependent (nl a row, final label order) times scale. Arcs to the root
// are not relabelled: they count in ls.fixed when right. Other arcs are
// added if their head is right (only those can count for LAS).
func (ls *labelSet) addTree(m *model, g *goldSent, heads []int32, labs []int16, arcSc []float32, t *tree, feats []uint64) []uint64 {
	n := g.s.n
	nl := len(m.labels)
	t.build(heads, n)
	ls.words += n
	for d := int32(0); int(d) < n; d++ {
		h := heads[d]
		right := h == g.gh[d]
		if int(h) == n {
			if right && int(g.gl[d]) == m.rootLabel {
				ls.fixed++
			}
			continue
		}
		if !right {
			continue
		}
		feats = labelFeatures(&g.s, g.words, heads, labs, t, d, feats)
		ls.add(feats, g.gl[d])
		ls.base = append(ls.base, arcSc[int(d)*nl:int(d+1)*nl]...)
	}
	return feats
}

// foldParser parses sentences with a parser q whose vocabularies and
// relations may differ from the final model m's: trees come out in m's
// label ids.
type foldParser struct {
	q    *Parser
	sc   *scratch
	lmap []int16 // q's label id -> m's
	labs []int16
	arc  []float32
}

func newFoldParser(q *Parser, m *model) *foldParser {
	fp := &foldParser{q: q, sc: q.pool.Get().(*scratch)}
	for _, l := range q.m.labels {
		id, ok := m.labelIdx[l]
		if !ok {
			id = m.rootLabel // unreachable for labels learnt from the same data
		}
		fp.lmap = append(fp.lmap, int16(id))
	}
	return fp
}

// parse parses g and returns its heads, labels and label scores in the
// final model's label ids.
func (fp *foldParser) parse(g *goldSent, nl int) ([]int32, []int16, []float32) {
	q, sc := fp.q, fp.sc
	var s *sent
	if fp.lmap == nil {
		s = &g.s
	} else {
		q.m.encode(&sc.s, g.words, g.upos, g.xpos)
		s = &sc.s
	}
	q.parseSent(sc, s, g.words, true, false)
	n := g.s.n
	qnl := len(q.m.labels)
	fp.labs = append(fp.labs[:0], sc.st.label...)
	fp.arc = fp.arc[:0]
	for i := 0; i < (n+1)*nl; i++ {
		fp.arc = append(fp.arc, -1e9)
	}
	for d := 0; d < n; d++ {
		if fp.lmap != nil {
			fp.labs[d] = fp.lmap[sc.st.label[d]]
		}
		for l := 0; l < qnl; l++ {
			ml := l
			if fp.lmap != nil {
				ml = int(fp.lmap[l])
			}
			fp.arc[d*nl+ml] = float32(sc.arcSc[d*qnl+l]) * q.m.scale
		}
	}
	return sc.st.head, fp.labs, fp.arc
}

// encodeGold encodes sentences with their gold trees as they are (not
// projectivized; a relation the model does not know gets label 127,
// which no arc is ever given), for scoring.
func encodeGold(m *model, ss []conllu.Sentence) []goldSent {
	out := make([]goldSent, len(ss))
	var upos, xpos []string
	for i, s := range ss {
		n := len(s.Words)
		g := &out[i]
		g.words = s.Forms()
		upos, xpos = upos[:0], xpos[:0]
		for _, w := range s.Words {
			upos, xpos = append(upos, w.UPOS), append(xpos, w.XPOS)
		}
		m.encode(&g.s, g.words, upos, xpos)
		g.gh = make([]int32, n+1)
		g.gl = make([]int16, n+1)
		for j, w := range s.Words {
			h := w.Head - 1
			if h < 0 || h >= n {
				h = n
			}
			g.gh[j] = int32(h)
			g.gl[j] = 127
			if l, ok := m.labelIdx[w.Deprel]; ok {
				g.gl[j] = int16(l)
			}
		}
	}
	return out
}

// TrainLabeller returns a copy of p with an arc labeller trained for
// opt.LabelIters epochs (at least 1) on the trees p builds for train, the
// epoch with the best dev LAS. train must be tagged as p's own training
// data was (e.g. jackknifed tags) and use p's relations.
func TrainLabeller(ctx context.Context, p *Parser, train, dev []conllu.Sentence, opt Options) (*Parser, error) {
	opt.defaults()
	if opt.LabelIters < 1 {
		opt.LabelIters = 1
	}
	data, _, _, err := encodeTrain(p.m, train)
	if err != nil {
		return nil, err
	}
	lab, err := trainLabeller(ctx, p, train, data, dev, opt)
	if err != nil {
		return nil, err
	}
	m := *p.m
	m.lab, m.labBeta = lab, float32(opt.LabelBeta)
	return newParser(&m), nil
}

// trainLabeller trains the arc labeller on the trees p builds for the
// training sentences and returns the weights of the epoch with the best
// LAS on dev (the last epoch if dev is empty). The labeller is trained on
// its own; opt.LabelBeta weighs the parser's label scores added to its
// scores when labelling dev and at run time (training the labeller on
// the residual of the parser's scores did worse on dev).
func trainLabeller(ctx context.Context, p *Parser, train []conllu.Sentence, data []goldSent, dev []conllu.Sentence, opt Options) (*weights, error) {
	start := time.Now()
	nl := len(p.m.labels)
	var trainSet, devSet labelSet
	var t tree
	var feats []uint64
	if opt.LabelFolds > 1 {
		k := opt.LabelFolds
		for f := 0; f < k; f++ {
			q, err := foldModel(ctx, train, dev, f, k, opt)
			if err != nil {
				return nil, err
			}
			fp := newFoldParser(q, p.m)
			for i := range data {
				if data[i].src%k == f {
					h, l, a := fp.parse(&data[i], nl)
					feats = trainSet.addTree(p.m, &data[i], h, l, a, &t, feats)
				}
			}
			progress(opt.Progress, "labeller: fold %d/%d parsed (%s)\n", f+1, k, time.Since(start).Round(time.Second))
		}
	} else {
		fp := &foldParser{q: p, sc: p.pool.Get().(*scratch)}
		for i := range data {
			h, l, a := fp.parse(&data[i], nl)
			feats = trainSet.addTree(p.m, &data[i], h, l, a, &t, feats)
		}
	}
	if len(dev) > 0 {
		fp := &foldParser{q: p, sc: p.pool.Get().(*scratch)}
		devData := encodeGold(p.m, dev)
		for i := range devData {
			h, l, a := fp.parse(&devData[i], nl)
			feats = devSet.addTree(p.m, &devData[i], h, l, a, &t, feats)
		}
	}
	progress(opt.Progress, "labeller: %d training arcs, %d dev arcs (%s)\n", trainSet.len(), devSet.len(), time.Since(start).Round(time.Second))
	lopt := opt
	lopt.Prune = opt.LabelPrune
	lt := &trainer{idx: make(map[uint64]int32, 1<<19), opt: lopt, score: make([]float64, nl),
		rng: rand.New(rand.NewPCG(opt.Seed^0x1abe1, opt.Seed))}
	beta := opt.LabelBeta
	order := make([]int, trainSet.len())
	for i := range order {
		order[i] = i
	}
	var best *weights
	bestLAS := -1.0
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	for it := 1; it <= opt.LabelIters; it++ {
		lt.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right := 0
		for k, i := range order {
			if k%4096 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			lt.t++
			fs := trainSet.feats(i)
			lt.scoreAll(fs)
			pred := bestLabel(lt.score, p.m.rootLabel)
			g := int(trainSet.gold[i])
			if pred == g {
				right++
				continue
			}
			lt.update(fs, g, 1)
			lt.update(fs, pred, -1)
		}
		w := lt.averaged()
		w.build(nl)
		line := fmt.Sprintf("labeller epoch %2d  train-acc %.2f%%  features %d", it, pct(right, trainSet.len()), len(w.keys))
		if devSet.len() > 0 {
			las := devSet.las(&w, sc, p.m.rootLabel, float32(beta))
			line += fmt.Sprintf("  dev LAS %.2f", las)
			if las > bestLAS {
				bestLAS, best = las, &w
			}
		} else {
			best = &w
		}
		progress(opt.Progress, "%s  %s\n", line, time.Since(start).Round(time.Second))
	}
	return best, nil
}

// las is the labelled attachment score of ls labelled with w.
func (ls *labelSet) las(w *weights, sc *scratch, root int, beta float32) float64 {
	nl := len(sc.lscores)
	comb := make([]float32, nl)
	good := ls.fixed
	for i := 0; i < ls.len(); i++ {
		fs := ls.feats(i)
		if cap(sc.slots) < len(fs) {
			sc.slots = make([]uint64, len(fs))
		}
		w.score(fs, sc.lscores, sc.slots, sc.lacc)
		base := ls.base[i*nl : (i+1)*nl]
		for l := range comb {
			comb[l] = w.scale*float32(sc.lscores[l]) + beta*base[l]
		}
		if bestLabel(comb, root) == int(ls.gold[i]) {
			good++
		}
	}
	return pct(good, ls.words)
}

// foldModel returns the parser trained on every sentence of train but
// those of fold f of k (sentence i is in fold i%k), with opt and no
// labeller, choosing its epoch on dev. With opt.FoldCache it is read from
// there if an earlier run left it, and written there otherwise; the file
// name covers the options and the data sizes, not the data or the code,
// so clear the cache when those change.
func foldModel(ctx context.Context, train, dev []conllu.Sentence, f, k int, opt Options) (*Parser, error) {
	fopt := opt
	fopt.LabelIters, fopt.LabelFolds, fopt.Progress, fopt.FoldCache = 0, 0, nil, ""
	var path string
	if opt.FoldCache != "" {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d %d %d %d %g %g %d %d %d", fopt.Iters, fopt.Seed, fopt.ExploreFrom, fopt.MinWordCount, fopt.ExploreProb, fopt.Prune, fopt.MinFeature, len(train), len(dev))
		path = filepath.Join(opt.FoldCache, fmt.Sprintf("parser-fold%d-of-%d-%016x.model.gz", f+1, k, h.Sum64()))
		if data, err := os.ReadFile(path); err == nil {
			return Read(path, data)
		}
	}
	var rest []conllu.Sentence
	for i := range train {
		if i%k != f {
			rest = append(rest, train[i])
		}
	}
	q, err := Train(ctx, rest, dev, fopt)
	if err != nil {
		return nil, fmt.Errorf("fold %d of %d: %w", f+1, k, err)
	}
	if path != "" {
		var buf bytes.Buffer
		if err := q.Write(ctx, &buf); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	return q, nil
}
