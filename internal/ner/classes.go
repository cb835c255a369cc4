package ner

import (
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/wordclass"
)

// Word-class features: the class of a word in internal/wordclass (clusters
// of GloVe vectors) at the two coarsest levels, and the classes of its
// neighbours, let the model generalise from names seen in training to
// names used alike that it has never seen. The finest level was tried and
// did not help (cross-validated on the training set).

const (
	classLevels = 2 // levels of the class path used, coarsest first
	noClass     = 1 // feature value for a word the table lacks (0: outside the sentence)
)

// buildClasses fills s.cls from wc (all noClass when wc is nil).
func (s *sent) buildClasses(wc *wordclass.Table) {
	s.cls = s.cls[:0]
	levels := 0
	if wc != nil {
		levels = min(classLevels, wc.Levels())
	}
	for i := range s.lower {
		c := [classLevels]uint64{noClass, noClass}
		if levels > 0 {
			if p, ok := wc.Classes(s.lower[i]); ok {
				for l := 0; l < levels; l++ {
					c[l] = uint64(wc.Prefix(p, l)) + 2
				}
			}
		}
		s.cls = append(s.cls, c)
	}
}

func (s *sent) clsAt(i, level int) uint64 {
	if i < 0 || i >= len(s.cls) {
		return 0
	}
	return s.cls[i][level]
}

// classFeatures appends the word-class features of word i.
func (s *sent) classFeatures(keys []uint32, i int, w *tag.Word) []uint32 {
	c := s.cls[i]
	return append(keys,
		k1(80, c[0]),
		k1(81, c[1]),
		k2(83, c[1], uint64(w.Flags)),
		k2(84, c[0], uint64(w.Flags)),
		k1(85, s.clsAt(i-1, 1)),
		k1(86, s.clsAt(i+1, 1)),
		k2(89, s.clsAt(i-1, 1), c[1]),
		k2(90, c[1], s.clsAt(i+1, 1)),
	)
}
