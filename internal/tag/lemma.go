package tag

import (
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/text"
)

// Lemmatizer maps a word form and its Penn Treebank tag to a lemma. It
// looks up, in order: the dictionary learned from the treebank, the English
// irregular forms written in irregular.go, and suffix edit rules learned per
// tag for unseen words. It is read-only and safe for concurrent use.
type Lemmatizer struct {
	dict  map[string]string // lower(form) + "\t" + xpos -> lemma
	rules map[string]Rule   // xpos + "\t" + lower suffix -> rule
	irr   map[string]string // lower(form) + "\t" + coarse class -> lemma
	ruleF []uint64          // bit set over hashes of the rules' keys (see indexRules), or nil
}

// ruleFBits is the size of the rule-key filter: a key whose bit is clear
// has no rule, so Lemma skips its map lookup.
const ruleFBits = 1 << 18

func ruleKeyBit(k []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range k {
		h = (h ^ uint32(c)) * 16777619
	}
	return (h ^ h>>15) & (ruleFBits - 1)
}

// indexRules builds the rule-key filter; call it after the rules change.
func (l *Lemmatizer) indexRules() {
	l.ruleF = make([]uint64, ruleFBits/64)
	for k := range l.rules {
		b := ruleKeyBit([]byte(k))
		l.ruleF[b/64] |= 1 << (b % 64)
	}
}

// Rule is a suffix edit: drop Strip bytes from the end, then append Add.
type Rule struct {
	Strip int
	Add   string
}

// maxSuffix is the longest suffix (bytes) rules are conditioned on.
const maxSuffix = 6

func isProper(xpos string) bool { return xpos == "NNP" || xpos == "NNPS" }

// ruleFor returns the edit turning form into lemma (both lowercased).
func ruleFor(form, lemma string) Rule {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	return Rule{Strip: len(form) - p, Add: lemma[p:]}
}

// LemmaExample is one (form, xpos, lemma) training triple.
type LemmaExample struct{ Form, XPOS, Lemma string }

// TrainLemmatizer learns the dictionary and suffix rules from examples.
func TrainLemmatizer(ex []LemmaExample) *Lemmatizer {
	type dk struct{ key, lemma string }
	dcount := map[dk]int{}
	seenType := map[string]bool{}
	rcount := map[string]map[Rule]int{}
	for _, e := range ex {
		if e.Lemma == "" || e.Lemma == "_" {
			continue
		}
		form := NormForm(e.Form)
		lf := text.LowerASCII(form)
		key := lf + "\t" + e.XPOS
		dcount[dk{key, e.Lemma}]++
		if seenType[key] {
			continue
		}
		seenType[key] = true
		r := ruleFor(lf, text.LowerASCII(e.Lemma))
		for L := 0; L <= maxSuffix && L <= len(lf); L++ {
			rk := ruleGroup(e.XPOS) + "\t" + lf[len(lf)-L:]
			m := rcount[rk]
			if m == nil {
				m = map[Rule]int{}
				rcount[rk] = m
			}
			m[r]++
		}
	}
	l := &Lemmatizer{dict: map[string]string{}, rules: map[string]Rule{}, irr: irregulars()}
	best := map[string]int{}
	keys := make([]dk, 0, len(dcount))
	for k := range dcount {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].key != keys[b].key {
			return keys[a].key < keys[b].key
		}
		return keys[a].lemma < keys[b].lemma
	})
	for _, k := range keys {
		if c := dcount[k]; c > best[k.key] {
			best[k.key] = c
			l.dict[k.key] = k.lemma
		}
	}
	for rk, m := range rcount {
		var br Rule
		bc, tot := 0, 0
		for r, c := range m {
			tot += c
			if c > bc || (c == bc && (r.Strip < br.Strip || (r.Strip == br.Strip && r.Add < br.Add))) {
				br, bc = r, c
			}
		}
		// A rule seen once on a long suffix is the word itself; keep rules
		// that generalise (short suffixes always kept as fallbacks).
		suffixLen := len(rk) - strings.IndexByte(rk, '\t') - 1
		if tot < 2 && suffixLen > 2 {
			continue
		}
		l.rules[rk] = br
	}
	l.indexRules()
	return l
}

// Lemma returns the lemma of form tagged xpos (upos selects irregular tables).
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	form = NormForm(form)
	lf := text.LowerASCII(form)
	// Keys are built in a stack buffer: map lookups with string(bytes)
	// do not allocate.
	var buf [80]byte
	k := append(append(append(buf[:0], lf...), '\t'), xpos...)
	if v, ok := l.dict[string(k)]; ok {
		return v
	}
	k = append(k[:len(lf)+1], coarse(xpos)...)
	if v, ok := l.irr[string(k)]; ok {
		return v
	}
	if xpos == "CD" || upos == "PUNCT" || upos == "SYM" || upos == "NUM" {
		return form
	}
	g := ruleGroup(xpos)
	k = append(append(k[:0], g...), '\t')
	p := len(k)
	for L := maxSuffix; L >= 0; L-- {
		if L > len(lf) {
			continue
		}
		k = append(k[:p], lf[len(lf)-L:]...)
		if l.ruleF != nil {
			if b := ruleKeyBit(k); l.ruleF[b/64]&(1<<(b%64)) == 0 {
				continue
			}
		}
		r, ok := l.rules[string(k)]
		if !ok || r.Strip > len(lf) {
			continue
		}
		if isProper(xpos) {
			return form[:len(form)-r.Strip] + r.Add
		}
		return lf[:len(lf)-r.Strip] + r.Add
	}
	if isProper(xpos) {
		return form
	}
	return lf
}

// ruleGroup pools Penn tags that share inflection for suffix rules.
func ruleGroup(xpos string) string {
	switch xpos {
	case "VBD", "VBN":
		return "VBD"
	case "JJR", "RBR":
		return "JJR"
	case "JJS", "RBS":
		return "JJS"
	}
	return xpos
}

// coarse groups Penn tags for the irregular tables.
func coarse(xpos string) string {
	switch {
	case strings.HasPrefix(xpos, "VB"):
		return "V"
	case xpos == "NNS" || xpos == "NN":
		return "N"
	case xpos == "JJR" || xpos == "JJS" || xpos == "RBR" || xpos == "RBS":
		return "A"
	}
	return "-"
}
