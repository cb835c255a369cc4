package geo

import (
	"strings"
	"unicode"
)

// DatelineCountry returns the ISO-2 country of a news dateline such as
// "BISHKEK, Kyrgyzstan —", "MOSCOW (Reuters) -" or "MACON, Ga. (AP) —",
// or "" when it names no known place. A named country or first-level
// division decides; otherwise the dateline city is taken as its most
// prominent bearer (a capital, else the most populous place).
func (r *Resolver) DatelineCountry(dateline string) string {
	g := r.g
	s := dateline
	if i := strings.IndexAny(s, "(—–"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRightFunc(s, func(c rune) bool { return unicode.IsSpace(c) || c == '-' || c == ':' })
	parts := strings.Split(s, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSpace(parts[i])
		if p == "" {
			continue
		}
		if j, ok := g.abbrevRaw[strings.ToLower(p)]; ok {
			return g.entries[j].Country
		}
		key := Normalize(p)
		var best *Candidate
		bestScore := -1.0
		for _, j := range g.ids(key) {
			e := &g.entries[j]
			if e.Kind == KindRegion || e.Country == "" {
				continue
			}
			if i < len(parts)-1 && e.Kind == KindCity && len(parts) > 1 {
				// a city before a named country or division: let that decide
				continue
			}
			if sc := prior(e); sc > bestScore {
				best, bestScore = e, sc
			}
		}
		if best != nil {
			return best.Country
		}
	}
	return ""
}
