package petr

import (
	"fmt"
	"io"
	"strings"
)

// Agent is one agent phrase with its code. A code written "~GOV" is added
// after the actor's code (Suffix); "NGO~" before it (Prefix).
type Agent struct {
	Words   []string // upper-cased words; "!" substitution markers already expanded
	Plurals [][]string
	Code    string // without '~'
	Prefix  bool   // the code goes before the actor code (NGO~)
	Line    int
}

// Agents is a parsed PETRARCH agent dictionary.
type Agents struct {
	Agents   []Agent
	Warnings []Warning
}

// ReadAgents reads a PETRARCH agent dictionary: `PHRASE {PLURALS} [~CODE]`
// lines, `!MARKER! = A, B, C` substitution sets used as `WORD!MARKER!` in
// phrases, and `{}` for "no plural". Regular plurals are formed as PETRARCH
// does: +S, Y -> IES, SS -> SSES. `<Combine ...>` rules are reported as
// unsupported.
func ReadAgents(name string, r io.Reader) (*Agents, error) {
	lines, err := readLines(name, r)
	if err != nil {
		return nil, err
	}
	a := &Agents{}
	warn := func(n int, format string, args ...any) {
		a.Warnings = append(a.Warnings, Warning{name, n, fmt.Sprintf(format, args...)})
	}
	subst := map[string][]string{}
	for _, ln := range lines {
		s := strings.TrimSpace(ln.text)
		fail := func(format string, args ...any) error {
			return &Error{name, ln.n, fmt.Sprintf(format, args...)}
		}
		if strings.HasPrefix(s, "<Combine") || strings.HasPrefix(s, "</Combine") {
			warn(ln.n, "agent combination rule not supported: %s", s)
			continue
		}
		if strings.HasPrefix(s, "!") && strings.Contains(s, "=") {
			eq := strings.IndexByte(s, '=')
			lhs := strings.TrimSpace(s[:eq])
			if len(lhs) < 3 || !strings.HasSuffix(lhs, "!") || strings.Count(lhs, "!") != 2 {
				return nil, fail("substitution marker %q: want !NAME! = A, B, ...", lhs)
			}
			var items []string
			for _, it := range strings.Split(s[eq+1:], ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			if len(items) == 0 {
				return nil, fail("substitution marker %s has no items", lhs)
			}
			subst[lhs[1:len(lhs)-1]] = items
			continue
		}
		before, code, after, ok, err := bracket(s)
		if err != nil {
			return nil, fail("%v", err)
		}
		if !ok {
			return nil, fail("agent %q without a [~CODE]", s)
		}
		if t := trailer(after); t != "" {
			return nil, fail("unexpected text %q after the code", t)
		}
		ag := Agent{Line: ln.n}
		switch {
		case strings.HasPrefix(code, "~"):
			ag.Code = strings.TrimSpace(code[1:])
		case strings.HasSuffix(code, "~"):
			ag.Code, ag.Prefix = strings.TrimSpace(code[:len(code)-1]), true
		default:
			return nil, fail("agent code [%s] has no '~' (want ~CODE or CODE~)", code)
		}
		if !isUpperCode(ag.Code) {
			return nil, fail("agent code %q is not a code (letters and digits)", ag.Code)
		}
		phrase := before
		plural := ""
		hasPlural := false
		if i := strings.IndexByte(before, '{'); i >= 0 {
			j := strings.IndexByte(before, '}')
			if j < i {
				return nil, fail("'{' without '}' in agent plural")
			}
			phrase, plural, hasPlural = before[:i], strings.TrimSpace(before[i+1:j]), true
			if strings.TrimSpace(before[j+1:]) != "" {
				return nil, fail("unexpected text %q after the plural", strings.TrimSpace(before[j+1:]))
			}
		}
		phrase = strings.TrimSpace(phrase)
		if phrase == "" {
			return nil, fail("agent line without a phrase")
		}
		phrases, err := expandMarkers(phrase, subst)
		if err != nil {
			return nil, fail("%v", err)
		}
		marker := len(phrases) > 1 || strings.Contains(phrase, "!")
		for _, ph := range phrases {
			one := ag
			one.Words = splitWords(ph)
			for _, w := range one.Words {
				if !isPetrWord(w) {
					return nil, fail("bad word %q in agent phrase", w)
				}
			}
			switch {
			case marker:
				// Substituted items are used as written, no plurals.
			case hasPlural && plural == "":
			case hasPlural:
				for _, p := range strings.Fields(plural) {
					one.Plurals = append(one.Plurals, splitWords(p))
				}
			default:
				pl := append([]string(nil), one.Words...)
				pl[len(pl)-1] = pluralOf(pl[len(pl)-1])
				one.Plurals = append(one.Plurals, pl)
			}
			a.Agents = append(a.Agents, one)
		}
	}
	return a, nil
}

// expandMarkers replaces each !NAME! in s by each item of its set.
func expandMarkers(s string, subst map[string][]string) ([]string, error) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("substitution marker in %q is not closed with '!'", s)
	}
	name := s[i+1 : i+1+j]
	items, ok := subst[name]
	if !ok {
		return nil, fmt.Errorf("substitution marker !%s! is not defined above", name)
	}
	var out []string
	for _, it := range items {
		rest, err := expandMarkers(s[i+1+j+1:], subst)
		if err != nil {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, s[:i]+it+r)
		}
	}
	return out, nil
}

// pluralOf forms a regular English plural of an upper-case word as
// PETRARCH does.
func pluralOf(w string) string {
	switch {
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "X"):
		return w + "ES"
	}
	return w + "S"
}

func isUpperCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
