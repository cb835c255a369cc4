package code

// CommaLimits are the clause lengths, in words, at which PETRARCH drops
// comma-delimited clauses before coding (its comma_min/comma_max,
// comma_bmin/comma_bmax and comma_emin/comma_emax options): an internal
// clause between two commas, the beginning clause before the first comma
// and the end clause after the last one are dropped when their length is
// within [Min, Max]. A Max of 0 keeps every clause of that kind.
type CommaLimits struct {
	Min, Max   int // internal clauses
	BMin, BMax int // the beginning clause
	EMin, EMax int // the end clause
}

// PetrarchCommas are PETRARCH's default limits.
var PetrarchCommas = CommaLimits{Min: 2, Max: 8, BMin: 0, BMax: 0, EMin: 2, EMax: 8}

// CommaClauses drops the comma-delimited clauses that the limits select
// before coding, as PETRARCH does: no event is triggered inside them and
// their actors are no one's source or target ("Arnor restored ties with
// Gxndor, years after Calenardhon crowds burned its embassy, ..." codes no
// Calenardhon target). The default keeps every clause.
func CommaClauses(l CommaLimits) Option {
	return func(c *Coder) { c.commas = &l }
}

// commaDropped marks the tokens of the clauses l drops, or returns nil.
// A comma between two adjectives ("complete, full diplomatic ties") or in
// a list of actors is inside a noun phrase and delimits nothing.
func commaDropped(st *sent, l CommaLimits) []bool {
	n := len(st.toks)
	end := n
	for end > 0 && st.boundary(end-1) { // the sentence's final punctuation
		end--
	}
	var commas []int
	for k := 1; k < end-1; k++ {
		if st.low[k] != "," {
			continue
		}
		if st.adjectiveComma(k) {
			continue
		}
		if mi := st.at[k-1]; mi >= 0 && mi+1 < len(st.ms) && st.joined(mi, mi+1) {
			continue // a list of actors ("Mordor, the Shire, Fornost and Bree")
		}
		commas = append(commas, k)
	}
	if len(commas) == 0 {
		return nil
	}
	words := func(a, b int) int {
		w := 0
		for k := a; k < b; k++ {
			if st.toks[k].UPOS != "PUNCT" && st.low[k] != "," {
				w++
			}
		}
		return w
	}
	var drop []bool
	mark := func(a, b int) {
		if drop == nil {
			drop = make([]bool, n)
		}
		for k := a; k < b; k++ {
			drop[k] = true
		}
	}
	within := func(w, lo, hi int) bool { return hi > 0 && w >= lo && w <= hi }
	if first := commas[0]; within(words(0, first), l.BMin, l.BMax) {
		mark(0, first+1)
	}
	for i := 0; i+1 < len(commas); i++ {
		if a, b := commas[i], commas[i+1]; within(words(a+1, b), l.Min, l.Max) {
			mark(a, b)
		}
	}
	if last := commas[len(commas)-1]; within(words(last+1, end), l.EMin, l.EMax) {
		mark(last, end)
	}
	return drop
}

// adjectiveComma reports whether the comma at k stands between two
// adjectives ("complete, full diplomatic ties"): inside a noun phrase, it
// delimits no clause.
func (st *sent) adjectiveComma(k int) bool {
	return k > 0 && k+1 < len(st.toks) && st.toks[k-1].UPOS == "ADJ" && st.toks[k+1].UPOS == "ADJ"
}
