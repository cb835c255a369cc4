package parse

// The arc labeller is a second stage run after the greedy parse: with the
// whole tree built, every arc h -> d is relabelled by an averaged
// perceptron over the relations, from features the transition system
// cannot see when it builds the arc: all of d's children (a "case" or
// "mark" word under d), h's other children (an auxiliary "was" next to a
// passive participle), d's place among h's children, h's own head, and
// the relation the parser gave h. Heads never change, so UAS is the
// parser's; only labels do.

// tree holds the children of every node of a parsed sentence in CSR form,
// each node's children in surface order.
type tree struct {
	off  []int32 // node i's children are kids[off[i]:off[i+1]]
	kids []int32
}

// build fills t from heads (heads[i] in 0..n for word i < n, n = root).
func (t *tree) build(heads []int32, n int) {
	t.off = grow32(t.off, n+2)
	t.kids = grow32(t.kids, n)
	for i := range t.off {
		t.off[i] = 0
	}
	for d := 0; d < n; d++ {
		if h := heads[d]; h >= 0 && int(h) <= n {
			t.off[h+1]++
		}
	}
	for i := 1; i < len(t.off); i++ {
		t.off[i] += t.off[i-1]
	}
	// fill using off[h] as a cursor, then shift back
	for d := 0; d < n; d++ {
		if h := heads[d]; h >= 0 && int(h) <= n {
			t.kids[t.off[h]] = int32(d)
			t.off[h]++
		}
	}
	for i := len(t.off) - 1; i > 0; i-- {
		t.off[i] = t.off[i-1]
	}
	t.off[0] = 0
}

func (t *tree) children(h int32) []int32 { return t.kids[t.off[h]:t.off[h+1]] }

// strHash hashes the last k bytes of w, lower-cased (ASCII), to an atom.
func suffixAtom(w string, k int) uint64 {
	if len(w) > k {
		w = w[len(w)-k:]
	}
	x := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		x = (x ^ uint64(c)) * 1099511628211
	}
	return x
}

// shapeAtom classes a word's spelling: lower, Capitalised, ALLCAPS,
// with a digit, or other (punctuation, symbols).
func shapeAtom(w string) uint64 {
	if w == "" {
		return 0
	}
	up, low, dig := 0, 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			low++
		case c >= 'A' && c <= 'Z':
			up++
		case c >= '0' && c <= '9':
			dig++
		}
	}
	switch {
	case dig > 0:
		return 4
	case up > 0 && low == 0 && len(w) > 1:
		return 3
	case w[0] >= 'A' && w[0] <= 'Z':
		return 2
	case low > 0 || w[0] >= 0x80:
		return 1
	}
	return 5
}

// labelFeatures appends to out[:0] the feature keys of arc heads[d] -> d.
// lab1 holds the parser's own relations (-1 for none), words the forms.
func labelFeatures(s *sent, words []string, heads []int32, lab1 []int16, t *tree, d int32, out []uint64) []uint64 {
	f := fx{out: out[:0]}
	n := int32(s.n)
	h := heads[d]
	dir := uint64(1)
	if d > h {
		dir = 2
	}
	dist := distBucket(min(d, h), max(d, h), s.n)
	W := func(x int32) uint64 {
		if x < 0 || x > n {
			return noneID
		}
		return uint64(s.w[x])
	}
	P := func(x int32) uint64 {
		if x < 0 || x > n {
			return noneID
		}
		return uint64(s.p[x])
	}
	L := func(x int32) uint64 {
		if x < 0 || x >= n {
			return 0
		}
		return uint64(lab1[x] + 2)
	}
	wd, pd, wh, ph := W(d), P(d), W(h), P(h)
	var hh int32 = -1
	if h < n {
		hh = heads[h]
	}
	f.f3(pd, ph, dir)
	f.f3(wd, pd, dir)
	f.f3(wh, ph, dir)
	f.f3(wd, ph, dir)
	f.f3(wh, pd, dir)
	f.f3(wd, wh, dir)
	f.f4(pd, ph, dir, dist)
	f.f3(uint64(s.u[d]), uint64(s.u[h]), dir)
	f.f3(uint64(s.a[d]), pd, dir)
	f.f3(suffixAtom(words[d], 3), pd, dir)
	f.f3(shapeAtom(words[d]), pd, ph)
	f.f4(P(hh), ph, pd, dir)
	f.f4(L(h), ph, pd, dir)
	f.f3(L(d), pd, dir)
	f.f4(L(d), pd, ph, dir)
	f.f3(P(d-1), pd, dir)
	f.f3(pd, P(d+1), dir)
	// d's place among h's children on its side, counted outward from h
	sib := t.children(h)
	pos, prev, next := uint64(0), int32(-1), int32(-1)
	for i, c := range sib {
		if c == d {
			if i > 0 {
				prev = sib[i-1]
			}
			if i+1 < len(sib) {
				next = sib[i+1]
			}
		}
		if (c < d && c > h) || (c > d && c < h) {
			pos++
		}
	}
	if pos > 3 {
		pos = 3
	}
	f.f4(pos, pd, ph, dir)
	f.f4(P(prev), P(next), pd, dir)
	// d's own children
	kids := t.children(d)
	nk := uint64(len(kids))
	if nk > 4 {
		nk = 4
	}
	f.f3(nk, pd, dir)
	var kset uint64
	for _, c := range kids {
		side := uint64(1)
		if c > d {
			side = 2
		}
		f.f4(W(c), side, pd, dir)
		f.f3(P(c), side, pd)
		f.f4(L(c), side, pd, ph)
		kset |= 1 << (L(c) & 63)
	}
	f.f3(kset, pd, dir)
	// h's other children
	var sset uint64
	for _, c := range sib {
		if c == d {
			continue
		}
		side := uint64(1)
		if c > d {
			side = 2
		}
		f.f4(W(c), side, pd, dir)
		f.f4(L(c), side, pd, ph)
		sset |= 1 << (L(c) & 63)
	}
	f.f4(sset, pd, ph, dir)
	return f.out
}

// bestLabel returns the highest-scoring relation other than root.
func bestLabel[T int32 | float32 | float64](scores []T, root int) int {
	best := -1
	for l, v := range scores {
		if l != root && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	return best
}

// relabel replaces the parser's relation of every non-root arc of the
// tree in sc.st with the labeller's.
func (p *Parser) relabel(sc *scratch, s *sent, words []string) {
	m := p.m
	n := s.n
	st := &sc.st
	sc.tr.build(st.head, n)
	if cap(sc.lab1) < n+1 {
		sc.lab1 = make([]int16, n+1)
	}
	sc.lab1 = sc.lab1[:n+1]
	copy(sc.lab1, st.label)
	for d := int32(0); int(d) < n; d++ {
		if int(st.head[d]) == n {
			continue
		}
		sc.lfeats = labelFeatures(s, words, st.head, sc.lab1, &sc.tr, d, sc.lfeats)
		if cap(sc.slots) < len(sc.lfeats) {
			sc.slots = make([]uint64, len(sc.lfeats))
		}
		m.lab.score(sc.lfeats, sc.lscores, sc.slots, sc.lacc)
		if m.labBeta == 0 {
			st.label[d] = int16(bestLabel(sc.lscores, m.rootLabel))
			continue
		}
		nl := len(m.labels)
		sc.lcomb = sc.lcomb[:0]
		ls, lb := m.lab.scale, m.labBeta*m.scale
		for l, v := range sc.arcSc[int(d)*nl : int(d+1)*nl] {
			sc.lcomb = append(sc.lcomb, ls*float32(sc.lscores[l])+lb*float32(v))
		}
		st.label[d] = int16(bestLabel(sc.lcomb, m.rootLabel))
	}
}
