package actor

import "strings"

// use says in which role a name of an entry was written.
type use uint8

const (
	useName    use = iota // name or alias of a country, igo or org
	useAdj                // adjective
	usePeople             // plural demonym
	useCapital            // capital as the government
	useInst               // government metonym or institution
	usePerson             // person name or alias
	useAgent              // generic agent word
)

// target is what a matched name stands for.
type target struct {
	e      *Entry
	use    use
	prefix bool // an agent word whose code goes before the actor's ("MSF Arnor" = NGOARN)
	inst   int  // index into e.Insts for useInst
	order  int  // entry position; later entries win
}

func (t *target) beats(o *target) bool {
	if o == nil {
		return true
	}
	if t.order != o.order {
		return t.order > o.order
	}
	return t.use < o.use
}

// node is a byte trie node. Patterns are indexed with their blanks removed,
// so that a name matches a run of tokens whatever the tokenizer did with
// hyphens and periods ("al-Qaeda" = al|-|Qaeda = al-Qaeda).
type node struct {
	keys []byte
	kids []*node
	t    *target
}

func (n *node) child(b byte) *node {
	for i, k := range n.keys {
		if k == b {
			return n.kids[i]
		}
	}
	return nil
}

func (n *node) insert(key string, t *target) {
	cur := n
	for i := 0; i < len(key); i++ {
		nx := cur.child(key[i])
		if nx == nil {
			nx = &node{}
			cur.keys = append(cur.keys, key[i])
			cur.kids = append(cur.kids, nx)
		}
		cur = nx
	}
	if t.beats(cur.t) {
		cur.t = t
	}
}

type index struct {
	exact  *node // names, case-sensitive
	folded *node // agent words, ASCII case-insensitive
	caps   *node // names, ASCII case-insensitive, for all-capitals sentences
	// sectors holds the agent keys of the dictionary; countries the
	// country codes (to split codes into country and sector).
	sectors   map[string]bool
	countries map[string]*Entry
}

// patternKey normalises a name for the trie: blanks and underscores
// (which join words inside a token) removed, curly
// apostrophes straightened, optionally ASCII-lower-cased.
func patternKey(s string, fold bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '_':
			continue
		case r == '\u2019' || r == '\u2018':
			b.WriteByte('\'')
		case fold && r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (d *Dictionary) reindex() {
	ix := &index{exact: &node{}, folded: &node{}, caps: &node{}, sectors: map[string]bool{}, countries: map[string]*Entry{}}
	for order, e := range d.entries {
		if e == nil {
			continue
		}
		add := func(s string, u use, inst int) {
			t := &target{e: e, use: u, inst: inst, order: order}
			if u == useAgent {
				if k := patternKey(s, true); k != "" {
					ix.folded.insert(k, t)
				}
				return
			}
			if k := patternKey(s, false); k != "" {
				ix.exact.insert(k, t)
				ix.caps.insert(patternKey(s, true), t)
			}
		}
		switch e.Kind {
		case KindCountry:
			ix.countries[e.Key] = e
		case KindAgent:
			ix.sectors[e.Key] = true
		}
		if e.Kind == KindPerson {
			add(e.Key, usePerson, 0)
			for _, a := range e.Aliases {
				add(a, usePerson, 0)
			}
			continue
		}
		if e.Name != "" {
			add(e.Name, useName, 0)
		}
		for _, a := range e.Aliases {
			add(a, useName, 0)
		}
		for _, a := range e.Adjs {
			add(a, useAdj, 0)
		}
		for _, a := range e.People {
			add(a, usePeople, 0)
		}
		for _, a := range e.Capitals {
			add(a, useCapital, 0)
		}
		for i, in := range e.Insts {
			add(in.Name, useInst, i)
		}
		for _, w := range e.Words {
			add(w, useAgent, 0)
		}
		for _, w := range e.Prefixes {
			if k := patternKey(w, true); k != "" {
				ix.folded.insert(k, &target{e: e, use: useAgent, order: order, prefix: true})
			}
		}
	}
	d.idx = ix
}

// longest returns the longest match starting at token i: its end (token
// index, exclusive) and target, or 0, nil. With caps, names are matched
// ignoring ASCII case (for headlines in capitals).
func (ix *index) longest(forms []string, i int, caps bool) (int, *target) {
	names, fold := ix.exact, false
	if caps {
		names, fold = ix.caps, true
	}
	end, t := walk(names, forms, i, fold)
	if e2, t2 := walk(ix.folded, forms, i, true); t2 != nil && e2 > end {
		end, t = e2, t2
	}
	return end, t
}

func walk(root *node, forms []string, i int, fold bool) (int, *target) {
	cur := root
	bestEnd := 0
	var best *target
	for j := i; j < len(forms); j++ {
		f := forms[j]
		for k := 0; k < len(f) && cur != nil; k++ {
			c := f[k]
			if c == '_' && k > 0 && k < len(f)-1 {
				continue // "Dol_Amroth" = "Dol Amroth"
			}
			if fold && c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			cur = cur.child(c)
		}
		if cur == nil {
			break
		}
		if cur.t != nil {
			bestEnd, best = j+1, cur.t
		}
	}
	return bestEnd, best
}

// isSector reports whether s is a CAMEO sector (role) code: the dictionary's
// agent keys plus the standard CAMEO list.
func (ix *index) isSector(s string) bool {
	if ix.sectors[s] {
		return true
	}
	switch s {
	case "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU",
		"BUS", "CRM", "CVL", "REL", "HLH", "HRI", "LAB", "LEG", "ELI", "REF",
		"AGR", "DEV", "ENV", "UAF", "INS", "MOD", "RAD", "SEP", "SET", "NGM",
		"MNC", "UIS":
		return true
	}
	return false
}

// split returns the country and the primary sector of a full code:
// RUSGOV -> RUS, GOV; PSEREBHMS -> PSE, REB; IGOWSTNATMIL -> "", MIL.
func (ix *index) split(code string) (country, sector string) {
	rest := code
	if len(code) >= 3 {
		if _, ok := ix.countries[code[:3]]; ok {
			country, rest = code[:3], code[3:]
		} else if p := code[:3]; p == "IGO" || p == "NGO" || p == "IMG" {
			rest = code[3:]
		} else if len(code) >= 6 && isCountryCode(p) && ix.isSector(code[3:6]) {
			// A country missing from the dictionary: PSEREBHMS -> PSE, REB.
			return p, code[3:6]
		}
	}
	for len(rest) >= 3 {
		if ix.isSector(rest[:3]) {
			return country, rest[:3]
		}
		if country != "" {
			break
		}
		rest = rest[3:]
	}
	return country, ""
}
