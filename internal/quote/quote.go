// Package quote owns quotations: direct quotes (straight or curly double
// quotes, quotes running over several sentences or paragraphs, single
// quotes nested inside) and indirect speech ("X said that ...", "...,
// X said", "according to X, ..."), each attributed to a speaker resolved
// to an actor.
//
// The speaker comes, in order of preference, from an attribution verb
// next to the quote ("...," he said; X told RIA Novosti: "..."; according
// to X), from the quote before it in the same or the previous paragraph
// (a quote continued after "he said."), or from the nearest person named
// in the surrounding sentences. Pronouns ("he said") resolve to the first
// person named in the nearest earlier sentence of the paragraph (or the
// paragraph before), "it" and "they" to the nearest group or institution.
// It works on tokens and actor mentions; it does not need the parse.
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
)

// speechVerbs are attribution verbs.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "tell": true, "stated": true,
	"states": true, "added": true, "adds": true, "adding": true, "warned": true, "warns": true,
	"stressed": true, "stresses": true, "noted": true, "notes": true, "declared": true, "declares": true,
	"announced": true, "announces": true, "insisted": true, "insists": true, "argued": true, "argues": true,
	"claimed": true, "claims": true, "explained": true, "explains": true, "urged": true, "replied": true,
	"asked": true, "wrote": true, "writes": true, "tweeted": true, "posted": true, "commented": true,
	"emphasised": true, "emphasized": true, "underlined": true, "remarked": true, "acknowledged": true,
	"admitted": true, "confirmed": true, "denied": true, "suggested": true, "predicted": true,
	"complained": true, "recalled": true, "continued": true, "concluded": true, "responded": true,
	"answered": true, "reiterated": true, "assured": true, "vowed": true, "pledged": true,
	"promised": true, "threatened": true, "alleged": true, "countered": true, "cautioned": true,
	"saying": true, "stating": true, "warning": true, "insisting": true, "arguing": true, "noting": true,
	"observed": true, "maintained": true, "quipped": true, "mused": true, "announcing": true,
	"believes": true, "believed": true, "thinks": true, "hoped": true, "hopes": true, "fears": true,
	"feared": true,
}

// thatOnly verbs count only with a "that" clause or next to a quote (not
// "he hoped to win", "they feared violence").
var thatOnly = map[string]bool{
	"believes": true, "believed": true, "thinks": true, "hoped": true, "hopes": true, "fears": true,
	"feared": true, "vowed": true, "pledged": true, "promised": true, "threatened": true, "asked": true,
	"urged": true, "continued": true, "announced": true, "announces": true, "announcing": true,
	"confirmed": true, "denied": true, "posted": true, "added": true, "adds": true,
}

// skipBefore words may stand between a subject and its verb.
var skipBefore = map[string]bool{
	"also": true, "later": true, "then": true, "further": true, "previously": true, "has": true,
	"had": true, "have": true, "reportedly": true, "again": true, "separately": true, "earlier": true,
	"recently": true, "once": true, "publicly": true, "repeatedly": true, "has also": true,
	"would": true, "will": true, "had also": true, "only": true,
}

var pronouns = map[string]string{"he": "person", "she": "person", "they": "group", "it": "group"}

// determiners open a descriptive speaker phrase ("a police spokesman").
var determiners = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true}

type kind int

const (
	kNone kind = iota
	kMention
	kPronoun
	kName
	kPhrase
)

// cand is a speaker candidate in a sentence.
type cand struct {
	k          kind
	start, end int // token indices
	m          *actor.Mention
	text       string
}

// attrib is an attribution verb with its speaker.
type attrib struct {
	verb, verbEnd int // token indices [verb, verbEnd) of the verb words
	verbText      string
	subj          cand
	sp            dyad.Speaker
	ok            bool // speaker resolved
}

// sent holds what Find works out for one sentence.
type sent struct {
	s       *dyad.Sentence
	ms      []actor.Mention
	inQuote []bool // token inside a direct quote (or a quote mark)
	mark    []bool // token is a double quote mark
	attrs   []attrib
	persons []dyad.Speaker // people named or speaking, in order
	groups  []dyad.Speaker // other actors, in order
}

// dq is a direct quote over the document.
type dq struct {
	os, ot int // sentence and token of the opening mark
	cs, ct int // sentence and token of the closing mark; ct = len(tokens) if unclosed
	start  int // byte offsets of the quoted text
	end    int
	sp     dyad.Speaker
	verb   string
	ok     bool
	open   bool // closed by the paragraph end, not by a mark
}

func lower(t *dyad.Token) string { return strings.ToLower(t.Form()) }

func isMark(t *dyad.Token) bool {
	f := t.Form()
	return f == "\"" || f == "``" || f == "''" || t.Text == "«" || t.Text == "»"
}

// Find returns the quotations of doc, ordered by position. mentions[i]
// are the actor mentions of sentence i (from actor.Dictionary.Find); a
// shorter slice leaves the remaining sentences without mentions.
func Find(doc *dyad.Document, mentions [][]actor.Mention) []dyad.Quote {
	if doc == nil || len(doc.Sentences) == 0 {
		return nil
	}
	ss := make([]sent, len(doc.Sentences))
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		ss[i] = sent{s: s, inQuote: make([]bool, len(s.Tokens)), mark: make([]bool, len(s.Tokens))}
		if i < len(mentions) {
			ss[i].ms = mentions[i]
		}
	}
	quotes := directQuotes(doc, ss)
	for i := range ss {
		ss[i].findAttribs()
	}
	// Resolve speakers in document order, so that pronouns see the
	// speakers resolved before them.
	for i := range ss {
		st := &ss[i]
		// people and groups named in the sentence, by position
		for k := range st.ms {
			m := &st.ms[k]
			if st.inQuote[m.Start] {
				continue
			}
			sp := dyad.Speaker{Text: m.Ref.Text, Name: m.Ref.Name, Code: m.Ref.Code}
			if m.Kind == "person" {
				st.persons = append(st.persons, sp)
			} else {
				st.groups = append(st.groups, sp)
			}
		}
		for k := range st.attrs {
			a := &st.attrs[k]
			a.sp, a.ok = resolve(ss, i, a.subj)
			if a.ok && a.subj.k != kMention && isPersonish(*a) {
				st.persons = append(st.persons, a.sp)
			}
		}
	}
	for qi := range quotes {
		attributeDirect(ss, quotes, qi)
	}
	// A quote without attribution takes the speaker of the quote that
	// follows it at once: a long quote continued in the next paragraph.
	for qi := len(quotes) - 2; qi >= 0; qi-- {
		q, nx := &quotes[qi], &quotes[qi+1]
		if (!q.ok || q.verb == "") && nx.ok && nx.verb != "" && nx.os-q.cs <= 1 && (q.open || q.cs == nx.os) {
			q.sp, q.verb, q.ok = nx.sp, nx.verb, true
		}
	}
	var out []dyad.Quote
	for qi := range quotes {
		q := &quotes[qi]
		if q.end <= q.start {
			continue
		}
		out = append(out, dyad.Quote{Text: doc.Text[q.start:q.end], Start: q.start, End: q.end,
			Speaker: q.sp, Verb: q.verb, Direct: true})
	}
	for i := range ss {
		out = append(out, ss[i].indirect(doc)...)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// directQuotes pairs quote marks within paragraphs: curly and guillemet
// marks give their direction, straight marks alternate; a quote left
// open at the end of a paragraph closes there (news style continues a
// long quote in the next paragraph with a new opening mark).
func directQuotes(doc *dyad.Document, ss []sent) []dq {
	var out []dq
	open := false
	var cur dq
	lastS, lastT := -1, -1 // last token seen
	closeAt := func(s, t int) {
		cur.cs, cur.ct = s, t
		// text from the token after the opening mark to the token before the closing one
		st := &ss[cur.os]
		if cur.ot+1 < len(st.s.Tokens) {
			cur.start = st.s.Tokens[cur.ot+1].Start
		} else if cur.os+1 < len(ss) && cur.os < s {
			cur.start = ss[cur.os+1].s.Start
		} else {
			cur.start = st.s.End
		}
		ce := &ss[s]
		if t > 0 {
			cur.end = ce.s.Tokens[t-1].End
		} else if s > 0 {
			cur.end = ss[s-1].s.End
		} else {
			cur.end = cur.start
		}
		if t >= len(ce.s.Tokens) && len(ce.s.Tokens) > 0 {
			cur.end = ce.s.Tokens[len(ce.s.Tokens)-1].End
		}
		// mark the quoted tokens
		for si := cur.os; si <= s; si++ {
			from, to := 0, len(ss[si].s.Tokens)
			if si == cur.os {
				from = cur.ot
			}
			if si == s {
				to = t + 1
				if to > len(ss[si].s.Tokens) {
					to = len(ss[si].s.Tokens)
				}
			}
			for k := from; k < to; k++ {
				ss[si].inQuote[k] = true
			}
		}
		if cur.end > cur.start {
			out = append(out, cur)
		}
		open = false
	}
	para := -1
	for si := range ss {
		s := ss[si].s
		if s.Paragraph != para {
			if open && lastS >= 0 {
				cur.open = true
				closeAt(lastS, len(ss[lastS].s.Tokens))
			}
			para = s.Paragraph
		}
		for ti := range s.Tokens {
			t := &s.Tokens[ti]
			lastS, lastT = si, ti
			if !isMark(t) {
				continue
			}
			ss[si].mark[ti] = true
			dir := 0 // 1 open, -1 close, 0 either
			switch t.Text {
			case "“", "«", "``":
				dir = 1
			case "”", "»", "''":
				dir = -1
			}
			switch {
			case open && dir != 1:
				closeAt(si, ti)
			case open && dir == 1:
				// a new opening mark: the previous quote was never closed
				if ti > 0 {
					closeAt(si, ti-1)
				} else {
					closeAt(si, 0)
				}
				cur = dq{os: si, ot: ti}
				open = true
			case !open && dir != -1:
				cur = dq{os: si, ot: ti}
				open = true
			}
		}
	}
	_ = lastT
	if open && lastS >= 0 {
		cur.open = true
		closeAt(lastS, len(ss[lastS].s.Tokens))
	}
	return out
}

// findAttribs finds attribution verbs outside quotes and their subjects.
func (st *sent) findAttribs() {
	toks := st.s.Tokens
	n := len(toks)
	for k := 0; k < n; k++ {
		if st.inQuote[k] {
			continue
		}
		w := lower(&toks[k])
		if w == "according" && k+1 < n && lower(&toks[k+1]) == "to" {
			c := st.subjectAfter(k + 2)
			if c.k != kNone && c.k != kPronoun {
				st.attrs = append(st.attrs, attrib{verb: k, verbEnd: k + 2, verbText: "according to", subj: c})
			}
			continue
		}
		if !speechVerbs[w] {
			continue
		}
		if toks[k].UPOS != "" && toks[k].UPOS != "VERB" && toks[k].UPOS != "AUX" {
			continue
		}
		a := attrib{verb: k, verbEnd: k + 1, verbText: toks[k].Text}
		if strings.HasSuffix(w, "ing") && k > 0 && toks[k-1].Form() == "," {
			// "..., a police spokesman said, adding that": the subject of
			// the sentence's attribution before
			for b := len(st.attrs) - 1; b >= 0; b-- {
				if st.attrs[b].subj.k != kNone {
					a.subj = st.attrs[b].subj
					break
				}
			}
		}
		if a.subj.k == kNone {
			a.subj = st.subjectBefore(k)
		}
		if a.subj.k == kNone && (w == "said" || w == "says" || w == "told" || w == "added" || w == "replied" ||
			w == "wrote" || w == "warned" || w == "asked" || w == "continued" || w == "explained" || w == "insisted") {
			a.subj = st.subjectAfter(k + 1)
		}
		if a.subj.k == kNone {
			continue
		}
		st.attrs = append(st.attrs, a)
	}
}

// mentionAt returns the mention covering token j, if any.
func (st *sent) mentionAt(j int) *actor.Mention {
	for k := range st.ms {
		if st.ms[k].Start <= j && j < st.ms[k].End {
			return &st.ms[k]
		}
	}
	return nil
}

func isCap(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsUpper(r)
}

// notName are capitalised words that do not start a name.
var notName = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "They": true, "It": true, "But": true,
	"And": true, "In": true, "On": true, "Monday": true, "Tuesday": true, "Wednesday": true,
	"Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "I": true, "We": true, "This": true,
	"That": true, "Asked": true, "However": true, "Meanwhile": true,
}

// spanText returns the original text from token a to token b-1.
func (st *sent) spanText(a, b int) string {
	off := st.s.Start
	return st.s.Text[st.s.Tokens[a].Start-off : st.s.Tokens[b-1].End-off]
}

// subjectBefore finds the speaker of the verb at k among the tokens
// before it: "Kulubaev said", "he said", "X, a member of parliament,
// said", "a police spokesman said".
func (st *sent) subjectBefore(k int) cand {
	c := st.subjectEnding(k)
	// "Western diplomats in Bishkek said", "Residents of the Batken
	// region said", "a spokesman for the ministry said": the head before
	// the preposition is the speaker.
	for depth := 0; depth < 2 && c.k != kNone && c.k != kPronoun; depth++ {
		a := c.start
		if a > 0 && determiners[lower(&st.s.Tokens[a-1])] && c.k == kMention {
			a--
		}
		if a < 2 || !preps[lower(&st.s.Tokens[a-1])] || st.inQuote[a-1] {
			break
		}
		h := st.subjectEnding(a - 1)
		if h.k == kNone || h.k == kPronoun {
			break
		}
		full := st.spanText(h.start, c.end)
		switch {
		case h.k == kMention:
			c = cand{k: kMention, start: h.start, end: c.end, m: h.m, text: full}
		case c.k == kMention:
			c = cand{k: kMention, start: h.start, end: c.end, m: c.m, text: full}
		default:
			c = cand{k: kPhrase, start: h.start, end: c.end, text: full}
		}
	}
	return c
}

var preps = map[string]bool{"in": true, "at": true, "from": true, "of": true, "for": true, "with": true}

// subjectEnding finds a speaker phrase ending just before token k.
func (st *sent) subjectEnding(k int) cand {
	toks := st.s.Tokens
	j := k - 1
	for j >= 0 && skipBefore[lower(&toks[j])] {
		j--
	}
	if j < 0 || st.inQuote[j] {
		return cand{}
	}
	if toks[j].Form() == "," {
		// appositive or relative clause between commas
		m := j - 1
		for m >= 0 && toks[m].Form() != "," && !st.inQuote[m] && j-m < 15 {
			m--
		}
		if m < 0 || st.inQuote[m] || toks[m].Form() != "," {
			return cand{}
		}
		j = m - 1
		if j < 0 || st.inQuote[j] {
			return cand{}
		}
	}
	w := lower(&toks[j])
	if _, ok := pronouns[w]; ok {
		return cand{k: kPronoun, start: j, end: j + 1, text: toks[j].Text}
	}
	if m := st.mentionAt(j); m != nil {
		return cand{k: kMention, start: m.Start, end: m.End, m: m, text: m.Ref.Text}
	}
	if isCap(toks[j].Form()) && !notName[toks[j].Form()] {
		a := j
		for a > 0 && isCap(toks[a-1].Form()) && !notName[toks[a-1].Form()] && !st.inQuote[a-1] {
			a--
		}
		return cand{k: kName, start: a, end: j + 1, text: st.spanText(a, j+1)}
	}
	// a descriptive phrase: determiner + up to four words
	if isWordTok(toks[j].Form()) {
		for a := j; a >= 0 && j-a < 5; a-- {
			if st.inQuote[a] || !isWordTok(toks[a].Form()) {
				break
			}
			if determiners[lower(&toks[a])] && a < j {
				return cand{k: kPhrase, start: a, end: j + 1, text: st.spanText(a, j+1)}
			}
		}
	}
	return cand{}
}

func isWordTok(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsLetter(r)
}

// subjectAfter finds a speaker starting at token j: `," said X`,
// "according to X".
func (st *sent) subjectAfter(j int) cand {
	toks := st.s.Tokens
	if j >= len(toks) || st.inQuote[j] {
		return cand{}
	}
	w := lower(&toks[j])
	if _, ok := pronouns[w]; ok && w != "it" {
		return cand{k: kPronoun, start: j, end: j + 1, text: toks[j].Text}
	}
	if m := st.mentionAt(j); m != nil && m.Start == j {
		return cand{k: kMention, start: m.Start, end: m.End, m: m, text: m.Ref.Text}
	}
	if determiners[w] {
		// "the" + name mention: "the Kremlin"
		if m := st.mentionAt(j + 1); m != nil && m.Start == j+1 {
			return cand{k: kMention, start: m.Start, end: m.End, m: m, text: m.Ref.Text}
		}
	}
	if isCap(toks[j].Form()) && !notName[toks[j].Form()] {
		b := j + 1
		for b < len(toks) && isCap(toks[b].Form()) && !st.inQuote[b] {
			b++
		}
		return cand{k: kName, start: j, end: b, text: st.spanText(j, b)}
	}
	if determiners[w] {
		b := j + 1
		for b < len(toks) && b-j < 6 && isWordTok(toks[b].Form()) && !st.inQuote[b] && !stopPhrase[lower(&toks[b])] {
			b++
		}
		if b > j+1 {
			if m := st.mentionIn(j, b); m != nil {
				return cand{k: kMention, start: j, end: b, m: m, text: st.spanText(j, b)}
			}
			return cand{k: kPhrase, start: j, end: b, text: st.spanText(j, b)}
		}
	}
	return cand{}
}

// stopPhrase words end a descriptive speaker phrase.
var stopPhrase = map[string]bool{"in": true, "at": true, "on": true, "who": true, "which": true, "that": true,
	"of": false, "said": true, "told": true, "and": true, "for": true, "with": true}

// mentionIn returns the last mention inside tokens [a,b).
func (st *sent) mentionIn(a, b int) *actor.Mention {
	var best *actor.Mention
	for k := range st.ms {
		if st.ms[k].Start >= a && st.ms[k].End <= b {
			best = &st.ms[k]
		}
	}
	return best
}

// resolve turns a candidate of sentence si into a speaker.
func resolve(ss []sent, si int, c cand) (dyad.Speaker, bool) {
	switch c.k {
	case kMention:
		return dyad.Speaker{Text: c.text, Name: c.m.Ref.Name, Code: c.m.Ref.Code}, true
	case kName:
		// a surname resolves to the full name said before ("Galuzin" -> "Mikhail Galuzin")
		for k := si; k >= 0; k-- {
			for _, p := range ss[k].persons {
				if p.Name != "" && p.Name != c.text && lastWord(p.Name) == lastWord(c.text) {
					return dyad.Speaker{Text: c.text, Name: p.Name, Code: p.Code}, true
				}
			}
		}
		return dyad.Speaker{Text: c.text, Name: c.text}, true
	case kPhrase:
		return dyad.Speaker{Text: c.text}, true
	case kPronoun:
		w := strings.ToLower(c.text)
		ant, ok := antecedent(ss, si, c.start, pronouns[w] == "person")
		if !ok {
			return dyad.Speaker{Text: c.text}, false
		}
		return dyad.Speaker{Text: c.text, Name: ant.Name, Code: ant.Code}, true
	}
	return dyad.Speaker{}, false
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// antecedent finds what a pronoun at token tok of sentence si refers to:
// a person (he, she) or a group (it, they), in the sentence before the
// pronoun, then the first one of each earlier sentence back to the start
// of the previous paragraph.
func antecedent(ss []sent, si, tok int, person bool) (dyad.Speaker, bool) {
	para := ss[si].s.Paragraph
	pick := func(st *sent, last bool, before int) (dyad.Speaker, bool) {
		if person {
			var cands []dyad.Speaker
			for _, a := range st.attrs {
				if a.ok && a.sp.Name != "" && a.subj.start < before && a.subj.k != kPhrase && isPersonish(a) {
					cands = append(cands, a.sp)
				}
			}
			for k := range st.ms {
				m := &st.ms[k]
				if m.Kind == "person" && m.Start < before && !st.inQuote[m.Start] {
					cands = append(cands, dyad.Speaker{Text: m.Ref.Text, Name: m.Ref.Name, Code: m.Ref.Code})
				}
			}
			if len(cands) == 0 {
				return dyad.Speaker{}, false
			}
			if last {
				return cands[len(cands)-1], true
			}
			// the earliest in the sentence: subjects come first
			best := cands[0]
			bestPos := 1 << 30
			for _, c := range cands {
				if p := strings.Index(st.s.Text, c.Text); p >= 0 && p < bestPos {
					best, bestPos = c, p
				}
			}
			return best, true
		}
		var found dyad.Speaker
		ok := false
		for k := range st.ms {
			m := &st.ms[k]
			if m.Kind != "person" && m.Start < before && !st.inQuote[m.Start] {
				found, ok = dyad.Speaker{Text: m.Ref.Text, Name: m.Ref.Name, Code: m.Ref.Code}, true
				if !last {
					break
				}
			}
		}
		return found, ok
	}
	if sp, ok := pick(&ss[si], true, tok); ok {
		return sp, true
	}
	for k := si - 1; k >= 0; k-- {
		if p := ss[k].s.Paragraph; p < para-1 || ss[k].s.Headline {
			break
		}
		if sp, ok := pick(&ss[k], false, len(ss[k].s.Tokens)); ok {
			return sp, true
		}
	}
	return dyad.Speaker{}, false
}

// isPersonish reports whether an attribution's speaker is a person: a
// person mention, a name not in the dictionary, or a resolved pronoun.
func isPersonish(a attrib) bool {
	switch a.subj.k {
	case kMention:
		return a.subj.m.Kind == "person"
	case kName:
		return strings.Contains(a.subj.text, " ") || a.sp.Code != ""
	case kPronoun:
		w := strings.ToLower(a.subj.text)
		return w == "he" || w == "she"
	}
	return false
}

// attributeDirect finds the speaker of quote qi.
func attributeDirect(ss []sent, quotes []dq, qi int) {
	q := &quotes[qi]
	// after the closing mark, up to the next mark in the sentence
	if cst := &ss[q.cs]; q.ct < len(cst.s.Tokens) {
		for _, a := range cst.attrs {
			if a.verb > q.ct && a.subj.k != kNone && !markBetween(cst, q.ct+1, a.verb) {
				q.sp, q.verb, q.ok = a.sp, a.verbText, true
				return
			}
		}
	}
	// before the opening mark: X said: "..."; X said his country supported "..."
	ost := &ss[q.os]
	for k := len(ost.attrs) - 1; k >= 0; k-- {
		a := ost.attrs[k]
		if a.verb < q.ot && a.subj.k != kNone && !markBetween(ost, a.verb, q.ot) {
			q.sp, q.verb, q.ok = a.sp, a.verbText, true
			return
		}
	}
	// the sentence before ends with "he said:" / "X added:"
	if q.ot == 0 && q.os > 0 {
		prev := &ss[q.os-1]
		if n := len(prev.s.Tokens); n > 0 && prev.s.Tokens[n-1].Form() == ":" && len(prev.attrs) > 0 {
			a := prev.attrs[len(prev.attrs)-1]
			if a.ok {
				q.sp, q.verb, q.ok = a.sp, a.verbText, true
				return
			}
		}
	}
	// the attribution of a quote in the same sentences (`"A," he said. "B."` is handled by continuation)
	// continuation: the previous quote, in this paragraph or the one before
	if qi > 0 {
		p := &quotes[qi-1]
		pp := ss[p.cs].s.Paragraph
		if p.ok && (pp == ss[q.os].s.Paragraph || pp == ss[q.os].s.Paragraph-1) && q.os-p.cs <= 2 {
			q.sp, q.verb, q.ok = p.sp, p.verb, true
			return
		}
	}
	// an attribution later in the paragraph, within two sentences ("... it said in a statement.")
	for k := q.cs + 1; k < len(ss) && k <= q.cs+1; k++ {
		if ss[k].s.Paragraph != ss[q.cs].s.Paragraph {
			break
		}
		for _, a := range ss[k].attrs {
			if a.ok && a.subj.k == kPronoun {
				q.sp, q.verb, q.ok = a.sp, a.verbText, true
				return
			}
		}
	}
	// the nearest person named in this or the previous sentences
	if sp, ok := antecedent(ss, q.os, q.ot, true); ok {
		q.sp, q.ok = sp, true
		return
	}
	// the sentence's first actor before the quote: "The government
	// rejected the demand, calling it "an insult""
	ost = &ss[q.os]
	for k := range ost.ms {
		m := &ost.ms[k]
		if m.End <= q.ot && !ost.inQuote[m.Start] && !strings.Contains(m.Ref.Code, "MED") {
			q.sp, q.ok = dyad.Speaker{Text: m.Ref.Text, Name: m.Ref.Name, Code: m.Ref.Code}, true
			return
		}
	}
}

func markBetween(st *sent, a, b int) bool {
	for k := a; k < b && k < len(st.mark); k++ {
		if st.mark[k] {
			return true
		}
	}
	return false
}

// indirect returns the indirect speech of the sentence: "X said (that)
// CLAUSE", "CLAUSE, X said", "according to X, CLAUSE", "CLAUSE, according
// to X".
func (st *sent) indirect(doc *dyad.Document) []dyad.Quote {
	if st.s.Headline || len(st.attrs) == 0 {
		return nil
	}
	toks := st.s.Tokens
	n := len(toks)
	end := n
	for end > 0 && isPunct(toks[end-1].Form()) {
		end--
	}
	var out []dyad.Quote
	emit := func(a attrib, from, to int) {
		for to > from && (isPunct(toks[to-1].Form()) && !st.mark[to-1]) {
			to--
		}
		for from < to && toks[from].Form() == "," {
			from++
		}
		if to-from < 3 || !a.ok {
			return
		}
		// a clause fully inside a direct quote is not indirect speech
		allQ := true
		for k := from; k < to; k++ {
			if !st.inQuote[k] {
				allQ = false
				break
			}
		}
		if allQ {
			return
		}
		s, e := toks[from].Start, toks[to-1].End
		out = append(out, dyad.Quote{Text: doc.Text[s:e], Start: s, End: e, Speaker: a.sp, Verb: a.verbText})
	}
	for _, a := range st.attrs {
		if a.verbText == "according to" {
			if a.verb == 0 || (a.verb == 1 && isPunct(toks[0].Form())) {
				// According to X, CLAUSE
				c := a.subj.end
				for c < n && toks[c].Form() != "," {
					c++
				}
				if c < n {
					emit(a, c+1, clauseEnd(st, c+1, end))
				}
			} else if a.verb > 0 && toks[a.verb-1].Form() == "," && a.subj.end >= end-1 {
				emit(a, clauseStart(st, a.verb-1), a.verb-1)
			}
			continue
		}
		w := strings.ToLower(a.verbText)
		// X said (on Friday) that CLAUSE
		if a.subj.end <= a.verb {
			lim := a.verbEnd + 8
			for k := a.verbEnd; k < n && k < lim; k++ {
				f := lower(&toks[k])
				if st.mark[k] || f == "," || f == ":" || f == "." || isVerbish(&toks[k]) || thatOnly[w] && k > a.verbEnd {
					break
				}
				if f == "that" {
					emit(a, k+1, clauseEnd(st, k+1, end))
					goto next
				}
			}
			// X said (on Tuesday) CLAUSE: the next word opens a clause
			c := a.verbEnd
			for c < n && c < a.verbEnd+3 && timeWords[lower(&toks[c])] {
				c++
			}
			if !thatOnly[w] && c < n && opensClause(st, c) && !quoteNear(st, a) {
				emit(a, c, clauseEnd(st, c, end))
				continue
			}
		}
		// CLAUSE, X said.
		if !thatOnly[w] && !quoteNear(st, a) {
			c := min(a.subj.start, a.verb)
			if c > 1 && determiners[lower(&toks[c-1])] {
				c--
			}
			hi := max(a.subj.end, a.verbEnd)
			if c > 0 && toks[c-1].Form() == "," && (hi >= end-3 || hi < n && toks[hi].Form() == ",") {
				emit(a, clauseStart(st, c-1), c-1)
			}
		}
	next:
	}
	return out
}

// timeWords may stand between a speech verb and its clause ("said on
// Tuesday it had ...").
var timeWords = map[string]bool{"on": true, "late": true, "early": true, "yesterday": true, "today": true,
	"tonight": true, "earlier": true, "later": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "again": true, "also": true}

// quoteNear reports whether the attribution belongs to a direct quote:
// a quote mark right before its subject/verb or right after the verb.
func quoteNear(st *sent, a attrib) bool {
	lo := min(a.subj.start, a.verb)
	hi := max(a.subj.end, a.verbEnd)
	if lo > 0 && (st.mark[lo-1] || lo > 1 && st.mark[lo-2]) {
		return true
	}
	if hi < len(st.mark) && (st.mark[hi] || st.s.Tokens[hi].Form() == ":") {
		return true
	}
	return false
}

// auxWords end the look-ahead for "that" after a speech verb.
var auxWords = map[string]bool{"would": true, "will": true, "was": true, "is": true, "were": true, "are": true,
	"had": true, "has": true, "have": true, "could": true, "can": true, "should": true, "might": true, "may": true}

// isVerbish reports whether a token is a verb or auxiliary (by tag, else by form).
func isVerbish(t *dyad.Token) bool {
	if t.UPOS != "" {
		return t.UPOS == "VERB" || t.UPOS == "AUX"
	}
	f := strings.ToLower(t.Form())
	return auxWords[f] || strings.HasSuffix(f, "ed") && len(f) > 4
}

// clauseEnd ends an indirect clause before a following direct quote
// attribution or at the sentence end.
func clauseEnd(st *sent, from, end int) int {
	for k := from; k < end; k++ {
		if st.mark[k] && k > from && st.inQuote[k] && k+1 < len(st.mark) && !st.inQuote[k+1] && k+1 >= end {
			return k + 1
		}
		if f := st.s.Tokens[k].Form(); f == ";" {
			return k
		}
	}
	return end
}

// clauseStart finds the start of the clause that ends at token c: the
// sentence start, or after the last quote mark or ";" before it.
func clauseStart(st *sent, c int) int {
	for k := c - 1; k >= 0; k-- {
		if f := st.s.Tokens[k].Form(); f == ";" || st.mark[k] {
			return k + 1
		}
	}
	return 0
}

// opensClause reports whether token k can start a reported clause.
func opensClause(st *sent, k int) bool {
	t := &st.s.Tokens[k]
	f := strings.ToLower(t.Form())
	if st.mark[k] || isPunct(f) || st.inQuote[k] {
		return false
	}
	switch f {
	case "in", "on", "at", "after", "before", "during", "with", "to", "by", "for", "from", "of", "as",
		"when", "while", "late", "earlier", "later", "last", "yesterday", "today", "tuesday", "monday",
		"wednesday", "thursday", "friday", "saturday", "sunday", "reporters", "journalists", "so",
		"nothing", "little", "much", "more", "so.", "this", "again", "repeatedly", "through":
		return false
	}
	if t.UPOS == "ADP" || t.UPOS == "ADV" {
		return false
	}
	return true
}

func isPunct(f string) bool {
	if f == "" {
		return true
	}
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
