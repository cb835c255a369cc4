package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the artificial root placed at the END of the buffer (Ballesteros
// and Nivre 2013). Words are 0..n-1, the root is n. Actions:
//
//	SHIFT      push b0 onto the stack
//	LEFT(l)    s0 <- b0 with label l, pop s0
//	RIGHT(l)   s1 -> s0 with label l, pop s0
//
// LEFT onto the root is allowed only when the stack holds a single word and
// only with the label "root", so every tree has exactly one root word.

const (
	noneID  = 1 // atom id for "no such position"
	rootID  = 2 // atom id of the artificial root
	unkID   = 0 // atom id of an unknown word or tag
	firstID = 3
)

// sent is a sentence encoded as atom ids; index n is the root.
type sent struct {
	n int
	w []int32 // word ids
	p []int32 // XPOS ids
	u []int32 // UPOS ids
	a []int32 // ambiguity class ids (the XPOS tags the word had in training)
}

func (s *sent) reset(n int) {
	s.n = n
	s.w = grow32(s.w, n+1)
	s.p = grow32(s.p, n+1)
	s.u = grow32(s.u, n+1)
	s.a = grow32(s.a, n+1)
	s.w[n], s.p[n], s.u[n], s.a[n] = rootID, rootID, rootID, rootID
}

func grow32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

// state is a parser configuration.
type state struct {
	n                  int
	stack              []int32
	b0                 int32
	head               []int32 // -1 = not attached yet; n = root
	label              []int16 // -1 = not attached yet
	lc1, lc2, rc1, rc2 []int32 // leftmost/second leftmost, rightmost/second rightmost children
	nl, nr             []int32 // number of left / right children
	lset, rset         []uint64
}

func (st *state) reset(n int) {
	st.n = n
	st.stack = st.stack[:0]
	st.b0 = 0
	st.head = grow32(st.head, n+1)
	if cap(st.label) < n+1 {
		st.label = make([]int16, n+1)
	}
	st.label = st.label[:n+1]
	st.lc1 = grow32(st.lc1, n+1)
	st.lc2 = grow32(st.lc2, n+1)
	st.rc1 = grow32(st.rc1, n+1)
	st.rc2 = grow32(st.rc2, n+1)
	st.nl = grow32(st.nl, n+1)
	st.nr = grow32(st.nr, n+1)
	if cap(st.lset) < n+1 {
		st.lset = make([]uint64, n+1)
		st.rset = make([]uint64, n+1)
	}
	st.lset, st.rset = st.lset[:n+1], st.rset[:n+1]
	for i := 0; i <= n; i++ {
		st.head[i], st.label[i] = -1, -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
}

func (st *state) terminal() bool { return int(st.b0) == st.n && len(st.stack) == 0 }

func (st *state) s(i int) int32 {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return -1
}

func (st *state) b(i int) int32 {
	if j := int(st.b0) + i; j <= st.n {
		return int32(j)
	}
	return -1
}

func (st *state) addArc(h, d int32, l int) {
	st.head[d] = h
	st.label[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		st.nl[h]++
		st.lset[h] |= bit
		if st.lc1[h] < 0 || d < st.lc1[h] {
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		} else if st.lc2[h] < 0 || d < st.lc2[h] {
			st.lc2[h] = d
		}
	} else {
		st.nr[h]++
		st.rset[h] |= bit
		if st.rc1[h] < 0 || d > st.rc1[h] {
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		} else if st.rc2[h] < 0 || d > st.rc2[h] {
			st.rc2[h] = d
		}
	}
}

// Action encoding: 0 = SHIFT, 1+l = LEFT(l), 1+L+l = RIGHT(l).
const (
	kShift = iota
	kLeft
	kRight
)

func actionKind(a, nl int) (kind, label int) {
	switch {
	case a == 0:
		return kShift, -1
	case a <= nl:
		return kLeft, a - 1
	default:
		return kRight, a - 1 - nl
	}
}

// canDo reports which of the three moves are legal.
func (st *state) canDo() (shift, left, leftRoot, right bool) {
	ns := len(st.stack)
	atRoot := int(st.b0) == st.n
	shift = !atRoot
	left = ns >= 1 && !atRoot
	leftRoot = ns == 1 && atRoot
	right = ns >= 2
	return
}

func (st *state) apply(a, nLabels int) {
	kind, l := actionKind(a, nLabels)
	switch kind {
	case kShift:
		st.stack = append(st.stack, st.b0)
		st.b0++
	case kLeft:
		s0 := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.addArc(st.b0, s0, l)
	case kRight:
		s0 := st.stack[len(st.stack)-1]
		s1 := st.stack[len(st.stack)-2]
		st.stack = st.stack[:len(st.stack)-1]
		st.addArc(s1, s0, l)
	}
}

// forced returns the only legal action when there is just one (SHIFT on
// an empty stack, or attaching the last stack word to the root), else -1;
// such steps need no scoring.
func forced(st *state, rootLabel int) int {
	ns := len(st.stack)
	atRoot := int(st.b0) == st.n
	switch {
	case ns == 0 && !atRoot:
		return 0
	case ns == 1 && atRoot:
		return 1 + rootLabel
	}
	return -1
}

// bestAction returns the highest-scoring legal action.
func bestAction[T int32 | float64](st *state, scores []T, nLabels, rootLabel int) int {
	shift, left, leftRoot, right := st.canDo()
	best, bestA := T(0), -1
	if shift {
		best, bestA = scores[0], 0
	}
	if leftRoot {
		a := 1 + rootLabel
		if bestA < 0 || scores[a] > best {
			best, bestA = scores[a], a
		}
	}
	if left {
		for l := 0; l < nLabels; l++ {
			if l == rootLabel {
				continue
			}
			if a := 1 + l; bestA < 0 || scores[a] > best {
				best, bestA = scores[a], a
			}
		}
	}
	if right {
		for l := 0; l < nLabels; l++ {
			if l == rootLabel {
				continue
			}
			if a := 1 + nLabels + l; bestA < 0 || scores[a] > best {
				best, bestA = scores[a], a
			}
		}
	}
	return bestA
}

// distBucket buckets a surface distance.
func distBucket(a, b int32, n int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	if int(b) == n || int(a) == n {
		return 9
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}
