// Package headline owns the headline check: it splits the headline into
// claims and looks in the article body for the sentence that best supports
// each one. A claim is supported when a body sentence shares enough of
// its content words (matched through stems and small synonym families)
// and the body backs its predicate at the same strength (a headline
// "demands" needs a demand, not a "matter for discussion"), its intensity
// words ("immediate", "all", "collapse"), its numbers and its quoted words.
package headline

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/dyad"
)

// family groups predicate words; level orders the speech acts of one
// family by strength (a body at a lower level does not support a headline
// at a higher one).
type family struct {
	name  string
	level int
}

// families maps a stem to its predicate family. The speech-act family
// "press" runs from mention (0) through ask (1) and urge (2) to demand (3).
var families = map[string]family{
	"demand": {"press", 3}, "insist": {"press", 3}, "order": {"press", 3}, "ultimatum": {"press", 3},
	"requir": {"press", 3}, "must": {"press", 3},
	"urg": {"press", 2}, "call": {"press", 2}, "press": {"press", 2}, "appeal": {"press", 2}, "push": {"press", 2},
	"ask": {"press", 1}, "request": {"press", 1}, "seek": {"press", 1}, "sought": {"press", 1},
	"propos": {"press", 1}, "suggest": {"press", 1}, "want": {"press", 1}, "hope": {"press", 1},
	"discuss": {"press", 0}, "discussion": {"press", 0}, "consider": {"press", 0}, "rais": {"press", 0},
	"mention": {"press", 0}, "talk": {"press", 0}, "negotiat": {"press", 0},
	"attack": {"attack", 0}, "strike": {"attack", 0}, "struck": {"attack", 0}, "shell": {"attack", 0},
	"bomb": {"attack", 0}, "hit": {"attack", 0}, "assault": {"attack", 0}, "raid": {"attack", 0},
	"fire": {"attack", 0}, "clash": {"attack", 0}, "offensive": {"attack", 0}, "invad": {"attack", 0},
	"invasion": {"attack", 0},
	"kill":     {"kill", 0}, "dead": {"kill", 0}, "death": {"kill", 0}, "die": {"kill", 0}, "di": {"kill", 0},
	"reject": {"reject", 0}, "refus": {"reject", 0}, "dismiss": {"reject", 0}, "rebuff": {"reject", 0},
	"deni": {"reject", 0}, "deny": {"reject", 0}, "spurn": {"reject", 0},
	"withdraw": {"withdraw", 0}, "withdrawal": {"withdraw", 0}, "withdrew": {"withdraw", 0},
	"pullout": {"withdraw", 0}, "leav": {"withdraw", 0}, "left": {"withdraw", 0}, "exit": {"withdraw", 0},
	"retreat": {"withdraw", 0}, "evacuat": {"withdraw", 0},
	"collaps": {"collapse", 0}, "fail": {"collapse", 0}, "breakdown": {"collapse", 0},
	"agre": {"agree", 0}, "agree": {"agree", 0}, "agreement": {"agree", 0}, "deal": {"agree", 0}, "sign": {"agree", 0},
	"accord": {"agree", 0}, "pact": {"agree", 0}, "treati": {"agree", 0}, "treaty": {"agree", 0},
	"warn": {"warn", 0}, "threaten": {"warn", 0}, "threat": {"warn", 0},
	"meet": {"meet", 0}, "met": {"meet", 0}, "visit": {"meet", 0}, "host": {"meet", 0}, "summit": {"meet", 0},
	"arrest": {"arrest", 0}, "detain": {"arrest", 0}, "detention": {"arrest", 0}, "jail": {"arrest", 0},
	"condemn": {"criticise", 0}, "critici": {"criticise", 0}, "slam": {"criticise", 0}, "blast": {"criticise", 0},
	"denounc": {"criticise", 0}, "accus": {"criticise", 0}, "blam": {"criticise", 0},
	"sanction": {"sanction", 0}, "embargo": {"sanction", 0},
	"support": {"support", 0}, "back": {"support", 0}, "endors": {"support", 0}, "welcom": {"support", 0},
	"say": {"say", 0}, "said": {"say", 0}, "tell": {"say", 0}, "told": {"say", 0}, "stat": {"say", 0},
	"announc": {"say", 0}, "claim": {"say", 0},
}

// intensity words make a claim stronger; each needs its own support.
// The value groups words that support one another.
var intensity = map[string]string{
	"immediat": "now", "instant": "now", "now": "now", "urgent": "now", "forthwith": "now",
	"all": "all", "every": "all", "entir": "all", "whole": "all", "total": "all", "complet": "all",
	"full": "all", "fulli": "all", "immediate": "now", "complete": "all", "entire": "all",
	"collaps": "collapse", "breakdown": "collapse",
	"unconditional": "unconditional", "never": "never", "permanent": "permanent",
	"massiv": "massive", "massive": "massive", "huge": "massive", "record": "record", "unprecedent": "record", "sweep": "sweep",
	"first": "first", "last": "last", "final": "last",
}

var stop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"and": true, "or": true, "but": true, "with": true, "by": true, "from": true, "as": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "been": true, "it": true, "its": true, "this": true,
	"that": true, "his": true, "her": true, "their": true, "over": true, "into": true, "after": true,
	"amid": true, "about": true, "he": true, "she": true, "they": true, "we": true, "will": true,
	"would": true, "has": true, "have": true, "had": true, "not": false, "s": true, "'s": true, "up": true,
	"out": true, "than": true, "more": true, "new": true, "which": true, "who": true, "what": true,
}

// stem is a light suffix stripper, enough to meet "demands"/"demanded",
// "withdraws"/"withdrawal" is a family match.
func stem(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(w, "'s")
	for _, suf := range []string{"ingly", "edly", "ness", "ment", "ing", "ies", "ied", "ed", "es", "ly", "s", "e", "y"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			if suf == "ies" || suf == "ied" {
				w += "i"
			}
			break
		}
	}
	return w
}

// famOf returns the family of a word: by stem, by the word itself, or
// by the longest family key (of four letters or more) that starts the
// stem ("accusation" -> "accus").
func famOf(w string) (family, bool) {
	s := stem(w)
	if f, ok := families[s]; ok {
		return f, true
	}
	if f, ok := families[strings.ToLower(w)]; ok {
		return f, true
	}
	if f, ok := families[s+"e"]; ok { // "strikes" -> "strik" -> "strike"
		return f, true
	}
	for n := len(s) - 1; n >= 4; n-- {
		if f, ok := families[s[:n]]; ok {
			return f, true
		}
	}
	return family{}, false
}

// irrealis words before a predicate make it unrealised ("ready to meet",
// "will sign", "could attack").
var irrealis = map[string]bool{"to": true, "will": true, "would": true, "could": true, "may": true,
	"might": true, "'ll": true, "ready": true, "plans": true, "set": true, "should": true, "can": true}

func intensOf(w string) (string, bool) {
	s := stem(w)
	if g, ok := intensity[s]; ok {
		return g, true
	}
	g, ok := intensity[strings.ToLower(w)]
	return g, ok
}

// words are the analysed words of a sentence or claim.
type words struct {
	stems  map[string]bool
	stemF  map[string]string // stem -> its predicate family
	fams   map[string]int    // family -> strongest level present
	real   map[string]int    // family -> strongest level stated as fact (no irrealis cue before)
	intens map[string]bool
	nums   map[string]bool
	text   string
}

func isWord(f string) bool {
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isNum(f string) bool {
	for _, r := range f {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return f != "" && unicode.IsDigit(rune(f[0]))
}

var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
	"twenty": "20", "hundred": "100"}

func analyse(toks []dyad.Token) words {
	w := words{stems: map[string]bool{}, stemF: map[string]string{}, fams: map[string]int{}, real: map[string]int{},
		intens: map[string]bool{}, nums: map[string]bool{}}
	for i := range toks {
		f := toks[i].Form()
		if !isWord(f) {
			continue
		}
		lw := strings.ToLower(f)
		if isNum(f) {
			w.nums[strings.ReplaceAll(f, ",", "")] = true
			continue
		}
		if n, ok := numberWords[lw]; ok {
			w.nums[n] = true
		}
		if fam, ok := famOf(f); ok && !stop[lw] {
			if l, seen := w.fams[fam.name]; !seen || fam.level > l {
				w.fams[fam.name] = fam.level
			}
			unreal := false
			for k := i - 1; k >= 0 && k >= i-2; k-- {
				if irrealis[strings.ToLower(toks[k].Form())] {
					unreal = true
				}
			}
			if !unreal {
				if l, seen := w.real[fam.name]; !seen || fam.level > l {
					w.real[fam.name] = fam.level
				}
			}
			w.stemF[stem(f)] = fam.name
		}
		if g, ok := intensOf(f); ok {
			w.intens[g] = true
		}
		if stop[lw] {
			continue
		}
		w.stems[stem(f)] = true
	}
	return w
}

// claimSpan is a claim: a stretch of the headline's tokens.
type claimSpan struct{ from, to int }

// splitters separate claims in a headline.
var splitters = map[string]bool{";": true, "as": true, "amid": true, "while": true, "after": false, "but": true}

func splitClaims(toks []dyad.Token) []claimSpan {
	var out []claimSpan
	from := 0
	for i := range toks {
		f := strings.ToLower(toks[i].Form())
		if splitters[f] && i > from+1 && i < len(toks)-2 {
			out = append(out, claimSpan{from, i})
			from = i + 1
			if f == ";" {
				continue
			}
			from = i + 1
		}
	}
	if from < len(toks) {
		out = append(out, claimSpan{from, len(toks)})
	}
	return out
}

// quoted returns the lower-cased words inside quote marks in toks.
func quoted(toks []dyad.Token) []string {
	var out []string
	in := false
	for i := range toks {
		f := toks[i].Form()
		if f == "\"" || toks[i].Text == "‘" || toks[i].Text == "’" && in {
			in = !in
			continue
		}
		if in && isWord(f) && !stop[strings.ToLower(f)] {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

// Thresholds of the check.
const (
	// minScore is the share of a claim's content words a body sentence
	// must hold (weighted, names and predicates count more).
	minScore = 0.45
)

// Check compares the headline of doc (its sentence with Headline set)
// with the body. events are the document's coded events; an event coded
// from the headline that has a body event of the same CAMEO root and
// actors adds to the best evidence's score. It returns nil when the
// document has no headline.
func Check(doc *dyad.Document, events []dyad.Event) *dyad.Headline {
	if doc == nil {
		return nil
	}
	hi := -1
	for i := range doc.Sentences {
		if doc.Sentences[i].Headline {
			hi = i
			break
		}
	}
	if hi < 0 {
		return nil
	}
	h := &doc.Sentences[hi]
	out := &dyad.Headline{Text: h.Text, Supported: true, Claims: []dyad.Claim{}}
	body := make([]words, len(doc.Sentences))
	var bodyText strings.Builder
	for i := range doc.Sentences {
		if i == hi {
			continue
		}
		body[i] = analyse(doc.Sentences[i].Tokens)
		bodyText.WriteString(strings.ToLower(doc.Sentences[i].Text))
		bodyText.WriteByte(' ')
	}
	bt := bodyText.String()
	eventBonus := eventSupport(hi, events)
	for _, cs := range splitClaims(h.Tokens) {
		toks := h.Tokens[cs.from:cs.to]
		cw := analyse(toks)
		if len(cw.stems) == 0 {
			continue
		}
		c := dyad.Claim{Text: h.Text[toks[0].Start-h.Start : toks[len(toks)-1].End-h.Start]}
		best, bestScore := -1, 0.0
		for i := range doc.Sentences {
			if i == hi {
				continue
			}
			if sc := score(cw, body[i]) + eventBonus[i]; sc > bestScore {
				best, bestScore = i, sc
			}
		}
		c.Score = round3(bestScore)
		if best >= 0 {
			c.BestEvidence = &dyad.ClaimSupport{Sentence: best, Text: doc.Sentences[best].Text}
			c.Supported = bestScore >= minScore && predicateOK(cw, body, best) && intensityOK(cw, body, best) &&
				numbersOK(cw, body, best) && quotedOK(toks, bt)
		}
		if !c.Supported {
			out.Supported = false
		}
		out.Claims = append(out.Claims, c)
	}
	if len(out.Claims) == 0 {
		out.Supported = false
	}
	return out
}

// score is the weighted share of the claim's content words found in the
// sentence: a stem counts once, a family match (same predicate family)
// counts as the stem.
func score(c, s words) float64 {
	if len(c.stems) == 0 {
		return 0
	}
	var have, total float64
	for st := range c.stems {
		wt := 1.0
		if _, ok := c.stemF[st]; ok {
			wt = 1.5
		}
		total += wt
		if s.stems[st] {
			have += wt
			continue
		}
		if f, ok := c.stemF[st]; ok {
			if _, ok := s.fams[f]; ok {
				have += wt * 0.8
			}
		}
	}
	return have / total
}

// neighbours returns the evidence sentence and the body sentences next to it.
func neighbours(body []words, best int) []words {
	var out []words
	for k := best - 1; k <= best+1; k++ {
		if k >= 0 && k < len(body) && body[k].stems != nil {
			out = append(out, body[k])
		}
	}
	return out
}

// predicateOK: every predicate family of the claim appears around the
// evidence at the same strength or stronger, and as a fact when the claim
// states it as one ("say" needs nothing).
func predicateOK(c words, body []words, best int) bool {
	nb := neighbours(body, best)
	for fam, lvl := range c.fams {
		if fam == "say" {
			continue
		}
		// a claim stated as fact needs the fact, not a plan or an offer
		_, isReal := c.real[fam]
		ok := false
		for _, s := range nb {
			have := s.fams
			if isReal {
				have = s.real
			}
			if l, has := have[fam]; has && l >= lvl {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// intensityOK: every intensity group of the claim appears around the evidence.
func intensityOK(c words, body []words, best int) bool {
	nb := neighbours(body, best)
	for g := range c.intens {
		ok := false
		for _, s := range nb {
			if s.intens[g] {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// numbersOK: every number of the claim appears around the evidence.
func numbersOK(c words, body []words, best int) bool {
	nb := neighbours(body, best)
	for n := range c.nums {
		ok := false
		for _, s := range nb {
			if s.nums[n] {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// quotedOK: words the headline quotes appear in the body.
func quotedOK(toks []dyad.Token, body string) bool {
	for _, w := range quoted(toks) {
		if !strings.Contains(body, w) {
			return false
		}
	}
	return true
}

// eventSupport gives each body sentence a bonus when an event coded from
// it shares the CAMEO root and an actor code with an event coded from the
// headline.
func eventSupport(hi int, events []dyad.Event) map[int]float64 {
	out := map[int]float64{}
	var head []dyad.Event
	for _, e := range events {
		if e.Evidence.Sentence == hi {
			head = append(head, e)
		}
	}
	for _, e := range events {
		if e.Evidence.Sentence == hi {
			continue
		}
		for _, h := range head {
			if root(h.CAMEO.Code) == root(e.CAMEO.Code) && root(h.CAMEO.Code) != "" && shareActor(h, e) {
				out[e.Evidence.Sentence] = 0.15
			}
		}
	}
	return out
}

func root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

func shareActor(a, b dyad.Event) bool {
	for _, x := range a.Actor {
		for _, y := range b.Actor {
			if x.Code != "" && x.Code == y.Code {
				return true
			}
		}
	}
	return false
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
