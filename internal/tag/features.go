package tag

import (
	"strings"

	"github.com/dyad-events/dyad/internal/tag/ap"
	"github.com/dyad-events/dyad/internal/wordclass"
)

// Word is the per-word hashed view that features are built from. It is
// exported so the entity recogniser can share the same word features.
type Word struct {
	Raw, Lower uint64    // hash of the form as written and ASCII-lowercased
	Suf        [4]uint64 // hashes of the lowercased last 1..4 bytes (0 if shorter)
	Pre        [3]uint64 // hashes of the lowercased first 1..3 bytes (0 if shorter)
	Shape      uint64    // hash of the collapsed shape (Xxx -> Xx, 2025 -> d)
	Flags      byte      // FlagUpper | FlagTitle | ...
	// Cls is the word's class at each level of the word-class table
	// (coarsest first) plus one; 0 when the table lacks the word or the
	// level, or when no table was used (see SetClasses).
	Cls [MaxClassLevels]uint32
}

// MaxClassLevels is the number of word-class levels a Word keeps.
const MaxClassLevels = 3

// SetClasses sets w.Cls to form's classes in wc (nil: no classes).
func (w *Word) SetClasses(wc *wordclass.Table, form string) {
	w.Cls = [MaxClassLevels]uint32{}
	if wc == nil {
		return
	}
	p, ok := wc.Classes(form)
	if !ok {
		return
	}
	for l := 0; l < MaxClassLevels && l < wc.Levels(); l++ {
		w.Cls[l] = wc.Prefix(p, l) + 1
	}
}

// Word flags.
const (
	FlagUpper  = 1 << iota // every letter is upper case (and there is one)
	FlagTitle              // first byte upper case, some lower case letter
	FlagDigit              // contains a digit
	FlagHyphen             // contains '-'
	FlagAlpha              // contains an ASCII letter
	FlagPunct              // no letter and no digit
	FlagLong               // longer than 12 bytes
)

// NormForm maps typographic quotes to ASCII so curly and straight quotes
// share features; it allocates only when s contains such quotes.
func NormForm(s string) string {
	// Every such quote is encoded as E2 80 xx.
	if strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	if !strings.Contains(s, "\u2018") && !strings.Contains(s, "\u2019") &&
		!strings.Contains(s, "\u201c") && !strings.Contains(s, "\u201d") {
		return s
	}
	r := strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`)
	return r.Replace(s)
}

// MakeWord computes the hashed view of form.
func MakeWord(form string) Word {
	var w Word
	w.Raw = uint64(ap.Start(1).Str(form))
	w.Lower = uint64(ap.Start(2).Lower(form))
	n := len(form)
	for k := 1; k <= 4 && k <= n; k++ {
		w.Suf[k-1] = uint64(ap.Start(byte(10 + k)).Lower(form[n-k:]))
	}
	for k := 1; k <= 3 && k <= n; k++ {
		w.Pre[k-1] = uint64(ap.Start(byte(20 + k)).Lower(form[:k]))
	}
	h := ap.Start(3)
	var last byte
	upper, lower, digit := 0, 0, 0
	for i := 0; i < n; i++ {
		c := form[i]
		var s byte
		switch {
		case c >= 'A' && c <= 'Z':
			s = 'X'
			upper++
		case c >= 'a' && c <= 'z':
			s = 'x'
			lower++
		case c >= '0' && c <= '9':
			s = 'd'
			digit++
		case c >= 0x80:
			s = 'u'
		default:
			s = c
		}
		if s != last {
			h = h.Byte(s)
			last = s
		}
		if c == '-' {
			w.Flags |= FlagHyphen
		}
	}
	w.Shape = uint64(h)
	if upper > 0 && lower == 0 {
		w.Flags |= FlagUpper
	}
	if n > 0 && form[0] >= 'A' && form[0] <= 'Z' && lower > 0 {
		w.Flags |= FlagTitle
	}
	if digit > 0 {
		w.Flags |= FlagDigit
	}
	if upper+lower > 0 {
		w.Flags |= FlagAlpha
	}
	if upper+lower+digit == 0 {
		w.Flags |= FlagPunct
	}
	if n > 12 {
		w.Flags |= FlagLong
	}
	return w
}

var (
	padStart = MakeWord("\x00-START-")
	padEnd   = MakeWord("\x00-END-")
)

// At returns ws[i], or a boundary pad outside the sentence.
func At(ws []Word, i int) *Word {
	if i < 0 {
		return &padStart
	}
	if i >= len(ws) {
		return &padEnd
	}
	return &ws[i]
}

func key1(t byte, a uint64) uint32    { return ap.Start(t).Mix(a).Key() }
func key2(t byte, a, b uint64) uint32 { return ap.Start(t).Mix(a).Mix(b).Key() }

// staticFeatures appends the tag-independent features of word i.
func staticFeatures(keys []uint32, ws []Word, i int) []uint32 {
	w := &ws[i]
	p1, n1 := At(ws, i-1), At(ws, i+1)
	p2, n2 := At(ws, i-2), At(ws, i+2)
	keys = append(keys,
		key1(0, 0),
		key1(1, w.Lower),
		key1(2, w.Raw),
		key1(3, w.Shape),
		key1(4, uint64(w.Flags)),
		key1(5, p1.Lower),
		key1(6, n1.Lower),
		key1(7, p2.Lower),
		key1(8, n2.Lower),
		key1(9, p1.Suf[2]),
		key1(10, n1.Suf[2]),
		key2(11, p1.Lower, w.Lower),
		key2(12, w.Lower, n1.Lower),
		key1(13, n1.Shape),
		key1(14, p1.Shape),
		key2(15, uint64(w.Flags), uint64(p1.Flags)),
		key1(16, n1.Suf[1]),
		key2(17, n1.Lower, n2.Lower),
	)
	for k := 0; k < 4; k++ {
		if w.Suf[k] != 0 {
			keys = append(keys, key1(20+byte(k), w.Suf[k]))
		}
	}
	for k := 0; k < 3; k++ {
		if w.Pre[k] != 0 {
			keys = append(keys, key1(30+byte(k), w.Pre[k]))
		}
	}
	if i == 0 {
		keys = append(keys, key2(40, uint64(w.Flags), w.Lower))
	}
	// The word's classes at every granularity; a word the table lacks adds
	// nothing. (Neighbours' classes, class bigrams, class x suffix, class x
	// capitalisation and class x tag did not help on EWT dev.)
	for l := 0; l < MaxClassLevels && w.Cls[l] != 0; l++ {
		keys = append(keys, key1(80+byte(l), uint64(w.Cls[l])))
	}
	return keys
}

// tagFeatures appends the features that depend on the tags already
// predicted in this pass: t1 and t2 are the tags one and two words back in
// decoding order (right-to-left when rev); nclass stands for "no tag".
func tagFeatures(keys []uint32, ws []Word, i int, t1, t2 uint16, rev bool) []uint32 {
	w := &ws[i]
	n1 := At(ws, i+1)
	if rev {
		n1 = At(ws, i-1)
	}
	return append(keys,
		key1(50, uint64(t1)),
		key2(51, uint64(t1), uint64(t2)),
		key2(52, uint64(t1), w.Lower),
		key2(53, uint64(t1), n1.Lower),
		key2(54, uint64(t1), w.Suf[2]),
		key1(55, uint64(t2)),
	)
}

// firstFeatures appends the features of the second pass that look at the
// first (right-to-left) pass's tags: the word's own and its neighbours'.
func firstFeatures(keys []uint32, ws []Word, i int, t1 uint16, first []uint16, none uint16) []uint32 {
	at := func(j int) uint64 {
		if j < 0 || j >= len(first) {
			return uint64(none)
		}
		return uint64(first[j])
	}
	a, r1, r2, l1 := at(i), at(i+1), at(i+2), at(i-1)
	w := &ws[i]
	return append(keys,
		key1(60, a),
		key2(61, a, w.Lower),
		key1(62, r1),
		key2(63, r1, r2),
		key2(64, r1, w.Lower),
		key2(65, uint64(t1), r1),
		key2(66, uint64(t1), a),
		key2(67, a, r1),
		key2(68, l1, a),
		key2(69, a, w.Suf[2]),
	)
}

// passFeatures appends every feature of word i for one decoding pass.
func passFeatures(keys []uint32, ws []Word, i int, rev bool, t1, t2 uint16, first []uint16, none uint16) []uint32 {
	keys = staticFeatures(keys, ws, i)
	keys = tagFeatures(keys, ws, i, t1, t2, rev)
	if first != nil {
		keys = firstFeatures(keys, ws, i, t1, first, none)
	}
	return keys
}
