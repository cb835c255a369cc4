package timex

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

// Temporal modes returned by Mode (PLOVER special contexts).
const (
	Future       = "future"
	Historical   = "historical"
	Hypothetical = "hypothetical"
)

// futureCue words before a trigger put it in the future; the value is
// the word that must follow for the cue to count ("" = any).
var futureCue = map[string]string{
	"will": "", "shall": "", "'ll": "", "wo": "", // "wo n't"
	"scheduled": "to", "plans": "to", "plan": "to", "planning": "to", "intends": "to", "intend": "to",
	"expected": "to", "set": "to", "due": "to", "going": "to", "poised": "to", "aims": "to",
	"preparing": "to", "prepares": "to", "vowed": "to", "vows": "to", "pledged": "to", "promised": "to",
	"threatened": "to", "threatens": "to", "would": "",
}

// hypoCue modals make the trigger hypothetical.
var hypoCue = map[string]bool{"could": true, "might": true, "may": true, "should": true, "would": true}

// condWords open a conditional clause.
var condWords = map[string]bool{"if": true, "unless": true, "whether": true, "provided": true, "lest": true}

// clauseBreak tokens end the look-back from the trigger.
var clauseBreak = map[string]bool{",": true, ";": true, ":": true, "that": true, "but": true, "while": true,
	"\"": true, "who": true, "which": true, "when": true, "after": true, "before": true, "as": true, "because": true}

// Mode returns the temporal mode of the event whose trigger is token
// index trigger of s: "future" ("will", "scheduled to", "plans to", a
// date after publication), "historical" (past perfect "had", a past year
// "in 2014", "last year", "years ago"), "hypothetical" ("if", "unless",
// "could", "might", "would ... if"), or "" for a plain report. published
// is the article's date. A trigger outside the sentence gives "".
func Mode(s *dyad.Sentence, trigger int, published time.Time) string {
	if s == nil || trigger < 0 || trigger >= len(s.Tokens) {
		return ""
	}
	toks := s.Tokens
	low := make([]string, len(toks))
	for i := range toks {
		low[i] = text.Lower(toks[i].Form())
	}
	lw := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return low[i]
	}
	// Look back from the trigger through its clause for auxiliaries and cues.
	var modal, cue string
	had, cond := false, false
	for k := trigger - 1; k >= 0 && k >= trigger-8; k-- {
		w := lw(k)
		if condWords[w] {
			cond = true
			break
		}
		if clauseBreak[w] {
			break
		}
		if want, ok := futureCue[w]; ok && cue == "" {
			if want == "" || lw(k+1) == want || (k+2 < len(toks) && lw(k+2) == want) {
				cue = w
			}
		}
		if hypoCue[w] && modal == "" && toks[k].XPOS != "VB" {
			modal = w
		}
		if w == "had" || w == "'d" {
			had = true
		}
	}
	// A conditional clause elsewhere in the sentence with a modal here:
	// "would ... if", "if ..., X could".
	sentCond := false
	for i := range toks {
		if condWords[lw(i)] {
			sentCond = true
			break
		}
	}
	if cond || (sentCond && (modal != "" || cue == "will" || cue == "'ll" || cue == "shall")) {
		return Hypothetical
	}
	switch modal {
	case "could", "might", "may", "should":
		return Hypothetical
	case "would":
		if sentCond {
			return Hypothetical
		}
	}
	if cue == "would" && !sentCond {
		// reported future: "said it would send troops"
		return Future
	}
	if cue != "" && cue != "would" {
		return Future
	}
	// Past perfect: "had attacked", "had been".
	if had && isPastParticiple(&toks[trigger]) {
		return Historical
	}
	// Dates stated in the sentence.
	fut := cue != ""
	ref := day0(published)
	for _, sp := range Spans(toks, ref, fut) {
		switch {
		case sp.From.After(ref) && !published.IsZero():
			return Future
		case sp.Gran == Year && sp.To.Year() < ref.Year():
			return Historical
		case !published.IsZero() && sp.To.Before(ref.AddDate(-1, 0, 0)):
			return Historical
		}
	}
	for i := range toks {
		w := lw(i)
		if (w == "ago" && i >= 1 && (lw(i-1) == "years" || lw(i-1) == "decades")) ||
			(w == "decades" && lw(i-1) == "for") {
			return Historical
		}
		if isDecade(w) && (lw(i-1) == "the" || lw(i-1) == "in") {
			return Historical
		}
	}
	return ""
}

func isPastParticiple(t *dyad.Token) bool {
	if t.XPOS != "" {
		return t.XPOS == "VBN" || t.XPOS == "VBD"
	}
	w := strings.ToLower(t.Form())
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || w == "met" || w == "held" || w == "sent" || w == "fought" || w == "made" || w == "said"
}

// isDecade matches "1990s", "1990's".
func isDecade(w string) bool {
	if !strings.HasSuffix(w, "s") {
		return false
	}
	w = strings.TrimSuffix(strings.TrimSuffix(w, "s"), "'")
	_, ok := year(w)
	return ok && len(w) == 4 && w[3] == '0'
}

// TokenAt returns the index of the token of s that contains byte offset
// off (an event's Evidence.TriggerStart), or -1.
func TokenAt(s *dyad.Sentence, off int) int {
	if s == nil {
		return -1
	}
	lo, hi := 0, len(s.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if s.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(s.Tokens) && s.Tokens[lo].Start <= off {
		return lo
	}
	return -1
}
