// Package code owns event coding: it finds event triggers in a sentence
// with the verb-pattern dictionary (data/verbs.txt, format in
// docs/PATTERNS.md), finds each trigger's source and target among the
// sentence's actor mentions, and builds dyad.Event values with their CAMEO
// and PLOVER codes, mode, date and evidence.
//
// Arguments come from the dependency parse when the sentence has one
// (subject, object, passive agent, prepositional arguments, control and
// coordination), and from token order otherwise, so the coder works on
// any tokenised sentence and gets better as the parser does.
package code

import (
	"bytes"
	"crypto/sha1"
	_ "embed"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
)

//go:embed data/verbs.txt
var builtinVerbs []byte

// BuiltinPatterns parses the embedded verb patterns, checking every code
// against the ontology.
func BuiltinPatterns(ont *ontology.Ontology) (*Patterns, error) {
	return ParsePatterns("verbs.txt", bytes.NewReader(builtinVerbs), validCode(ont))
}

func validCode(ont *ontology.Ontology) func(string) bool {
	return func(c string) bool { _, ok := ont.Event(c); return ok }
}

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	ont    *ontology.Ontology
	pats   *Patterns
	intent bool
	capGov bool // a capital is its government everywhere, also after "in"
	// passiveNeedsAgent reads a passive without a "by" agent as active.
	passiveNeedsAgent bool
	// absorb drops events in the subordinate clauses of a coded verb.
	absorb bool
	// verbForms matches a trigger only in its regular or irregular forms.
	verbForms bool
	// commas, when set, drops comma-delimited clauses before coding.
	commas *CommaLimits
	// needPhrase keeps a targetless event only when its verb has a noun
	// phrase after it.
	needPhrase bool
}

// Option configures a Coder.
type Option func(*Coder)

// NoIntent turns off the rewriting of stated future actions into CAMEO
// intent, threat and refusal codes (for dictionaries, like PETRARCH's,
// whose patterns code intentions themselves).
func NoIntent() Option { return func(c *Coder) { c.intent = false } }

// CapitalAsGovernment codes a capital as its country's government
// everywhere, as PETRARCH does, also where it is the place of the event
// ("arrived in Bishkek"), which the default codes as the country.
func CapitalAsGovernment() Option { return func(c *Coder) { c.capGov = true } }

// With returns a copy of c with further options applied.
func (c *Coder) With(opts ...Option) *Coder {
	n := *c
	for _, o := range opts {
		o(&n)
	}
	return &n
}

// New returns a coder using the ontology and pattern set. Patterns may
// carry codes the ontology lacks (user dictionaries with their own
// codes): their events have the code and no CAMEO name, Goldstein value,
// quad class or PLOVER type.
func New(ont *ontology.Ontology, pats *Patterns, opts ...Option) *Coder {
	c := &Coder{ont: ont, pats: pats, intent: true}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Input is one sentence to code with what earlier stages found in it.
type Input struct {
	Doc      *dyad.Document
	Sentence *dyad.Sentence
	Mentions []actor.Mention // actor mentions, sorted, non-overlapping
	Date     time.Time       // the event date (the sentence's date, else publication date)
	Focus    string          // the document's country (CAMEO code) for agents without one, e.g. from the dateline
}

// Code returns the events of one sentence.
func (c *Coder) Code(in Input) []dyad.Event {
	st := newSent(in)
	var dropped []bool
	if c.commas != nil {
		if dropped = commaDropped(st, *c.commas); dropped != nil {
			// The dropped clauses' actors are no one's arguments:
			// rebuild the sentence view without them.
			var kept []actor.Mention
			for _, m := range in.Mentions {
				if !dropped[m.Start] {
					kept = append(kept, m)
				}
			}
			in.Mentions = kept
			st = newSent(in)
		}
	}
	st.capGov = c.capGov
	var out []dyad.Event
	var trigs []int // trigger token of each event in out
	seen := map[string]bool{}
	used := make([]bool, len(st.toks))
	for i := range st.toks {
		if used[i] || dropped != nil && dropped[i] {
			continue
		}
		m, ok := c.bestMatch(st, i)
		if !ok {
			continue
		}
		for _, w := range m.words {
			used[w] = true
		}
		evs := c.events(st, m)
		for _, ev := range evs {
			key := ev.CAMEO.Code + "|" + codes(ev.Actor) + "|" + codes(ev.Recipient)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, ev)
			trigs = append(trigs, m.trig)
		}
	}
	if c.absorb && st.s.Parsed && len(out) > 1 {
		out, trigs = st.absorbed(out, trigs)
	}
	if c.needPhrase && st.s.Parsed {
		kept := out[:0]
		for k, ev := range out {
			if len(ev.Recipient) > 0 || st.hasPhrase(trigs[k]) {
				kept = append(kept, ev)
			}
		}
		out = kept
	}
	return out
}

func codes(rs []dyad.ActorRef) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Code)
		b.WriteByte(',')
	}
	return b.String()
}

// match is one pattern matched at a trigger.
type match struct {
	p       *Pattern
	trig    int
	words   []int // token indices of matched words, trigger first
	target  int   // mention index from a + slot, or -1
	source  int   // mention index from a $ slot, or -1
	end     int   // token index after the match
	passive bool
	cut     int // in the passive, the element index where matching stopped (0: none)
}

// bestMatch tries the patterns whose trigger is a lemma of token i, most
// specific first, and returns the first that matches.
func (c *Coder) bestMatch(st *sent, i int) (match, bool) {
	if st.at[i] >= 0 && st.ms[st.at[i]].Kind != "agent" {
		return match{}, false // a named actor is never a trigger
	}
	var cands []*Pattern
	for _, l := range st.lem[i] {
		cands = append(cands, c.pats.byTrigger[l]...)
	}
	if len(cands) == 0 {
		return match{}, false
	}
	passive := st.isPassive(i)
	if passive && c.passiveNeedsAgent && !st.hasAgent(i) {
		passive = false
	}
	var best match
	bestSpec, found, bestExact := 0, false, false
	for _, p := range cands {
		if !posFits(&st.toks[i], p.Noun) && (p.Noun || !st.predicateAdj(i) && !st.nameThenVerb(i)) {
			continue
		}
		if c.verbForms && !p.Noun && !inflectsAny(st.low[i], p.elems[0].words) {
			continue
		}
		m := match{p: p, trig: i, target: -1, source: -1, words: []int{i}, passive: passive}
		if !st.matchElems(p, 1, i+1, &m) {
			continue
		}
		if len(p.pre) > 0 && !st.matchPre(p, 0, i-1, &m) {
			continue
		}
		spec := p.specificity()
		if m.cut > 0 {
			spec = p.specificityUpTo(m.cut) // a passive match used only part of the pattern
		}
		if p.Sym {
			// A ~sym pattern is the more specific reading of a compound
			// subject without a target ("France and Italy agree that ...").
			if src, tgt, _ := st.arguments(m); len(src) > 1 && len(tgt) == 0 {
				spec += 3
			}
		}
		// At equal specificity a trigger written as the token's own form
		// ("met") beats one matched through its lemma ("meet").
		exact := hasWord(p.elems[0].words, st.low[i])
		if !found || spec > bestSpec || spec == bestSpec && best.cut > 0 && m.cut == 0 ||
			spec == bestSpec && exact && !bestExact && (best.cut > 0) == (m.cut > 0) {
			best, bestSpec, found, bestExact = m, spec, true, exact
		}
	}
	return best, found
}

func hasWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// nameThenVerb reports whether the token at i, tagged as a plural noun,
// reads as a present-tense verb: it ends in -s, follows a named actor
// (not an agent word) and comes before a preposition or determiner
// ("Ethiopia departs from Libya", which taggers read as a compound noun).
func (st *sent) nameThenVerb(i int) bool {
	t := &st.toks[i]
	if t.XPOS != "NNS" || i == 0 || i+1 >= len(st.toks) || !strings.HasSuffix(st.low[i], "s") {
		return false
	}
	mi := st.at[i-1]
	if mi < 0 || st.ms[mi].End != i || st.ms[mi].Kind == "agent" {
		return false
	}
	switch st.toks[i+1].UPOS {
	case "ADP", "DET":
		return true
	}
	return false
}

// posFits reports whether a tagged token can be the trigger of a verb
// (or, for ~noun patterns, a noun) pattern. Untagged tokens always fit.
func posFits(t *dyad.Token, noun bool) bool {
	switch t.UPOS {
	case "":
		return true
	case "VERB":
		return !noun
	case "NOUN", "PROPN":
		return noun
	case "ADJ":
		return !noun && (t.XPOS == "VBN" || t.XPOS == "VBD")
	}
	return false
}

// predicateAdj reports whether token i is an adjective after a form of
// "be" ("is ready to", "was concerned about"): such adjectives trigger
// verb patterns (012 concerned, 036 ready to meet) as verbs do.
func (st *sent) predicateAdj(i int) bool {
	if st.toks[i].UPOS != "ADJ" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if beForms[st.low[k]] || st.lemmaIs(k, []string{"remain", "seem", "appear", "become"}) {
			return true
		}
		if st.toks[k].UPOS != "ADV" && st.toks[k].UPOS != "PART" {
			return false
		}
	}
	return false
}

// events builds the events of one match, and the reciprocal events of a
// CODE:REVERSE pattern (a visit implies a host: "042:043").
func (c *Coder) events(st *sent, m match) []dyad.Event {
	src, tgt, how := st.arguments(m)
	if len(src) == 0 {
		return nil
	}
	negated := st.negated(m.trig)
	future := c.intent && st.future(m.trig)
	out := c.build(st, m, m.p.Code, negated, future, src, tgt, how)
	if m.p.Reverse != "" && len(tgt) > 0 && len(out) > 0 {
		out = append(out, c.build(st, m, m.p.Reverse, negated, future, tgt, src, how)...)
	}
	return out
}

// build makes the events of one code between source and target actors.
func (c *Coder) build(st *sent, m match, code string, negated, future bool, src, tgt []dyad.ActorRef, how string) []dyad.Event {
	if future {
		if ic := intentCode(code, negated); ic != code {
			code, negated = ic, false
		}
	}
	ec, ok := c.ont.Event(code)
	if !ok {
		ec = ontology.EventCode{Code: code} // a user's own code
	}
	mode := ec.Mode
	if negated {
		mode = "negated"
	}
	lo, hi := m.trig, m.trig
	for _, w := range m.words {
		lo, hi = min(lo, w), max(hi, w)
	}
	trigStart, trigEnd := st.toks[lo].Start, st.toks[hi].End
	ev := dyad.Event{
		Date:    st.in.Date.Format("2006-01-02"),
		Event:   ec.PLOVER,
		Mode:    mode,
		Context: append([]string(nil), ec.Contexts...),
		CAMEO:   dyad.CAMEO{Code: ec.Code, Name: ec.Name, Goldstein: ec.Goldstein, QuadClass: ec.QuadClass},
		Evidence: dyad.Evidence{
			Sentence: st.s.Index, Start: st.s.Start, End: st.s.End, Text: st.s.Text,
			Trigger:      st.in.Doc.Text[trigStart:trigEnd],
			TriggerStart: trigStart, TriggerEnd: trigEnd,
			Rule: fmt.Sprintf("%s %s (%s)", m.p.Rule(), m.p.Text, how),
		},
	}
	if ev.Context == nil {
		ev.Context = []string{}
	}
	conf := 0.45
	if len(tgt) > 0 {
		conf += 0.15
	}
	if how == "parse" {
		conf += 0.2
	}
	if m.p.specificity() > 6 {
		conf += 0.1
	}
	ev.Confidence = conf

	var out []dyad.Event
	emit := func(a, r []dyad.ActorRef) {
		e := ev
		e.Actor = a
		e.Recipient = r
		if e.Recipient == nil {
			e.Recipient = []dyad.ActorRef{}
		}
		e.ID = eventID(st.in.Doc, e)
		out = append(out, e)
	}
	if len(tgt) == 0 && m.p.Sym && len(src) > 1 {
		for i := range src {
			for j := range src {
				if i != j && src[i].Code != src[j].Code {
					emit([]dyad.ActorRef{src[i]}, []dyad.ActorRef{src[j]})
				}
			}
		}
		return out
	}
	// Drop recipients that are the source itself ("Russia and Russia").
	var keep []dyad.ActorRef
	for _, r := range tgt {
		self := false
		for _, a := range src {
			if a.Code == r.Code {
				self = true
			}
		}
		if !self {
			keep = append(keep, r)
		}
	}
	if len(tgt) > 0 && len(keep) == 0 {
		return nil
	}
	emit(src, keep)
	return out
}

// eventID is a stable hash of what makes an event distinct within its document.
func eventID(doc *dyad.Document, e dyad.Event) string {
	h := sha1.New()
	key := doc.ID
	if key == "" {
		key = doc.Text
	}
	fmt.Fprintf(h, "%s|%d|%d|%s|%s|%s", key, e.Evidence.TriggerStart, e.Evidence.TriggerEnd, e.CAMEO.Code, codes(e.Actor), codes(e.Recipient))
	return hex.EncodeToString(h.Sum(nil))[:16]
}
