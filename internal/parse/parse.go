// Package parse owns dependency parsing: a transition-based (arc-hybrid)
// parser with an averaged-perceptron model, trained with a dynamic oracle
// and exploration, labelled with Universal Dependencies relations including
// subtypes (nsubj:pass, obl:unmarked, nmod:poss, acl:relcl, compound:prt...).
//
// Training trees that are not projective (288 of the 12,544 EWT training
// sentences) are made projective by lifting arcs (see Projectivize); no
// sentence is dropped. Features are hashed to 64-bit keys and looked up in
// a compact open-addressing table of sparse int16 weight rows.
//
// The shipped model is embedded (model/parser.model.gz, trained from UD
// English EWT, CC BY-SA 4.0; see model/LICENSE.md) and loaded with Load.
// Training lives in Train; the `dyad train parser` command drives it.
package parse

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/dyad-events/dyad/internal/dyad"
)

//go:embed model/parser.model.gz
var embeddedModel []byte

// Parser is a trained dependency parser. It is safe for concurrent use.
type Parser struct {
	m    *model
	pool sync.Pool // *scratch
}

type scratch struct {
	s      sent
	st     state
	feats  []uint64
	scores []int32
	slots  []uint64
	acc    []uint64
	words  []string
	upos   []string
	xpos   []string
}

// Load returns the parser embedded in the binary.
func Load() (*Parser, error) {
	return Read("parser.model.gz", embeddedModel)
}

// Read decodes a model written by (*Parser).Write; name is used in errors.
func Read(name string, data []byte) (*Parser, error) {
	m, err := unmarshal(name, data)
	if err != nil {
		return nil, err
	}
	return newParser(m), nil
}

func newParser(m *model) *Parser {
	p := &Parser{m: m}
	na := m.nActions()
	p.pool.New = func() any {
		return &scratch{feats: make([]uint64, 0, numFeatures), scores: make([]int32, na), slots: make([]uint64, numFeatures), acc: make([]uint64, m.lanes)}
	}
	return p
}

// Write writes the model in the format Read and Load accept.
func (p *Parser) Write(ctx context.Context, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return p.m.marshal(w)
}

// Labels returns the dependency relations the parser can predict.
func (p *Parser) Labels() []string { return append([]string(nil), p.m.labels...) }

// Features returns the number of feature rows in the model.
func (p *Parser) Features() int { return len(p.m.keys) }

// ParseWords parses one sentence given its words and their UPOS and XPOS
// tags (either tag slice may be nil or shorter than words; missing tags
// count as unknown). heads[i] is the index of word i's head, or -1 for
// the root word; deps[i] is its relation.
func (p *Parser) ParseWords(words, upos, xpos []string) (heads []int, deps []string) {
	heads = make([]int, len(words))
	deps = make([]string, len(words))
	sc := p.pool.Get().(*scratch)
	p.parse(sc, words, upos, xpos)
	for i := range words {
		heads[i], deps[i] = p.result(sc, i)
	}
	p.pool.Put(sc)
	return heads, deps
}

func (p *Parser) result(sc *scratch, i int) (int, string) {
	h, l := sc.st.head[i], sc.st.label[i]
	if int(h) == len(sc.st.head)-1 || h < 0 {
		return -1, p.m.labels[p.m.rootLabel]
	}
	return int(h), p.m.labels[l]
}

// Annotate sets Head (-1 for the root word) and Dep on every token of s
// from the token forms and the UPOS/XPOS set by the tagger, and marks s
// as parsed.
func (p *Parser) Annotate(s *dyad.Sentence) {
	sc := p.pool.Get().(*scratch)
	sc.words, sc.upos, sc.xpos = sc.words[:0], sc.upos[:0], sc.xpos[:0]
	for i := range s.Tokens {
		t := &s.Tokens[i]
		sc.words = append(sc.words, t.Form())
		sc.upos = append(sc.upos, t.UPOS)
		sc.xpos = append(sc.xpos, t.XPOS)
	}
	p.parse(sc, sc.words, sc.upos, sc.xpos)
	for i := range s.Tokens {
		s.Tokens[i].Head, s.Tokens[i].Dep = p.result(sc, i)
	}
	s.Parsed = true
	p.pool.Put(sc)
}

// parse runs the greedy parser; the tree is left in sc.st.
func (p *Parser) parse(sc *scratch, words, upos, xpos []string) {
	m := p.m
	m.encode(&sc.s, words, upos, xpos)
	sc.st.reset(len(words))
	nl := len(m.labels)
	for !sc.st.terminal() {
		if a := forced(&sc.st, m.rootLabel); a >= 0 {
			sc.st.apply(a, nl)
			continue
		}
		sc.feats = extract(&sc.s, &sc.st, sc.feats)
		if cap(sc.slots) < len(sc.feats) {
			sc.slots = make([]uint64, len(sc.feats))
		}
		m.score(sc.feats, sc.scores, sc.slots, sc.acc)
		sc.st.apply(bestAction(&sc.st, sc.scores, nl, m.rootLabel), nl)
	}
}

// String describes the model.
func (p *Parser) String() string {
	return fmt.Sprintf("parser: %d labels, %d words, %d features, %d weights", len(p.m.labels), len(p.m.words), len(p.m.keys), len(p.m.ws))
}
