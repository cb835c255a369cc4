package code

import "github.com/dyad-events/dyad/internal/dyad"

// The options in this file read a sentence as PETRARCH does, for users of
// its dictionaries and for its unit-test suite (dyad eval petr, dyad code
// --petrarch). They are off by default: the built-in coder keeps dyad's
// own readings. Comma-clause deletion is in comma.go.

// PassiveNeedsAgent reads a passive clause without a "by" agent as if it
// were active, its subject the source ("The Philippines was criticized
// over its dispute with Eriador" -> PHL source, Eriador target), as
// PETRARCH does. The default makes the subject the target and leaves the
// source unknown.
func PassiveNeedsAgent() Option { return func(c *Coder) { c.passiveNeedsAgent = true } }

// AbsorbSubordinate codes only the governing verb of a clause tree: an
// event whose trigger is in an adverbial or infinitival clause of the
// trigger of an event with a target ("restored ties with Gondor after
// crowds burned its embassy", "abandoned efforts to stop the parade") is
// dropped, as PETRARCH folds such verbs into the phrase of the verb above
// them. The default codes both.
func AbsorbSubordinate() Option { return func(c *Coder) { c.absorb = true } }

// VerbForms matches a pattern's trigger only in the forms English
// spelling rules make of it ("depart", "departs", "departed",
// "departing") and its irregular forms, as dictionaries that list base
// forms (PETRARCH, TABARI) do; the default matches any token whose lemma
// candidates include it ("departes").
func VerbForms() Option { return func(c *Coder) { c.verbForms = true } }

// TargetlessNeedsPhrase keeps an event without a target only when its
// verb has an object or a prepositional phrase ("burned down its
// embassy", "said on Saturday"; not "said today"), as PETRARCH, which
// codes a verb phrase only when it holds a noun phrase to take as the
// (here unknown) target. The default keeps every targetless event.
func TargetlessNeedsPhrase() Option { return func(c *Coder) { c.needPhrase = true } }

// absorbed drops the events whose trigger sits in a subordinate clause
// (advcl, acl, xcomp, possibly through the noun or argument it modifies)
// of the trigger of another event that has a target.
func (st *sent) absorbed(evs []dyad.Event, trigs []int) ([]dyad.Event, []int) {
	coded := map[int]bool{} // triggers of events with a target
	for k, t := range trigs {
		if len(evs[k].Recipient) > 0 {
			coded[t] = true
		}
	}
	kept, kt := evs[:0], trigs[:0]
	for k, ev := range evs {
		if !st.underCoded(trigs[k], coded) && !st.afterCoded(trigs[k], coded) {
			kept, kt = append(kept, ev), append(kt, trigs[k])
		}
	}
	return kept, kt
}

// newClause reports whether a comma after token a starts the clause of
// token t (no subordinator between the last such comma and t): "...
// restored ties ..., a senior official said" is a new clause whatever the
// parse attached "said" to.
func (st *sent) newClause(a, t int) bool {
	if a > t {
		a, t = t, a
	}
	for k := t - 1; k > a; k-- {
		if subordinators[st.low[k]] && st.toks[k].UPOS != "ADV" {
			return false
		}
		if st.low[k] == "," && !st.adjectiveComma(k) {
			return true
		}
	}
	return false
}

// hasPhrase reports whether the verb at v has an object or a
// prepositional phrase (not a bare noun of time such as "today" or "five
// years").
func (st *sent) hasPhrase(v int) bool {
	for _, c := range st.children(v) {
		switch st.toks[c].Dep {
		case "obj", "iobj", "obl:agent":
			return true
		case "obl", "nmod":
			if st.hasCase(c, "") { // "on Saturday", not "five years"
				return true
			}
		}
	}
	return false
}

// subordinators open an adverbial clause.
var subordinators = map[string]bool{"after": true, "before": true, "when": true, "while": true, "since": true,
	"until": true, "because": true, "as": true, "once": true}

// afterCoded reports whether the trigger at t follows a coded trigger
// with a subordinator between them and no comma between the subordinator
// and t ("restored ties with Gondor, almost five years after crowds burned
// its embassy"), for parses that do not attach the clause to the verb.
func (st *sent) afterCoded(t int, coded map[int]bool) bool {
	sub := false
	for k := t - 1; k >= 0; k-- {
		if st.boundary(k) {
			return false
		}
		if coded[k] {
			return sub
		}
		if st.low[k] == "," && !sub {
			return false // "..., the agency said": a new clause, not a subordinate one
		}
		if subordinators[st.low[k]] && st.toks[k].UPOS != "ADV" {
			sub = true
		}
	}
	return false
}

func (st *sent) underCoded(t int, coded map[int]bool) bool {
	switch st.toks[t].Dep {
	case "advcl", "acl", "xcomp":
	default:
		return false
	}
	cur := t
	for steps := 0; steps < 6; steps++ {
		h := st.toks[cur].Head
		if h < 0 || h >= len(st.toks) || h == t {
			return false
		}
		if coded[h] {
			return !st.newClause(h, t)
		}
		switch st.toks[h].Dep {
		case "advcl", "acl", "xcomp", "obj", "obl", "nmod":
			cur = h
		default:
			return false
		}
	}
	return false
}
