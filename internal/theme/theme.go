// Package theme owns the PLOVER contexts of sentences and documents
// (military, diplomatic, economic, resource, terrorism, ...): a keyword
// and pattern lexicon written for dyad (data/contexts.txt), matched over
// token forms, whose context names are checked against the ontology's.
// The special contexts (historical, future, hypothetical) come from
// package timex, not from here.
package theme

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
)

//go:embed data/contexts.txt
var contextsTxt string

// word is one word of a pattern; prefix words end in "*" in the file.
type word struct {
	w      string
	prefix bool
}

type pattern struct {
	words  []word
	ctx    int // index into Lexicon.names
	weight float64
}

// Lexicon finds contexts. It is read-only after Load and safe for
// concurrent use.
type Lexicon struct {
	names  []string         // context names in ontology order
	exact  map[string][]int // first word -> patterns
	prefix map[string][]int // first three bytes of a prefix first word -> patterns
	pats   []pattern
}

// Load reads the embedded lexicon and checks its context names against
// the ontology.
func Load() (*Lexicon, error) {
	o, err := ontology.Load()
	if err != nil {
		return nil, err
	}
	return parse("theme/data/contexts.txt", contextsTxt, o.Contexts())
}

func parse(name, data string, known []string) (*Lexicon, error) {
	l := &Lexicon{exact: map[string][]int{}, prefix: map[string][]int{}}
	order := map[string]int{}
	for i, k := range known {
		order[k] = i
	}
	idx := map[string]int{}
	cur := -1
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '[' {
			if !strings.HasSuffix(t, "]") {
				return nil, fmt.Errorf("%s:%d: unclosed context header %q", name, line, t)
			}
			n := t[1 : len(t)-1]
			if _, ok := order[n]; !ok {
				return nil, fmt.Errorf("%s:%d: unknown PLOVER context %q", name, line, n)
			}
			if _, dup := idx[n]; dup {
				return nil, fmt.Errorf("%s:%d: context %q defined twice", name, line, n)
			}
			idx[n] = len(l.names)
			cur = len(l.names)
			l.names = append(l.names, n)
			continue
		}
		if cur < 0 {
			return nil, fmt.Errorf("%s:%d: pattern before any [context]", name, line)
		}
		p := pattern{ctx: cur, weight: 1}
		if tab := strings.IndexByte(t, '\t'); tab >= 0 {
			w, err := strconv.ParseFloat(strings.TrimSpace(t[tab+1:]), 64)
			if err != nil || w <= 0 {
				return nil, fmt.Errorf("%s:%d: bad weight %q", name, line, t[tab+1:])
			}
			p.weight = w
			t = strings.TrimSpace(t[:tab])
		}
		for _, f := range strings.Fields(strings.ToLower(t)) {
			wd := word{w: f}
			if strings.HasSuffix(f, "*") {
				wd = word{w: strings.TrimSuffix(f, "*"), prefix: true}
				if len(wd.w) < 3 {
					return nil, fmt.Errorf("%s:%d: prefix %q shorter than 3 letters", name, line, f)
				}
			}
			p.words = append(p.words, wd)
		}
		k := len(l.pats)
		l.pats = append(l.pats, p)
		if w0 := p.words[0]; w0.prefix {
			l.prefix[w0.w[:3]] = append(l.prefix[w0.w[:3]], k)
		} else {
			l.exact[w0.w] = append(l.exact[w0.w], k)
		}
	}
	// Keep the names in ontology order for stable output.
	sort.SliceStable(l.names, func(i, j int) bool { return order[l.names[i]] < order[l.names[j]] })
	remap := map[int]int{}
	for n, i := range idx {
		for j, m := range l.names {
			if m == n {
				remap[i] = j
			}
		}
	}
	for k := range l.pats {
		l.pats[k].ctx = remap[l.pats[k].ctx]
	}
	return l, nil
}

// Contexts returns the context names the lexicon can assign.
func (l *Lexicon) Contexts() []string { return append([]string(nil), l.names...) }

func (w word) match(f string) bool {
	if w.prefix {
		return strings.HasPrefix(f, w.w)
	}
	return f == w.w
}

// scores adds the weight of every pattern matching s into acc (indexed by
// context) and returns acc.
func (l *Lexicon) scores(s *dyad.Sentence, acc []float64) []float64 {
	if acc == nil {
		acc = make([]float64, len(l.names))
	}
	n := len(s.Tokens)
	forms := make([]string, n)
	for i := range s.Tokens {
		forms[i] = strings.ToLower(s.Tokens[i].Form())
	}
	// A pattern counts once per sentence.
	var seen []int
	try := func(k, i int) {
		p := &l.pats[k]
		if i+len(p.words) > n {
			return
		}
		for _, x := range seen {
			if x == k {
				return
			}
		}
		for j, w := range p.words {
			if !w.match(forms[i+j]) {
				return
			}
		}
		seen = append(seen, k)
		acc[p.ctx] += p.weight
	}
	for i, f := range forms {
		for _, k := range l.exact[f] {
			try(k, i)
		}
		if len(f) >= 3 {
			for _, k := range l.prefix[f[:3]] {
				try(k, i)
			}
		}
	}
	return acc
}

// Sentence returns the contexts of a sentence, in ontology order: those
// whose matched patterns weigh at least 1.
func (l *Lexicon) Sentence(s *dyad.Sentence) []string {
	if l == nil || s == nil {
		return nil
	}
	var out []string
	for c, w := range l.scores(s, nil) {
		if w >= 1 {
			out = append(out, l.names[c])
		}
	}
	return out
}

// Document returns the contexts of a document, strongest first: a
// context counts when its patterns weigh at least 2 over the document,
// or at least 1 in the headline; ties keep ontology order.
func (l *Lexicon) Document(doc *dyad.Document) []string {
	if l == nil || doc == nil {
		return nil
	}
	total := make([]float64, len(l.names))
	head := make([]float64, len(l.names))
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if s.Headline {
			l.scores(s, head)
		} else {
			l.scores(s, total)
		}
	}
	type cs struct {
		c int
		w float64
	}
	var keep []cs
	for c := range total {
		if total[c]+head[c] >= 2 || head[c] >= 1 {
			keep = append(keep, cs{c, total[c] + 2*head[c]})
		}
	}
	sort.SliceStable(keep, func(i, j int) bool { return keep[i].w > keep[j].w })
	out := make([]string, len(keep))
	for i, k := range keep {
		out[i] = l.names[k.c]
	}
	return out
}
