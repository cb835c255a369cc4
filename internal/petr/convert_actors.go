package petr

import (
	"fmt"
	"io"
	"strings"
)

// ActorStats counts what an actor/agent conversion did.
type ActorStats struct {
	Actors, Agents     int // read
	Countries, IGOs    int // entries written by kind
	Insts              int // COUNTRY+SECTOR codes written as a country's institution
	Persons            int // date-restricted actors written as person entries with roles
	AgentEntries       int
	NullActors         int // [---] actors: not expressible, not written
	MultiCode          int // "A/B/C" codes: an org entry coded A, also B and C (dated codes: only A)
	LooseNames         int // names with blank connectors, written as consecutive words
	PrefixAgents       int // CODE~ agents: written as `prefix` words (code before the actor's)
	MultiAgentSuffixes int // agent codes longer than one 3-letter block
}

// ConvertActors writes acts and ags as one dyad `.actors` file
// (docs/ACTORS.md). Either may be nil. source names the inputs in the
// header comment.
//
// Mapping: a 3-character code becomes a `country` entry (PETRARCH's codes
// are opaque strings; dyad composes a country with agents as PETRARCH
// does); a code whose first three characters are such a country code
// followed by one 3-character block becomes an `inst` of that country;
// any other code an `igo` entry (dyad appends an agent's sector to an
// igo's code, as PETRARCH appends agent codes); an actor with date
// restrictions a `person` with dated `role` lines and an open-ended role
// for its default code. Names are written in several letter cases because
// dyad matches names case-sensitively and PETRARCH case-insensitively.
func ConvertActors(w io.Writer, acts *Actors, ags *Agents, source string) (ActorStats, []Warning, error) {
	var st ActorStats
	var warns []Warning
	warn := func(line int, format string, a ...any) {
		warns = append(warns, Warning{source, line, fmt.Sprintf(format, a...)})
	}
	type entry struct {
		kind, key string
		names     []string
		insts     [][2]string // sector, name
		roles     []string
		code      string   // org: the first of several codes
		also      []string // org: the other codes
		line      int
	}
	var order []*entry
	byKey := map[string]*entry{}
	get := func(kind, key string, line int) *entry {
		k := kind + " " + key
		if e, ok := byKey[k]; ok {
			return e
		}
		e := &entry{kind: kind, key: key, line: line}
		byKey[k] = e
		order = append(order, e)
		return e
	}
	cleanCode := func(c string, line int, name string) string {
		if strings.Contains(c, "/") {
			st.MultiCode++
			warn(line, "actor %s has the multiple code [%s] (one name for several actors); only %s is written", name, c, strings.Split(c, "/")[0])
			c = strings.Split(c, "/")[0]
		}
		if up := strings.ToUpper(c); up != c {
			warn(line, "actor %s: code [%s] upper-cased to %s", name, c, up)
			c = up
		}
		if !isUpperCode(c) {
			warn(line, "actor %s: code [%s] is not a code (letters and digits); not written", name, c)
			return ""
		}
		return c
	}
	names := func(a Actor) []string {
		var out []string
		for i, n := range a.Names {
			for _, t := range a.Tight[i] {
				if !t {
					st.LooseNames++
					warn(a.Line, "actor name %s has a blank connector (PETRARCH allows words in between); dyad matches the words consecutively", strings.Join(n, " "))
					break
				}
			}
			for _, v := range caseVariants(n) {
				out = appendUniq(out, v)
			}
		}
		return out
	}
	countries := map[string]bool{}
	if acts != nil {
		for _, a := range acts.Actors {
			for _, c := range a.Codes {
				if c.Restrict == RestrictNone && len(c.Code) == 3 && isUpperCode(strings.ToUpper(c.Code)) {
					countries[strings.ToUpper(c.Code)] = true
				}
			}
		}
		for _, a := range acts.Actors {
			st.Actors++
			label := strings.Join(a.Names[0], "_")
			restricted := false
			def := ""
			for _, c := range a.Codes {
				if c.Restrict != RestrictNone {
					restricted = true
				} else {
					if def != "" && def != c.Code {
						warn(c.Line, "actor %s: second default code [%s] replaces [%s]", label, c.Code, def)
					}
					def = c.Code
				}
			}
			if restricted {
				e := get("person", titleCase(a.Names[0], true), a.Line)
				for _, c := range a.Codes {
					if c.Restrict == RestrictNone {
						continue
					}
					if c.Code == "---" {
						warn(c.Line, "actor %s: null code [---] for a period is not expressible; the default code applies then", label)
						continue
					}
					code := cleanCode(c.Code, c.Line, label)
					if code == "" {
						continue
					}
					from, to := "-", "-"
					switch c.Restrict {
					case RestrictBefore:
						to = c.Date.Format("2006-01-02")
					case RestrictAfter:
						from = c.Date.Format("2006-01-02")
					case RestrictRange:
						from, to = c.Date.Format("2006-01-02"), c.Until.Format("2006-01-02")
					}
					e.roles = append(e.roles, fmt.Sprintf("%s %s %s", code, from, to))
				}
				if def == "---" {
					warn(a.Line, "actor %s: null default code [---] is not expressible; outside its dated codes dyad codes it as ELI", label)
				} else if def != "" {
					if code := cleanCode(def, a.Line, label); code != "" {
						e.roles = append(e.roles, code+" - -")
					}
				}
				for _, n := range names(a) {
					if n != e.key {
						e.names = appendUniq(e.names, n)
					}
				}
				st.Persons++
				continue
			}
			if def == "---" {
				st.NullActors++
				warn(a.Line, "actor %s has the null code [---] (recognised but never coded); dyad cannot express a blocking actor, not written", label)
				continue
			}
			if parts := strings.Split(def, "/"); len(parts) > 1 {
				// One name for several actors: an org entry coded with
				// the first code and `also` the others.
				var codes []string
				for _, c := range parts {
					if c = strings.ToUpper(strings.TrimSpace(c)); isUpperCode(c) {
						codes = appendUniq(codes, c)
					}
				}
				if len(codes) > 1 {
					st.MultiCode++
					e := get("org", strings.Join(codes, ""), a.Line)
					e.code, e.also = codes[0], codes[1:]
					for _, n := range names(a) {
						e.names = appendUniq(e.names, n)
					}
					continue
				}
			}
			code := cleanCode(def, a.Line, label)
			if code == "" {
				continue
			}
			ns := names(a)
			switch {
			case len(code) == 3:
				e := get("country", code, a.Line)
				for _, n := range ns {
					e.names = appendUniq(e.names, n)
				}
			case len(code) == 6 && countries[code[:3]]:
				e := get("country", code[:3], a.Line)
				for _, n := range ns {
					e.insts = append(e.insts, [2]string{code[3:], n})
				}
				st.Insts++
			default:
				e := get("igo", code, a.Line)
				for _, n := range ns {
					e.names = appendUniq(e.names, n)
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# dyad actor dictionary converted from %s (PETRARCH actor and agent dictionaries).\n", source)
	b.WriteString("# Names are listed in several letter cases: dyad matches names case-sensitively, PETRARCH does not.\n")
	for _, e := range order {
		switch e.kind {
		case "person":
			fmt.Fprintf(&b, "\nperson %s\n", e.key)
			for _, n := range e.names {
				fmt.Fprintf(&b, "  alias %s\n", n)
			}
			for _, r := range e.roles {
				fmt.Fprintf(&b, "  role %s\n", r)
			}
		case "org":
			fmt.Fprintf(&b, "\norg %s\n  name %s\n", e.key, e.names[0])
			for _, n := range e.names[1:] {
				fmt.Fprintf(&b, "  alias %s\n", n)
			}
			fmt.Fprintf(&b, "  code %s\n", e.code)
			if len(e.code) == 3 {
				fmt.Fprintf(&b, "  country %s\n", e.code)
			}
			for _, a := range e.also {
				fmt.Fprintf(&b, "  also %s\n", a)
			}
			st.IGOs++
		case "country", "igo":
			fmt.Fprintf(&b, "\n%s %s\n", e.kind, e.key)
			if len(e.names) == 0 {
				// Only institutions: the code itself stands as the name.
				e.names = []string{e.key}
			}
			fmt.Fprintf(&b, "  name %s\n", e.names[0])
			for _, n := range e.names[1:] {
				fmt.Fprintf(&b, "  alias %s\n", n)
			}
			for _, in := range e.insts {
				fmt.Fprintf(&b, "  inst %s %s\n", in[0], in[1])
			}
			if e.kind == "country" {
				st.Countries++
			} else {
				st.IGOs++
			}
		}
	}
	if ags != nil {
		type agentEntry struct {
			code     string
			words    []string
			prefixes []string
		}
		var aorder []*agentEntry
		am := map[string]*agentEntry{}
		for _, a := range ags.Agents {
			st.Agents++
			if a.Prefix {
				st.PrefixAgents++
			}
			if len(a.Code) > 3 {
				st.MultiAgentSuffixes++
			}
			e, ok := am[a.Code]
			if !ok {
				e = &agentEntry{code: a.Code}
				am[a.Code] = e
				aorder = append(aorder, e)
			}
			ws := &e.words
			if a.Prefix {
				ws = &e.prefixes
			}
			*ws = appendUniq(*ws, strings.ToLower(strings.Join(a.Words, " ")))
			for _, p := range a.Plurals {
				*ws = appendUniq(*ws, strings.ToLower(strings.Join(p, " ")))
			}
		}
		for _, e := range aorder {
			fmt.Fprintf(&b, "\nagent %s\n", e.code)
			for _, w := range e.words {
				fmt.Fprintf(&b, "  word %s\n", w)
			}
			for _, w := range e.prefixes {
				fmt.Fprintf(&b, "  prefix %s\n", w)
			}
			st.AgentEntries++
		}
	}
	_, err := io.WriteString(w, b.String())
	return st, warns, err
}

// smallWord reports words that stay lower-case inside a title-cased name.
func smallWord(w string) bool {
	switch w {
	case "of", "the", "and", "for", "de", "la", "al", "el", "in", "on":
		return true
	}
	return false
}

// titleCase writes upper-case words as a name: "MINAS TIRITH" -> "Minas
// Tirith", "BARAD-DUR" -> "Barad-Dur"; with small, function words after the
// first are lower-cased.
func titleCase(words []string, small bool) string {
	out := make([]string, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		if small && i > 0 && smallWord(lw) {
			out[i] = lw
			continue
		}
		if strings.Contains(w, ".") {
			out[i] = strings.ToUpper(w) // initials and abbreviations: U.S., K.U.
			continue
		}
		parts := strings.Split(lw, "-")
		for k, p := range parts {
			if p != "" {
				parts[k] = strings.ToUpper(p[:1]) + p[1:]
			}
		}
		out[i] = strings.Join(parts, "-")
	}
	return strings.Join(out, " ")
}

// caseVariants returns the spellings under which a PETRARCH name is
// written: title case with small words lower-cased, plain title case, a
// leading "the" lower-cased, and the upper-case original (acronyms).
func caseVariants(words []string) []string {
	var out []string
	t := titleCase(words, true)
	out = appendUniq(out, t)
	out = appendUniq(out, titleCase(words, false))
	if len(words) > 1 && strings.EqualFold(words[0], "THE") {
		out = appendUniq(out, "the"+t[3:])
	}
	out = appendUniq(out, strings.ToUpper(strings.Join(words, " ")))
	// Hyphenated words with only the first part capitalised ("Barad-dur").
	if strings.Contains(t, "-") {
		hy := strings.Fields(t)
		for i, w := range hy {
			if k := strings.IndexByte(w, '-'); k >= 0 {
				hy[i] = w[:k] + strings.ToLower(w[k:])
			}
		}
		out = appendUniq(out, strings.Join(hy, " "))
	}
	// Short words other than function words may be acronyms inside a
	// name ("THE KU" -> "The KU", "GONZO GMO" -> "Gonzo GMO").
	acr := make([]string, len(words))
	has := false
	for i, w := range words {
		lw := strings.ToLower(w)
		if len(w) <= 3 && !smallWord(lw) && lw != "a" && !strings.Contains(w, ".") {
			acr[i] = strings.ToUpper(w)
			has = true
		} else {
			acr[i] = w
		}
	}
	if has && len(words) > 1 {
		t := strings.Fields(titleCase(acr, true))
		for i, w := range words {
			if acr[i] != w || (len(w) <= 3 && !smallWord(strings.ToLower(w))) {
				t[i] = strings.ToUpper(w)
			}
		}
		a := strings.Join(t, " ")
		out = appendUniq(out, a)
		if strings.EqualFold(words[0], "THE") {
			out = appendUniq(out, "the"+a[3:])
		}
	}
	return out
}
