package ner

import (
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/tag/ap"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/wordclass"
)

// sent is the feature view of one sentence.
type sent struct {
	words   []tag.Word
	lower   []string
	pos     []uint64              // hash of XPOS
	upos    []uint64              // hash of UPOS
	gaz     []uint8               // gazetteer match code per word (see Gazetteer.match)
	cp      []uint8               // case-profile bucket per word (0 = unseen in training)
	run     []uint8               // capitalised-run code: length (1..3+) * 4 + position (0 first, 1 middle, 2 last, 3 alone)
	caps    bool                  // the sentence is mostly capitalised (headline, dateline)
	rs      []int32               // start of the name run covering each word (see buildRuns)
	re      []int32               // end (exclusive) of that run; rs[i] == re[i] outside runs
	rmask   []uint8               // keyword classes present in the word's run (bit set)
	kw      []uint8               // keyword class of each word (see keywordClass)
	cls     [][classLevels]uint64 // word class per level, coarsest first, plus 2 (see noClass)
	prev    []uint8               // first-pass labels (second pass only, see stack.go)
	stacked bool                  // prev is set: add the second-pass features
	raw     []string              // the words as given
	rawCaps bool                  // mostlyCapForms(raw) (set with doc)
	doc     docStats              // document context (nil: none, see doc.go)
}

func (s *sent) build(words, upos, xpos []string, g *Gazetteer, cases map[string]uint8, wc *wordclass.Table, buf *[]byte) {
	n := len(words)
	s.stacked = false
	s.raw, s.doc = words, nil
	s.words, s.lower, s.pos, s.upos = s.words[:0], s.lower[:0], s.pos[:0], s.upos[:0]
	alpha, capsN := 0, 0
	for i, w := range words {
		f := tag.NormForm(w)
		tw := tag.MakeWord(f)
		s.words = append(s.words, tw)
		s.lower = append(s.lower, text.Lower(f))
		s.pos = append(s.pos, uint64(ap.Start(90).Str(xpos[i])))
		s.upos = append(s.upos, uint64(ap.Start(91).Str(upos[i])))
		if tw.Flags&tag.FlagAlpha != 0 {
			alpha++
			if tw.Flags&(tag.FlagUpper|tag.FlagTitle) != 0 {
				capsN++
			}
		}
	}
	s.caps = IsMostlyCapitalised(alpha, capsN)
	s.cp, s.run = s.cp[:0], s.run[:0]
	for i := range s.words {
		s.cp = append(s.cp, cases[s.lower[i]])
		s.run = append(s.run, 0)
	}
	for i := 0; i < n; {
		if s.words[i].Flags&(tag.FlagUpper|tag.FlagTitle) == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n && s.words[j].Flags&(tag.FlagUpper|tag.FlagTitle) != 0 {
			j++
		}
		l := uint8(min(3, j-i))
		for k := i; k < j; k++ {
			s.run[k] = l*4 + runPos(k, i, j)
		}
		i = j
	}
	if cap(s.gaz) < n {
		s.gaz = make([]uint8, n)
	}
	s.gaz = s.gaz[:n]
	g.match(s.lower, s.gaz, buf)
	s.buildRuns()
	s.buildClasses(wc)
}

// setDoc gives the sentence (built) its document context.
func (s *sent) setDoc(d docStats) {
	s.doc = d
	if d != nil {
		s.rawCaps = mostlyCapForms(s.raw)
	}
}

// IsMostlyCapitalised reports whether a sentence with alpha words of which
// capitalised are capitalised reads as a headline or all-caps line, where
// capitalisation says little about names.
func IsMostlyCapitalised(alpha, capitalised int) bool {
	return alpha >= 3 && capitalised*10 >= alpha*7
}

var (
	padStart = tag.MakeWord("\x00-START-")
	padEnd   = tag.MakeWord("\x00-END-")
)

func (s *sent) at(i int) *tag.Word {
	if i < 0 {
		return &padStart
	}
	if i >= len(s.words) {
		return &padEnd
	}
	return &s.words[i]
}

func (s *sent) posAt(i int) uint64 {
	if i < 0 || i >= len(s.pos) {
		return 1
	}
	return s.pos[i]
}

func (s *sent) gazAt(i int) uint64 {
	if i < 0 || i >= len(s.gaz) {
		return 255
	}
	return uint64(s.gaz[i])
}

func k1(t byte, a uint64) uint32    { return ap.Start(t).Mix(a).Key() }
func k2(t byte, a, b uint64) uint32 { return ap.Start(t).Mix(a).Mix(b).Key() }

// features appends the emission features of word i.
func (s *sent) features(keys []uint32, i int) []uint32 {
	w := s.at(i)
	p1, n1, p2, n2 := s.at(i-1), s.at(i+1), s.at(i-2), s.at(i+2)
	// Case-bearing features get their own weights in capitalised lines.
	var c byte
	if s.caps {
		c = 100
	}
	pos := s.posAt(i)
	g := s.gazAt(i)
	keys = append(keys,
		k1(0, 0),
		k1(1, w.Lower),
		k1(2+c, w.Raw),
		k1(3+c, w.Shape),
		k1(4+c, uint64(w.Flags)),
		k1(5, p1.Lower),
		k1(6, n1.Lower),
		k1(7, p2.Lower),
		k1(8, n2.Lower),
		k1(9+c, p1.Shape),
		k1(10+c, n1.Shape),
		k2(11, p1.Lower, w.Lower),
		k2(12, w.Lower, n1.Lower),
		k1(13, pos),
		k1(14, s.posAt(i-1)),
		k1(15, s.posAt(i+1)),
		k2(16+c, pos, w.Shape),
		k2(17, s.posAt(i-1), pos),
		k2(18, pos, s.posAt(i+1)),
		k2(25+c, uint64(p1.Flags), uint64(w.Flags)),
		k2(26+c, uint64(w.Flags), uint64(n1.Flags)),
		k1(29, p1.Suf[2]),
		k2(45+c, p1.Lower, w.Shape),
		k2(46+c, w.Shape, n1.Lower),
	)
	for k := 0; k < 4; k++ {
		if w.Suf[k] != 0 {
			keys = append(keys, k1(30+byte(k), w.Suf[k]))
		}
	}
	for k := 0; k < 3; k++ {
		if w.Pre[k] != 0 {
			keys = append(keys, k1(40+byte(k), w.Pre[k]))
		}
	}
	cp := uint64(s.cp[i])
	keys = append(keys,
		k1(60, cp),
		k2(61+c, cp, uint64(w.Flags)),
		k2(62, cp, pos),
	)
	// Gazetteer and capitalised-run features only where there is a match
	// or a run: their absence is the common case, left to the bias.
	if g != 0 {
		keys = append(keys,
			k1(20, g),
			k2(21+c, g, uint64(w.Flags)),
			k2(24, g, pos),
			k2(64+c, uint64(s.run[i]), g),
			k2(65, cp, g),
		)
	}
	if gp := s.gazAt(i - 1); gp != 0 {
		keys = append(keys, k1(22, gp))
	}
	if gn := s.gazAt(i + 1); gn != 0 {
		keys = append(keys, k1(23, gn))
	}
	if s.run[i] != 0 {
		keys = append(keys, k1(63+c, uint64(s.run[i])))
	}
	keys = s.spanFeatures(keys, i, c)
	keys = s.classFeatures(keys, i, w)
	keys = s.docFeatures(keys, i, w, c)
	if i == 0 {
		keys = append(keys, k2(50+c, uint64(w.Flags), w.Lower))
		keys = append(keys, k2(66+c, uint64(w.Flags), cp))
	}
	if s.caps {
		keys = append(keys, k2(51, pos, w.Lower))
	}
	return keys
}
