// Package tag owns part-of-speech tagging and lemmatisation: an averaged
// perceptron that predicts the joint universal (UPOS) and Penn Treebank
// (XPOS) tag of each word left to right, a tag dictionary for frequent
// unambiguous words, and a lemmatizer learned from UD English EWT. Besides
// the word's form, affixes and shape, features read its GloVe-derived word
// classes (internal/wordclass), which carry what unlabelled text says of
// words the treebank rarely or never shows. The model is embedded in the
// binary (see model/LICENSE.md), records the fingerprint of the word-class
// table it was trained with, and is trained with `dyad train tagger`.
package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/tag/ap"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/wordclass"
)

//go:embed model
var modelFS embed.FS

// ModelPath is where the shipped model lives, relative to the repo root.
const ModelPath = "internal/tag/model/tagger.bin.gz"

// Tagger assigns UPOS, XPOS and lemmas. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string            // per class
	dict       map[string]uint16   // frequent unambiguous forms -> class
	amb        map[string][]uint16 // frequent forms -> the classes seen with them
	lower      map[string]bool     // forms seen in lower case at least twice (for recasing headlines)
	lexicon    map[string]lexEntry // dict and amb in one map (see indexLexicon), or nil
	model      *ap.Model           // left-to-right pass
	first      *ap.Model           // right-to-left first pass, or nil
	wc         *wordclass.Table    // word classes the features read, or nil
	lem        *Lemmatizer
	finite     []bool // per class: a finite verb (VBD, VBZ, VBP)
	pool       sync.Pool
}

// lexEntry is what the tag dictionary and the ambiguity classes say of a
// form: fixed is its class from the dictionary or -1, cands its ambiguity
// class (used when fixed is -1).
type lexEntry struct {
	fixed int32
	cands []uint16
}

// indexLexicon builds t.lexicon from t.dict and t.amb, so that a word is
// looked up once.
func (t *Tagger) indexLexicon() {
	t.lexicon = make(map[string]lexEntry, len(t.dict)+len(t.amb))
	for f, cs := range t.amb {
		t.lexicon[f] = lexEntry{fixed: -1, cands: cs}
	}
	for f, c := range t.dict {
		t.lexicon[f] = lexEntry{fixed: int32(c)}
	}
}

type scratch struct {
	words  []Word
	keys   []uint32
	scores []float32
	pred   []uint16
	first  []uint16
	forms  []string
	fixed  []int32    // per word: class from the tag dictionary, or -1
	cands  [][]uint16 // per word: ambiguity class, or nil
	skeys  []uint32   // static feature keys of the words to decode
	soff   []int32    // per word: start of its static keys in skeys/srefs
	srefs  []uint32   // skeys resolved against the pass's model
	trefs  []uint32   // tag-dependent keys of one word, resolved
	margin []float32  // per word of the last pass: its score's lead over its best finite-verb tag
	alt    []uint16   // per word of the last pass: that finite-verb tag
}

// Load returns the embedded tagger. Call it once and share the result.
func Load() (*Tagger, error) {
	b, err := modelFS.ReadFile("model/tagger.bin.gz")
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model missing (run dyad train tagger): %w", err)
	}
	return Decode(context.Background(), "embedded tagger", bytes.NewReader(b))
}

// Annotate sets UPOS, XPOS and Lemma on every token of s.
func (t *Tagger) Annotate(s *dyad.Sentence) {
	sc := t.get()
	defer t.pool.Put(sc)
	sc.words, sc.forms = sc.words[:0], sc.forms[:0]
	for i := range s.Tokens {
		f := NormForm(s.Tokens[i].Form())
		sc.forms = append(sc.forms, f)
		sc.words = append(sc.words, MakeWord(f))
	}
	t.recase(sc)
	t.decode(sc)
	for i := range s.Tokens {
		c := sc.pred[i]
		tk := &s.Tokens[i]
		tk.UPOS, tk.XPOS = t.upos[c], t.xpos[c]
		tk.Lemma = t.lem.Lemma(sc.forms[i], tk.UPOS, tk.XPOS)
	}
}

// TagWords tags a sentence given as words (gold tokenisation).
func (t *Tagger) TagWords(words []string) (upos, xpos, lemma []string) {
	sc := t.get()
	defer t.pool.Put(sc)
	t.prepare(sc, words)
	t.decode(sc)
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	lemma = make([]string, len(words))
	for i, c := range sc.pred {
		upos[i], xpos[i] = t.upos[c], t.xpos[c]
		lemma[i] = t.lem.Lemma(sc.forms[i], upos[i], xpos[i])
	}
	return upos, xpos, lemma
}

// Classes returns the number of joint tags; ClassOf/Tags convert.
func (t *Tagger) Classes() int { return len(t.upos) }

// Tags returns the UPOS and XPOS of joint class c.
func (t *Tagger) Tags(c int) (upos, xpos string) { return t.upos[c], t.xpos[c] }

// WordClasses returns the word-class table the tagger's features read,
// or nil for a model trained without one.
func (t *Tagger) WordClasses() *wordclass.Table { return t.wc }

// Lemmatizer returns the tagger's lemmatizer.
func (t *Tagger) Lemmatizer() *Lemmatizer { return t.lem }

// TagClasses tags words and returns joint class numbers (used as features
// by the entity recogniser).
func (t *Tagger) TagClasses(words []string, out []uint16) []uint16 {
	sc := t.get()
	defer t.pool.Put(sc)
	t.prepare(sc, words)
	t.decode(sc)
	return append(out[:0], sc.pred...)
}

func (t *Tagger) prepare(sc *scratch, words []string) {
	sc.words, sc.forms = sc.words[:0], sc.forms[:0]
	for _, w := range words {
		f := NormForm(w)
		sc.forms = append(sc.forms, f)
		sc.words = append(sc.words, MakeWord(f))
	}
	t.recase(sc)
}

// makeWord is MakeWord with the word classes of the tagger's table. (At
// run time lex sets the classes, and only of the words whose tag the
// dictionary does not fix: only their own class is a feature.)
func (t *Tagger) makeWord(f string) Word {
	w := MakeWord(f)
	if t.wc != nil {
		w.SetClasses(t.wc, f)
	}
	return w
}

// Recase returns words as the tagger reads them: for a headline-case or
// all-caps sentence, recased as running text would spell them (see
// recase); otherwise words itself.
func (t *Tagger) Recase(words []string) []string {
	sc := t.get()
	defer t.pool.Put(sc)
	t.prepare(sc, words)
	var out []string
	for i, f := range sc.forms {
		if f != words[i] {
			if out == nil {
				out = append([]string(nil), words...)
			}
			out[i] = f
		}
	}
	if out == nil {
		return words
	}
	return out
}

// MostlyCapitalised reports whether a sentence with alpha words containing
// letters, capitalised of them capitalised or in capitals, reads as a
// headline or an all-caps line, where case says little about names.
func MostlyCapitalised(alpha, capitalised int) bool {
	return alpha >= 3 && capitalised*4 >= alpha*3
}

// recase rewrites the forms of a headline-case or all-caps sentence the way
// running text would spell them: words known in lower case are lowered
// ("Talks" -> "talks"), other all-caps words are title-cased ("GENEVA" ->
// "Geneva"), and forms the lexicon knows as proper nouns ("US") are kept.
func (t *Tagger) recase(sc *scratch) {
	alpha, capsN := 0, 0
	for i := range sc.words {
		if f := sc.words[i].Flags; f&FlagAlpha != 0 {
			alpha++
			if f&(FlagUpper|FlagTitle) != 0 {
				capsN++
			}
		}
	}
	if !MostlyCapitalised(alpha, capsN) {
		return
	}
	for i, f := range sc.forms {
		w := sc.words[i].Flags
		if w&(FlagUpper|FlagTitle) == 0 || t.isProperForm(f) {
			continue
		}
		l := text.LowerASCII(f)
		switch {
		case t.isLowerWord(l):
			sc.forms[i] = l
		case w&FlagUpper != 0 && len(f) > 1:
			sc.forms[i] = f[:1] + l[1:]
		default:
			continue
		}
		sc.words[i] = MakeWord(sc.forms[i])
	}
}

// isLowerWord reports whether l is a word of the lower-case vocabulary or
// an inflection of one ("urges" from "urge", "seized" from "seize").
func (t *Tagger) isLowerWord(l string) bool {
	if t.lower[l] {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing", "ly"} {
		if len(l) > len(suf)+2 && strings.HasSuffix(l, suf) {
			stem := l[:len(l)-len(suf)]
			if t.lower[stem] || t.lower[stem+"e"] {
				return true
			}
		}
	}
	return false
}

// isProperForm reports whether the lexicon tags form (as written) as a
// proper noun.
func (t *Tagger) isProperForm(f string) bool {
	if c, ok := t.dict[f]; ok {
		return strings.HasPrefix(t.xpos[c], "NNP")
	}
	for _, c := range t.amb[f] {
		if strings.HasPrefix(t.xpos[c], "NNP") {
			return true
		}
	}
	return false
}

func (t *Tagger) get() *scratch {
	if v := t.pool.Get(); v != nil {
		return v.(*scratch)
	}
	return &scratch{scores: make([]float32, len(t.upos))}
}

type scorer interface {
	Score(keys []uint32, scores []float32)
	ScoreSubset(keys []uint32, scores []float32, cands []uint16)
}

// decode tags sc.words/sc.forms into sc.pred: a right-to-left first pass
// (when the model has one) and a left-to-right second pass that also sees
// the first pass's tags.
func (t *Tagger) decode(sc *scratch) {
	t.lex(sc)
	if t.model != nil {
		// Run-time models: the static features are hashed once for both passes.
		t.statics(sc)
		var first []uint16
		if t.first != nil {
			sc.first = t.passModel(sc, t.first, true, nil, sc.first[:0])
			first = sc.first
		}
		sc.pred = t.passModel(sc, t.model, false, first, sc.pred[:0])
		t.finiteVerb(sc)
		return
	}
	var first []uint16
	if t.first != nil {
		sc.first = t.pass(sc, t.first, true, nil, sc.first[:0])
		first = sc.first
	}
	sc.pred = t.pass(sc, t.model, false, first, sc.pred[:0])
	t.finiteVerb(sc)
}

// finiteMargin is how far below its chosen tag a finite-verb tag may
// score and still be taken by finiteVerb.
const finiteMargin = 2.0

// finiteVerb makes sure a sentence of three or more words that the pass
// left without a finite verb gets one when some word nearly was one:
// "Russian police arrested Russian students" has "arrested" as a
// participle only because "police arrested" also starts a noun phrase.
// The word whose finite-verb tag came closest, within finiteMargin, takes
// it. Headline fragments ("Five killed in blast") keep their tags unless
// the model itself hesitated.
func (t *Tagger) finiteVerb(sc *scratch) {
	n := len(sc.pred)
	if n < 3 || len(sc.margin) != n || t.finite == nil {
		return
	}
	best := -1
	for i, c := range sc.pred {
		if t.finite[c] || t.xpos[c] == "MD" {
			return
		}
		if sc.margin[i] < finiteMargin && (best < 0 || sc.margin[i] < sc.margin[best]) {
			best = i
		}
	}
	if best >= 0 {
		sc.pred[best] = sc.alt[best]
	}
}

// noteFinite records, after word i of the left-to-right pass was tagged
// from sc.scores, how far its best finite-verb tag fell behind.
func (t *Tagger) noteFinite(sc *scratch, i int, cands []uint16, chosen uint16) {
	const none = float32(1e30)
	sc.margin[i] = none
	if t.finite == nil {
		return
	}
	alt, found := uint16(0), false
	consider := func(c uint16) {
		if t.finite[c] && (!found || sc.scores[c] > sc.scores[alt]) {
			alt, found = c, true
		}
	}
	if cands != nil {
		for _, c := range cands {
			consider(c)
		}
	} else {
		for c := range t.finite {
			consider(uint16(c))
		}
	}
	if found {
		sc.margin[i], sc.alt[i] = sc.scores[chosen]-sc.scores[alt], alt
	}
}

// indexFinite marks the classes that are finite verbs.
func (t *Tagger) indexFinite() {
	t.finite = make([]bool, len(t.xpos))
	for c, x := range t.xpos {
		t.finite[c] = x == "VBD" || x == "VBZ" || x == "VBP"
	}
}

// lex looks every word up in the tag dictionary and the ambiguity classes,
// and sets the word classes of the words the dictionary does not fix.
func (t *Tagger) lex(sc *scratch) {
	sc.fixed, sc.cands = sc.fixed[:0], sc.cands[:0]
	if t.lexicon != nil {
		for i, f := range sc.forms {
			e, ok := t.lexicon[f]
			if !ok {
				e.fixed = -1
			}
			if e.fixed < 0 && t.wc != nil {
				sc.words[i].SetClasses(t.wc, f)
			}
			sc.fixed = append(sc.fixed, e.fixed)
			sc.cands = append(sc.cands, e.cands)
		}
		return
	}
	for i, f := range sc.forms {
		c, ok := t.dict[f]
		if ok {
			sc.fixed = append(sc.fixed, int32(c))
			sc.cands = append(sc.cands, nil)
			continue
		}
		sc.fixed = append(sc.fixed, -1)
		sc.cands = append(sc.cands, t.amb[f])
		if t.wc != nil {
			sc.words[i].SetClasses(t.wc, f)
		}
	}
}

// pass runs one greedy decoding pass and appends the tags to out.
func (t *Tagger) pass(sc *scratch, m scorer, rev bool, first []uint16, out []uint16) []uint16 {
	if am, ok := m.(*ap.Model); ok {
		t.statics(sc)
		return t.passModel(sc, am, rev, first, out)
	}
	n := len(sc.words)
	none := uint16(len(t.upos))
	if cap(out) < n {
		out = make([]uint16, n)
	}
	out = out[:n]
	for k := 0; k < n; k++ {
		i, d := k, -1
		if rev {
			i, d = n-1-k, 1
		}
		if c := sc.fixed[i]; c >= 0 {
			out[i] = uint16(c)
			continue
		}
		t1, t2 := decoded(out, i, d, none)
		sc.keys = passFeatures(sc.keys[:0], sc.words, i, rev, t1, t2, first, none)
		for j := range sc.scores {
			sc.scores[j] = 0
		}
		if cands := sc.cands[i]; cands != nil {
			m.ScoreSubset(sc.keys, sc.scores, cands)
			out[i] = argmaxOf(sc.scores, cands)
		} else {
			m.Score(sc.keys, sc.scores)
			out[i] = uint16(argmax(sc.scores))
		}
	}
	return out
}

// decoded returns the tags already decoded one and two words back from i
// (d is the step back: -1 left to right, +1 right to left), none outside
// the sentence.
func decoded(out []uint16, i, d int, none uint16) (t1, t2 uint16) {
	t1, t2 = none, none
	if j := i + d; j >= 0 && j < len(out) {
		t1 = out[j]
	}
	if j := i + 2*d; j >= 0 && j < len(out) {
		t2 = out[j]
	}
	return t1, t2
}

// statics hashes the static features of every word that the tag
// dictionary does not fix into sc.skeys/sc.soff (after lex).
func (t *Tagger) statics(sc *scratch) {
	n := len(sc.words)
	sc.skeys, sc.soff = sc.skeys[:0], sc.soff[:0]
	for i := 0; i < n; i++ {
		sc.soff = append(sc.soff, int32(len(sc.skeys)))
		if sc.fixed[i] < 0 {
			sc.skeys = staticFeatures(sc.skeys, sc.words, i)
		}
	}
	sc.soff = append(sc.soff, int32(len(sc.skeys)))
}

// passModel is pass for a run-time model (after statics): the static features of the
// whole sentence are looked up first (so the memory accesses overlap), then
// each word adds its tag-dependent features in the same order as
// passFeatures, so the scores are bit-identical to pass.
func (t *Tagger) passModel(sc *scratch, m *ap.Model, rev bool, first []uint16, out []uint16) []uint16 {
	n := len(sc.words)
	none := uint16(len(t.upos))
	if cap(out) < n {
		out = make([]uint16, n)
	}
	out = out[:n]
	sc.srefs = m.Resolve(sc.skeys, sc.srefs[:0])
	t.resetMargins(sc, n)
	for k := 0; k < n; k++ {
		i, d := k, -1
		if rev {
			i, d = n-1-k, 1
		}
		if c := sc.fixed[i]; c >= 0 {
			out[i] = uint16(c)
			continue
		}
		t1, t2 := decoded(out, i, d, none)
		sc.keys = tagFeatures(sc.keys[:0], sc.words, i, t1, t2, rev)
		if first != nil {
			sc.keys = firstFeatures(sc.keys, sc.words, i, t1, first, none)
		}
		sc.trefs = m.Resolve(sc.keys, sc.trefs[:0])
		for j := range sc.scores {
			sc.scores[j] = 0
		}
		srefs := sc.srefs[sc.soff[i]:sc.soff[i+1]]
		cands := sc.cands[i]
		if cands != nil {
			m.ScoreRefsSubset(srefs, sc.scores, cands)
			m.ScoreRefsSubset(sc.trefs, sc.scores, cands)
			out[i] = argmaxOf(sc.scores, cands)
		} else {
			m.ScoreRefs(srefs, sc.scores)
			m.ScoreRefs(sc.trefs, sc.scores)
			out[i] = uint16(argmax(sc.scores))
		}
		if !rev {
			t.noteFinite(sc, i, cands, out[i])
		}
	}
	return out
}

// resetMargins sizes the finite-verb margins for n words, none recorded.
func (t *Tagger) resetMargins(sc *scratch, n int) {
	if cap(sc.margin) < n {
		sc.margin, sc.alt = make([]float32, n), make([]uint16, n)
	}
	sc.margin, sc.alt = sc.margin[:n], sc.alt[:n]
	for i := range sc.margin {
		sc.margin[i] = 1e30
	}
}

func argmaxOf(s []float32, cands []uint16) uint16 {
	b := cands[0]
	for _, c := range cands[1:] {
		if s[c] > s[b] {
			b = c
		}
	}
	return b
}

func argmax(s []float32) int {
	b := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[b] {
			b = i
		}
	}
	return b
}

// File magics: version 2 adds the fingerprint of the word-class table the
// model was trained with (0: none).
const (
	fileMagic1 = "dyad-tagger1"
	fileMagic  = "dyad-tagger2"
)

// Encode writes the gzip-compressed model.
func (t *Tagger) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(fileMagic)
	var fp uint64
	if t.wc != nil {
		fp = t.wc.Fingerprint()
	}
	bw.Write(binary.LittleEndian.AppendUint64(nil, fp))
	putU(uint64(len(t.upos)))
	for i := range t.upos {
		putS(t.upos[i])
		putS(t.xpos[i])
	}
	forms := make([]string, 0, len(t.dict))
	for f := range t.dict {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	putU(uint64(len(forms)))
	for _, f := range forms {
		putS(f)
		putU(uint64(t.dict[f]))
	}
	forms = forms[:0]
	for f := range t.amb {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	putU(uint64(len(forms)))
	for _, f := range forms {
		putS(f)
		putU(uint64(len(t.amb[f])))
		for _, c := range t.amb[f] {
			putU(uint64(c))
		}
	}
	forms = forms[:0]
	for f := range t.lower {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	putU(uint64(len(forms)))
	for _, f := range forms {
		putS(f)
	}
	// Lemma dictionary: only entries the rules do not already get right.
	fallback := &Lemmatizer{dict: nil, rules: t.lem.rules, irr: t.lem.irr}
	var lk []string
	for k, v := range t.lem.dict {
		i := strings.IndexByte(k, '\t')
		if fallback.Lemma(k[:i], "", k[i+1:]) != v {
			lk = append(lk, k)
		}
	}
	sort.Strings(lk)
	putU(uint64(len(lk)))
	for _, k := range lk {
		putS(k)
		putS(t.lem.dict[k])
	}
	rk := make([]string, 0, len(t.lem.rules))
	for k := range t.lem.rules {
		rk = append(rk, k)
	}
	sort.Strings(rk)
	putU(uint64(len(rk)))
	for _, k := range rk {
		r := t.lem.rules[k]
		putS(k)
		putU(uint64(r.Strip))
		putS(r.Add)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := t.model.Encode(zw); err != nil {
		return err
	}
	if t.first != nil {
		if err := t.first.Encode(zw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Decode reads a model written by Encode; name is used in errors.
func Decode(ctx context.Context, name string, r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	br := bufio.NewReader(zr)
	fail := func(what string, err error) (*Tagger, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("%s: tagger model: %s: %w", name, what, err)
	}
	getU := func() (uint64, error) { return binary.ReadUvarint(br) }
	getS := func() (string, error) {
		n, err := getU()
		if err != nil {
			return "", err
		}
		if n > 1<<20 {
			return "", errors.New("string too long")
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", err
		}
		return string(b), nil
	}
	mg := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, mg); err != nil || (string(mg) != fileMagic && string(mg) != fileMagic1) {
		return fail("header", errOr(err, "bad magic"))
	}
	var wc *wordclass.Table
	if string(mg) == fileMagic {
		var b [8]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return fail("header", err)
		}
		if fp := binary.LittleEndian.Uint64(b[:]); fp != 0 {
			if wc, err = wordclass.Load(); err != nil {
				return fail("word classes", err)
			}
			if wc.Fingerprint() != fp {
				return fail("word classes", fmt.Errorf("model trained with word-class table %016x, embedded table is %016x (retrain with dyad train tagger)", fp, wc.Fingerprint()))
			}
		}
	}
	t := &Tagger{wc: wc, dict: map[string]uint16{}, lem: &Lemmatizer{dict: map[string]string{}, rules: map[string]Rule{}, irr: irregulars()}}
	nc, err := getU()
	if err != nil || nc == 0 || nc > 1<<15 {
		return fail("classes", errOr(err, "bad count"))
	}
	for i := uint64(0); i < nc; i++ {
		u, err1 := getS()
		x, err2 := getS()
		if err1 != nil || err2 != nil {
			return fail("classes", errors.Join(err1, err2))
		}
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	nd, err := getU()
	if err != nil {
		return fail("tag dictionary", err)
	}
	for i := uint64(0); i < nd; i++ {
		f, err := getS()
		if err != nil {
			return fail("tag dictionary", err)
		}
		c, err := getU()
		if err != nil || c >= nc {
			return fail("tag dictionary", errOr(err, "bad class"))
		}
		t.dict[f] = uint16(c)
	}
	na, err := getU()
	if err != nil {
		return fail("ambiguity classes", err)
	}
	t.amb = make(map[string][]uint16, min(na, 1<<16))
	for i := uint64(0); i < na; i++ {
		f, err := getS()
		if err != nil {
			return fail("ambiguity classes", err)
		}
		k, err := getU()
		if err != nil || k == 0 || k > nc {
			return fail("ambiguity classes", errOr(err, "bad count"))
		}
		cs := make([]uint16, k)
		for j := range cs {
			c, err := getU()
			if err != nil || c >= nc {
				return fail("ambiguity classes", errOr(err, "bad class"))
			}
			cs[j] = uint16(c)
		}
		t.amb[f] = cs
	}
	nw, err := getU()
	if err != nil {
		return fail("lower-case vocabulary", err)
	}
	t.lower = make(map[string]bool, min(nw, 1<<16))
	for i := uint64(0); i < nw; i++ {
		f, err := getS()
		if err != nil {
			return fail("lower-case vocabulary", err)
		}
		t.lower[f] = true
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	nl, err := getU()
	if err != nil {
		return fail("lemma dictionary", err)
	}
	for i := uint64(0); i < nl; i++ {
		k, err1 := getS()
		v, err2 := getS()
		if err1 != nil || err2 != nil {
			return fail("lemma dictionary", errors.Join(err1, err2))
		}
		t.lem.dict[k] = v
	}
	nr, err := getU()
	if err != nil {
		return fail("lemma rules", err)
	}
	for i := uint64(0); i < nr; i++ {
		k, err1 := getS()
		s, err2 := getU()
		a, err3 := getS()
		if err1 != nil || err2 != nil || err3 != nil {
			return fail("lemma rules", errors.Join(err1, err2, err3))
		}
		t.lem.rules[k] = Rule{Strip: int(s), Add: a}
	}
	m, err := ap.Decode(name, br)
	if err != nil {
		return nil, err
	}
	if m.NClass != len(t.upos) {
		return fail("weights", errors.New("class count mismatch"))
	}
	t.model = m
	if _, err := br.Peek(1); err == nil {
		f, err := ap.Decode(name, br)
		if err != nil {
			return nil, err
		}
		if f.NClass != len(t.upos) {
			return fail("first pass", errors.New("class count mismatch"))
		}
		t.first = f
	}
	t.indexLexicon()
	t.indexFinite()
	t.lem.indexRules()
	return t, nil
}

func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errors.New(msg)
}
