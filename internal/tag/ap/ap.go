// Package ap owns the averaged perceptron shared by the tagger and the
// entity recogniser: feature hashing without allocation, a sparse trainer
// with lazy weight averaging, and the compact run-time model (features keyed
// by a 32-bit hash, weights quantised to int16) with its binary encoding.
package ap

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// FNV-1a 64-bit constants.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash is a running feature hash.
type Hash uint64

// Start begins a hash for feature template t.
func Start(t byte) Hash { return Hash((offset64 ^ uint64(t)) * prime64) }

// Str mixes the bytes of s into h.
func (h Hash) Str(s string) Hash {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= prime64
	}
	return Hash(x)
}

// Lower mixes the bytes of s into h with ASCII letters lowercased.
func (h Hash) Lower(s string) Hash {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		x ^= uint64(c)
		x *= prime64
	}
	return Hash(x)
}

// Byte mixes one byte into h.
func (h Hash) Byte(b byte) Hash { return Hash((uint64(h) ^ uint64(b)) * prime64) }

// Mix mixes a 64-bit value (such as another hash) into h.
func (h Hash) Mix(v uint64) Hash {
	x := uint64(h) ^ v
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return Hash(x)
}

// Key folds h to the 32-bit key the model is indexed by.
func (h Hash) Key() uint32 {
	x := uint64(h)
	x ^= x >> 29
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 32
	return uint32(x)
}

// entry is one (class, weight) pair of a feature during training.
type entry struct {
	class uint16
	w     float32 // current weight
	total float64 // sum of weights over time, up to ts
	ts    int32   // step at which total was last brought up to date
}

// Trainer is a sparse multi-class perceptron with lazy averaging. It is not
// safe for concurrent use.
type Trainer struct {
	NClass int
	index  map[uint32]int32
	feats  [][]entry
	step   int32
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClass: n, index: make(map[uint32]int32, 1<<16)}
}

// Score adds the current weights of keys into scores (len NClass).
func (t *Trainer) Score(keys []uint32, scores []float32) {
	for _, k := range keys {
		if i, ok := t.index[k]; ok {
			for _, e := range t.feats[i] {
				scores[e.class] += e.w
			}
		}
	}
}

// Tick advances the averaging clock; call it once per training example.
func (t *Trainer) Tick() { t.step++ }

// Update adds delta to the weight of class for each key.
func (t *Trainer) Update(keys []uint32, class int, delta float32) {
	for _, k := range keys {
		i, ok := t.index[k]
		if !ok {
			i = int32(len(t.feats))
			t.index[k] = i
			t.feats = append(t.feats, nil)
		}
		es := t.feats[i]
		j := -1
		for x := range es {
			if int(es[x].class) == class {
				j = x
				break
			}
		}
		if j < 0 {
			es = append(es, entry{class: uint16(class), ts: t.step})
			j = len(es) - 1
			t.feats[i] = es
		}
		e := &es[j]
		e.total += float64(t.step-e.ts) * float64(e.w)
		e.ts = t.step
		e.w += delta
	}
}

// Average returns the run-time model with averaged weights. Weights whose
// magnitude is below prune (after averaging) are dropped, and so are
// features left without weights.
func (t *Trainer) Average(prune float32) *Model {
	type kf struct {
		key uint32
		i   int32
	}
	all := make([]kf, 0, len(t.index))
	for k, i := range t.index {
		all = append(all, kf{k, i})
	}
	sort.Slice(all, func(a, b int) bool { return all[a].key < all[b].key })
	m := &Model{NClass: t.NClass}
	m.start = append(m.start, 0)
	steps := float64(t.step)
	if steps == 0 {
		steps = 1
	}
	for _, f := range all {
		n := 0
		for _, e := range t.feats[f.i] {
			tot := e.total + float64(t.step-e.ts)*float64(e.w)
			avg := float32(tot / steps)
			if avg > prune || avg < -prune {
				m.cls = append(m.cls, e.class)
				m.w = append(m.w, avg)
				n++
			}
		}
		if n == 0 {
			continue
		}
		m.keys = append(m.keys, f.key)
		m.start = append(m.start, uint32(len(m.cls)))
	}
	m.finish()
	return m
}

// Mean returns the model whose weights are the mean of the models'
// weights (all with the same classes), for example of perceptrons trained
// on different shuffles.
func Mean(models ...*Model) *Model {
	if len(models) == 0 {
		return nil
	}
	nc := models[0].NClass
	sum := map[uint32][]float32{}
	for _, m := range models {
		for f, k := range m.keys {
			row := sum[k]
			if row == nil {
				row = make([]float32, nc)
				sum[k] = row
			}
			for j := m.start[f]; j < m.start[f+1]; j++ {
				row[m.cls[j]] += m.w[j]
			}
		}
	}
	keys := make([]uint32, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	out := &Model{NClass: nc, start: []uint32{0}}
	inv := 1 / float32(len(models))
	for _, k := range keys {
		for c, w := range sum[k] {
			if w != 0 {
				out.cls = append(out.cls, uint16(c))
				out.w = append(out.w, w*inv)
			}
		}
		out.keys = append(out.keys, k)
		out.start = append(out.start, uint32(len(out.cls)))
	}
	out.finish()
	return out
}

// Model is the run-time perceptron. It is read-only after construction and
// safe for concurrent use.
type Model struct {
	NClass int
	keys   []uint32 // sorted feature keys (for encoding)
	start  []uint32 // feature f owns cls/w[start[f]:start[f+1]]
	cls    []uint16
	w      []float32

	// Run-time view built by finish: an open-addressing table from key to
	// a reference to the feature's weights, either a dense row in rows or
	// a sparse run in ent.
	tab   []slot
	shift uint32
	ent   []entRT // sparse runs: a header entry (c = run length) then the pairs
	rows  []float32

	// For models of at most inlineClasses classes (the entity recogniser)
	// the weights sit in the table itself, so a lookup touches one cache
	// line: inl[:len(inl)-1] is the open-addressing table (key 0 marks an
	// empty cell) and inl[len(inl)-1] holds the weights of key 0, if any.
	inl     []inlSlot
	hasZero bool
}

// inlineClasses is the most classes whose weights are kept in the table.
const inlineClasses = 7

// inlSlot is one cell of an inline table (32 bytes).
type inlSlot struct {
	key uint32
	w   [inlineClasses]float32
}

// slot is one cell of the lookup table: ref is 0 when the cell is empty,
// else 1 + (off<<1 | dense) where off indexes rows (dense) or ent (sparse).
type slot struct{ key, ref uint32 }

// entRT is one sparse (class, weight) pair.
type entRT struct {
	c uint16
	w float32
}

// finish builds the run-time lookup table and dense rows.
func (m *Model) finish() {
	n := len(m.keys)
	size := 1
	bits := uint32(0)
	for size < 2*n+2 {
		size <<= 1
		bits++
	}
	m.shift = 32 - bits
	mask := uint32(size - 1)
	if m.NClass <= inlineClasses {
		m.finishInline(size)
		return
	}
	m.tab = make([]slot, size)
	m.ent = m.ent[:0]
	m.rows = m.rows[:0]
	for f, k := range m.keys {
		a, b := m.start[f], m.start[f+1]
		var ref uint32
		if int(b-a)*8 < m.NClass {
			ref = uint32(len(m.ent)) << 1
			m.ent = append(m.ent, entRT{c: uint16(b - a)})
			for j := a; j < b; j++ {
				m.ent = append(m.ent, entRT{m.cls[j], m.w[j]})
			}
		} else {
			ref = uint32(len(m.rows))<<1 | 1
			row := make([]float32, m.NClass)
			for j := a; j < b; j++ {
				row[m.cls[j]] = m.w[j]
			}
			m.rows = append(m.rows, row...)
		}
		h := (k * 0x9E3779B1) >> m.shift
		for m.tab[h].ref != 0 {
			h = (h + 1) & mask
		}
		m.tab[h] = slot{k, ref + 1}
	}
}

// finishInline builds the inline table of size cells (a power of two).
func (m *Model) finishInline(size int) {
	m.inl = make([]inlSlot, size+1)
	m.hasZero = false
	mask := uint32(size - 1)
	for f, k := range m.keys {
		var w [inlineClasses]float32
		for j := m.start[f]; j < m.start[f+1]; j++ {
			w[m.cls[j]] = m.w[j]
		}
		if k == 0 {
			m.inl[size] = inlSlot{0, w}
			m.hasZero = true
			continue
		}
		h := (k * 0x9E3779B1) >> m.shift
		for m.inl[h].key != 0 {
			h = (h + 1) & mask
		}
		m.inl[h] = inlSlot{k, w}
	}
}

// findInline returns 1 + the cell of key k in the inline table, or 0.
func (m *Model) findInline(k uint32) uint32 {
	size := uint32(len(m.inl) - 1)
	if k == 0 {
		if m.hasZero {
			return size + 1
		}
		return 0
	}
	mask := size - 1
	h := (k * 0x9E3779B1) >> m.shift
	for {
		h &= mask
		switch m.inl[h].key {
		case k:
			return h + 1
		case 0:
			return 0
		}
		h++
	}
}

// scoreInline is Score for an inline table. The class sums are kept in
// registers; each still adds the weights in key order, as Score does.
func (m *Model) scoreInline(keys []uint32, scores []float32) {
	var acc [inlineClasses]float32
	copy(acc[:], scores)
	s0, s1, s2, s3, s4, s5, s6 := acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6]
	tab := m.inl[:len(m.inl)-1]
	mask, shift := uint32(len(tab)-1), m.shift
	for _, k := range keys {
		var w *[inlineClasses]float32
		if k == 0 {
			if !m.hasZero {
				continue
			}
			w = &m.inl[len(tab)].w
		} else {
			for h := (k * 0x9E3779B1) >> shift; ; h++ {
				c := &tab[h&mask]
				if c.key == k {
					w = &c.w
					break
				}
				if c.key == 0 {
					break
				}
			}
			if w == nil {
				continue
			}
		}
		s0 += w[0]
		s1 += w[1]
		s2 += w[2]
		s3 += w[3]
		s4 += w[4]
		s5 += w[5]
		s6 += w[6]
	}
	acc = [inlineClasses]float32{s0, s1, s2, s3, s4, s5, s6}
	copy(scores, acc[:m.NClass])
}

// scoreRefsInline is ScoreRefs for an inline table (sums in registers).
func (m *Model) scoreRefsInline(refs []uint32, scores []float32) {
	var acc [inlineClasses]float32
	copy(acc[:], scores)
	s0, s1, s2, s3, s4, s5, s6 := acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6]
	for _, r := range refs {
		if r == 0 {
			continue
		}
		w := &m.inl[r-1].w
		s0 += w[0]
		s1 += w[1]
		s2 += w[2]
		s3 += w[3]
		s4 += w[4]
		s5 += w[5]
		s6 += w[6]
	}
	acc = [inlineClasses]float32{s0, s1, s2, s3, s4, s5, s6}
	copy(scores, acc[:m.NClass])
}

// find returns the weight reference of key k (see slot), or 0.
func (m *Model) find(k uint32) uint32 {
	if m.inl != nil {
		return m.findInline(k)
	}
	mask := uint32(len(m.tab) - 1)
	h := (k * 0x9E3779B1) >> m.shift
	for {
		s := m.tab[h&mask]
		if s.ref == 0 || s.key == k {
			return s.ref
		}
		h++
	}
}

// Features returns the number of features and weights in the model.
func (m *Model) Features() (features, weights int) { return len(m.keys), len(m.w) }

// Resolve appends to refs the weight reference of each key (0 when the
// model lacks it), for ScoreRefs. Looking the keys of a whole sentence up
// at once lets the memory accesses overlap.
func (m *Model) Resolve(keys []uint32, refs []uint32) []uint32 {
	if m.inl != nil {
		for _, k := range keys {
			refs = append(refs, m.findInline(k))
		}
		return refs
	}
	tab := m.tab
	mask, shift := uint32(len(tab)-1), m.shift
	for _, k := range keys {
		var r uint32
		for h := (k * 0x9E3779B1) >> shift; ; h++ {
			c := tab[h&mask]
			if c.ref == 0 || c.key == k {
				r = c.ref
				break
			}
		}
		refs = append(refs, r)
	}
	return refs
}

// Score adds the weights of keys into scores (len NClass).
func (m *Model) Score(keys []uint32, scores []float32) {
	if m.inl != nil {
		m.scoreInline(keys, scores)
		return
	}
	var buf [64]uint32
	for len(keys) > 0 {
		k := keys[:min(len(keys), len(buf))]
		keys = keys[len(k):]
		m.ScoreRefs(m.Resolve(k, buf[:0]), scores)
	}
}

// ScoreRefs adds the weights of resolved keys (see Resolve) into scores
// (len NClass), in order, so the sums equal those of Score.
func (m *Model) ScoreRefs(refs []uint32, scores []float32) {
	nc := m.NClass
	scores = scores[:nc]
	if m.inl != nil {
		m.scoreRefsInline(refs, scores)
		return
	}
	for _, r := range refs {
		if r == 0 {
			continue
		}
		r--
		off := int(r >> 1)
		if r&1 != 0 {
			addRow(scores, m.rows[off:off+nc])
			continue
		}
		n := int(m.ent[off].c)
		for _, e := range m.ent[off+1 : off+1+n] {
			scores[e.c] += e.w
		}
	}
}

// addRow adds row into dst (len(dst) >= len(row)), eight lanes at a time.
func addRow(dst, row []float32) {
	dst = dst[:len(row)]
	for len(row) >= 8 {
		d, r := dst[:8:8], row[:8:8]
		d[0] += r[0]
		d[1] += r[1]
		d[2] += r[2]
		d[3] += r[3]
		d[4] += r[4]
		d[5] += r[5]
		d[6] += r[6]
		d[7] += r[7]
		dst, row = dst[8:], row[8:]
	}
	for j, x := range row {
		dst[j] += x
	}
}

// ScoreSubset is Score for callers that only need the scores of the
// classes in cands: dense rows add only those entries (other entries of
// scores are left partial).
func (m *Model) ScoreSubset(keys []uint32, scores []float32, cands []uint16) {
	var buf [64]uint32
	for len(keys) > 0 {
		k := keys[:min(len(keys), len(buf))]
		keys = keys[len(k):]
		m.ScoreRefsSubset(m.Resolve(k, buf[:0]), scores, cands)
	}
}

// ScoreRefsSubset is ScoreSubset for resolved keys.
func (m *Model) ScoreRefsSubset(refs []uint32, scores []float32, cands []uint16) {
	if m.inl != nil {
		m.ScoreRefs(refs, scores)
		return
	}
	nc := m.NClass
	scores = scores[:nc]
	for _, r := range refs {
		if r == 0 {
			continue
		}
		r--
		off := int(r >> 1)
		if r&1 != 0 {
			row := m.rows[off : off+nc]
			for _, c := range cands {
				scores[c] += row[c]
			}
			continue
		}
		n := int(m.ent[off].c)
		for _, e := range m.ent[off+1 : off+1+n] {
			scores[e.c] += e.w
		}
	}
}

// ScoreSubset on a trainer scores every class.
func (t *Trainer) ScoreSubset(keys []uint32, scores []float32, cands []uint16) {
	t.Score(keys, scores)
}

const magic = "dyad-ap1"

// Encode writes m: weights are quantised to int16 with one scale for the
// whole model; keys are delta-coded.
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:n])
	}
	bw.WriteString(magic)
	var maxw float32
	for _, x := range m.w {
		if x < 0 {
			x = -x
		}
		if x > maxw {
			maxw = x
		}
	}
	scale := maxw / 32767
	if scale == 0 {
		scale = 1
	}
	put(uint64(m.NClass))
	put(uint64(len(m.keys)))
	put(uint64(math.Float32bits(scale)))
	prev := uint32(0)
	for f, k := range m.keys {
		put(uint64(k - prev))
		prev = k
		a, b := m.start[f], m.start[f+1]
		put(uint64(b - a))
		for j := a; j < b; j++ {
			put(uint64(m.cls[j]))
			q := int64(math.Round(float64(m.w[j] / scale)))
			put(uint64(q<<1) ^ uint64(q>>63)) // zigzag
		}
	}
	return bw.Flush()
}

// Decode reads a model written by Encode; name is used in errors.
func Decode(name string, r io.ByteReader) (*Model, error) {
	bad := func(what string, err error) error {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("%s: perceptron model: %s: %w", name, what, err)
	}
	for i := 0; i < len(magic); i++ {
		c, err := r.ReadByte()
		if err != nil {
			return nil, bad("header", err)
		}
		if c != magic[i] {
			return nil, fmt.Errorf("%s: perceptron model: bad magic", name)
		}
	}
	get := func() (uint64, error) { return binary.ReadUvarint(r) }
	nc, err := get()
	if err != nil || nc == 0 || nc > 1<<16 {
		return nil, bad("class count", errOr(err))
	}
	nf, err := get()
	if err != nil || nf > 1<<28 {
		return nil, bad("feature count", errOr(err))
	}
	sb, err := get()
	if err != nil {
		return nil, bad("scale", err)
	}
	scale := math.Float32frombits(uint32(sb))
	hint := min(nf, 1<<20) // do not trust the header for allocation sizes
	m := &Model{NClass: int(nc), keys: make([]uint32, 0, hint), start: make([]uint32, 1, hint+1)}
	prev := uint32(0)
	for f := uint64(0); f < nf; f++ {
		d, err := get()
		if err != nil {
			return nil, bad(fmt.Sprintf("feature %d", f), err)
		}
		k := prev + uint32(d)
		prev = k
		n, err := get()
		if err != nil || n > nc {
			return nil, bad(fmt.Sprintf("feature %d weights", f), errOr(err))
		}
		for j := uint64(0); j < n; j++ {
			c, err := get()
			if err != nil || c >= nc {
				return nil, bad(fmt.Sprintf("feature %d class", f), errOr(err))
			}
			z, err := get()
			if err != nil {
				return nil, bad(fmt.Sprintf("feature %d weight", f), err)
			}
			q := int64(z>>1) ^ -int64(z&1)
			m.cls = append(m.cls, uint16(c))
			m.w = append(m.w, float32(q)*scale)
		}
		if f > 0 && k == prev-uint32(d) && d == 0 {
			return nil, fmt.Errorf("%s: perceptron model: duplicate feature key", name)
		}
		m.keys = append(m.keys, k)
		m.start = append(m.start, uint32(len(m.cls)))
	}
	m.finish()
	return m, nil
}

func errOr(err error) error {
	if err != nil {
		return err
	}
	return errors.New("value out of range")
}
