package parse

// Feature templates in the style of Zhang and Nivre (2011), adapted to the
// arc-hybrid system: words and tags of s0..s2 and b0..b2, leftmost and
// rightmost children (first and second) with their labels, valency,
// distance, label sets, and tag trigrams. Every feature is hashed to a
// 64-bit key (template id mixed with the atom ids) without allocating.

const mul = 0x9E3779B97F4A7C15

func fmix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x | 1 // 0 marks an empty hash slot
}

type fx struct {
	out []uint64
	t   uint64
}

func (f *fx) f1(a uint64) {
	f.t++
	f.out = append(f.out, fmix((f.t*mul)^a))
}

func (f *fx) f2(a, b uint64) {
	f.t++
	f.out = append(f.out, fmix(((f.t*mul)^a)*mul^b))
}

func (f *fx) f3(a, b, c uint64) {
	f.t++
	f.out = append(f.out, fmix((((f.t*mul)^a)*mul^b)*mul^c))
}

func (f *fx) f4(a, b, c, d uint64) {
	f.t++
	f.out = append(f.out, fmix(((((f.t*mul)^a)*mul^b)*mul^c)*mul^d))
}

// numFeatures is an upper bound on the features per configuration.
const numFeatures = 100

// extract appends the feature keys of configuration st to out[:0].
func extract(s *sent, st *state, out []uint64) []uint64 {
	f := fx{out: out[:0]}
	W := func(x int32) uint64 {
		if x < 0 {
			return noneID
		}
		return uint64(s.w[x])
	}
	P := func(x int32) uint64 {
		if x < 0 {
			return noneID
		}
		return uint64(s.p[x])
	}
	U := func(x int32) uint64 {
		if x < 0 {
			return noneID
		}
		return uint64(s.u[x])
	}
	A := func(x int32) uint64 {
		if x < 0 {
			return noneID
		}
		return uint64(s.a[x])
	}
	L := func(x int32) uint64 {
		if x < 0 {
			return 0
		}
		return uint64(st.label[x] + 2)
	}
	C := func(x int32, a []int32) int32 {
		if x < 0 {
			return -1
		}
		return a[x]
	}
	V := func(x int32, a []int32) uint64 {
		if x < 0 {
			return 99
		}
		return uint64(a[x])
	}
	S := func(x int32, a []uint64) uint64 {
		if x < 0 {
			return 1 << 63
		}
		return a[x]
	}
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	b0, b1, b2 := st.b(0), st.b(1), st.b(2)
	ws0, ps0, ws1, ps1, ps2 := W(s0), P(s0), W(s1), P(s1), P(s2)
	wb0, pb0, wb1, pb1, wb2, pb2 := W(b0), P(b0), W(b1), P(b1), W(b2), P(b2)
	s0l1, s0l2, s0r1, s0r2 := C(s0, st.lc1), C(s0, st.lc2), C(s0, st.rc1), C(s0, st.rc2)
	s1l1, s1r1, s1r2 := C(s1, st.lc1), C(s1, st.rc1), C(s1, st.rc2)
	b0l1, b0l2 := C(b0, st.lc1), C(b0, st.lc2)
	d0 := distBucket(s0, b0, s.n)
	d1 := distBucket(s1, s0, s.n)

	// Templates whose removal did not lower dev LAS (ablation on the
	// jackknifed model) were dropped to save lookups: third words, second
	// children of s0 (right), s1 and b0, and several redundant lexical
	// conjunctions.
	// unigrams
	f.f2(ws0, ps0)
	f.f1(ws0)
	f.f1(ps0)
	f.f2(ws1, ps1)
	f.f1(ws1)
	f.f1(ps1)
	f.f2(wb0, pb0)
	f.f1(pb0)
	f.f2(wb1, pb1)
	f.f1(wb1)
	f.f1(pb1)
	f.f2(wb2, pb2)
	f.f2(U(s0), U(b0))
	f.f2(U(s1), U(s0))
	// ambiguity classes: the word's possible tags, robust to tagging errors
	as0, ab0 := A(s0), A(b0)
	f.f2(as0, ps0)
	f.f2(ab0, pb0)
	f.f2(A(b1), pb1)
	f.f2(A(s1), ps1)
	f.f2(as0, ab0)
	f.f3(as0, ab0, d0)
	// s0-b0 pairs
	f.f4(ws0, ps0, wb0, pb0)
	f.f3(ws0, ps0, pb0)
	f.f3(ps0, wb0, pb0)
	f.f2(ws0, wb0)
	f.f2(ps0, pb0)
	f.f2(pb0, pb1)
	// s1-s0 pairs
	f.f4(ws1, ps1, ws0, ps0)
	f.f3(ws1, ps1, ws0)
	f.f3(ps1, ws0, ps0)
	f.f2(ws1, ws0)
	f.f2(ps1, ps0)
	// tag trigrams
	f.f3(pb0, pb1, pb2)
	f.f3(ps0, pb0, pb1)
	f.f3(ps1, ps0, pb0)
	f.f3(ps2, ps1, ps0)
	f.f3(ps1, ps0, pb1)
	// children unigrams
	for _, c := range [...]int32{s0l1, s0r1, b0l1, s0l2} {
		f.f1(W(c))
		f.f1(P(c))
		f.f1(L(c))
	}
	f.f1(L(s1l1))
	// children in context
	f.f3(ps0, P(s0l1), P(s0l2))
	f.f3(ps0, P(s0r1), P(s0r2))
	f.f3(pb0, P(b0l1), P(b0l2))
	f.f3(ps1, P(s1r1), P(s1r2))
	f.f3(ps0, P(s0l1), pb0)
	f.f3(ps0, pb0, P(b0l1))
	f.f3(ps1, ps0, P(s0l1))
	f.f3(ps1, P(s1r1), ps0)
	f.f3(ps1, P(s1l1), ps0)
	f.f3(ps0, L(s0l1), L(s0l2))
	f.f3(ps0, L(s0r1), L(s0r2))
	f.f3(pb0, L(b0l1), L(b0l2))
	f.f3(ws0, L(s0r1), pb0)
	f.f3(ps0, L(s0l1), pb0)
	f.f3(ps1, L(s1r1), ps0)
	f.f3(ws0, ps0, L(s0l1))
	// distance
	f.f2(ps0, d0)
	f.f2(pb0, d0)
	f.f3(ps0, pb0, d0)
	f.f2(ps1, d1)
	f.f2(ws0, d1)
	f.f3(ps1, ps0, d1)
	f.f4(ps1, ps0, pb0, d0)
	// valency
	f.f2(ws0, V(s0, st.nl))
	f.f2(ps0, V(s0, st.nl))
	f.f2(ws0, V(s0, st.nr))
	f.f2(ps0, V(s0, st.nr))
	f.f2(pb0, V(b0, st.nl))
	f.f2(ps1, V(s1, st.nr))
	f.f2(ps1, V(s1, st.nl))
	f.f3(ps0, V(s0, st.nl), V(s0, st.nr))
	// label sets
	f.f2(ws0, S(s0, st.lset))
	f.f2(ps0, S(s0, st.lset))
	f.f2(ws0, S(s0, st.rset))
	f.f2(ps0, S(s0, st.rset))
	f.f2(pb0, S(b0, st.lset))
	f.f2(ps1, S(s1, st.rset))
	f.f3(ps1, S(s1, st.lset), ps0)
	// stack depth, coarse
	depth := uint64(len(st.stack))
	if depth > 4 {
		depth = 4
	}
	f.f3(depth, ps0, pb0)
	return f.out
}
