package ner

// The stacked second pass: a second perceptron whose features add the
// labels the first pass gave to the words around (w-2..w+2), the entity
// types the first pass gave inside the word's capitalised name run, and
// the types it gave to other mentions of the same word in the sentence
// (label consistency). It is trained on first-pass labels from models that
// did not see the sentence (jackknifed over folds of the training set), so
// it learns how far to trust them.

// setPrev records the first-pass labels and turns the second-pass
// features on.
func (s *sent) setPrev(pred []uint8) {
	s.prev = append(s.prev[:0], pred...)
	s.stacked = true
}

// labelType maps an IOB2 label index to its entity type: 0 O, 1 PER, 2 ORG, 3 LOC.
func labelType(l uint8) uint8 { return (l + 1) / 2 }

func (s *sent) prevAt(i int) uint64 {
	if i < 0 {
		return nLabels
	}
	if i >= len(s.prev) {
		return nLabels + 1
	}
	return uint64(s.prev[i])
}

// stackFeatures appends the second-pass features of word i.
func (s *sent) stackFeatures(keys []uint32, i int) []uint32 {
	w := &s.words[i]
	p := s.prevAt(i)
	keys = append(keys,
		k1(180, p),
		k2(181, s.prevAt(i-1), p),
		k2(182, p, s.prevAt(i+1)),
		k1(183, s.prevAt(i-2)),
		k1(184, s.prevAt(i+2)),
		k2(185, p, uint64(w.Flags)),
		k2(186, p, w.Lower),
	)
	if a, b := int(s.rs[i]), int(s.re[i]); a < b {
		var mask uint64
		for k := a; k < b; k++ {
			mask |= 1 << labelType(s.prev[k])
		}
		keys = append(keys,
			k2(187, mask, p),
			k2(188, uint64(labelType(s.prev[b-1])), uint64(labelType(s.prev[a]))),
		)
	}
	if capitalised(w) {
		var mask uint64
		for j := range s.words {
			if j != i && s.words[j].Lower == w.Lower {
				mask |= 1 << labelType(s.prev[j])
			}
		}
		if mask != 0 {
			keys = append(keys, k2(189, mask, p))
		}
	}
	return keys
}
