package parse

import (
	"fmt"
	"math"
	"slices"
)

// Combine returns the parser whose transition scores are the sum of the
// scores of ps (parsers trained on the same data with different seeds,
// so with the same vocabularies and relations): since scores are linear in
// the weights, this is one model of the summed weights, as fast to run as
// one of its members, and it acts as their ensemble. Summed weights below
// prune in absolute value are dropped. Labellers are not combined: the
// result has none.
func Combine(prune float64, ps ...*Parser) (*Parser, error) {
	if len(ps) == 0 {
		return nil, fmt.Errorf("parse: nothing to combine")
	}
	first := ps[0].m
	for i, p := range ps[1:] {
		m := p.m
		if !slices.Equal(m.labels, first.labels) || !slices.Equal(m.words, first.words) || !slices.Equal(m.wordClass, first.wordClass) ||
			!slices.Equal(m.xpos, first.xpos) || !slices.Equal(m.upos, first.upos) {
			return nil, fmt.Errorf("parse: model %d has other vocabularies or relations than model 1", i+2)
		}
	}
	// k-way merge of the sorted key lists
	na := first.nActions()
	pos := make([]int, len(ps))
	row := make([]float64, na)
	type entry struct {
		a uint8
		w float64
	}
	var keys []uint64
	var rows [][]entry
	maxAbs := 0.0
	for {
		k, any := uint64(math.MaxUint64), false
		for i, p := range ps {
			if pos[i] < len(p.m.keys) && p.m.keys[pos[i]] <= k {
				k, any = p.m.keys[pos[i]], true
			}
		}
		if !any {
			break
		}
		clear(row)
		for i, p := range ps {
			m := p.m
			if pos[i] >= len(m.keys) || m.keys[pos[i]] != k {
				continue
			}
			r := pos[i]
			for j := m.rowOff[r]; j < m.rowOff[r+1]; j++ {
				row[m.acts[j]] += float64(m.ws[j]) * float64(m.scale)
			}
			pos[i]++
		}
		var es []entry
		for a, w := range row {
			if w != 0 && math.Abs(w) >= prune {
				es = append(es, entry{uint8(a), w})
				maxAbs = math.Max(maxAbs, math.Abs(w))
			}
		}
		if len(es) > 0 {
			keys = append(keys, k)
			rows = append(rows, es)
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	m := &model{labels: first.labels, words: first.words, wordClass: first.wordClass, xpos: first.xpos, upos: first.upos}
	m.scale = float32(scale)
	m.rowOff = append(m.rowOff, 0)
	for i, k := range keys {
		start := len(m.acts)
		for _, e := range rows[i] {
			if q := math.Round(e.w / scale); q != 0 {
				m.acts = append(m.acts, e.a)
				m.ws = append(m.ws, int16(q))
			}
		}
		if len(m.acts) == start {
			continue
		}
		m.keys = append(m.keys, k)
		m.rowOff = append(m.rowOff, uint32(len(m.acts)))
	}
	m.buildIndex()
	return newParser(m), nil
}
