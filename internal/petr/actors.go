package petr

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Restriction kinds of a date-restricted actor code.
const (
	RestrictNone   = ""  // the default code
	RestrictBefore = "<" // on or before Date
	RestrictAfter  = ">" // on or after Date
	RestrictRange  = "-" // between Date and Until, inclusive
)

// ActorCode is one code of an actor, possibly restricted to dates.
type ActorCode struct {
	Code     string // as written (may be "---", a null code, or "FRO/BIL/SAM")
	Restrict string // RestrictNone, RestrictBefore, RestrictAfter or RestrictRange
	Date     time.Time
	Until    time.Time
	Line     int
}

// Actor is one actor record: a primary phrase, its synonyms and codes.
type Actor struct {
	Names [][]string  // primary phrase first, then the '+' synonyms, as upper-cased words
	Tight [][]bool    // per name, per word after the first: joined by '_' (true) or a blank
	Codes []ActorCode // in file order; the first matching restriction wins
	Line  int
}

// Actors is a parsed PETRARCH actor dictionary.
type Actors struct {
	Actors   []Actor
	Warnings []Warning
}

// ReadActors reads a PETRARCH/TABARI actor dictionary: a primary phrase with
// an optional [CODE], '+' synonym lines, and indented [CODE restriction]
// lines where the restriction is <DATE, >DATE or DATE-DATE (YYYYMMDD or
// YYMMDD).
func ReadActors(name string, r io.Reader) (*Actors, error) {
	lines, err := readLines(name, r)
	if err != nil {
		return nil, err
	}
	a := &Actors{}
	warn := func(n int, format string, args ...any) {
		a.Warnings = append(a.Warnings, Warning{name, n, fmt.Sprintf(format, args...)})
	}
	var cur *Actor
	finish := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			warn(cur.Line, "actor %s has no code; skipped", strings.Join(cur.Names[0], "_"))
		} else {
			a.Actors = append(a.Actors, *cur)
		}
		cur = nil
	}
	for _, ln := range lines {
		s := strings.TrimSpace(ln.text)
		fail := func(format string, args ...any) error {
			return &Error{name, ln.n, fmt.Sprintf(format, args...)}
		}
		if strings.Contains(s, "---STOP---") {
			break
		}
		switch {
		case ln.indent && strings.HasPrefix(s, "["):
			if cur == nil {
				return nil, fail("date restriction before any actor")
			}
			c, err := parseActorCode(s, ln.n)
			if err != nil {
				return nil, fail("%v", err)
			}
			if rest := trailer(s[strings.IndexByte(s, ']')+1:]); rest != "" {
				return nil, fail("unexpected text %q after the code", strings.TrimSpace(rest))
			}
			cur.Codes = append(cur.Codes, c)
		case s[0] == '+':
			if cur == nil {
				return nil, fail("synonym before any actor")
			}
			nm, tg, code, err := parseActorPhrase(s[1:])
			if err != nil {
				return nil, fail("%v", err)
			}
			if code != nil {
				warn(ln.n, "code on a synonym line is ignored (PETRARCH uses the primary's codes)")
			}
			cur.Names = append(cur.Names, nm)
			cur.Tight = append(cur.Tight, tg)
		case ln.indent:
			return nil, fail("indented line %q is neither a [code] nor a +synonym", s)
		default:
			finish()
			nm, tg, code, err := parseActorPhrase(s)
			if err != nil {
				return nil, fail("%v", err)
			}
			cur = &Actor{Names: [][]string{nm}, Tight: [][]bool{tg}, Line: ln.n}
			if code != nil {
				c, err := parseActorCode("["+*code+"]", ln.n)
				if err != nil {
					return nil, fail("%v", err)
				}
				cur.Codes = append(cur.Codes, c)
			}
		}
	}
	finish()
	return a, nil
}

// parseActorPhrase parses "PHRASE [CODE]" into words, connectors and the
// optional code text.
func parseActorPhrase(s string) ([]string, []bool, *string, error) {
	before, code, after, ok, err := bracket(s)
	if err != nil {
		return nil, nil, nil, err
	}
	if ok && trailer(after) != "" {
		return nil, nil, nil, fmt.Errorf("unexpected text %q after the code", trailer(after))
	}
	before = strings.TrimSpace(before)
	if before == "" {
		return nil, nil, nil, fmt.Errorf("actor line without a phrase")
	}
	var words []string
	var tight []bool
	t := false
	start := 0
	for i := 0; i <= len(before); i++ {
		if i == len(before) || before[i] == ' ' || before[i] == '\t' || before[i] == '_' {
			if i > start {
				if len(words) > 0 {
					tight = append(tight, t)
				}
				words = append(words, before[start:i])
				t = false
			}
			if i < len(before) && before[i] == '_' {
				t = true
			}
			start = i + 1
		}
	}
	for _, w := range words {
		if !isPetrWord(w) {
			return nil, nil, nil, fmt.Errorf("bad word %q in actor phrase", w)
		}
	}
	if !ok {
		return words, tight, nil, nil
	}
	return words, tight, &code, nil
}

// parseActorCode parses "[CODE]", "[CODE <DATE]", "[CODE >DATE]" or
// "[CODE DATE-DATE]" (blanks around the operators allowed).
func parseActorCode(s string, n int) (ActorCode, error) {
	_, body, _, ok, err := bracket(s)
	if err != nil {
		return ActorCode{}, err
	}
	if !ok || body == "" {
		return ActorCode{}, fmt.Errorf("empty actor code")
	}
	c := ActorCode{Line: n}
	f := strings.Fields(body)
	c.Code = f[0]
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, nil
	}
	switch rest[0] {
	case '<', '>':
		d, err := petrDate(rest[1:])
		if err != nil {
			return c, err
		}
		c.Restrict, c.Date = string(rest[0]), d
	default:
		i := strings.IndexByte(rest, '-')
		if i < 0 {
			return c, fmt.Errorf("unknown date restriction %q (want <DATE, >DATE or DATE-DATE)", rest)
		}
		d1, err := petrDate(rest[:i])
		if err != nil {
			return c, err
		}
		d2, err := petrDate(rest[i+1:])
		if err != nil {
			return c, err
		}
		if d2.Before(d1) {
			return c, fmt.Errorf("date restriction ends before it starts: %s", rest)
		}
		c.Restrict, c.Date, c.Until = RestrictRange, d1, d2
	}
	return c, nil
}

// petrDate parses YYYYMMDD or YYMMDD (00-30 -> 20YY, else 19YY), as
// PETRARCH does.
func petrDate(s string) (time.Time, error) {
	bad := fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return time.Time{}, bad
		}
	}
	var y, m, d int
	switch len(s) {
	case 8:
		fmt.Sscanf(s, "%4d%2d%2d", &y, &m, &d)
	case 6:
		fmt.Sscanf(s, "%2d%2d%2d", &y, &m, &d)
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	default:
		return time.Time{}, bad
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, bad
	}
	return t, nil
}

// trailer returns the text after a code, ignoring comments glued to it
// ("[ZBW]#jw 9/30/91") and TABARI ';' comments.
func trailer(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, ";") {
		return ""
	}
	return s
}
