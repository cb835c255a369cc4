package parse

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
)

// Options control training. The zero value of a field selects its default.
type Options struct {
	Iters        int       // training epochs (default 20)
	Seed         uint64    // shuffling and exploration seed
	ExploreFrom  int       // first epoch (1-based) that explores wrong transitions (default 2)
	ExploreProb  float64   // probability of following the model's own (possibly wrong) choice (default 0.9)
	MinWordCount int       // words seen fewer times map to the unknown word (default 2)
	Prune        float64   // drop averaged weights with |w| below this (default 0)
	MinFeature   int       // only features seen at least this often on the oracle paths get weights (default 1: all)
	Progress     io.Writer // per-epoch progress lines, nil for none
}

func (o *Options) defaults() {
	if o.Iters <= 0 {
		o.Iters = 20
	}
	if o.ExploreFrom <= 0 {
		o.ExploreFrom = 2
	}
	if o.ExploreProb == 0 {
		o.ExploreProb = 0.9
	}
	if o.MinWordCount <= 0 {
		o.MinWordCount = 2
	}
}

// Scores are attachment figures over words (punctuation included).
type Scores struct {
	Words     int // scored words
	Heads     int // correct heads
	Labelled  int // correct heads and full relations (with subtype)
	Universal int // correct heads and universal relations (subtype ignored, CoNLL 2018 LAS)
}

// UAS is the unlabelled attachment score in percent.
func (s Scores) UAS() float64 { return pct(s.Heads, s.Words) }

// LAS is the labelled attachment score in percent, full relations.
func (s Scores) LAS() float64 { return pct(s.Labelled, s.Words) }

// LASUniversal is the labelled attachment score in percent comparing only the
// universal part of each relation, as the CoNLL 2018 scorer does.
func (s Scores) LASUniversal() float64 { return pct(s.Universal, s.Words) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Add scores one parsed sentence against gold; heads are -1 for root,
// gold heads are CoNLL-U 1-based (0 = root).
func (s *Scores) Add(gold []conllu.Word, heads []int, deps []string) {
	for i, g := range gold {
		s.Words++
		if i >= len(heads) || heads[i]+1 != g.Head {
			continue
		}
		s.Heads++
		if deps[i] == g.Deprel {
			s.Labelled++
		}
		if universal(deps[i]) == universal(g.Deprel) {
			s.Universal++
		}
	}
}

func universal(l string) string {
	for i := 0; i < len(l); i++ {
		if l[i] == ':' {
			return l[:i]
		}
	}
	return l
}

// Evaluate parses every gold sentence with its own tags (UPOS, XPOS as
// they are in the words) and scores the result.
func (p *Parser) Evaluate(ctx context.Context, gold []conllu.Sentence) (Scores, error) {
	var sc Scores
	var words, upos, xpos []string
	for i := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			return sc, ctx.Err()
		}
		words, upos, xpos = words[:0], upos[:0], xpos[:0]
		for _, w := range gold[i].Words {
			words, upos, xpos = append(words, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
		}
		h, d := p.ParseWords(words, upos, xpos)
		sc.Add(gold[i].Words, h, d)
	}
	return sc, nil
}

// Projectivize lifts non-projective arcs until the tree is projective:
// the dependent of the shortest non-projective arc is re-attached to its
// head's head, repeatedly. Labels are kept as they are (no pseudo-projective
// label encoding). heads are 0-based with -1 for the root; the result is a
// new slice, and the number of lifts made is returned.
func Projectivize(heads []int) ([]int, int) {
	n := len(heads)
	h := make([]int, n)
	for i, x := range heads {
		if x < 0 {
			x = n // root at the end, as in the transition system
		}
		h[i] = x
	}
	dominates := func(a, d int) bool { // a is an ancestor of d
		for steps := 0; d != n && steps <= n; steps++ {
			if h[d] == a {
				return true
			}
			d = h[d]
		}
		return false
	}
	lifts := 0
	for lifts < 4*n {
		best, bestLen := -1, 0
		for d := 0; d < n; d++ {
			hd := h[d]
			if hd == n {
				continue
			}
			lo, hi := min(d, hd), max(d, hd)
			for k := lo + 1; k < hi; k++ {
				if !dominates(hd, k) {
					if best < 0 || hi-lo < bestLen {
						best, bestLen = d, hi-lo
					}
					break
				}
			}
		}
		if best < 0 {
			break
		}
		h[best] = h[h[best]]
		lifts++
	}
	out := make([]int, n)
	for i, x := range h {
		if x == n {
			x = -1
		}
		out[i] = x
	}
	return out, lifts
}

type tentry struct {
	a   uint8
	w   float32
	ts  int32
	tot float64
}

type trainer struct {
	allowed map[uint64]bool // nil: every feature may get a weight
	m       *model          // vocabularies only
	idx     map[uint64]int32
	rows    [][]tentry
	t       int32
	nl      int
	root    int
	opt     Options
	rng     *rand.Rand
	feats   []uint64
	score   []float64
	st      state
}

type goldSent struct {
	s  sent
	gh []int32 // gold heads, root = n
	gl []int16
}

// Train trains a parser on train (words with gold heads and relations, and
// whatever UPOS/XPOS tags the caller wants the parser to learn from: gold,
// or a tagger's predictions). After each epoch it scores dev if given, and
// returns the model of the epoch with the best dev LAS (the last epoch if
// dev is empty).
func Train(ctx context.Context, train, dev []conllu.Sentence, opt Options) (*Parser, error) {
	opt.defaults()
	if len(train) == 0 {
		return nil, fmt.Errorf("parse: no training sentences")
	}
	m, err := buildVocab(train, opt.MinWordCount)
	if err != nil {
		return nil, err
	}
	tr := &trainer{m: m, idx: make(map[uint64]int32, 1<<20), nl: len(m.labels), root: m.rootLabel, opt: opt,
		rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed)), feats: make([]uint64, 0, numFeatures),
		score: make([]float64, m.nActions())}
	data := make([]goldSent, 0, len(train))
	lifted, liftedSents := 0, 0
	var words, upos, xpos []string
	for _, s := range train {
		n := len(s.Words)
		heads := make([]int, n)
		words, upos, xpos = words[:0], upos[:0], xpos[:0]
		for i, w := range s.Words {
			heads[i] = w.Head - 1
			if w.Head < 0 || w.Head > n {
				return nil, fmt.Errorf("sentence %s (line %d): word %d has head %d outside the sentence", s.ID, s.Line, i+1, w.Head)
			}
			words, upos, xpos = append(words, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
		}
		ph, k := Projectivize(heads)
		if k > 0 {
			lifted += k
			liftedSents++
		}
		var g goldSent
		m.encode(&g.s, words, upos, xpos)
		g.gh = make([]int32, n+1)
		g.gl = make([]int16, n+1)
		roots := 0
		for i, h := range ph {
			if h < 0 {
				h = n
				roots++
			}
			g.gh[i] = int32(h)
			l, ok := m.labelIdx[s.Words[i].Deprel]
			if !ok {
				return nil, fmt.Errorf("sentence %s (line %d): unknown relation %q", s.ID, s.Line, s.Words[i].Deprel)
			}
			if (h == n) != (l == m.rootLabel) {
				l = m.rootLabel
				if h != n {
					l, _ = m.labelIdx["dep"]
				}
			}
			g.gl[i] = int16(l)
		}
		if roots != 1 {
			continue // the system builds single-rooted trees only
		}
		data = append(data, g)
	}
	progress(opt.Progress, "parse: %d training sentences, %d words in vocabulary, %d labels; %d arcs lifted in %d non-projective sentences\n",
		len(data), len(m.words), len(m.labels), lifted, liftedSents)
	if opt.MinFeature > 1 {
		tr.allowed = tr.frequentFeatures(data, opt.MinFeature)
		progress(opt.Progress, "parse: %d features seen at least %d times on the oracle paths\n", len(tr.allowed), opt.MinFeature)
	}
	start := time.Now()
	var best *Parser
	bestLAS := -1.0
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for it := 1; it <= opt.Iters; it++ {
		tr.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		explore := it >= opt.ExploreFrom
		for k, i := range order {
			if k%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r, t := tr.sentence(&data[i], explore)
			right += r
			total += t
		}
		p := newParser(tr.compact())
		line := fmt.Sprintf("epoch %2d  train-acc %.2f%%  features %d", it, pct(right, total), len(p.m.keys))
		if len(dev) > 0 {
			sc, err := p.Evaluate(ctx, dev)
			if err != nil {
				return nil, err
			}
			line += fmt.Sprintf("  dev UAS %.2f LAS %.2f (universal %.2f)", sc.UAS(), sc.LAS(), sc.LASUniversal())
			if sc.LAS() > bestLAS {
				bestLAS, best = sc.LAS(), p
			}
		} else {
			best = p
		}
		progress(opt.Progress, "%s  %s\n", line, time.Since(start).Round(time.Second))
	}
	return best, nil
}

func progress(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}

func buildVocab(train []conllu.Sentence, minCount int) (*model, error) {
	keys := func(mp map[string]bool) []string {
		var out []string
		for k := range mp {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	wc := map[string]int{}
	wt := map[string]map[string]bool{}
	xs, us, ls := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			wk := wordKey(w.Form)
			wc[wk]++
			if wt[wk] == nil {
				wt[wk] = map[string]bool{}
			}
			wt[wk][w.XPOS] = true
			xs[w.XPOS], us[w.UPOS], ls[w.Deprel] = true, true, true
		}
	}
	m := &model{}
	for w, c := range wc {
		if c >= minCount {
			m.words = append(m.words, w)
		}
	}
	sort.Strings(m.words)
	for _, w := range m.words {
		m.wordClass = append(m.wordClass, strings.Join(keys(wt[w]), "|"))
	}
	m.xpos, m.upos, m.labels = keys(xs), keys(us), keys(ls)
	if !ls["root"] {
		return nil, fmt.Errorf("parse: training data has no root relation")
	}
	if 1+2*len(m.labels) > 255 {
		return nil, fmt.Errorf("parse: %d relations, at most 127 supported", len(m.labels))
	}
	m.buildIndex()
	return m, nil
}

func (tr *trainer) scoreAll(keys []uint64) {
	for i := range tr.score {
		tr.score[i] = 0
	}
	for _, k := range keys {
		r, ok := tr.idx[k]
		if !ok {
			continue
		}
		for _, e := range tr.rows[r] {
			tr.score[e.a] += float64(e.w)
		}
	}
}

func (tr *trainer) update(keys []uint64, a int, delta float32) {
	for _, k := range keys {
		r, ok := tr.idx[k]
		if !ok {
			if tr.allowed != nil && !tr.allowed[k] {
				continue
			}
			r = int32(len(tr.rows))
			tr.idx[k] = r
			tr.rows = append(tr.rows, make([]tentry, 0, 2))
		}
		row := tr.rows[r]
		j := 0
		for j < len(row) && int(row[j].a) != a {
			j++
		}
		if j == len(row) {
			row = append(row, tentry{a: uint8(a), ts: tr.t})
			tr.rows[r] = row
		}
		e := &row[j]
		e.tot += float64(tr.t-e.ts) * float64(e.w)
		e.ts = tr.t
		e.w += delta
	}
}

const inf = 1 << 20

// frequentFeatures counts the features of the configurations on each
// sentence's oracle path and returns those seen at least min times.
func (tr *trainer) frequentFeatures(data []goldSent, min int) map[uint64]bool {
	counts := map[uint64]int32{}
	st := &tr.st
	nl, root := tr.nl, tr.root
	for i := range data {
		g := &data[i]
		st.reset(g.s.n)
		for !st.terminal() {
			tr.feats = extract(&g.s, st, tr.feats)
			for _, k := range tr.feats {
				counts[k]++
			}
			c := oracleCosts(st, g.gh, g.gl)
			shift, left, leftRoot, right := st.canDo()
			next, best := -1, inf+2
			try := func(a int) {
				if k := c.cost(a, nl); k < best {
					next, best = a, k
				}
			}
			if leftRoot {
				try(1 + root)
			}
			for l := 0; l < nl; l++ {
				if l == root {
					continue
				}
				if left {
					try(1 + l)
				}
				if right {
					try(1 + nl + l)
				}
			}
			if shift {
				try(0)
			}
			st.apply(next, nl)
		}
	}
	out := make(map[uint64]bool, len(counts)/4)
	for k, c := range counts {
		if int(c) >= min {
			out[k] = true
		}
	}
	return out
}

// sentence trains on one sentence with the dynamic oracle and returns the
// number of transitions predicted correctly (zero cost) and in total.
func (tr *trainer) sentence(g *goldSent, explore bool) (good, total int) {
	st := &tr.st
	st.reset(g.s.n)
	gh, gl := g.gh, g.gl
	nl, root := tr.nl, tr.root
	for !st.terminal() {
		tr.t++
		tr.feats = extract(&g.s, st, tr.feats)
		tr.scoreAll(tr.feats)
		shift, left, leftRoot, right := st.canDo()
		c := oracleCosts(st, gh, gl)
		cost := func(a int) int { return c.cost(a, nl) }
		pred, gold := -1, -1
		minC := inf + 2
		consider := func(a int) {
			c := cost(a)
			if pred < 0 || tr.score[a] > tr.score[pred] {
				pred = a
			}
			if c < minC || (c == minC && tr.score[a] > tr.score[gold]) {
				minC, gold = c, a
			}
		}
		if shift {
			consider(0)
		}
		if leftRoot {
			consider(1 + root)
		}
		for l := 0; l < nl; l++ {
			if l == root {
				continue
			}
			if left {
				consider(1 + l)
			}
			if right {
				consider(1 + nl + l)
			}
		}
		total++
		if cost(pred) > minC {
			tr.update(tr.feats, gold, 1)
			tr.update(tr.feats, pred, -1)
		} else {
			good++
		}
		next := gold
		if explore && tr.rng.Float64() < tr.opt.ExploreProb {
			next = pred
		}
		st.apply(next, nl)
	}
	return good, total
}

// compact averages the weights and builds the runtime model.
func (tr *trainer) compact() *model {
	T := float64(tr.t)
	maxAbs := 0.0
	avg := func(e tentry) float64 {
		return (e.tot + float64(tr.t-e.ts)*float64(e.w)) / T
	}
	for _, row := range tr.rows {
		for _, e := range row {
			maxAbs = math.Max(maxAbs, math.Abs(avg(e)))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	type kr struct {
		k uint64
		r int32
	}
	krs := make([]kr, 0, len(tr.idx))
	for k, r := range tr.idx {
		krs = append(krs, kr{k, r})
	}
	slices.SortFunc(krs, func(a, b kr) int {
		if a.k < b.k {
			return -1
		}
		if a.k > b.k {
			return 1
		}
		return 0
	})
	m := &model{labels: tr.m.labels, words: tr.m.words, wordClass: tr.m.wordClass, xpos: tr.m.xpos, upos: tr.m.upos, scale: float32(scale)}
	m.rowOff = append(m.rowOff, 0)
	prune := tr.opt.Prune
	for _, x := range krs {
		row := tr.rows[x.r]
		start := len(m.acts)
		for _, e := range row {
			v := avg(e)
			if math.Abs(v) < prune {
				continue
			}
			q := math.Round(v / scale)
			if q == 0 {
				continue
			}
			m.acts = append(m.acts, e.a)
			m.ws = append(m.ws, int16(q))
		}
		if len(m.acts) == start {
			continue
		}
		// keep entries sorted by action for a stable file
		sortRow(m.acts[start:], m.ws[start:])
		m.keys = append(m.keys, x.k)
		m.rowOff = append(m.rowOff, uint32(len(m.acts)))
	}
	m.buildIndex()
	return m
}

func sortRow(acts []uint8, ws []int16) {
	for i := 1; i < len(acts); i++ {
		for j := i; j > 0 && acts[j] < acts[j-1]; j-- {
			acts[j], acts[j-1] = acts[j-1], acts[j]
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// costs are the dynamic-oracle costs (Goldberg and Nivre 2013) of the
// three moves in a configuration: the number of gold arcs that become
// unreachable, plus one for a wrong label on a reachable arc.
type costs struct {
	shift, left, right int
	leftL, rightL      int // gold label of the arc LEFT / RIGHT would build, -1 if that arc is wrong
}

func (c *costs) cost(a, nl int) int {
	kind, l := actionKind(a, nl)
	switch kind {
	case kShift:
		return c.shift
	case kLeft:
		if c.leftL >= 0 && l != c.leftL {
			return c.left + 1
		}
		return c.left
	}
	if c.rightL >= 0 && l != c.rightL {
		return c.right + 1
	}
	return c.right
}

// oracleCosts computes the costs against gold heads gh (root = n) and
// labels gl. Illegal moves cost inf.
func oracleCosts(st *state, gh []int32, gl []int16) costs {
	n := st.n
	shift, left, leftRoot, right := st.canDo()
	s0, s1, b0 := st.s(0), st.s(1), st.b0
	c := costs{shift: inf, left: inf, right: inf, leftL: -1, rightL: -1}
	if shift {
		k := 0
		for _, d := range st.stack {
			if gh[d] == b0 {
				k++
			}
			if gh[b0] == d && d != s0 {
				k++
			}
		}
		c.shift = k
	}
	if s0 >= 0 {
		deps := 0
		for d := b0; int(d) < n; d++ {
			if gh[d] == s0 {
				deps++
			}
		}
		if left || leftRoot {
			k := deps
			if gh[s0] != b0 && (gh[s0] > b0 || gh[s0] == s1) {
				k++
			}
			c.left = k
			if gh[s0] == b0 {
				c.leftL = int(gl[s0])
			}
		}
		if right {
			k := deps
			if gh[s0] >= b0 {
				k++
			}
			c.right = k
			if gh[s0] == s1 {
				c.rightL = int(gl[s0])
			}
		}
	}
	return c
}
