package ner

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed gazetteer.tsv
var defaultGazetteer string

//go:embed gazetteer_extra.tsv
var extraGazetteer string

// Gazetteer is a list of names with an entity type (LOC, ORG, PER, or
// FIRST for given names) matched case-insensitively on token sequences.
// The recogniser uses matches as features, so a longer list (for example
// the actor dictionary's names) can be plugged in with WithGazetteer
// without retraining. Build it fully before use; it is then read-only.
type Gazetteer struct {
	names  map[string]uint8 // lowercased tokens joined by ' ' -> type index | prefixBit
	maxLen int
	first  []uint64 // bit set of hashes of names' first tokens (see firstBit)
}

// firstBits is the size of the first-token filter: tokens whose bit is
// clear cannot start a name, so matching skips them without a map lookup.
const firstBits = 1 << 20

// firstBit returns the filter bit of token w.
func firstBit(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return (h ^ h>>15) & (firstBits - 1)
}

const (
	typeMask  = 0x7f // low bits of a names value: the type, 0 when only a prefix
	prefixBit = 0x80 // the key is a proper prefix of a longer name
)

// Gazetteer types, in feature order.
var gazTypes = []string{"", "LOC", "ORG", "PER", "FIRST"}

func gazType(t string) uint8 {
	for i, g := range gazTypes {
		if i > 0 && g == t {
			return uint8(i)
		}
	}
	return 0
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer {
	return &Gazetteer{names: map[string]uint8{}, first: make([]uint64, firstBits/64)}
}

// DefaultGazetteer returns the embedded lists: gazetteer.tsv (countries,
// capitals and major cities, organisations, well-known people and given
// names, written for dyad) and gazetteer_extra.tsv (generated from the actor
// dictionary and the GeoNames-derived places; see gen_test.go).
func DefaultGazetteer() (*Gazetteer, error) {
	g := NewGazetteer()
	if err := g.Read("internal/ner/gazetteer.tsv", strings.NewReader(defaultGazetteer)); err != nil {
		return nil, err
	}
	if err := g.Read("internal/ner/gazetteer_extra.tsv", strings.NewReader(extraGazetteer)); err != nil {
		return nil, err
	}
	return g, nil
}

// Add adds name with type typ (LOC, ORG, PER or FIRST). The name is split
// into tokens the way the tokenizer would ("Al-Qaeda" -> "Al - Qaeda").
// An earlier entry of the same name wins.
func (g *Gazetteer) Add(typ, name string) error {
	t := gazType(typ)
	if t == 0 {
		return fmt.Errorf("gazetteer: unknown type %q for %q", typ, name)
	}
	toks := splitName(name)
	if len(toks) == 0 {
		return nil
	}
	for i := range toks {
		toks[i] = strings.ToLower(toks[i])
	}
	if g.first != nil {
		b := firstBit(toks[0])
		g.first[b/64] |= 1 << (b % 64)
	}
	k := strings.Join(toks, " ")
	if v := g.names[k]; v&typeMask == 0 {
		g.names[k] = v | t
	}
	// Mark the proper prefixes so that matching stops early.
	for n := 1; n < len(toks); n++ {
		g.names[strings.Join(toks[:n], " ")] |= prefixBit
	}
	if len(toks) > g.maxLen {
		g.maxLen = len(toks)
	}
	return nil
}

// Len returns the number of names.
func (g *Gazetteer) Len() int {
	n := 0
	for _, v := range g.names {
		if v&typeMask != 0 {
			n++
		}
	}
	return n
}

// Read adds "TYPE<TAB>name" lines from r ('#' starts a comment); name is
// used in errors.
func (g *Gazetteer) Read(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		typ, val, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: want TYPE<TAB>name", name, n)
		}
		if err := g.Add(strings.TrimSpace(typ), strings.TrimSpace(val)); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// splitName splits a name on spaces and around hyphens, periods inside
// abbreviations are kept ("U.S.").
func splitName(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for {
			i := strings.IndexByte(f, '-')
			if i < 0 || len(f) == 1 {
				break
			}
			if i > 0 {
				out = append(out, f[:i])
			}
			out = append(out, "-")
			f = f[i+1:]
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// match marks, for each word, the gazetteer type of the longest name
// covering it and whether it starts that name: out[i] = type*2 + (begin?0:1),
// 0 when no name covers the word.
func (g *Gazetteer) match(lower []string, out []uint8, buf *[]byte) {
	for i := range out {
		out[i] = 0
	}
	if g == nil || len(g.names) == 0 {
		return
	}
	for i := 0; i < len(lower); {
		if g.first != nil {
			if b := firstBit(lower[i]); g.first[b/64]&(1<<(b%64)) == 0 {
				i++
				continue
			}
		}
		best, bt := 0, uint8(0)
		b := (*buf)[:0]
		for j := i; j < len(lower) && j-i < g.maxLen; j++ {
			if j > i {
				b = append(b, ' ')
			}
			b = append(b, lower[j]...)
			v, ok := g.names[string(b)]
			if !ok {
				break
			}
			if t := v & typeMask; t != 0 {
				best, bt = j-i+1, t
			}
			if v&prefixBit == 0 {
				break
			}
		}
		*buf = b
		if best == 0 {
			i++
			continue
		}
		for j := i; j < i+best; j++ {
			out[j] = bt*2 + 1
		}
		out[i] = bt * 2
		i += best
	}
}
