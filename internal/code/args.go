package code

import (
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
)

var prepositions = map[string]bool{
	"in": true, "at": true, "on": true, "to": true, "from": true, "with": true, "for": true,
	"against": true, "by": true, "of": true, "into": true, "near": true, "over": true, "about": true,
	"toward": true, "towards": true, "between": true, "among": true, "across": true, "after": true,
	"before": true, "since": true, "during": true, "under": true, "than": true, "like": true,
}

var clauseVerbs = map[string]bool{
	"would": true, "will": true, "could": true, "should": true, "might": true, "may": true, "must": true,
	"has": true, "had": true, "have": true, "was": true, "were": true, "is": true, "are": true,
	"said": true, "says": true, "did": true, "does": true, "can": true,
}

// arguments returns the source and target actors of a match and how they
// were found ("parse" when from the dependency tree, "order" when from
// token order).
func (st *sent) arguments(m match) (src, tgt []dyad.ActorRef, how string) {
	var sg, tg []int
	how = "order"
	if st.s.Parsed {
		sg, tg = st.parseArgs(m)
		if len(sg) > 0 {
			how = "parse"
		}
		if m.target >= 0 && len(sg) > 0 && len(minus(sg, st.group(m.target))) == 0 {
			// The parse's subject is the actor the pattern's + slot
			// matched ("X noted that Y regretted" with Y as the subject
			// of noted): a parse error; token order decides.
			sg = nil
		}
	}
	if len(sg) == 0 {
		sg, tg = st.orderArgs(m)
		how = "order"
	}
	if m.target >= 0 {
		tg = st.group(m.target)
	}
	if m.source >= 0 {
		sg = st.group(m.source)
	}
	if len(sg) == 0 && st.quot[m.trig] {
		if sp := st.quoteSpeaker(m.trig); sp >= 0 {
			sg = st.group(sp)
			how = "quote"
		}
	}
	if len(tg) == 0 && m.target < 0 && !hasSlot(m.p, elTarget) {
		// An actor inside the matched words ("allowed that Mordor isn't
		// a really pleasant place") is the target.
		tg = st.innerTarget(m, sg)
	}
	if m.target < 0 && len(tg) > 0 && st.speakerAfter(st.ms[tg[len(tg)-1]].End) {
		// The speaker of "..., a senior official said" reports the
		// event; it is not its target.
		tg = nil
	}
	tg = minus(tg, sg)
	return st.refs(sg), st.refs(tg), how
}

func hasSlot(p *Pattern, k elemKind) bool {
	for _, e := range p.elems {
		if e.kind == k {
			return true
		}
	}
	for _, e := range p.pre {
		if e.kind == k {
			return true
		}
	}
	return false
}

// innerTarget returns the group of the first actor mention that starts
// between the trigger and the last matched word, other than the source.
func (st *sent) innerTarget(m match, sg []int) []int {
	last := m.trig
	for _, w := range m.words {
		if w > last {
			last = w
		}
	}
	for k := m.trig + 1; k < last; k++ {
		mi := st.at[k]
		if mi < 0 || st.ms[mi].Start != k || st.ms[mi].End > last {
			continue
		}
		g := st.group(mi)
		if len(minus(g, sg)) > 0 {
			return g
		}
	}
	return nil
}

func minus(a, b []int) []int {
	var out []int
	for _, x := range a {
		dup := false
		for _, y := range b {
			if x == y {
				dup = true
			}
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

// orderArgs finds arguments from token order: the subject is the nearest
// actor to the left in the clause that is not inside a prepositional
// phrase; the object the actor right after the match.
func (st *sent) orderArgs(m match) (sg, tg []int) {
	hasTargetSlot, hasSourceSlot := false, false
	for _, e := range m.p.elems {
		hasTargetSlot = hasTargetSlot || e.kind == elTarget
		hasSourceSlot = hasSourceSlot || e.kind == elSource
	}
	by := st.byAgent(m.trig)
	switch {
	case m.passive:
		if by >= 0 {
			sg = st.group(by)
		}
		if s := st.leftSubject(m.trig, -1); s >= 0 {
			tg = st.group(s)
		}
		return sg, tg
	case m.p.Noun:
		if by >= 0 {
			sg = st.group(by)
		} else if k := st.leftAdjacent(m.trig); k >= 0 {
			sg = st.group(k)
		} else if !hasSourceSlot {
			if s := st.leftSubject(m.trig, -1); s >= 0 {
				sg = st.group(s)
			}
		}
	default:
		if s := st.leftSubject(m.trig, m.target); s >= 0 {
			sg = st.group(s)
		}
	}
	if !hasTargetSlot && m.target < 0 {
		if o := st.object(m.end); o >= 0 {
			tg = st.group(o)
		}
	}
	return sg, tg
}

// leftSubject scans left from the trigger for the nearest actor mention
// in the same clause that is not the object of a preposition.
func (st *sent) leftSubject(trig, exclude int) int {
	if v := st.coordinatedVerb(trig); v >= 0 {
		// "Rebels kidnapped advisers and exploded bombs": the second verb
		// shares the first one's subject, not the first one's object.
		return st.leftSubject(v, exclude)
	}
	inq := st.quot[trig]
	for k := trig - 1; k >= 0; k-- {
		if st.boundary(k) {
			if isQuote(st.toks[k].Form()) && !inq {
				// a quotation closed before the trigger: keep looking past it
				for k--; k >= 0 && !isQuote(st.toks[k].Form()); k-- {
				}
				continue
			}
			return -1
		}
		mi := st.at[k]
		if mi < 0 || mi == exclude {
			continue
		}
		m := st.ms[mi]
		k = m.Start
		if m.Start > 0 && prepositions[st.low[m.Start-1]] {
			continue
		}
		if m.Start > 1 && (st.low[m.Start-1] == "the" || st.low[m.Start-1] == "a") && prepositions[st.low[m.Start-2]] {
			continue
		}
		// In a coordination the subject group starts with its first member.
		g := st.group(mi)
		return g[0]
	}
	return -1
}

// coordinatedVerb returns the verb of the first conjunct when the trigger
// at i starts a coordinated verb phrase ("... and exploded"), else -1. It
// needs POS tags.
func (st *sent) coordinatedVerb(i int) int {
	k := i - 1
	for k >= 0 && st.toks[k].UPOS == "ADV" {
		k--
	}
	if k < 1 || (st.low[k] != "and" && st.low[k] != "but") {
		return -1
	}
	for j := k - 1; j >= 0; j-- {
		if st.boundary(j) {
			return -1
		}
		if st.toks[j].UPOS == "VERB" && (st.toks[j].XPOS == "VBD" || st.toks[j].XPOS == "VBZ" || st.toks[j].XPOS == "VBP" || st.toks[j].XPOS == "VBN") {
			return j
		}
	}
	return -1
}

// leftAdjacent returns the mention right before a noun trigger
// ("Russia's invasion", "the Russian invasion"), skipping fillers.
func (st *sent) leftAdjacent(trig int) int {
	for k := trig - 1; k >= 0 && k >= trig-4; k-- {
		if mi := st.at[k]; mi >= 0 {
			return st.group(mi)[0]
		}
		if st.low[k] == "'s" || st.low[k] == "'" || st.filler(k) {
			continue
		}
		return -1
	}
	return -1
}

// byAgent returns the mention after "by" following the trigger.
func (st *sent) byAgent(trig int) int {
	n := len(st.toks)
	for k := trig + 1; k < n && k <= trig+6; k++ {
		if st.boundary(k) {
			return -1
		}
		if st.low[k] == "by" {
			for j := k + 1; j < n && j <= k+1+maxFill; j++ {
				if mi := st.at[j]; mi >= 0 {
					return mi
				}
				if !st.filler(j) {
					break
				}
			}
		}
	}
	return -1
}

// hasAgent reports whether the passive trigger at i has a "by" agent: a
// dependent with a "by" case in the parse, else "by" within the clause
// after it.
func (st *sent) hasAgent(i int) bool {
	if st.s.Parsed {
		for _, c := range st.children(i) {
			if d := st.toks[c].Dep; d == "obl:agent" || (d == "obl" || d == "nmod") && st.hasCase(c, "by") {
				return true
			}
		}
		return false
	}
	return st.byAgent(i) >= 0
}

// object returns the mention starting right after position j (a direct
// object), unless it is the subject of a following clause.
func (st *sent) object(j int) int {
	n := len(st.toks)
	for k := j; k < n && k <= j+maxFill; k++ {
		if mi := st.at[k]; mi >= 0 && st.ms[mi].Start == k {
			g := st.group(mi)
			after := st.ms[g[len(g)-1]].End
			if after < n && (st.finiteVerb(after) || st.speakerAfter(after)) {
				return -1 // "said Ukraine clashed": the subject of a clause, not an object
			}
			return g[0]
		}
		if !st.filler(k) {
			return -1
		}
	}
	return -1
}

// finiteVerb reports whether token k looks like a finite verb or modal.
func (st *sent) finiteVerb(k int) bool {
	t := &st.toks[k]
	switch t.XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "":
		return clauseVerbs[st.low[k]] || (strings.HasSuffix(st.low[k], "ed") && len(st.low[k]) > 4)
	}
	return t.UPOS == "AUX"
}

var sayLemmas = []string{"say", "tell", "state", "add", "declare", "announce", "warn", "insist", "stress", "note", "write", "ask", "reply", "claim", "confirm", "report"}

// quoteSpeaker finds the speaker of the quotation around token i:
// `"...," X said`, `"...," said X`, or `X said: "..."`.
func (st *sent) quoteSpeaker(i int) int {
	n := len(st.toks)
	end := i
	for end < n && !isQuote(st.toks[end].Form()) {
		end++
	}
	for k := end + 1; k < n && k <= end+6; k++ {
		if mi := st.at[k]; mi >= 0 {
			return st.group(mi)[0]
		}
		if st.low[k] == "," || st.lemmaIs(k, sayLemmas) || st.filler(k) {
			continue
		}
		break
	}
	start := i
	for start >= 0 && !isQuote(st.toks[start].Form()) {
		start--
	}
	for k := start - 1; k >= 0 && k >= start-6; k-- {
		if mi := st.at[k]; mi >= 0 {
			return st.group(mi)[0]
		}
		if st.low[k] == ":" || st.low[k] == "," || st.lemmaIs(k, sayLemmas) {
			continue
		}
		break
	}
	return -1
}

// parseArgs finds arguments in the dependency tree.
func (st *sent) parseArgs(m match) (sg, tg []int) {
	v := m.trig
	kids := st.children(v)
	var subj, obj, agent = -1, -1, -1
	for _, c := range kids {
		switch st.toks[c].Dep {
		case "nsubj", "nsubj:outer", "nsubj:pass":
			// Two subjects are a parse error: take the leftmost one
			// with no verb or punctuation between it and the trigger
			// ("Gollum centre of a row with Radagast called on ..." is
			// Gollum's call; in "X departed ..., an official said" X
			// has its own verb; a dateline is cut off by punctuation).
			if subj < 0 || !st.clearTo(subj, v) && st.clearTo(c, v) {
				subj = c
			}
		case "obj":
			obj = c
		case "obl:agent":
			agent = c
		case "obl":
			if st.hasCase(c, "by") && m.passive {
				agent = c
			}
		}
	}
	if subj < 0 && !m.passive && st.lemmaIs(v, sayLemmas) {
		// "..., a senior official said" parsed without a subject: the
		// speaker is the actor right before the verb, not a subject
		// inherited from the clause the verb was attached to.
		if mi := st.leftAdjacent(v); mi >= 0 {
			subj = st.ms[mi].End - 1
		}
	}
	if subj < 0 {
		subj = st.inheritedSubject(v)
	}
	if subj >= 0 && !st.plausibleSubject(subj, v) {
		subj = -1
	}
	if m.passive {
		if agent >= 0 {
			sg = st.mentionGroup(agent)
		}
		if subj >= 0 {
			tg = st.mentionGroup(subj)
		}
		return sg, tg
	}
	if m.p.Noun {
		for _, c := range kids {
			d := st.toks[c].Dep
			if d == "nmod:poss" || d == "amod" || d == "compound" || (d == "nmod" && st.hasCase(c, "by")) {
				if g := st.mentionGroup(c); len(g) > 0 {
					sg = g
					break
				}
			}
		}
		if len(sg) == 0 && subj >= 0 {
			sg = st.mentionGroup(subj)
		}
		for _, c := range kids {
			if st.toks[c].Dep == "nmod" && !st.hasCase(c, "by") {
				if g := st.mentionGroup(c); len(g) > 0 {
					tg = g
					break
				}
			}
		}
		return sg, tg
	}
	if subj >= 0 {
		sg = st.mentionGroup(subj)
	}
	if obj >= 0 {
		tg = st.mentionGroup(obj)
	}
	if len(tg) == 0 {
		for _, c := range kids {
			d := st.toks[c].Dep
			if d == "iobj" || (d == "obl" && (st.hasCase(c, "with") || st.hasCase(c, "to") || st.hasCase(c, "against") || st.hasCase(c, "on") || st.hasCase(c, "toward") || st.hasCase(c, "towards"))) {
				if g := st.mentionGroup(c); len(g) > 0 {
					tg = g
					break
				}
			}
		}
	}
	return sg, tg
}

// clearTo reports whether no verb or punctuation stands between token a
// and the later token v.
func (st *sent) clearTo(a, v int) bool {
	for k := a + 1; k < v; k++ {
		if u := st.toks[k].UPOS; u == "VERB" || u == "PUNCT" || st.boundary(k) || st.low[k] == "," {
			return false
		}
	}
	return true
}

// plausibleSubject guards against parse errors: a subject sits on the same
// side of a quotation mark as its verb, and before it unless the verb is
// one of saying ("..., said Putin").
func (st *sent) plausibleSubject(subj, v int) bool {
	if st.quot[subj] != st.quot[v] {
		return false
	}
	return subj < v || st.lemmaIs(v, sayLemmas)
}

// inheritedSubject climbs control, coordination and relative clauses to
// find a subject for a verb that has none of its own.
func (st *sent) inheritedSubject(v int) int {
	for steps := 0; steps < 4; steps++ {
		h := st.toks[v].Head
		if h < 0 || h >= len(st.toks) {
			return -1
		}
		switch st.toks[v].Dep {
		case "xcomp", "conj", "advcl", "ccomp":
			for _, c := range st.children(h) {
				if d := st.toks[c].Dep; d == "nsubj" || d == "nsubj:pass" {
					if st.toks[v].Dep == "ccomp" {
						return -1
					}
					return c
				}
			}
			v = h
		case "acl:relcl", "acl":
			return h
		default:
			return -1
		}
	}
	return -1
}

// children returns the dependents of token h, in order. The index is
// built once per sentence, on first use.
func (st *sent) children(h int) []int {
	if st.kids == nil {
		st.kids = make([][]int, len(st.toks))
		for k := range st.toks {
			if hd := st.toks[k].Head; hd >= 0 && hd < len(st.toks) {
				st.kids[hd] = append(st.kids[hd], k)
			}
		}
	}
	if h < 0 || h >= len(st.kids) {
		return nil
	}
	return st.kids[h]
}

// hasCase reports whether token n has a case or mark dependent that is
// word, or any such dependent when word is "".
func (st *sent) hasCase(n int, word string) bool {
	for _, c := range st.children(n) {
		if (st.toks[c].Dep == "case" || st.toks[c].Dep == "mark") && (word == "" || st.low[c] == word) {
			return true
		}
	}
	return false
}

// mentionGroup returns the mentions for the phrase headed by token n: the
// mention covering n, or a mention among its modifiers, plus the mentions
// of its conjuncts.
func (st *sent) mentionGroup(n int) []int {
	var out []int
	add := func(mi int) {
		for _, g := range st.group(mi) {
			dup := false
			for _, o := range out {
				dup = dup || o == g
			}
			if !dup {
				out = append(out, g)
			}
		}
	}
	// A modifier after the last conjunct belongs to it, not to the head
	// it is attached to ("Ithilen's sheep and goats of Gondor").
	lastConj := -1
	for _, c := range st.children(n) {
		if st.toks[c].Dep == "conj" {
			lastConj = c
		}
	}
	modifier := func(t, from, to int) int {
		for _, c := range st.children(t) {
			if c < from || c >= to {
				continue
			}
			switch st.toks[c].Dep {
			case "amod", "compound", "nmod:poss", "nmod", "flat", "appos":
				if mi := st.at[c]; mi >= 0 {
					return mi
				}
			}
		}
		return -1
	}
	var visit func(t int, depth int)
	visit = func(t int, depth int) {
		if mi := st.at[t]; mi >= 0 {
			add(mi)
		} else {
			to := len(st.toks)
			if depth == 0 && lastConj >= 0 {
				to = lastConj
			}
			mi := modifier(t, 0, to)
			if mi < 0 && t == lastConj {
				mi = modifier(n, lastConj, len(st.toks))
			}
			if mi >= 0 {
				add(mi)
			}
		}
		if depth > 0 {
			return
		}
		for _, c := range st.children(t) {
			if st.toks[c].Dep == "conj" {
				visit(c, depth+1)
			}
		}
	}
	visit(n, 0)
	return out
}
