// Package ner owns named-entity recognition: a structured averaged
// perceptron with Viterbi decoding under IOB2 constraints that labels PER,
// ORG and LOC (trained on UNER English EWT, the mean of several perceptrons),
// with features of the words, their POS tags, their word classes
// (internal/wordclass), the capitalised name run they sit in (its head,
// keywords, an acronym in parentheses after it, "the" before it) and
// gazetteer matches that any name list can feed; optionally a stacked second
// pass that also sees the first pass's labels (stack.go, off in the shipped
// model: it did not pay); optionally document context, how the rest of the
// document writes each word (doc.go, off in the shipped model: it did not
// pay on dev); and a rule layer that adds DATE,
// TIME, MONEY, PERCENT and NUMBER. The model is embedded (see model/LICENSE.md) and trained with
// `dyad train ner`.
package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/tag/ap"
	"github.com/dyad-events/dyad/internal/wordclass"
)

//go:embed model
var modelFS embed.FS

// ModelPath is where the shipped model lives, relative to the repo root.
const ModelPath = "internal/ner/model/ner.bin.gz"

// Labels are the model's IOB2 labels; index 0 is "O".
var labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const nLabels = 7

// Entity is one entity mention: tokens [Start, End) of a sentence and the
// byte offsets of their text in the document.
type Entity struct {
	Type       string // PER, ORG, LOC, DATE, TIME, MONEY, PERCENT, NUMBER
	Start, End int    // token indices, End exclusive
	ByteStart  int
	ByteEnd    int
}

// Recognizer labels entities. It is safe for concurrent use.
type Recognizer struct {
	tagger *tag.Tagger
	wc     *wordclass.Table
	model  *Model
	gaz    *Gazetteer
	pool   *sync.Pool
	rules  *ruleFilter // nil: rules test their word lists directly
	useDoc bool        // the model has document-context weights (see usesDoc)
}

// Load returns the embedded recogniser with the embedded tagger, the
// embedded word classes and the default gazetteer. Call it once and share
// the result.
func Load() (*Recognizer, error) {
	tg, err := tag.Load()
	if err != nil {
		return nil, err
	}
	return LoadWith(tg)
}

// LoadWith returns the embedded recogniser over an already loaded tagger
// (the pipeline's), sharing its word-class table, so that neither is
// loaded twice.
func LoadWith(tg *tag.Tagger) (*Recognizer, error) {
	wc := tg.WordClasses()
	if wc == nil {
		var err error
		if wc, err = wordclass.Load(); err != nil {
			return nil, err
		}
	}
	b, err := modelFS.ReadFile("model/ner.bin.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model missing (run dyad train ner): %w", err)
	}
	m, err := Decode("embedded ner model", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	g, err := DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	return New(tg, wc, m, g), nil
}

// Model is the trained weights of a recogniser and the case profile of
// the training vocabulary (how often each word is capitalised inside a
// sentence).
type Model struct {
	m      *ap.Model
	second *ap.Model        // stacked pass (nil: one pass); its features add the first pass's labels
	cases  map[string]uint8 // lowercased form -> case bucket (see caseBucket)
	wcFP   uint64           // fingerprint of the word-class table trained with
}

// WordClassFingerprint returns the fingerprint of the word-class table the
// model was trained with (see wordclass.Table.Fingerprint).
func (m *Model) WordClassFingerprint() uint64 { return m.wcFP }

// New assembles a recogniser from a tagger (for POS features), a word-class
// table (the one the model was trained with), a model and a gazetteer.
func New(tg *tag.Tagger, wc *wordclass.Table, m *Model, g *Gazetteer) *Recognizer {
	return &Recognizer{tagger: tg, wc: wc, model: m, gaz: g, pool: newPool(), rules: newRuleFilter(), useDoc: m.usesDoc()}
}

// WithGazetteer returns a recogniser that shares r's models but matches
// names from g (for example a gazetteer extended with actor names).
func (r *Recognizer) WithGazetteer(g *Gazetteer) *Recognizer {
	return &Recognizer{tagger: r.tagger, wc: r.wc, model: r.model, gaz: g, pool: newPool(), rules: r.rules, useDoc: r.useDoc}
}

// Gazetteer returns the recogniser's gazetteer.
func (r *Recognizer) Gazetteer() *Gazetteer { return r.gaz }

// fileMagic heads a model file; fileMagicV2 files (one pass) still decode.
const (
	fileMagic   = "dyad-ner3"
	fileMagicV2 = "dyad-ner2"
)

// Encode writes the gzip-compressed model.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(fileMagic)
	var fp [8]byte
	binary.LittleEndian.PutUint64(fp[:], m.wcFP)
	bw.Write(fp[:])
	forms := make([]string, 0, len(m.cases))
	for f := range m.cases {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	var buf [binary.MaxVarintLen64]byte
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(forms)))])
	for _, f := range forms {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(f)))])
		bw.WriteString(f)
		bw.WriteByte(m.cases[f])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := m.m.Encode(zw); err != nil {
		return err
	}
	if m.second == nil {
		if _, err := zw.Write([]byte{0}); err != nil {
			return err
		}
		return zw.Close()
	}
	if _, err := zw.Write([]byte{1}); err != nil {
		return err
	}
	if err := m.second.Encode(zw); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode; name is used in errors.
func Decode(name string, r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	br := bufio.NewReader(zr)
	mg := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, mg); err != nil || (string(mg) != fileMagic && string(mg) != fileMagicV2) {
		return nil, fmt.Errorf("%s: ner model: bad header", name)
	}
	var fp [8]byte
	if _, err := io.ReadFull(br, fp[:]); err != nil {
		return nil, fmt.Errorf("%s: ner model: word-class fingerprint: %w", name, err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("%s: ner model: case profile size: %v", name, err)
	}
	cases := make(map[string]uint8, min(n, 1<<16))
	for i := uint64(0); i < n; i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<16 {
			return nil, fmt.Errorf("%s: ner model: case profile entry %d: %v", name, i, err)
		}
		b := make([]byte, l+1)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%s: ner model: case profile entry %d: %w", name, i, err)
		}
		cases[string(b[:l])] = b[l]
	}
	m, err := ap.Decode(name, br)
	if err != nil {
		return nil, err
	}
	if m.NClass != nLabels {
		return nil, fmt.Errorf("%s: ner model: %d labels, want %d", name, m.NClass, nLabels)
	}
	out := &Model{m: m, cases: cases, wcFP: binary.LittleEndian.Uint64(fp[:])}
	if string(mg) == fileMagicV2 {
		return out, nil
	}
	flag, err := br.ReadByte()
	if err != nil || flag > 1 {
		return nil, fmt.Errorf("%s: ner model: second-pass flag: %v", name, err)
	}
	if flag == 1 {
		m2, err := ap.Decode(name, br)
		if err != nil {
			return nil, err
		}
		if m2.NClass != nLabels {
			return nil, fmt.Errorf("%s: ner model: second pass has %d labels, want %d", name, m2.NClass, nLabels)
		}
		out.second = m2
	}
	return out, nil
}

// scratch holds per-call buffers.
type scratch struct {
	s      sent
	keys   []uint32
	offs   []int
	em     []float32
	trans  []float32
	delta  []float32
	back   []uint8
	pred   []uint8
	gazBuf []byte
	rule   []string
}

func (r *Recognizer) get() *scratch {
	if v := r.pool.Get(); v != nil {
		return v.(*scratch)
	}
	return &scratch{}
}

// Annotate sets Ent on every token of s: PER/ORG/LOC from the model, then
// DATE, TIME, MONEY, PERCENT and NUMBER from rules on the remaining words.
// Tokens that already carry UPOS/XPOS (from the tag stage) are not re-tagged.
// The sentence is its own document context; AnnotateDocument gives every
// sentence the context of the whole document.
func (r *Recognizer) Annotate(s *dyad.Sentence) {
	r.annotate(s, sentenceForms(s), nil)
}

// AnnotateDocument annotates the sentences of one document as Annotate
// does, after a first look at all of them: each word sees how the rest of
// the document writes its form (see doc.go), when the model was trained so.
func (r *Recognizer) AnnotateDocument(sents []*dyad.Sentence) {
	if !r.useDoc {
		for _, s := range sents {
			r.Annotate(s)
		}
		return
	}
	words := make([][]string, len(sents))
	for k, s := range sents {
		words[k] = sentenceForms(s)
	}
	doc := newDocStats(words)
	for k, s := range sents {
		r.annotate(s, words[k], doc)
	}
}

func sentenceForms(s *dyad.Sentence) []string {
	words := make([]string, len(s.Tokens))
	for i := range s.Tokens {
		words[i] = s.Tokens[i].Form()
	}
	return words
}

// annotate labels one sentence whose forms are words, in document doc.
func (r *Recognizer) annotate(s *dyad.Sentence, words []string, doc docStats) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	if doc == nil && r.useDoc {
		doc = newDocStats([][]string{words})
	}
	upos := make([]string, n)
	xpos := make([]string, n)
	tagged := true
	for i := range s.Tokens {
		upos[i], xpos[i] = s.Tokens[i].UPOS, s.Tokens[i].XPOS
		if xpos[i] == "" {
			tagged = false
		}
	}
	if !tagged {
		upos, xpos, _ = r.tagger.TagWords(words)
	}
	ents := r.label(words, upos, xpos, true, doc)
	joinHyphenatedNames(s.Tokens, ents)
	for i := range s.Tokens {
		s.Tokens[i].Ent = ents[i]
	}
}

// joinHyphenatedNames joins a person name that the model split at a
// hyphen written without spaces ("Jean-Paul Mugisha" tokenised as "Jean",
// "-", "Paul Mugisha"): the hyphen and the name after it continue the name
// before it. Only the byte offsets tell an attached hyphen from a dash, so
// this runs where tokens carry them (Annotate).
func joinHyphenatedNames(toks []dyad.Token, ents []string) {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Text != "-" || ents[i] != "O" || ents[i+1] != "B-PER" ||
			(ents[i-1] != "B-PER" && ents[i-1] != "I-PER") ||
			toks[i-1].End != toks[i].Start || toks[i].End != toks[i+1].Start {
			continue
		}
		ents[i], ents[i+1] = "I-PER", "I-PER"
	}
}

// RecognizeWords labels a sentence given as words and returns IOB2 tags.
// With rules false only PER, ORG and LOC are produced (as in UNER).
// The sentence is its own document context.
func (r *Recognizer) RecognizeWords(words []string, rules bool) []string {
	var doc docStats
	if r.useDoc {
		doc = newDocStats([][]string{words})
	}
	upos, xpos, _ := r.tagger.TagWords(words)
	return r.label(words, upos, xpos, rules, doc)
}

// RecognizeDocument labels the sentences of one document (each given as
// words) with the document as their context and returns IOB2 tags per
// sentence. With rules false only PER, ORG and LOC are produced.
func (r *Recognizer) RecognizeDocument(sents [][]string, rules bool) [][]string {
	var doc docStats
	if r.useDoc {
		doc = newDocStats(sents)
	}
	out := make([][]string, len(sents))
	for k, words := range sents {
		upos, xpos, _ := r.tagger.TagWords(words)
		out[k] = r.label(words, upos, xpos, rules, doc)
	}
	return out
}

func (r *Recognizer) label(words, upos, xpos []string, rules bool, doc docStats) []string {
	sc := r.get()
	defer r.pool.Put(sc)
	sc.s.build(words, upos, xpos, r.gaz, r.model.cases, r.wc, &sc.gazBuf)
	if r.useDoc {
		sc.s.setDoc(doc)
	}
	sc.pred = r.viterbi(sc, r.model.m)
	if r.model.second != nil {
		sc.s.setPrev(sc.pred)
		sc.pred = r.viterbi(sc, r.model.second)
	}
	out := make([]string, len(words))
	for i, p := range sc.pred {
		out[i] = labels[p]
	}
	if rules {
		applyRulesLower(words, sc.s.lower, out, r.rules)
	}
	return out
}

// emissions computes the per-word label scores into sc.em and the
// transition scores into sc.trans, using m.
func (r *Recognizer) emissions(sc *scratch, m scorer) {
	n := len(sc.s.words)
	sc.keys, sc.offs = sc.keys[:0], sc.offs[:0]
	for i := 0; i < n; i++ {
		sc.offs = append(sc.offs, len(sc.keys))
		sc.keys = sc.s.features(sc.keys, i)
		if sc.s.stacked {
			sc.keys = sc.s.stackFeatures(sc.keys, i)
		}
	}
	sc.offs = append(sc.offs, len(sc.keys))
	sc.em = resize(sc.em, n*nLabels)
	for i := 0; i < n; i++ {
		m.Score(sc.keys[sc.offs[i]:sc.offs[i+1]], sc.em[i*nLabels:(i+1)*nLabels])
	}
	sc.trans = resize(sc.trans, (nLabels+1)*nLabels)
	var k [1]uint32
	for p := 0; p <= nLabels; p++ {
		k[0] = transKey(p)
		m.Score(k[:], sc.trans[p*nLabels:(p+1)*nLabels])
	}
}

type scorer interface {
	Score(keys []uint32, scores []float32)
}

func transKey(prev int) uint32 { return ap.Start(200).Mix(uint64(prev)).Key() }

// allowed reports whether label y may follow label p (p == nLabels is the
// sentence start) under IOB2: I-X only after B-X or I-X.
func allowed(p, y int) bool {
	if y == 0 || y%2 == 1 {
		return true
	}
	return p != nLabels && p != 0 && (p == y || p == y-1)
}

func (r *Recognizer) viterbi(sc *scratch, m scorer) []uint8 {
	r.emissions(sc, m)
	return decodeViterbi(sc)
}

// allowedPrev lists, per label y, the labels that may precede it in
// increasing order (allowed(p, y) for p < nLabels; checked by a test).
var allowedPrev = [nLabels][]uint8{
	{0, 1, 2, 3, 4, 5, 6}, {0, 1, 2, 3, 4, 5, 6}, {1, 2},
	{0, 1, 2, 3, 4, 5, 6}, {3, 4}, {0, 1, 2, 3, 4, 5, 6}, {5, 6},
}

func decodeViterbi(sc *scratch) []uint8 {
	n := len(sc.s.words)
	sc.delta = resize(sc.delta, n*nLabels)
	if cap(sc.back) < n*nLabels {
		sc.back = make([]uint8, n*nLabels)
	}
	sc.back = sc.back[:n*nLabels]
	const neg = float32(-1e30)
	if n > 0 {
		for y := 0; y < nLabels; y++ {
			best := neg
			if allowed(nLabels, y) {
				best = sc.trans[nLabels*nLabels+y]
			}
			sc.delta[y] = best + sc.em[y]
			sc.back[y] = 0
		}
	}
	for i := 1; i < n; i++ {
		prev := sc.delta[(i-1)*nLabels : i*nLabels : i*nLabels]
		cur := sc.delta[i*nLabels : (i+1)*nLabels : (i+1)*nLabels]
		em := sc.em[i*nLabels : (i+1)*nLabels : (i+1)*nLabels]
		back := sc.back[i*nLabels : (i+1)*nLabels : (i+1)*nLabels]
		for y := 0; y < nLabels; y++ {
			best, bp := neg, 0
			for _, p := range allowedPrev[y] {
				v := prev[p] + sc.trans[int(p)*nLabels+y]
				if v > best {
					best, bp = v, int(p)
				}
			}
			cur[y] = best + em[y]
			back[y] = uint8(bp)
		}
	}
	if cap(sc.pred) < n {
		sc.pred = make([]uint8, n)
	}
	pred := sc.pred[:n]
	if n == 0 {
		return pred
	}
	b := 0
	for y := 1; y < nLabels; y++ {
		if sc.delta[(n-1)*nLabels+y] > sc.delta[(n-1)*nLabels+b] {
			b = y
		}
	}
	for i := n - 1; i >= 0; i-- {
		pred[i] = uint8(b)
		b = int(sc.back[i*nLabels+b])
	}
	return pred
}

func resize(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = 0
	}
	return s
}

// Entities returns the entity mentions of an annotated sentence.
func Entities(s *dyad.Sentence) []Entity {
	tags := make([]string, len(s.Tokens))
	for i := range s.Tokens {
		tags[i] = s.Tokens[i].Ent
	}
	spans := Spans(tags)
	for i := range spans {
		spans[i].ByteStart = s.Tokens[spans[i].Start].Start
		spans[i].ByteEnd = s.Tokens[spans[i].End-1].End
	}
	return spans
}

// Spans decodes IOB2 tags into entities (token offsets only). An I- tag
// that does not continue an entity of its type starts a new one.
func Spans(tags []string) []Entity {
	var out []Entity
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' {
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Entity{Type: typ, Start: i, End: j})
		i = j - 1
	}
	return out
}

func newPool() *sync.Pool { return &sync.Pool{} }
