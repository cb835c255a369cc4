package ner

import (
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/text"
)

// Document context: a second look at the whole document before any of its
// sentences is labelled. For every form written capitalised somewhere in
// the document it counts how often it is written capitalised inside a
// sentence (not as its first word, not in a headline-like line), how often
// in lower case, how often inside a name run that holds an organisation
// keyword ("Enron Corp", "Ministry of Health"), and whether it is an
// acronym given in parentheses after a name run ("Federal Energy
// Regulatory Commission (FERC)"). A word then sees these counts without its
// own occurrence, so that "Enron" opening a sentence, or "FERC" alone,
// knows what the rest of the document made of it. The counts come from
// the surface text only, so training sees them exactly as at run time.
//
// It is built (dyad train ner --doc) but off in the shipped model. In
// contiguous-block 5-fold CV on UNER EWT train it raised F1 from 75.20 to
// 76.34 (ORG 47.3 -> 51.1), but every model trained with it scored 0.5-1.1
// below its twin without it on dev (seeds 1, 9, 17), and still below when
// dev was labelled sentence by sentence: the gain needs long documents
// (train averages 23 sentences a document, dev 6; with train cut into
// documents of at most 6 sentences CV gained nothing). Variants that did
// not change this: only evidence features, only the organisation and
// acronym counts, documents cut at random lengths in training, context
// dropped for half of the training sentences. A model without these
// weights (usesDoc) skips the counting.

// docForm is what a document says about one lowercased form.
type docForm struct {
	capMid uint8 // written capitalised, not sentence-initial, in a sentence not mostly capitalised
	lower  uint8 // written in lower case
	org    uint8 // inside a capitalised run with an organisation keyword
	acr    uint8 // an acronym in parentheses right after a name run
}

// docStats maps lowercased forms to their document counts.
type docStats map[string]docForm

func sat(c uint8) uint8 {
	if c < 255 {
		return c + 1
	}
	return c
}

// isCapForm reports whether a form starts with an ASCII capital letter.
func isCapForm(w string) bool { return len(w) > 0 && w[0] >= 'A' && w[0] <= 'Z' }

// isLowerForm reports whether a form starts with an ASCII lower-case letter.
func isLowerForm(w string) bool { return len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' }

// isAcronymForm reports whether w is 2 to 6 ASCII capitals (an acronym).
func isAcronymForm(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// mostlyCapForms is IsMostlyCapitalised on forms.
func mostlyCapForms(words []string) bool {
	alpha, capsN := 0, 0
	for _, w := range words {
		if isCapForm(w) {
			alpha++
			capsN++
		} else if isLowerForm(w) {
			alpha++
		}
	}
	return IsMostlyCapitalised(alpha, capsN)
}

// orgKeyword reports whether a lowercased word marks an organisation name.
func orgKeyword(l string) bool {
	switch keywordClass(l) {
	case kwCorp, kwInst, kwMedia:
		return l != "&"
	}
	return false
}

// newDocStats counts the document's forms (sentences as words).
func newDocStats(doc [][]string) docStats {
	st := docStats{}
	var lower []string
	for _, words := range doc {
		caps := mostlyCapForms(words)
		lower = lower[:0]
		for _, w := range words {
			lower = append(lower, text.Lower(tag.NormForm(w)))
		}
		for i := 0; i < len(words); {
			if !isCapForm(words[i]) {
				i++
				continue
			}
			// A capitalised run, bridged by connectors as in buildRuns.
			j := i + 1
			for j < len(words) {
				if isCapForm(words[j]) {
					j++
				} else if j+1 < len(words) && isConnector(lower[j]) && isCapForm(words[j+1]) {
					j += 2
				} else {
					break
				}
			}
			org := false
			for k := i; k < j; k++ {
				if isCapForm(words[k]) && orgKeyword(lower[k]) {
					org = true
					break
				}
			}
			for k := i; k < j; k++ {
				if !isCapForm(words[k]) {
					continue
				}
				f := st[lower[k]]
				if k > 0 && !caps {
					f.capMid = sat(f.capMid)
				}
				if org {
					f.org = sat(f.org)
				}
				st[lower[k]] = f
			}
			if j+2 < len(words) && j-i >= 2 && words[j] == "(" && words[j+2] == ")" && isAcronymForm(words[j+1]) {
				f := st[lower[j+1]]
				f.acr = sat(f.acr)
				st[lower[j+1]] = f
			}
			i = j
		}
	}
	if len(st) == 0 {
		return st
	}
	for _, words := range doc {
		for _, w := range words {
			if !isLowerForm(w) {
				continue
			}
			if f, ok := st[w]; ok {
				f.lower = sat(f.lower)
				st[w] = f
			}
		}
	}
	return st
}

func bucket3(c uint8) uint64 { return uint64(min(c, 2)) }

// docFeatures appends the document-context features of word i (set by
// setDoc; nothing when the sentence has none).
func (s *sent) docFeatures(keys []uint32, i int, w *tag.Word, c byte) []uint32 {
	if s.doc == nil {
		return keys
	}
	f, ok := s.doc[s.lower[i]]
	if !ok {
		return keys
	}
	cp := isCapForm(s.raw[i])
	// Remove this occurrence's own contribution.
	if cp && i > 0 && !s.rawCaps && f.capMid > 0 {
		f.capMid--
	}
	if !cp && isLowerForm(s.raw[i]) && f.lower > 0 {
		f.lower--
	}
	selfOrg := cp && s.rs[i] < s.re[i] && s.rmask[i]&orgMask != 0
	if selfOrg && f.org > 0 {
		f.org--
	}
	if s.acrSelf(i) && f.acr > 0 {
		f.acr--
	}
	first := uint64(0)
	if i == 0 || s.rawCaps {
		first = 1
	}
	if cp {
		// Only evidence counts: that no other mention exists says more
		// about the document's length than about the word.
		if f.capMid > 0 || f.lower > 0 {
			keys = append(keys, k2(94+c, bucket3(f.capMid)*4+bucket3(f.lower), first))
		}
		if f.org > 0 {
			keys = append(keys, k2(95, bucket3(f.org), uint64(w.Flags)))
		}
		if f.acr > 0 {
			keys = append(keys, k1(96, uint64(w.Flags)))
		}
	} else if f.capMid > 0 {
		keys = append(keys, k2(97, bucket3(f.capMid), bucket3(f.org)))
	}
	return keys
}

// orgMask is the run keyword mask of organisation keywords.
const orgMask = 1<<kwCorp | 1<<kwInst | 1<<kwMedia

// acrSelf reports whether word i is itself an acronym in parentheses right
// after a name run of two or more words (counted in the doc's acr).
func (s *sent) acrSelf(i int) bool {
	if i < 3 || i+1 >= len(s.raw) || s.raw[i-1] != "(" || s.raw[i+1] != ")" || !isAcronymForm(s.raw[i]) {
		return false
	}
	// the run before "(": walk back over capitalised words and connectors
	j := i - 2
	n := 0
	for j >= 0 && (isCapForm(s.raw[j]) || (j > 0 && isConnector(s.lower[j]) && isCapForm(s.raw[j-1]))) {
		n++
		j--
	}
	return n >= 2
}

// usesDoc reports whether the model was trained with the document context:
// whether any of the keys of its commonest feature (94) has a weight. A
// model without it labels every sentence alone, skipping the counts.
func (m *Model) usesDoc() bool {
	if m == nil || m.m == nil {
		return false
	}
	var sc [nLabels]float32
	for _, c := range []byte{0, 100} {
		for v := uint64(1); v < 12; v++ {
			for first := uint64(0); first < 2; first++ {
				k := [1]uint32{k2(94+c, v, first)}
				m.m.Score(k[:], sc[:])
				for _, x := range sc {
					if x != 0 {
						return true
					}
				}
			}
		}
	}
	return false
}
