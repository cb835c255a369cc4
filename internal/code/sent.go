package code

import (
	"strings"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
)

// sent is a sentence prepared for matching.
type sent struct {
	in     Input
	s      *dyad.Sentence
	toks   []dyad.Token
	ms     []actor.Mention
	at     []int      // token index -> mention index, -1 if none
	lem    [][]string // lemma candidates per token
	low    []string   // lower-cased forms
	quot   []bool     // token is inside a quotation
	capGov bool       // capitals stay governments after locative prepositions
	kids   [][]int    // dependents per token, built on first use (parsed sentences)
}

func newSent(in Input) *sent {
	s := in.Sentence
	st := &sent{in: in, s: s, toks: s.Tokens}
	st.ms = mergeOf(s.Tokens, in.Mentions)
	n := len(s.Tokens)
	st.at = make([]int, n)
	for i := range st.at {
		st.at[i] = -1
	}
	for mi, m := range st.ms {
		for k := m.Start; k < m.End && k < n; k++ {
			st.at[k] = mi
		}
	}
	st.lem = make([][]string, n)
	st.low = make([]string, n)
	st.quot = make([]bool, n)
	inq := false
	for i := range s.Tokens {
		t := &s.Tokens[i]
		st.low[i] = strings.ToLower(t.Form())
		st.lem[i] = lemmaCandidates(t.Form(), t.Lemma, nil)
		f := t.Form()
		if isQuote(f) {
			inq = !inq
			continue
		}
		st.quot[i] = inq
	}
	return st
}

func isQuote(f string) bool {
	switch f {
	case `"`, "“", "”", "``", "''", "«", "»":
		return true
	}
	return false
}

// mergeOf joins "the president of Kyrgyzstan", "police in Kenya" (an
// agent without a country followed by of/in, or "from" before the verb,
// an optional "the", and a country or capital) into one mention coded with
// that country.
func mergeOf(toks []dyad.Token, ms []actor.Mention) []actor.Mention {
	var out []actor.Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Kind == "agent" && m.Ref.Country == "" && m.Ref.Sector != "" && i+1 < len(ms) && m.End < len(toks) {
			n := ms[i+1]
			prep := strings.ToLower(toks[m.End].Form())
			gap := n.Start - m.End
			if (prep == "of" || prep == "in" || prep == "from" && subjectPosition(toks, m.Start)) && isPlace(n) &&
				(gap == 1 || gap == 2 && strings.EqualFold(toks[m.End+1].Form(), "the")) {
				r := m.Ref
				r.Country = n.Ref.Country
				r.Code = n.Ref.Country + m.Ref.Sector
				r.End = n.Ref.End
				r.Text = joinText(toks, m.Start, n.End)
				out = append(out, actor.Mention{Start: m.Start, End: n.End, Ref: r, Kind: "agent"})
				i++
				continue
			}
		}
		out = append(out, m)
	}
	// "ambassadors of Arnor, Osgiliath and Gondor": an agent of a country
	// distributes over the countries coordinated with it.
	for i := 0; i+1 < len(out); i++ {
		m := out[i]
		if m.Ref.Sector == "" || m.Ref.Country == "" || !endsInOf(toks, m) {
			continue
		}
		first := i
		countries := []string{m.Ref.Country}
		for i+1 < len(out) && isPlace(out[i+1]) && coordinated(toks, out[i].End, out[i+1].Start) {
			c := &out[i+1]
			c.Ref.Code = c.Ref.Country + m.Ref.Sector
			c.Ref.Sector = m.Ref.Sector
			c.Kind = "agent"
			countries = append(countries, c.Ref.Country)
			i++
		}
		// "lawmakers and officials in Fornost and Gondor": agents
		// coordinated before it share the places.
		for k := first - 1; k >= 0 && out[k].Kind == "agent" && out[k].Ref.Country == "" && out[k].Ref.Sector != "" &&
			len(out[k].Also) == 0 && coordinated(toks, out[k].End, out[k+1].Start); k-- {
			a := &out[k]
			sec := a.Ref.Sector
			base := a.Ref
			a.Ref.Country, a.Ref.Code = countries[0], countries[0]+sec
			for _, c := range countries[1:] {
				r := base
				r.Country, r.Code = c, c+sec
				a.Also = append(a.Also, r)
			}
		}
	}
	return out
}

// endsInOf reports whether an agent mention ends in "of/in [the] PLACE".
func endsInOf(toks []dyad.Token, m actor.Mention) bool {
	for k := m.End - 2; k >= m.Start && k >= m.End-3; k-- {
		switch strings.ToLower(toks[k].Form()) {
		case "of", "in":
			return true
		case "the":
		default:
			if k < m.End-2 {
				return false
			}
		}
	}
	return false
}

// subjectPosition reports whether no verb precedes token i (tagged input
// only): "Soldiers from Gondor have ..." is Gondor's soldiers, while in
// "withdrew troops from Syria" Syria is where they leave.
func subjectPosition(toks []dyad.Token, i int) bool {
	for k := 0; k < i; k++ {
		switch toks[k].UPOS {
		case "":
			return false
		case "VERB", "AUX":
			return false
		}
	}
	return true
}

func isPlace(m actor.Mention) bool {
	return (m.Kind == "country" || m.Kind == "capital") && m.Ref.Country != ""
}

// coordinated reports whether tokens [from,to) only join two coordinated
// items: commas, "and", "or", "the".
func coordinated(toks []dyad.Token, from, to int) bool {
	if to-from < 1 || to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		switch strings.ToLower(toks[k].Form()) {
		case ",", "and", "or", "the", "&":
		default:
			return false
		}
	}
	return true
}

// joinText rebuilds the text of tokens [a,b) with single spaces where the
// original had any gap; offsets in the ref stay exact.
func joinText(toks []dyad.Token, a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a && toks[k].Start > toks[k-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[k].Text)
	}
	return sb.String()
}

// boundary reports whether token i ends a clause for matching purposes.
func (st *sent) boundary(i int) bool {
	switch st.toks[i].Form() {
	case ".", ";", ":", "!", "?", "—", "–", "--":
		return true
	}
	return isQuote(st.toks[i].Form())
}

var fillerWords = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "new": true, "further": true, "fresh": true, "additional": true, "more": true,
	"several": true, "some": true, "all": true, "formal": true, "official": true, "two": true,
	"three": true, "joint": true, "first": true, "also": true, "reportedly": true, "allegedly": true,
	"again": true, "jointly": true, "immediately": true,
}

// filler reports whether token i may be skipped between pattern words
// (determiners, adjectives, adverbs, numbers, possessive pronouns).
func (st *sent) filler(i int) bool {
	t := &st.toks[i]
	if st.at[i] >= 0 {
		return false
	}
	switch t.UPOS {
	case "DET", "ADJ", "ADV", "NUM":
		return true
	case "PRON":
		return t.XPOS == "PRP$"
	case "":
		return fillerWords[st.low[i]]
	}
	return false
}

// noun reports a token tagged as a common or proper noun.
func (st *sent) noun(k int) bool {
	u := st.toks[k].UPOS
	return u == "NOUN" || u == "PROPN"
}

// wordIs reports whether token i matches a word element: as written for
// an exact element, else by its lemmas.
func (st *sent) wordIs(i int, e elem) bool {
	if e.exact {
		return hasWord(e.words, st.low[i])
	}
	return st.lemmaIs(i, e.words)
}

func (st *sent) lemmaIs(i int, words []string) bool {
	for _, l := range st.lem[i] {
		for _, w := range words {
			if l == w {
				return true
			}
		}
	}
	return false
}

const maxFill = 3

// matchElems matches pattern elements from ei at token j, backtracking.
func (st *sent) matchElems(p *Pattern, ei, j int, m *match) bool {
	if ei == len(p.elems) {
		m.end = j
		return true
	}
	n := len(st.toks)
	e := p.elems[ei]
	switch e.kind {
	case elWord:
		for k := j; k < n && k <= j+maxFill; k++ {
			if st.wordIs(k, e) {
				save := len(m.words)
				m.words = append(m.words, k)
				if st.matchElems(p, ei+1, k+1, m) {
					return true
				}
				m.words = m.words[:save]
			}
			if e.tight || !st.filler(k) || st.boundary(k) {
				break
			}
		}
	case elGap:
		for k := j; k <= n && k <= j+maxGap; k++ {
			if k > j && st.boundary(k-1) {
				break
			}
			if st.matchElems(p, ei+1, k, m) {
				return true
			}
		}
	case elSkipActor:
		// Skip the next noun phrase: an actor (group), or a run of
		// tagged nouns.
		for k := j; k < n && k <= j+maxGap; k++ {
			if k > j && st.boundary(k-1) {
				break
			}
			if mi := st.at[k]; mi >= 0 {
				if st.ms[mi].Start != k {
					continue
				}
				g := st.group(mi)
				return st.matchElems(p, ei+1, st.ms[g[len(g)-1]].End, m)
			}
			if st.noun(k) {
				e := k + 1
				for e < n && st.at[e] < 0 && st.noun(e) {
					e++
				}
				if st.matchElems(p, ei+1, e, m) {
					return true
				}
				k = e - 1
			}
		}
	case elTarget, elSource:
		if m.passive && e.kind == elTarget && m.target < 0 {
			// In the passive the target is the subject on the left: the
			// slot is satisfied there, the rest of the pattern is not needed.
			m.end = j
			m.cut = ei
			return true
		}
		for k := j; k < n && k <= j+maxFill; k++ {
			if mi := st.at[k]; mi >= 0 && st.ms[mi].Start == k {
				g := st.group(mi)
				if e.kind == elTarget && st.speakerAfter(st.ms[g[len(g)-1]].End) {
					break
				}
				saveT, saveS := m.target, m.source
				if e.kind == elTarget {
					m.target = mi
				} else {
					m.source = mi
				}
				if st.matchElems(p, ei+1, st.ms[g[len(g)-1]].End, m) {
					return true
				}
				m.target, m.source = saveT, saveS
			}
			if !st.filler(k) || st.boundary(k) {
				break
			}
		}
	}
	return false
}

// matchPre matches the elements before an @trigger leftwards from token
// j (the token before the trigger), nearest first.
func (st *sent) matchPre(p *Pattern, ei, j int, m *match) bool {
	if ei == len(p.pre) {
		return true
	}
	e := p.pre[ei]
	switch e.kind {
	case elWord:
		for k := j; k >= 0 && k >= j-maxFill; k-- {
			if st.wordIs(k, e) {
				save := len(m.words)
				m.words = append(m.words, k)
				if st.matchPre(p, ei+1, k-1, m) {
					return true
				}
				m.words = m.words[:save]
			}
			if e.tight || !st.filler(k) || st.boundary(k) {
				break
			}
		}
	case elGap:
		for k := j; k >= -1 && k >= j-maxGap; k-- {
			if k < j && st.boundary(k+1) {
				break
			}
			if st.matchPre(p, ei+1, k, m) {
				return true
			}
		}
	case elSkipActor:
		for k := j; k >= 0 && k >= j-maxGap; k-- {
			if k < j && st.boundary(k+1) {
				break
			}
			if mi := st.at[k]; mi >= 0 && st.ms[mi].End == k+1 {
				g := st.group(mi)
				return st.matchPre(p, ei+1, st.ms[g[0]].Start-1, m)
			}
		}
	case elTarget, elSource:
		for k := j; k >= 0 && k >= j-maxFill; k-- {
			if mi := st.at[k]; mi >= 0 && st.ms[mi].End == k+1 {
				g := st.group(mi)
				saveT, saveS := m.target, m.source
				if e.kind == elTarget {
					m.target = g[0]
				} else {
					m.source = g[0]
				}
				if st.matchPre(p, ei+1, st.ms[g[0]].Start-1, m) {
					return true
				}
				m.target, m.source = saveT, saveS
			}
			if !st.filler(k) || st.boundary(k) {
				break
			}
		}
	}
	return false
}

// group returns the mentions coordinated with mention mi ("Russia, China
// and Iran"), in order.
func (st *sent) group(mi int) []int {
	first := mi
	for first > 0 && st.joined(first-1, first) {
		first--
	}
	last := mi
	for last+1 < len(st.ms) && st.joined(last, last+1) {
		last++
	}
	g := make([]int, 0, last-first+1)
	for k := first; k <= last; k++ {
		g = append(g, k)
	}
	return g
}

// joined reports whether mentions a and b (a before b) are coordinated:
// only commas, conjunctions, determiners and modifiers between them
// ("Mordor, the awful Fornost, and good Gondor").
func (st *sent) joined(a, b int) bool {
	from, to := st.ms[a].End, st.ms[b].Start
	if to-from < 1 || to-from > 5 {
		return false
	}
	conj, comma := false, false
	for k := from; k < to; k++ {
		switch st.low[k] {
		case "and", "&":
			conj = true
		case ",":
			comma = true
		case "the", "both", "or":
		default:
			if !st.filler(k) || st.at[k] >= 0 {
				return false
			}
		}
	}
	if conj {
		return true
	}
	// "Russia, China and Iran": a comma links a when b is itself joined onward by "and".
	return comma && b+1 < len(st.ms) && st.joined(b, b+1)
}

var beForms = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true, "be": true, "being": true, "'s": true, "got": true, "get": true}

// isPassive reports whether the trigger at i is a passive participle:
// a form of "be" before it (adverbs and "not" may intervene) and a
// participle form (VBN, or an -ed/-en form when untagged).
func (st *sent) isPassive(i int) bool {
	t := &st.toks[i]
	if t.XPOS != "" && t.XPOS != "VBN" {
		return false
	}
	if t.XPOS == "" {
		l := st.low[i]
		if !strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "en") && irregular[l] == "" {
			return false
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if beForms[st.low[k]] {
			return true
		}
		switch st.low[k] {
		case "not", "n't", "reportedly", "allegedly", "also", "later", "then", "never", "being":
			continue
		}
		if st.toks[k].UPOS == "ADV" { // "was fiercely opposed"
			continue
		}
		return false
	}
	return false
}

// speakerAfter reports whether the mention group ending at token end is
// the subject of a verb of saying ("..., a senior official said"): such an
// actor is the source of an attribution, not the target of the verb before.
func (st *sent) speakerAfter(end int) bool {
	return end < len(st.toks) && st.lemmaIs(end, sayLemmas) && st.toks[end].UPOS != "NOUN"
}

var negWords = map[string]bool{"not": true, "n't": true, "never": true, "no": true}

// negated reports whether a negation governs the trigger at i.
func (st *sent) negated(i int) bool {
	if st.s.Parsed {
		for _, k := range st.children(i) {
			if st.toks[k].Dep == "advmod" && negWords[st.low[k]] {
				return true
			}
		}
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if negWords[st.low[k]] {
			return true
		}
		if st.boundary(k) || st.at[k] >= 0 {
			break
		}
	}
	return false
}

// refs returns the refs of a coordination group. A capital after a
// locative preposition ("arrived in Bishkek") is the place, so it stands
// for its country, not its government.
func (st *sent) refs(g []int) []dyad.ActorRef {
	out := make([]dyad.ActorRef, 0, len(g))
	shared := "" // the country of a country-modified agent earlier in the group
	for _, mi := range g {
		m := st.ms[mi]
		r := m.Ref
		if r.Country != "" && r.Sector != "" && r.Code == r.Country+r.Sector {
			shared = r.Country
		} else if m.Kind == "agent" && r.Country == "" && r.Sector != "" && r.Code == r.Sector && shared != "" && m.End-m.Start == 1 {
			// "Danish media and government": the modifier is shared by
			// the bare agent coordinated after it.
			r.Country, r.Code = shared, shared+r.Sector
		}
		if !st.capGov && m.Kind == "capital" && m.Start > 0 && locativePreps[st.low[m.Start-1]] && r.Country != "" {
			r.Code, r.Sector = r.Country, ""
		}
		if r.Country == "" && m.Kind == "agent" && r.Sector != "" && r.Code == r.Sector && st.in.Focus != "" {
			// "police", "the government" in a report datelined in Tbilisi are Georgia's.
			r.Country, r.Code = st.in.Focus, st.in.Focus+r.Sector
		}
		out = append(out, r)
		out = append(out, m.Also...) // one name for several actors
	}
	return out
}

var locativePreps = map[string]bool{"in": true, "to": true, "at": true, "into": true, "near": true, "from": true, "outside": true}
