package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strings"
)

const magic = "DYADPARSE3\n"

// model is the compact runtime form: vocabularies and a sparse weight
// matrix (one row per feature key, holding only the actions whose weight
// is non-zero) with int16 weights.
type model struct {
	labels    []string
	labelIdx  map[string]int
	rootLabel int
	words     []string // ids from firstID
	wordClass []string // per word: its ambiguity class, the XPOS tags seen with it joined by "|"
	classOf   []int32  // per word id: ambiguity class id
	xpos      []string
	upos      []string
	wordIdx   map[string]int32
	xposIdx   map[string]int32
	uposIdx   map[string]int32

	keys   []uint64 // sorted feature keys
	rowOff []uint32 // len(keys)+1
	acts   []uint8
	ws     []int16
	scale  float32 // weight = ws * scale

	// Runtime index: an open-addressing table of 16-byte slots, less than
	// a third full, probed first within the key's 4-slot (64-byte) bucket
	// (see nextSlot) so that a lookup usually touches one cache line. A slot's first word holds a 31-bit
	// fingerprint of the key (high half, low bit forced to 1 so that 0
	// means empty) and the offset of the row's label weights in ent; its
	// second word holds the row's three move weights (see weight layout
	// below) and the number of LEFT and RIGHT label weights, which follow
	// each other in ent as label<<16|uint16(w).
	table []slot
	mask  uint64
	ent   []uint32
}

type slot struct {
	key   uint64 // fingerprint<<32 | offset in ent
	moves uint64 // int16 SHIFT, LEFT, RIGHT move weights, uint8 LEFT and RIGHT label counts
}

// Weight layout. The model is factored: a move classifier (SHIFT, LEFT,
// RIGHT) and, for the chosen arc move only, a label classifier for that
// direction. Both share the feature keys. Weight index 0 is the SHIFT
// move, 1+l the label l of a LEFT arc, 1+L+l the label l of a RIGHT arc
// (the runtime action encoding, see actionKind), 1+2L the LEFT move and
// 2+2L the RIGHT move.
func (m *model) moveLeft() int  { return 1 + 2*len(m.labels) }
func (m *model) moveRight() int { return 2 + 2*len(m.labels) }
func (m *model) nWeights() int  { return 3 + 2*len(m.labels) }

func (m *model) nActions() int { return 1 + 2*len(m.labels) }

func (m *model) buildIndex() {
	m.labelIdx = make(map[string]int, len(m.labels))
	m.rootLabel = -1
	for i, l := range m.labels {
		m.labelIdx[l] = i
		if l == "root" {
			m.rootLabel = i
		}
	}
	idx := func(vs []string) map[string]int32 {
		mp := make(map[string]int32, len(vs))
		for i, v := range vs {
			mp[v] = int32(i + firstID)
		}
		return mp
	}
	m.wordIdx, m.xposIdx, m.uposIdx = idx(m.words), idx(m.xpos), idx(m.upos)
	m.classOf = make([]int32, len(m.words)+firstID)
	classes := map[string]int32{}
	for i, c := range m.wordClass {
		if i >= len(m.words) {
			break
		}
		id, ok := classes[c]
		if !ok {
			id = int32(len(classes) + firstID)
			classes[c] = id
		}
		m.classOf[i+firstID] = id
	}
	size := 1 << bits.Len(uint(3*len(m.keys)+1))
	if size < 4 {
		size = 4
	}
	m.table = make([]slot, size)
	m.mask = uint64(size - 1)
	m.ent = m.ent[:0]
	nl, ml, mr := len(m.labels), m.moveLeft(), m.moveRight()
	for r, k := range m.keys {
		var mv [3]int16
		var nLeft, nRight uint64
		off := uint64(len(m.ent))
		for j := m.rowOff[r]; j < m.rowOff[r+1]; j++ {
			a, w := int(m.acts[j]), m.ws[j]
			switch {
			case a == 0:
				mv[0] = w
			case a == ml:
				mv[1] = w
			case a == mr:
				mv[2] = w
			case a <= nl:
				nLeft++
			}
		}
		// LEFT labels first, then RIGHT, whatever the order in the file
		for j := m.rowOff[r]; j < m.rowOff[r+1]; j++ {
			if a := int(m.acts[j]); a >= 1 && a <= nl {
				m.ent = append(m.ent, pack(m.acts[j], m.ws[j]))
			}
		}
		for j := m.rowOff[r]; j < m.rowOff[r+1]; j++ {
			if a := int(m.acts[j]); a > nl && a < ml {
				m.ent = append(m.ent, pack(m.acts[j], m.ws[j]))
				nRight++
			}
		}
		i := k & m.mask
		for m.table[i].key != 0 {
			i = nextSlot(i, k, m.mask)
		}
		m.table[i] = slot{fingerprint(k)<<32 | off,
			uint64(uint16(mv[0])) | uint64(uint16(mv[1]))<<16 | uint64(uint16(mv[2]))<<32 | nLeft<<48 | nRight<<56}
	}
}

// nextSlot is the probe sequence of key k: the other slots of its
// 4-slot bucket in turn, then the following buckets.
func nextSlot(i, k, mask uint64) uint64 {
	if (i+1)&3 != k&3 {
		return i&^3 | (i+1)&3
	}
	return (i&^3 + 4 + k&3) & mask
}

func fingerprint(k uint64) uint64 { return k>>32 | 1 }

func pack(a uint8, w int16) uint32 { return uint32(a)<<16 | uint32(uint16(w)) }

// scoreMoves looks up every feature in keys, returns the summed SHIFT,
// LEFT and RIGHT move scores, and leaves in rows, for each row found that
// has label weights, its offset in ent<<16 | LEFT count<<8 | RIGHT count.
// The slots are first loaded in a tight loop of independent reads, so
// that the CPU overlaps their cache misses, then resolved.
func (m *model) scoreMoves(keys []uint64, slots []slot, rows []uint64) (mv [3]int32, found []uint64) {
	tab, mask := m.table, m.mask
	slots = slots[:len(keys)]
	for j, k := range keys {
		slots[j] = tab[k&mask]
	}
	rows = rows[:0]
	for j, k := range keys {
		sl := slots[j]
		fp := fingerprint(k)
		if sl.key>>32 != fp {
			if sl.key == 0 {
				continue
			}
			i := k & mask
			for {
				i = nextSlot(i, k, mask)
				sl = tab[i]
				if sl.key == 0 || sl.key>>32 == fp {
					break
				}
			}
			if sl.key == 0 {
				continue
			}
		}
		mv[0] += int32(int16(sl.moves))
		mv[1] += int32(int16(sl.moves >> 16))
		mv[2] += int32(int16(sl.moves >> 32))
		if n := sl.moves >> 48; n != 0 {
			rows = append(rows, uint64(uint32(sl.key))<<16|n)
		}
	}
	return mv, rows
}

// bestLabel returns the weight index (the action) of the best label for
// an arc in direction right (false: LEFT) from the rows found, never the
// root label. scores is scratch of at least nWeights entries.
func (m *model) bestLabel(rows []uint64, right bool, scores []int32) int {
	nl := len(m.labels)
	base := 1
	if right {
		base = 1 + nl
	}
	sc := scores[base : base+nl]
	for i := range sc {
		sc[i] = 0
	}
	ent := m.ent
	for _, r := range rows {
		lo, nLeft, nRight := r>>16, r&0xff, r>>8&0xff
		hi := lo + nLeft
		if right {
			lo, hi = hi, hi+nRight
		}
		for _, e := range ent[lo:hi] {
			scores[e>>16] += int32(int16(e))
		}
	}
	best := -1
	for l, v := range sc {
		if l == m.rootLabel {
			continue
		}
		if best < 0 || v > sc[best] {
			best = l
		}
	}
	return base + best
}

// wordKey is the vocabulary form of a word: lower-cased, digits folded.
func wordKey(w string) string {
	lower := true
	digit := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			lower = false
		}
		if c >= '0' && c <= '9' {
			digit = true
		}
	}
	if lower && !digit {
		return w
	}
	w = strings.ToLower(w)
	if digit {
		b := []byte(w)
		for i, c := range b {
			if c >= '0' && c <= '9' {
				b[i] = '0'
			}
		}
		w = string(b)
	}
	return w
}

// encode fills s from words and tags.
func (m *model) encode(s *sent, words, upos, xpos []string) {
	n := len(words)
	s.reset(n)
	for i := 0; i < n; i++ {
		id, ok := m.wordIdx[wordKey(words[i])]
		if !ok {
			id = unkID
		}
		s.w[i] = id
		s.a[i] = m.classOf[id]
		s.p[i], s.u[i] = unkID, unkID
		if i < len(xpos) {
			if id, ok := m.xposIdx[xpos[i]]; ok {
				s.p[i] = id
			}
		}
		if i < len(upos) {
			if id, ok := m.uposIdx[upos[i]]; ok {
				s.u[i] = id
			}
		}
	}
}

func writeStrings(w *bufio.Writer, ss []string) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], uint64(len(ss)))])
	for _, s := range ss {
		w.Write(b[:binary.PutUvarint(b[:], uint64(len(s)))])
		w.WriteString(s)
	}
}

// MarshalBinary writes the model as gzip-compressed binary.
func (m *model) marshal(out io.Writer) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	w.WriteString(magic)
	for _, ss := range [][]string{m.labels, m.words, m.wordClass, m.xpos, m.upos} {
		writeStrings(w, ss)
	}
	var b [binary.MaxVarintLen64]byte
	binary.Write(w, binary.LittleEndian, math.Float32bits(m.scale))
	w.Write(b[:binary.PutUvarint(b[:], uint64(len(m.keys)))])
	prev := uint64(0)
	for _, k := range m.keys { // sorted: delta-encode
		w.Write(b[:binary.PutUvarint(b[:], k-prev)])
		prev = k
	}
	for r := range m.keys {
		w.WriteByte(byte(m.rowOff[r+1] - m.rowOff[r]))
	}
	w.Write(m.acts)
	for _, v := range m.ws {
		w.Write(b[:binary.PutVarint(b[:], int64(v))])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func readStrings(r *bufio.Reader) ([]string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > 1<<24 {
		return nil, errors.New("string table too large")
	}
	ss := make([]string, 0, n)
	var buf []byte
	for i := uint64(0); i < n; i++ {
		l, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if l > 1<<16 {
			return nil, errors.New("string too long")
		}
		if uint64(cap(buf)) < l {
			buf = make([]byte, l)
		}
		buf = buf[:l]
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		ss = append(ss, string(buf))
	}
	return ss, nil
}

// unmarshal reads a model written by marshal; name is used in errors.
func unmarshal(name string, data []byte) (*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r := bufio.NewReaderSize(zr, 1<<16)
	m, err := readModel(r)
	if err != nil {
		return nil, fmt.Errorf("%s: bad parser model: %w", name, err)
	}
	return m, nil
}

func readModel(r *bufio.Reader) (*model, error) {
	hdr := make([]byte, len(magic))
	if _, err := io.ReadFull(r, hdr); err != nil || string(hdr) != magic {
		return nil, errors.New("not a dyad parser model")
	}
	m := &model{}
	var err error
	for _, p := range []*[]string{&m.labels, &m.words, &m.wordClass, &m.xpos, &m.upos} {
		if *p, err = readStrings(r); err != nil {
			return nil, err
		}
	}
	if len(m.wordClass) != len(m.words) {
		return nil, errors.New("word and ambiguity-class tables differ in length")
	}
	if len(m.labels) < 2 || len(m.labels) > 126 {
		return nil, fmt.Errorf("bad label count %d", len(m.labels))
	}
	var sb uint32
	if err := binary.Read(r, binary.LittleEndian, &sb); err != nil {
		return nil, err
	}
	m.scale = math.Float32frombits(sb)
	nk, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if nk > 1<<26 {
		return nil, errors.New("too many features")
	}
	m.keys = make([]uint64, nk)
	prev := uint64(0)
	for i := range m.keys {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		prev += d
		if prev == 0 || (i > 0 && d == 0) {
			return nil, errors.New("bad feature key")
		}
		m.keys[i] = prev
	}
	m.rowOff = make([]uint32, nk+1)
	for i := range m.keys {
		c, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		m.rowOff[i+1] = m.rowOff[i] + uint32(c)
	}
	total := m.rowOff[nk]
	m.acts = make([]uint8, total)
	if _, err := io.ReadFull(r, m.acts); err != nil {
		return nil, err
	}
	na := m.nWeights()
	for _, a := range m.acts {
		if int(a) >= na {
			return nil, fmt.Errorf("action %d out of range", a)
		}
	}
	m.ws = make([]int16, total)
	for i := range m.ws {
		v, err := binary.ReadVarint(r)
		if err != nil {
			return nil, err
		}
		m.ws[i] = int16(v)
	}
	m.buildIndex()
	if m.rootLabel < 0 {
		return nil, errors.New("no root label")
	}
	return m, nil
}
