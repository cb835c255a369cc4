package actor

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Mention is one actor mention found in a sentence.
type Mention struct {
	Start, End int           // token indices [Start,End)
	Ref        dyad.ActorRef // Text, Name, Code, Country, Sector and byte offsets
	Kind       string        // country|capital|igo|org|person|agent
	// Also holds the further actors the mention stands for when its
	// dictionary entry lists some (`also`); they share Ref's text and
	// offsets. Coders treat them as coordinated with Ref.
	Also []dyad.ActorRef
}

type span struct {
	start, end int
	t          *target
}

// Find returns the actor mentions of a sentence, left to right, without
// overlaps. date is the article date; it selects the dated roles of
// people (a zero date picks a person's open-ended role).
//
// Names are matched longest first over token forms; modifiers are composed
// as CAMEO coders do: COUNTRY + AGENT ("Kyrgyz troops" -> KGZMIL),
// COUNTRY's AGENT, AGENT of COUNTRY, [COUNTRY] [AGENT] PERSON (the person's
// role on the date, else COUNTRY+ELI), "former" AGENT -> ELI, a capital
// alone -> COUNTRY+GOV, IGO + AGENT -> IGO code + sector, a bare agent ->
// its sector with no country. See docs/ACTORS.md.
func (d *Dictionary) Find(s *dyad.Sentence, date time.Time) []Mention {
	if d == nil || d.idx == nil || s == nil || len(s.Tokens) == 0 {
		return nil
	}
	n := len(s.Tokens)
	m := matcher{d: d, ix: d.idx, s: s, date: date,
		forms: make([]string, n), ends: make([]int, n), tg: make([]*target, n)}
	for i := range s.Tokens {
		m.forms[i] = normForm(s.Tokens[i].Form())
		if s.Tokens[i].Ent != "" {
			m.hasNER = true
		}
	}
	m.caps = shouting(m.forms)
	m.title = titleCase(m.forms)
	for i := range m.forms {
		m.ends[i], m.tg[i] = m.ix.longest(m.forms, i, m.caps)
	}
	var out []Mention
	for i := 0; i < n; {
		if m.tg[i] != nil && i+1 < n && m.ends[i+1] > m.ends[i] && strings.EqualFold(m.forms[i], "the") {
			// "the West Bank": a name written with "the" ("the West")
			// yields to a longer name after the article.
			i++
			continue
		}
		if mm, ok := m.phrase(i); ok {
			out = append(out, mm)
			i = mm.End
			continue
		}
		i++
	}
	return out
}

type matcher struct {
	d      *Dictionary
	ix     *index
	s      *dyad.Sentence
	date   time.Time
	forms  []string
	ends   []int
	tg     []*target
	hasNER bool
	caps   bool // the sentence is in capitals
	title  bool // the sentence is in title case ("Russian Troops Enter Town")
}

// shouting reports whether a sentence is written in capitals (a wire
// headline such as "RUSSIA WARNS KYRGYZSTAN"): at least three words of two
// or more letters and no word with a lower-case letter.
func shouting(forms []string) bool {
	words := 0
	for _, f := range forms {
		letters := 0
		for _, r := range f {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 2 {
			words++
		}
	}
	return words >= 3
}

// titleCase reports whether a sentence is in title case, as many
// headlines are ("Russian President Says Troops Will Stay"): at least
// three words and none lower-case except short function words. There a
// capitalised word is no sign of a name.
func titleCase(forms []string) bool {
	words := 0
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsLower(r) {
			switch f {
			case "a", "an", "the", "of", "in", "on", "to", "for", "at", "by", "and", "or", "as", "vs", "with", "from":
				continue
			}
			return false
		}
		words++
	}
	return words >= 3
}

// plural reports whether an agent is a plural noun ("troops"), which is
// not followed by a person's name.
func (m *matcher) plural(a span) bool {
	w := strings.ToLower(m.forms[a.end-1])
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

func normForm(f string) string {
	if strings.ContainsRune(f, '\u2019') || strings.ContainsRune(f, '\u2018') {
		f = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(f)
	}
	return f
}

func (m *matcher) at(k int) *target {
	if k < 0 || k >= len(m.tg) {
		return nil
	}
	return m.tg[k]
}

func (m *matcher) isAgent(k int) bool {
	t := m.at(k)
	return t != nil && t.use == useAgent
}

// possLen returns the number of tokens of a possessive marker at k: 1 for
// "'s" or a bare "'" (Philippines'), 2 for "'" + "s" (E.U.'s split so), 0
// if there is none.
func (m *matcher) possLen(k int) int {
	if k >= len(m.forms) {
		return 0
	}
	switch m.forms[k] {
	case "'s", "'S":
		return 1
	case "'":
		if k+1 < len(m.forms) && (m.forms[k+1] == "s" || m.forms[k+1] == "S") {
			return 2
		}
		return 1
	}
	return 0
}

func (m *matcher) isPoss(k int) bool { return m.possLen(k) > 0 }

func (m *matcher) word(k int) string {
	if k >= len(m.forms) {
		return ""
	}
	return strings.ToLower(m.forms[k])
}

// adjectives skips a run of words tagged as adjectives from k, joined by
// commas or "and" ("awful and evil"), and any qualifiers among them.
func (m *matcher) adjectives(k int) int {
	toks := m.s.Tokens
	end := k
	for i := k; i < len(toks) && m.at(i) == nil; i++ {
		switch {
		case toks[i].UPOS == "ADJ" || isFiller(m.word(i)):
			end = i + 1
		case (m.word(i) == "and" || m.word(i) == ",") && i > k && i+1 < len(toks) && toks[i+1].UPOS == "ADJ":
		default:
			return end
		}
	}
	return end
}

// quals skips qualifiers ("former", "acting", "top", ...) from k and
// reports whether one of them makes the actor an elite (former office).
func (m *matcher) quals(k int) (int, bool) {
	eli := false
	start := k
	for k < len(m.forms) && m.at(k) == nil {
		w := m.word(k)
		if w == "-" && k > start && (m.word(k-1) == "then" || isFormer(m.word(k-1))) {
			k++ // "then-President", "ex-President" split at the hyphen
			continue
		}
		if isFormer(w) {
			eli = true
		} else if !isFiller(w) || m.verbAfterNoun(k) {
			break
		}
		k++
	}
	return k, eli
}

// verbAfterNoun reports whether token k is a verb right after a noun (or
// a parenthesis closed after one):
// in "police arrested students" "arrested" is the verb, not a qualifier
// as in "the arrested students" or "jailed opposition leader X".
func (m *matcher) verbAfterNoun(k int) bool {
	toks := m.s.Tokens
	if k == 0 || toks[k].UPOS != "VERB" {
		return false
	}
	switch toks[k-1].UPOS {
	case "NOUN", "PROPN", "PRON":
		return true
	}
	return toks[k-1].Form() == ")" // "the security committee (GKNB) arrested ..."
}

func (m *matcher) phrase(i int) (Mention, bool) {
	var mod, person *span
	var agents []span
	nameEnd := -1 // end of an unknown person name after an agent
	k, eli := m.quals(i)
	j := k

	// Modifier: a country, capital, institution, igo or org; or a person
	// used possessively before an agent ("Putin's spokesman").
	if t := m.at(k); t != nil && t.use != useAgent {
		e := m.ends[k]
		switch {
		case k >= 2 && m.forms[k-1] == "-" && (m.word(k-2) == "pro" || m.word(k-2) == "anti" && m.isAgent(e)):
			// "pro-Russian separatists": an attitude, not the actor's
			// country. (In "an anti-Gondor parade" Gondor is the one
			// opposed, an actor of the event: the mention stands.)
			if m.isAgent(e) {
				j = e
			}
		case k >= 1 && m.word(k-1) == "ethnic" && t.e.Kind == KindCountry && (t.use == useAdj || t.use == usePeople):
			// "ethnic Albanians" are a group, not the country Albania:
			// civilians (or the agent that follows) without a country.
			if m.isAgent(e) {
				j = e
				break
			}
			toks := m.s.Tokens
			txt := m.text(k, e)
			return Mention{Start: k, End: e, Kind: KindAgent, Ref: dyad.ActorRef{Text: txt, Name: txt,
				Code: "CVL", Sector: "CVL", Start: toks[k].Start, End: toks[e-1].End}}, true
		case t.use != usePerson:
			mod = &span{k, e, t}
			j = e + m.possLen(e)
		case m.isPoss(e) && m.isAgent(e+m.possLen(e)):
			mod = &span{k, e, t}
			j = e + m.possLen(e)
		case m.isAgent(e): // "the Biden administration"
			mod = &span{k, e, t}
			j = e
		}
	}
	// Agents, possibly after more qualifiers; after a modifier also after
	// tagged adjectives ("Ithilen's awful and evil minister").
	k2, e2 := m.quals(j)
	if mod != nil && !m.isAgent(k2) {
		if k3 := m.adjectives(k2); k3 > k2 && m.isAgent(k3) {
			k2 = k3
		}
	}
	if m.isAgent(k2) {
		for m.isAgent(k2) {
			agents = append(agents, span{k2, m.ends[k2], m.tg[k2]})
			k2 = m.ends[k2]
		}
		j = k2
		eli = eli || e2
		for _, a := range agents {
			if a.t.e.Key == "ELI" { // "former president", "ex-minister"
				eli = true
			}
		}
		// AGENT of [the] COUNTRY
		if mod == nil && m.word(j) == "of" {
			k3 := j + 1
			if m.word(k3) == "the" {
				k3++
			}
			if t := m.at(k3); t != nil && t.use != useAgent && t.use != usePerson && t.use != useAdj {
				mod = &span{k3, m.ends[k3], t}
				j = m.ends[k3]
			}
		}
	}
	// Prefix agents before a named actor: "MSF Arnor (diplomat)" is the
	// actor coded with the agents' codes in front (NGOARN, NGOARNGOV).
	if mod == nil && len(agents) > 0 && agents[len(agents)-1].t.prefix {
		if t := m.at(j); t != nil && t.use != useAgent && t.use != usePerson && t.use != useAdj {
			if sub, ok := m.phrase(j); ok && sub.Start == j {
				pre := ""
				for _, a := range agents {
					pre += a.t.e.Key
				}
				sub.Ref.Code = pre + sub.Ref.Code
				toks := m.s.Tokens
				sub.Start = i
				sub.Ref.Start = toks[i].Start
				sub.Ref.Text = m.text(i, sub.End)
				for k := range sub.Also {
					sub.Also[k].Code = pre + sub.Also[k].Code
				}
				return sub, true
			}
		}
	}
	// The person.
	if mod == nil || mod.t.use != usePerson || len(agents) > 0 {
		if t := m.at(j); t != nil && t.use == usePerson && !(mod != nil && mod.start == j) {
			person = &span{j, m.ends[j], t}
			j = m.ends[j]
		} else if t != nil && t.use == useName && t.e.Kind == KindCountry && mod != nil && len(agents) > 0 &&
			mod.start != j && t.e.Key == m.baseCountry(mod) {
			// "Bree Prime Minister Romendacil" where a dictionary lists the
			// leader's name under the country: the name is part of the phrase.
			j = m.ends[j]
		} else if len(agents) > 0 && !m.plural(agents[len(agents)-1]) {
			if e, p := m.nameRun(j); e > j {
				if p != nil {
					person = p
				} else {
					nameEnd = e
				}
				j = e
			}
		}
	}
	if mod == nil && person == nil && len(agents) == 0 {
		return Mention{}, false
	}
	start, end := i, j
	if person == nil && len(agents) == 0 {
		// A modifier alone: drop qualifiers and possessive.
		if mod.t.use == usePerson {
			return Mention{}, false
		}
		if mod.t.use == useCapital && m.inLongerName(mod.end) {
			// "the Paris Agreement", "the Beijing Olympics": part of
			// another name, not the government.
			return Mention{}, false
		}
		start, end, eli = mod.start, mod.end, false
	}

	var ref dyad.ActorRef
	kind := ""
	sector := ""
	switch {
	case person != nil:
		pe := person.t.e
		kind, ref.Name = KindPerson, pe.Key
		if r, ok := pe.RoleAt(m.date); ok && !eli {
			ref.Code = r.Code
			if c, sec := m.ix.split(r.Code); sec == "" && c != "" && len(agents) > 0 {
				// "Bree Prime Minister X" where the dictionary codes X with
				// the bare country: the title gives the sector.
				ref.Code = r.Code + m.headSector(agents)
			}
		} else {
			c := pe.Country
			if c == "" && mod != nil {
				c = m.baseCountry(mod)
			}
			switch {
			case !eli && len(agents) > 0 && mod != nil && mod.t.use != usePerson:
				// The text gives a full current title ("CSTO Secretary-General
				// X", "Kazakh President X"): it is better evidence than a
				// dictionary without a covering role.
				ref.Code = m.compose(mod, m.headSector(agents), false)
			case len(pe.Roles) == 0 && !eli && len(agents) > 0:
				ref.Code = c + m.headSector(agents)
			default:
				ref.Code = c + "ELI"
			}
		}
	case len(agents) > 0:
		sector = m.headSector(agents)
		if eli {
			sector = "ELI"
		}
		kind = KindAgent
		if mod != nil {
			kind, ref.Name = m.kindOf(mod), mod.t.e.Name
			if mod.t.use == useInst && !eli && len(agents) == 1 && isGenericTitle(strings.ToLower(m.join(agents[0].start, agents[0].end))) {
				// "Pentagon officials": a generic title takes the
				// institution's sector, as after an agent.
				sector = ""
			}
			ref.Code = m.compose(mod, sector, eli)
			if mod.t.use == usePerson {
				kind, ref.Name = KindAgent, ""
			}
		} else {
			ref.Code = sector
		}
		if nameEnd > 0 {
			kind = KindPerson
			ref.Name = m.text(agents[len(agents)-1].end, nameEnd)
		}
		if ref.Name == "" {
			ref.Name = strings.ToLower(m.join(agents[0].start, agents[len(agents)-1].end))
		}
	default:
		kind, ref.Name = m.kindOf(mod), mod.t.e.Name
		if sh := m.sharedAgents(mod.end); sh != nil && mod.t.use != useInst {
			// "Kyrgyz and Tajik troops": the agents are shared.
			sector = m.headSector(sh)
			ref.Code = m.compose(mod, sector, false)
			break
		}
		switch mod.t.use {
		case useCapital:
			ref.Code = mod.t.e.Key + "GOV"
		case useInst:
			ref.Code = mod.t.e.Key + mod.t.e.Insts[mod.t.inst].Sector
		default:
			ref.Code = mod.t.e.Code
			if mod.t.e.Kind == KindCountry {
				ref.Code = mod.t.e.Key
			}
		}
	}
	ref.Country, ref.Sector = m.ix.split(ref.Code)
	if mod != nil && person == nil && nameEnd < 0 {
		switch mod.t.e.Kind {
		case KindIGO:
			ref.Country = ""
			if mod.t.e.Sector != "" {
				ref.Sector = mod.t.e.Sector
			}
		case KindOrg:
			if mod.t.e.Country != "" {
				ref.Country = mod.t.e.Country
			}
			if mod.t.e.Sector != "" {
				ref.Sector = mod.t.e.Sector
			}
		}
	}
	if ref.Sector == "" && sector != "" && (mod == nil || mod.t.e.Kind == KindIGO) {
		ref.Sector = sector
	}
	toks := m.s.Tokens
	ref.Start, ref.End = toks[start].Start, toks[end-1].End
	ref.Text = m.text(start, end)
	men := Mention{Start: start, End: end, Ref: ref, Kind: kind}
	if mod != nil && person == nil && nameEnd < 0 && len(mod.t.e.Also) > 0 && strings.HasPrefix(ref.Code, mod.t.e.Code) {
		rest := ref.Code[len(mod.t.e.Code):]
		for _, a := range mod.t.e.Also {
			r := ref
			r.Code = a + rest
			r.Country, r.Sector = m.ix.split(r.Code)
			if r.Sector == "" {
				r.Sector = ref.Sector
			}
			men.Also = append(men.Also, r)
		}
	}
	return men, true
}

// inLongerName reports whether the token at k continues a proper name
// that the dictionary does not know: a capitalised word that is not a
// function word, in a sentence that is not all capitals or title case.
func (m *matcher) inLongerName(k int) bool {
	if m.caps || m.title || k >= len(m.forms) || m.tg[k] != nil {
		return false
	}
	f := m.forms[k]
	return isCapWord(f) && !isStopName(strings.ToLower(f))
}

// headSector is the sector of a run of agents: the last one's (the head
// noun: "government troops" -> MIL), unless the head is a generic title
// such as spokesman, officials or leader, which takes the sector of the
// agent before it ("rebel spokesman" -> REB, "police officials" -> COP).
func (m *matcher) headSector(agents []span) string {
	last := agents[len(agents)-1]
	if len(agents) > 1 && last.end-last.start == 1 && isGenericTitle(strings.ToLower(m.forms[last.start])) {
		return agents[len(agents)-2].t.e.Key
	}
	return last.t.e.Key
}

func isGenericTitle(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
		"leader", "leaders", "chief", "chiefs", "head", "commander", "commanders", "member",
		"members", "representative", "representatives", "source", "sources", "aide", "aides",
		"adviser", "advisers", "advisor", "advisors", "delegation":
		return true
	}
	return false
}

// sharedAgents looks past a coordination after a modifier ("Kyrgyz and
// Tajik border guards", "Russian, Chinese and Iranian officials") for the
// agents the modifiers share; nil if there are none.
func (m *matcher) sharedAgents(j int) []span {
	for hops := 0; hops < 6; hops++ {
		w := m.word(j)
		if w != "and" && w != "," && w != "or" {
			return nil
		}
		k := j + 1
		if w == "," && m.word(k) == "and" {
			k++
		}
		t := m.at(k)
		if t == nil || t.use == useAgent || t.use == usePerson || t.e.Kind == KindOrg {
			return nil
		}
		e := m.ends[k] + m.possLen(m.ends[k])
		if m.isAgent(e) {
			var out []span
			for m.isAgent(e) {
				out = append(out, span{e, m.ends[e], m.tg[e]})
				e = m.ends[e]
			}
			return out
		}
		j = m.ends[k]
	}
	return nil
}

func (m *matcher) kindOf(sp *span) string {
	switch sp.t.use {
	case useCapital, useInst:
		return KindCapital
	case usePerson:
		return KindPerson
	}
	return sp.t.e.Kind
}

// baseCountry is the country a modifier stands for ("" for igos).
func (m *matcher) baseCountry(sp *span) string {
	e := sp.t.e
	switch e.Kind {
	case KindCountry:
		return e.Key
	case KindOrg:
		if e.Country != "" {
			return e.Country
		}
		c, _ := m.ix.split(e.Code)
		return c
	case KindPerson:
		if r, ok := e.RoleAt(m.date); ok {
			if c, _ := m.ix.split(r.Code); c != "" {
				return c
			}
		}
		return e.Country
	}
	return ""
}

// compose codes a modifier followed by agents of the given sector.
func (m *matcher) compose(sp *span, sector string, eli bool) string {
	e := sp.t.e
	switch e.Kind {
	case KindCountry:
		if sp.t.use == useInst && !eli {
			// An institution's agents stack their own role on its
			// sector ("rights activists of the Gonzo GMO" GONGMOOPP);
			// "White House officials" stay USAGOV.
			is := e.Insts[sp.t.inst].Sector
			if sector != "" && !strings.HasSuffix(is, sector) {
				return e.Key + is + sector
			}
			return e.Key + is
		}
		return e.Key + sector
	case KindIGO:
		if e.Sector != "" || (sector != "" && strings.HasSuffix(e.Code, sector)) {
			// The code already ends in the agent's sector ("the Quibbler
			// government newspaper" with Quibbler coded ...GOVMED).
			return e.Code
		}
		return e.Code + sector
	case KindOrg:
		return e.Code
	case KindPerson:
		return m.baseCountry(sp) + sector
	}
	return sector
}

// nameRun finds an unknown person name after a title ("President Xi"):
// with entity tags, a PER entity; otherwise a run of capitalised words.
// A dictionary person inside the run ends it and is returned.
func (m *matcher) nameRun(j int) (int, *span) {
	n := len(m.forms)
	if m.hasNER {
		if j >= n || m.s.Tokens[j].Ent != "B-PER" {
			return j, nil
		}
		k := j + 1
		for k < n && m.s.Tokens[k].Ent == "I-PER" {
			k++
		}
		return k, nil
	}
	if m.caps || m.title {
		return j, nil // capitals give no clue where a name ends
	}
	k := j
	for k < n && k-j < 5 {
		if t := m.tg[k]; t != nil {
			if t.use == usePerson && k > j {
				return m.ends[k], &span{k, m.ends[k], t}
			}
			break
		}
		f := m.forms[k]
		if isCapWord(f) && !isStopName(strings.ToLower(f)) {
			k++
			continue
		}
		if k > j && k+1 < n && isParticle(strings.ToLower(f)) && isCapWord(m.forms[k+1]) {
			k++
			continue
		}
		break
	}
	for k > j && isParticle(strings.ToLower(m.forms[k-1])) {
		k--
	}
	return k, nil
}

func isCapWord(f string) bool {
	r, size := utf8.DecodeRuneInString(f)
	if !unicode.IsUpper(r) {
		return false
	}
	letters := 1
	for _, c := range f[size:] {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c == '.' || c == '-' || c == '\'':
		default:
			return false
		}
	}
	return letters >= 2 || strings.HasSuffix(f, ".")
}

func isFormer(w string) bool {
	switch w {
	case "former", "ex", "ex-", "late", "ousted", "deposed", "exiled", "retired":
		return true
	}
	return false
}

func isFiller(w string) bool {
	switch w {
	case "acting", "interim", "caretaker", "top", "senior", "deputy", "vice",
		"first", "new", "newly", "appointed", "elected", "newly-elected",
		"outgoing", "incoming", "visiting", "embattled", "veteran", "then",
		"current", "jailed", "detained", "imprisoned", "arrested", "self-proclaimed",
		"de", "facto", "powerful", "influential", "prominent", "leading", "regional",
		"local", "national", "federal", "provincial", "state", "chief", "main", "two", "three", "several":
		return true
	}
	return isPortfolio(w)
}

// isPortfolio lists ministerial portfolios that may stand before an agent
// ("labour minister", "health ministry"); they count only when an agent
// follows.
func isPortfolio(w string) bool {
	switch w {
	case "labour", "labor", "trade", "finance", "economy", "economic", "energy", "oil", "justice",
		"health", "education", "agriculture", "agricultural", "information", "culture", "transport",
		"environment", "interior", "foreign", "defence", "defense", "home", "tourism", "commerce",
		"communications", "social", "welfare", "housing", "water", "planning", "development",
		"science", "sports", "youth", "emergencies", "emergency", "security", "treasury",
		"immigration", "migration", "religious", "cabinet", "government", "presidential", "military":
		return true
	}
	return false
}

func isParticle(w string) bool {
	switch w {
	case "bin", "bint", "ibn", "al", "el", "de", "da", "del", "der", "van", "von", "la", "le", "di", "du", "dos", "das":
		return true
	}
	return false
}

func isStopName(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"the", "a", "an", "in", "on", "at", "and", "but", "or", "of", "for", "to",
		"with", "from", "by", "as", "it", "he", "she", "they", "we", "i", "you",
		"this", "that", "these", "those", "his", "her", "their", "its", "our",
		"said", "says", "told", "after", "before", "when", "while", "if",
		"today", "yesterday", "tomorrow", "last", "next", "also", "has", "have", "had",
		"is", "was", "were", "are", "will", "would":
		return true
	}
	return false
}

// text returns the original text of tokens [a,b), falling back to the
// token forms joined by spaces when offsets do not fit the sentence.
func (m *matcher) text(a, b int) string {
	toks := m.s.Tokens
	if a >= b {
		return ""
	}
	lo, hi := toks[a].Start-m.s.Start, toks[b-1].End-m.s.Start
	if lo >= 0 && hi <= len(m.s.Text) && lo <= hi {
		return m.s.Text[lo:hi]
	}
	return m.join(a, b)
}

func (m *matcher) join(a, b int) string {
	parts := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		parts = append(parts, m.s.Tokens[k].Form())
	}
	return strings.Join(parts, " ")
}
