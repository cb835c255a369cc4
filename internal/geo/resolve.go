package geo

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Place is a toponym found in a document and resolved to a gazetteer entry.
type Place struct {
	dyad.Location
	Sentence         int  // sentence index in the document
	TokStart, TokEnd int  // token indices in the sentence (TokEnd exclusive)
	Literal          bool // false for metonymic or actor uses ("Moscow said", "Kyrgyz officials")
}

// Span is a byte range of a document known to be a toponym.
type Span struct{ Start, End int }

// Resolver finds and resolves toponyms. It is safe for concurrent use.
type Resolver struct {
	g *Gazetteer
}

// NewResolver returns a resolver over g.
func NewResolver(g *Gazetteer) *Resolver { return &Resolver{g: g} }

// mention is one toponym occurrence under resolution.
type mention struct {
	sent, t0, t1 int
	start, end   int
	text, key    string
	cands        []int32
	demonym      string // ISO-2 when the mention is a demonym
	county       string // base name when the mention is "X County"/"X Parish"
	hintAdmin    string // "US.TX" from a "Paris, Texas" pattern
	hintCountry  string // ISO-2 from a "Paris, France" pattern
	literal      bool
	feature      bool // a street, river or similar feature named after the place
	locative     bool // preceded by a locative preposition
	local        bool // placed at the article's local centre, not at a gazetteer entry
	best         int  // index into cands, -1 unresolved
	bestScore    float64
	conf         float64
	lat, lon     float64
	resolved     bool
}

// Resolve finds the toponyms of doc (NER LOC/GPE spans when the tokens
// carry entity tags, else capitalised token sequences found in the
// gazetteer), drops person and organisation uses, marks metonymic uses
// non-literal and resolves each to a place using the document's context.
func (r *Resolver) Resolve(doc *dyad.Document) []Place {
	ms := r.recognize(doc)
	r.resolve(ms, false)
	return r.places(doc, ms)
}

// ResolveSpans resolves toponyms whose byte spans are already known (for
// example gold annotations), using every span as context. Spans that
// match no gazetteer entry fall back to the document's focus region with
// a low confidence; spans that cannot be placed at all are omitted.
func (r *Resolver) ResolveSpans(doc *dyad.Document, spans []Span) []Place {
	var ms []*mention
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End {
			continue
		}
		m := &mention{start: sp.Start, end: sp.End, text: doc.Text[sp.Start:sp.End], literal: true, best: -1, sent: -1}
		r.locateTokens(doc, m)
		r.fillCandidates(m, true)
		ms = append(ms, m)
	}
	r.resolve(ms, true)
	return r.places(doc, ms)
}

func (r *Resolver) locateTokens(doc *dyad.Document, m *mention) {
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if m.start >= s.End || m.end <= s.Start {
			continue
		}
		m.sent, m.t0, m.t1 = si, -1, -1
		for ti, t := range s.Tokens {
			if t.End > m.start && t.Start < m.end {
				if m.t0 < 0 {
					m.t0 = ti
				}
				m.t1 = ti + 1
			}
		}
		if m.t0 >= 0 {
			if m.t0 > 0 && r.g.lex.locative[strings.ToLower(s.Tokens[m.t0-1].Text)] {
				m.locative = true
			}
			r.patternHints(s, m)
		}
		return
	}
}

var countyWords = []string{" county", " parish", " borough", " township", " twp"}

// fillCandidates looks m's text up, trying demonyms and "X County" forms;
// lenient (for spans known to be toponyms) also strips words such as
// "the", "northern" or "province" to find a match.
func (r *Resolver) fillCandidates(m *mention, lenient bool) {
	g := r.g
	m.key = Normalize(m.text)
	if strings.Contains(m.text, ".") {
		if i, ok := g.abbrevRaw[strings.ToLower(m.text)]; ok {
			m.cands = []int32{i}
			return
		}
	}
	if ix := g.ids(m.key); len(ix) > 0 {
		m.cands = ix
		return
	}
	if cc, ok := g.demonymOf(m.key); ok {
		m.demonym = cc
		m.literal = false
		return
	}
	if i, ok := g.abbrev[m.key]; ok && (strings.Contains(m.text, ".") || strings.ToUpper(m.text) == m.text) && len(m.text) > 1 {
		m.cands = []int32{i}
		return
	}
	for _, w := range countyWords {
		if strings.HasSuffix(m.key, w) {
			base := strings.TrimSuffix(m.key, w)
			if !lenient && (strings.Count(base, " ") > 2 || strings.Contains(" "+base+" ", " of ")) {
				return
			}
			m.county = base
			m.cands = g.ids(m.county)
			return
		}
	}
	if !lenient {
		return
	}
	for _, p := range []string{"the ", "downtown ", "north ", "south ", "east ", "west ", "northern ", "southern ", "eastern ", "western ", "central ", "greater "} {
		if strings.HasPrefix(m.key, p) {
			if ix := g.ids(strings.TrimPrefix(m.key, p)); len(ix) > 0 {
				m.cands = ix
				return
			}
		}
	}
	for _, s := range []string{" city", " state", " province", " region", " area"} {
		if strings.HasSuffix(m.key, s) {
			if ix := g.ids(strings.TrimSuffix(m.key, s)); len(ix) > 0 {
				m.cands = ix
				return
			}
		}
	}
}

func (g *Gazetteer) demonymOf(key string) (string, bool) {
	if cc, ok := g.demonyms[key]; ok {
		return cc, true
	}
	if strings.HasSuffix(key, "s") {
		if cc, ok := g.demonyms[strings.TrimSuffix(key, "s")]; ok {
			return cc, true
		}
	}
	return "", false
}

// patternHints reads "Paris, Texas" / "Paris, Tex." / "Paris, France".
func (r *Resolver) patternHints(s *dyad.Sentence, m *mention) {
	t := s.Tokens
	if m.t1+1 >= len(t) || t[m.t1].Text != "," {
		return
	}
	g := r.g
	best := ""
	for k := m.t1 + 1; k < len(t) && k < m.t1+4; k++ {
		name := Normalize(s.Text[t[m.t1+1].Start-s.Start : t[k].End-s.Start])
		if i, ok := g.abbrev[name]; ok {
			best = g.entries[i].Country + "." + g.entries[i].Admin1
			continue
		}
		for _, i := range g.ids(name) {
			e := g.entries[i]
			switch e.Kind {
			case KindAdmin1:
				if e.Admin1 != "" {
					best = e.Country + "." + e.Admin1
				} else {
					m.hintCountry = e.Country
				}
			case KindCountry:
				m.hintCountry = e.Country
			}
		}
	}
	if best != "" {
		m.hintAdmin = best
	}
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var connectors = map[string]bool{"of": true, "de": true, "la": true, "du": true, "del": true, "des": true, "the": true, "and": true, "upon": true, "on": true, "el": true, "al": true, "-": true, "le": true, "da": true, "do": true, "dos": true, "das": true}

// adminWords end a tagged span that names an administrative division by
// its place name ("Surin province", "Osh region").
var adminWords = map[string]bool{"province": true, "region": true, "district": true, "county": true, "oblast": true,
	"state": true, "prefecture": true, "governorate": true, "municipality": true, "department": true}

// placeAfterLocative reports whether the single capitalised word at i,
// which the entity recogniser did not tag as a place, follows a locative
// preposition and names a place in the gazetteer: "an air base in Kant"
// is the town even when the recogniser reads the philosopher's name. A
// possessive ("in Kant's view") or a longer name keeps the tagger's reading.
func (r *Resolver) placeAfterLocative(toks []dyad.Token, i int, lx *lexicon) bool {
	if i == 0 || !lx.locative[strings.ToLower(toks[i-1].Text)] {
		return false
	}
	if i+1 < len(toks) {
		if nx := toks[i+1]; isCap(nx.Text) || strings.HasPrefix(nx.Ent, "I-") || strings.HasPrefix(nx.Text, "'") || strings.HasPrefix(nx.Text, "’") {
			return false
		}
	}
	return len(r.g.Lookup(toks[i].Text)) > 0
}

// recognize finds candidate toponyms in doc.
func (r *Resolver) recognize(doc *dyad.Document) []*mention {
	g := r.g
	lx := &g.lex
	tagged := false
	for si := range doc.Sentences {
		for _, t := range doc.Sentences[si].Tokens {
			if t.Ent != "" {
				tagged = true
			}
		}
	}
	// Lower-case words used in the document, to reject capitalised common words.
	lower := map[string]bool{}
	for si := range doc.Sentences {
		for _, t := range doc.Sentences[si].Tokens {
			if !isCap(t.Text) {
				lower[strings.ToLower(t.Text)] = true
			}
		}
	}
	var ms []*mention
	persons := map[string]bool{} // keys seen as person names by strong cues
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			if !isCap(toks[i].Text) {
				continue
			}
			if tagged {
				e := toks[i].Ent
				if !(strings.HasSuffix(e, "LOC") || strings.HasSuffix(e, "GPE") || strings.HasSuffix(e, "NORP")) || !strings.HasPrefix(e, "B-") {
					if !r.placeAfterLocative(toks, i, lx) {
						continue
					}
				}
			}
			// longest gazetteer match starting at i
			bestJ := -1
			maxJ := min(len(toks), i+6)
			if tagged {
				j := i + 1
				for j < len(toks) && strings.HasPrefix(toks[j].Ent, "I-") {
					j++
				}
				maxJ = j
			}
			var m, whole *mention // whole: the tagged span, kept when no part of it is a known place
			wholeJ := -1
			for j := maxJ; j > i; j-- {
				last := toks[j-1].Text
				if !isCap(last) && !(tagged && j == maxJ) {
					continue
				}
				ok := true
				for k := i + 1; k < j-1; k++ {
					if !isCap(toks[k].Text) && !connectors[strings.ToLower(toks[k].Text)] {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				cand := &mention{sent: si, t0: i, t1: j, start: toks[i].Start, end: toks[j-1].End, literal: true, best: -1}
				cand.text = doc.Text[cand.start:cand.end]
				r.fillCandidates(cand, false)
				if len(cand.cands) > 0 || cand.demonym != "" || cand.county != "" {
					m, bestJ = cand, j
					break
				}
				if tagged && j == maxJ {
					if !adminWords[strings.ToLower(toks[j-1].Text)] {
						m, bestJ = cand, j // "the Naryn river": the tagged feature stands
						break
					}
					// "Surin province": look for the place inside first.
					whole, wholeJ = cand, j
				}
			}
			if m == nil && whole != nil {
				m, bestJ = whole, wholeJ
			}
			if m == nil {
				continue
			}
			// Reject person, organisation and common-word readings.
			// "Wichita Drive", "Neches River": a following feature word is part of the name.
			if bestJ < len(toks) && isCap(toks[bestJ].Text) && lx.feature[strings.ToLower(strings.TrimSuffix(toks[bestJ].Text, "."))] && m.county == "" {
				m.t1 = bestJ + 1
				m.end = toks[bestJ].End
				m.text = doc.Text[m.start:m.end]
				m.feature = true
				bestJ++
			}
			single := bestJ == i+1
			low := strings.ToLower(strings.TrimSuffix(toks[i].Text, "."))
			prev, next, next2 := "", "", ""
			if i > 0 {
				prev = toks[i-1].Text
			}
			if bestJ < len(toks) {
				next = toks[bestJ].Text
			}
			if bestJ+1 < len(toks) {
				next2 = strings.ToLower(toks[bestJ+1].Text)
			}
			lprev := strings.ToLower(strings.TrimSuffix(prev, "."))
			m.locative = lx.locative[lprev]
			big := r.isMajor(m)
			if !tagged {
				if single && m.demonym == "" && (lx.stop[low] || (lower[low] && !big)) {
					i = bestJ - 1
					continue
				}
				if single && !big && lx.common[low] && !m.locative {
					i = bestJ - 1
					continue
				}
				if single && lx.firstNames[low] && !big && !m.locative {
					// "David Welch", "his wife, Amelia,": a given name.
					if next != "" && isCap(next) {
						persons[Normalize(next)] = true
						i = bestJ
					} else {
						i = bestJ - 1
					}
					continue
				}
				if !single && m.county != "" && (low == "a" || low == "an" || low == "the" || low == "and" || low == "or" || lx.locative[low]) {
					// "A Merrimack County judge": retry from the next word
					continue
				}
				if m.demonym != "" && next != "" && isCap(next) && !lx.titles[strings.ToLower(next)] && !lx.govWords[strings.ToLower(next)] && !g.has(Normalize(next)) {
					// "American Airlines", "American Legion": part of a name
					i = bestJ - 1
					continue
				}
				if lx.firstNames[lprev] || lx.titles[lprev] {
					if !big {
						persons[m.key] = true
					}
					i = bestJ - 1
					continue
				}
				if i > 0 && isCap(prev) && single && !big && m.demonym == "" && !lx.stop[lprev] && !g.has(Normalize(prev)) && !(i == 1) {
					// "Bob Anderson": a capitalised unknown word before a single-word name.
					persons[m.key] = true
					i = bestJ - 1
					continue
				}
				if lx.orgAfter[strings.ToLower(next)] && m.demonym == "" && m.county == "" {
					i = bestJ - 1
					continue
				}
			}
			if m.demonym == "" {
				lnext := strings.ToLower(next)
				poss := next == "'s" || next == "’s"
				switch {
				case m.locative:
				case poss && lx.personNouns[next2] && !big:
					persons[m.key] = true
					i = bestJ - 1
					continue
				case lx.speech[lnext] || (poss && lx.actorNouns[next2]):
					if !big {
						persons[m.key] = true
						i = bestJ - 1
						continue
					}
					m.literal = false
				}
			}
			r.patternHints(s, m)
			ms = append(ms, m)
			i = bestJ - 1
		}
	}
	// A name used as a person elsewhere in the document is a person unless a
	// locative preposition introduces it.
	out := ms[:0]
	for _, m := range ms {
		if persons[m.key] && !m.locative && m.demonym == "" {
			continue
		}
		out = append(out, m)
	}
	return out
}

// isMajor reports whether the mention can name a country, a first-level
// division, a capital or a city of at least a million people: names that
// can stand for a government and are rarely person names.
func (r *Resolver) isMajor(m *mention) bool {
	if m.demonym != "" {
		return true
	}
	for _, i := range m.cands {
		e := &r.g.entries[i]
		if e.Kind != KindCity || e.FCode == "PPLC" || e.Population >= 1000000 {
			return true
		}
	}
	return false
}

const maxCands = 40

// prior is the context-free score of a candidate.
func prior(e *Candidate) float64 {
	switch e.Kind {
	case KindCountry:
		return 11
	case KindAdmin1:
		return 9
	case KindRegion:
		return 10
	}
	s := math.Log10(float64(e.Population) + 10)
	switch e.FCode {
	case "PPLC":
		s += 1.5
		if e.Population >= 500000 {
			s += 2 // a large national capital outranks a division of the same name ("Washington")
		}
	case "PPLA":
		s += 1.2
	case "PPLA2":
		s += 0.6
	case "PPLX":
		s -= 1
	}
	return s
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const R = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp := p2 - p1
	dl := (lon2 - lon1) * math.Pi / 180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * R * math.Asin(math.Min(1, math.Sqrt(a)))
}

// HaversineKm is the great-circle distance in kilometres.
func HaversineKm(lat1, lon1, lat2, lon2 float64) float64 { return haversineKm(lat1, lon1, lat2, lon2) }

// resolve scores every candidate of every mention with the document context.
func (r *Resolver) resolve(ms []*mention, fallback bool) {
	g := r.g
	// Trim candidate lists to the strongest by prior, keeping pattern matches.
	for _, m := range ms {
		if len(m.cands) > maxCands {
			c := append([]int32(nil), m.cands...)
			sort.SliceStable(c, func(a, b int) bool {
				ea, eb := &g.entries[c[a]], &g.entries[c[b]]
				ha := m.hintAdmin != "" && ea.Country+"."+ea.Admin1 == m.hintAdmin
				hb := m.hintAdmin != "" && eb.Country+"."+eb.Admin1 == m.hintAdmin
				if ha != hb {
					return ha
				}
				return prior(ea) > prior(eb)
			})
			m.cands = c[:maxCands]
		}
	}
	// Explicit context: unambiguous countries, divisions and demonyms.
	country := map[string]float64{}
	admin := map[string]float64{}
	for _, m := range ms {
		if m.demonym != "" {
			country[m.demonym] += 0.5
		}
		if m.hintAdmin != "" {
			admin[m.hintAdmin] += 1
			country[m.hintAdmin[:2]] += 1
		}
		if m.hintCountry != "" {
			country[m.hintCountry] += 1
		}
	}
	// Iterate: choose, then rescore with the focus and proximity of the others.
	for pass := 0; pass < 3; pass++ {
		cFocus, aFocus := map[string]float64{}, map[string]float64{}
		for k, v := range country {
			cFocus[k] += v
		}
		for k, v := range admin {
			aFocus[k] += v
		}
		// keyC/keyA hold each name's own contribution, removed when scoring
		// that name so repeated mentions do not vote for themselves.
		keyC, keyA := map[string]map[string]float64{}, map[string]map[string]float64{}
		if pass > 0 {
			for _, m := range ms {
				if m.best < 0 {
					continue
				}
				e := &g.entries[m.cands[m.best]]
				cFocus[e.Country] += m.conf
				addTo(keyC, m.key, e.Country, m.conf)
				if e.Admin1 != "" && e.Kind != KindCountry {
					aFocus[e.Country+"."+e.Admin1] += m.conf
					addTo(keyA, m.key, e.Country+"."+e.Admin1, m.conf)
				}
			}
		}
		cTot, aTot := 0.0, 0.0
		for _, v := range cFocus {
			cTot += v
		}
		for _, v := range aFocus {
			aTot += v
		}
		var as []anchor
		if pass > 0 {
			as = r.anchors(ms)
		}
		for _, m := range ms {
			if len(m.cands) == 0 {
				continue
			}
			scores := make([]float64, len(m.cands))
			for ci, ix := range m.cands {
				e := &g.entries[ix]
				s := prior(e)
				if m.county != "" && e.Kind == KindCity {
					s -= 2 // "X County" is not the city X, only near it
				}
				ak := e.Country + "." + e.Admin1
				if m.hintAdmin != "" {
					if ak == m.hintAdmin && e.Kind == KindCity {
						s += 12
					}
				}
				if m.hintCountry != "" && e.Country == m.hintCountry {
					s += 8
				}
				// the name's own contribution is removed from the focus
				own, ownT := keyC[m.key][e.Country], sum(keyC[m.key])
				ownA, ownAT := keyA[m.key][ak], sum(keyA[m.key])
				if cTot-ownT > 0 {
					s += 4 * (cFocus[e.Country] - own) / (cTot - ownT + 0.5)
				}
				if aTot-ownAT > 0 && e.Admin1 != "" {
					if e.Kind == KindAdmin1 {
						s += 2 * (aFocus[ak] - ownA) / (aTot - ownAT + 0.5)
					} else {
						s += 5 * (aFocus[ak] - ownA) / (aTot - ownAT + 0.5)
					}
				}
				if pass > 0 && e.Kind == KindCity {
					s += proximity(as, m, e)
				}
				scores[ci] = s
			}
			best := 0
			for ci := range scores {
				if scores[ci] > scores[best] {
					best = ci
				}
			}
			z := 0.0
			for _, v := range scores {
				z += math.Exp(v - scores[best])
			}
			m.best, m.bestScore, m.conf = best, scores[best], 1/z
		}
	}
	for _, m := range ms {
		if m.best >= 0 {
			e := &g.entries[m.cands[m.best]]
			m.lat, m.lon, m.resolved = e.Lat, e.Lon, true
		} else if m.demonym != "" {
			if c, ok := g.countries[m.demonym]; ok {
				m.lat, m.lon, m.resolved, m.conf = c.Lat, c.Lon, true, 0.9
			}
		}
	}
	r.placeCounties(ms)
	if fallback {
		r.fallbackToFocus(ms)
	}
}

// anchor is a resolved city mention that pulls nearby candidates.
type anchor struct {
	key      string
	lat, lon float64
	conf     float64
}

func (r *Resolver) anchors(ms []*mention) []anchor {
	var out []anchor
	for _, o := range ms {
		if o.best < 0 {
			continue
		}
		oe := &r.g.entries[o.cands[o.best]]
		if oe.Kind != KindCity {
			continue
		}
		out = append(out, anchor{o.key, oe.Lat, oe.Lon, o.conf})
	}
	return out
}

// proximity rewards a candidate near the places other mentions resolved to.
func proximity(as []anchor, self *mention, e *Candidate) float64 {
	s := 0.0
	n := 0
	for i := range as {
		a := &as[i]
		if a.key == self.key {
			continue
		}
		n++
		if n > 30 {
			break
		}
		if math.Abs(a.lat-e.Lat) > 8 { // beyond ~900 km the pull is nil
			continue
		}
		d := haversineKm(e.Lat, e.Lon, a.lat, a.lon)
		if d < 900 {
			s += a.conf * math.Exp(-d/150)
		}
	}
	return 3 * math.Min(1, s)
}

// placeCounties keeps an "X County" mention at a place named X only when
// that place lies in the document's focus division; otherwise the county is
// placed at the focus division (the gazetteer has no second-level units).
func (r *Resolver) placeCounties(ms []*mention) {
	g := r.g
	admin := map[string]float64{}
	for _, m := range ms {
		if m.best < 0 || m.county != "" {
			continue
		}
		e := &g.entries[m.cands[m.best]]
		if e.Admin1 != "" {
			admin[e.Country+"."+e.Admin1] += m.conf
		}
		if m.hintAdmin != "" {
			admin[m.hintAdmin]++
		}
	}
	focus := argmax(admin)
	for _, m := range ms {
		if m.county == "" {
			continue
		}
		if m.best >= 0 {
			e := &g.entries[m.cands[m.best]]
			if focus == "" || e.Country+"."+e.Admin1 == focus || m.hintAdmin != "" {
				continue
			}
		}
		if i, ok := g.admin1[focus]; ok {
			e := g.entries[i]
			m.cands, m.best, m.conf = []int32{i}, 0, 0.2
			m.lat, m.lon, m.resolved = e.Lat, e.Lon, true
			if lat, lon, ok := r.localCenter(ms, focus); ok {
				m.lat, m.lon, m.local = lat, lon, true
			}
		}
	}
}

// localCenter is the resolved city mention of division focus ("US.TX")
// closest to all the others (weighted by confidence): the place a local
// article is about, used for local names the gazetteer lacks.
func (r *Resolver) localCenter(ms []*mention, focus string) (float64, float64, bool) {
	type pt struct{ lat, lon, w float64 }
	var ps []pt
	for _, m := range ms {
		if m.best < 0 || m.county != "" || m.conf < 0.3 {
			continue
		}
		e := &r.g.entries[m.cands[m.best]]
		if e.Kind == KindCity && e.Country+"."+e.Admin1 == focus {
			ps = append(ps, pt{e.Lat, e.Lon, m.conf})
		}
	}
	if len(ps) == 0 {
		return 0, 0, false
	}
	best, bestSum := 0, math.Inf(1)
	for i, a := range ps {
		sum := 0.0
		for _, b := range ps {
			sum += b.w * haversineKm(a.lat, a.lon, b.lat, b.lon)
		}
		if sum < bestSum {
			best, bestSum = i, sum
		}
	}
	return ps[best].lat, ps[best].lon, true
}

// fallbackToFocus places unresolved mentions at the document's dominant
// first-level division (or country) with a low confidence.
func (r *Resolver) fallbackToFocus(ms []*mention) {
	g := r.g
	admin := map[string]float64{}
	country := map[string]float64{}
	for _, m := range ms {
		if m.best < 0 {
			continue
		}
		e := &g.entries[m.cands[m.best]]
		country[e.Country] += m.conf
		if e.Admin1 != "" {
			admin[e.Country+"."+e.Admin1] += m.conf
		}
	}
	bestA, bestC := argmax(admin), argmax(country)
	for _, m := range ms {
		if m.resolved {
			continue
		}
		if i, ok := g.admin1[bestA]; ok && bestA != "" {
			e := g.entries[i]
			m.lat, m.lon, m.resolved, m.conf = e.Lat, e.Lon, true, 0.1
			m.cands, m.best = []int32{i}, 0
			if lat, lon, ok := r.localCenter(ms, bestA); ok {
				m.lat, m.lon, m.local = lat, lon, true
			}
		} else if c, ok := g.countries[bestC]; ok {
			m.lat, m.lon, m.resolved, m.conf = c.Lat, c.Lon, true, 0.05
		}
	}
}

func addTo(m map[string]map[string]float64, key, k string, v float64) {
	if m[key] == nil {
		m[key] = map[string]float64{}
	}
	m[key][k] += v
}

func sum(m map[string]float64) float64 {
	t := 0.0
	for _, v := range m {
		t += v
	}
	return t
}

func argmax(m map[string]float64) string {
	best, bv := "", -1.0
	for k, v := range m {
		if v > bv || (v == bv && k < best) {
			best, bv = k, v
		}
	}
	return best
}

func (r *Resolver) places(doc *dyad.Document, ms []*mention) []Place {
	var out []Place
	for _, m := range ms {
		if !m.resolved {
			continue
		}
		p := Place{Sentence: m.sent, TokStart: m.t0, TokEnd: m.t1, Literal: m.literal}
		p.Text, p.Start, p.End = m.text, m.start, m.end
		p.Lat, p.Lon, p.Confidence = m.lat, m.lon, math.Round(m.conf*1000)/1000
		switch {
		case m.best >= 0:
			e := &r.g.entries[m.cands[m.best]]
			p.Name, p.CountryCode, p.GeonameID, p.Precision = e.Name, e.Country, e.GeonameID, e.Precision()
			if m.county != "" {
				p.Precision = 3
			}
			if m.local {
				// a county or local name the gazetteer lacks, put at the place the
				// article centres on inside division e: not e itself
				p.Name, p.GeonameID = m.text, 0
			}
		case m.demonym != "":
			c := r.g.countries[m.demonym]
			p.Name, p.CountryCode, p.GeonameID, p.Precision = c.Name, c.ISO2, c.GeonameID, 1
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}
