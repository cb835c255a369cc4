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

const magic = "DYADPARSE2\n"

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

	// Runtime index: an open-addressing table of 8-byte slots. A slot
	// holds a 31-bit fingerprint of the key (high half, low bit forced to
	// 1 so that 0 means empty) and either the row's only entry or, with
	// the top bit set, the offset in ent of [n, entry1..entryn]; so most
	// lookups touch a single cache line. Entries are action<<16|uint16(w).
	table []uint64
	ent   []uint32
	mask  uint64

	// Rows with at least denseMin entries (the frequent tag features,
	// which carry weights for most actions) are stored dense instead, as
	// lanes of two actions packed in one uint64 (a + b<<32, see score):
	// adding such a row is len(dense row) additions with no scatter. A
	// slot for a dense row has both top bits set and the row's index.
	dense []uint64
	lanes int // uint64 lanes per dense row: (nActions+1)/2
}

// denseMin is the row length from which a row is stored dense.
const denseMin = 24

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
	size := 1 << bits.Len(uint(3*len(m.keys)/2+1))
	m.table = make([]uint64, size)
	m.mask = uint64(size - 1)
	m.ent = m.ent[:0]
	m.lanes = (m.nActions() + 1) / 2
	m.dense = m.dense[:0]
	for r, k := range m.keys {
		lo, hi := m.rowOff[r], m.rowOff[r+1]
		var val uint32
		if hi-lo >= denseMin {
			val = 3<<30 | uint32(len(m.dense)/m.lanes)
			row := make([]int64, 2*m.lanes)
			for j := lo; j < hi; j++ {
				row[m.acts[j]] = int64(m.ws[j])
			}
			for i := 0; i < m.lanes; i++ {
				m.dense = append(m.dense, uint64(row[2*i]+row[2*i+1]<<32))
			}
		} else if hi-lo == 1 {
			val = pack(m.acts[lo], m.ws[lo])
		} else {
			val = 1<<31 | uint32(len(m.ent))
			m.ent = append(m.ent, hi-lo)
			for j := lo; j < hi; j++ {
				m.ent = append(m.ent, pack(m.acts[j], m.ws[j]))
			}
		}
		i := k & m.mask
		for m.table[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.table[i] = fingerprint(k)<<32 | uint64(val)
	}
}

func fingerprint(k uint64) uint64 { return k>>32 | 1 }

func pack(a uint8, w int16) uint32 { return uint32(a)<<16 | uint32(uint16(w)) }

// score sets scores to the sum of the weights of every feature in keys.
// The slots are first loaded in a tight loop of independent reads, so that
// the CPU overlaps their cache misses, then resolved. Dense rows are summed
// in acc, two actions per uint64: each lane holds x = hi<<32 + lo as an
// integer, and since |lo| < 2^31 for any sum of at most numFeatures int16
// weights, lo is the low 32 bits read as signed and hi = (x-lo)>>32, so
// the result is exactly the sum of the weights.
func (m *model) score(keys []uint64, scores []int32, slots, acc []uint64) {
	for i := range scores {
		scores[i] = 0
	}
	lanes := m.lanes
	acc = acc[:lanes]
	for i := range acc {
		acc[i] = 0
	}
	tab, mask := m.table, m.mask
	slots = slots[:len(keys)]
	for j, k := range keys {
		slots[j] = tab[k&mask]
	}
	for j, k := range keys {
		sl := slots[j]
		fp := fingerprint(k)
		if sl>>32 != fp {
			if sl == 0 {
				continue
			}
			i := k & mask
			for {
				i = (i + 1) & mask
				sl = tab[i]
				if sl == 0 || sl>>32 == fp {
					break
				}
			}
			if sl == 0 {
				continue
			}
		}
		v := uint32(sl)
		switch v >> 30 {
		case 0, 1:
			scores[v>>16] += int32(int16(v))
		case 2:
			off := v &^ (1 << 31)
			n := m.ent[off]
			for _, e := range m.ent[off+1 : off+1+n] {
				scores[e>>16] += int32(int16(e))
			}
		default:
			off := int(v&^(3<<30)) * lanes
			row := m.dense[off : off+lanes]
			row = row[:len(acc)]
			for i, x := range row {
				acc[i] += x
			}
		}
	}
	for i, x := range acc {
		lo := int64(int32(uint32(x)))
		hi := int32((int64(x) - lo) >> 32)
		if 2*i+1 < len(scores) {
			scores[2*i+1] += hi
		}
		scores[2*i] += int32(lo)
	}
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
	if len(m.labels) < 2 || len(m.labels) > 127 {
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
	na := m.nActions()
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
