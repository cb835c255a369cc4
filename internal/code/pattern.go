package code

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// elemKind is the kind of one pattern element.
type elemKind uint8

const (
	elWord      elemKind = iota // one of a set of lemmas
	elGap                       // * : skip 0..maxGap tokens
	elTarget                    // + : the target actor starts here
	elSource                    // $ : the source actor starts here
	elSkipActor                 // ^ : skip up to and over the next actor (group)
)

// maxGap is how many tokens a * may skip.
const maxGap = 6

type elem struct {
	kind  elemKind
	words []string // lemmas for elWord
	// exact: the word matches only as written (no lemmas), "=word".
	exact bool
	// tight: the word follows the element before it (after it, for the
	// elements before an @trigger: nearest the trigger first) with nothing
	// skipped in between; written "a_b".
	tight bool
}

// Pattern is one compiled verb pattern.
type Pattern struct {
	Code    string // CAMEO code
	Reverse string // code of the reciprocal event, target -> source ("042:043"), or ""
	Text    string // the pattern as written
	File    string // where it was defined
	Line    int
	Sym     bool   // ~sym: compound subject coded against each other
	Noun    bool   // ~noun: trigger is a noun
	elems   []elem // the trigger, then the elements after it
	pre     []elem // elements before an @trigger, nearest the trigger first
	spec    int    // specificity, computed once
}

// Rule is the identifier written into evidence.rule.
func (p *Pattern) Rule() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// specificity orders patterns at one trigger: more matched words first.
func (p *Pattern) specificity() int { return p.spec }

func (p *Pattern) computeSpecificity() int { return p.specificityUpTo(len(p.elems)) }

// specificityUpTo counts the elements before the trigger and the first n
// elements from the trigger on.
func (p *Pattern) specificityUpTo(n int) int {
	return weigh(p.pre) + weigh(p.elems[:n])
}

func weigh(es []elem) int {
	n := 0
	for _, e := range es {
		switch e.kind {
		case elWord:
			n += 4
		case elTarget, elSource:
			n += 2
		case elSkipActor:
			n++
		}
	}
	return n
}

// Patterns is a compiled pattern set, indexed by trigger lemma.
type Patterns struct {
	byTrigger map[string][]*Pattern
	all       []*Pattern
}

// Len returns the number of patterns.
func (ps *Patterns) Len() int { return len(ps.all) }

// All returns the patterns in file order.
func (ps *Patterns) All() []*Pattern { return ps.all }

// EmptyPatterns returns a pattern set with no patterns, to Add files to.
func EmptyPatterns() *Patterns { return &Patterns{byTrigger: map[string][]*Pattern{}} }

// ParsePatterns reads a verb-pattern file (format in docs/PATTERNS.md);
// name is used in errors, which carry name:line.
func ParsePatterns(name string, r io.Reader, validCode func(string) bool) (*Patterns, error) {
	ps := &Patterns{byTrigger: map[string][]*Pattern{}}
	if err := ps.add(name, r, validCode); err != nil {
		return nil, err
	}
	return ps, nil
}

// Add reads further patterns from r into ps (for user pattern files).
func (ps *Patterns) Add(name string, r io.Reader, validCode func(string) bool) error {
	return ps.add(name, r, validCode)
}

func (ps *Patterns) add(name string, r io.Reader, validCode func(string) bool) error {
	sets := map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	errf := func(format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, a...))
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "&") {
			eq := strings.IndexByte(s, '=')
			if eq < 0 {
				return errf("synonym set needs '=': %q", s)
			}
			setName := strings.TrimSpace(s[:eq])
			if len(setName) < 2 || strings.ContainsAny(setName, " \t") {
				return errf("bad synonym set name %q", setName)
			}
			var words []string
			for _, w := range strings.Split(s[eq+1:], "|") {
				w = strings.ToLower(strings.TrimSpace(w))
				if w == "" {
					continue
				}
				if strings.ContainsAny(w, " \t") {
					return errf("synonym set %s: %q must be one word", setName, w)
				}
				words = append(words, w)
			}
			if len(words) == 0 {
				return errf("synonym set %s is empty", setName)
			}
			sets[setName] = words
			continue
		}
		fields := strings.Fields(s)
		code, reverse, _ := strings.Cut(fields[0], ":")
		for _, c := range []string{code, reverse} {
			if c == "" && c == reverse {
				continue
			}
			if !isEventCode(c) {
				return errf("expected a CAMEO code (2-4 digits, or CODE:REVERSE) at the start, got %q", fields[0])
			}
			if validCode != nil && !validCode(c) {
				return errf("unknown CAMEO code %q", c)
			}
		}
		if strings.HasSuffix(fields[0], ":") {
			return errf("expected a reverse code after ':' in %q", fields[0])
		}
		p := &Pattern{Code: code, Reverse: reverse, File: name, Line: line}
		var text []string
		trigger := -1 // index in p.elems of an @-marked trigger
		var parts []string
		var joined []bool
		for _, f := range fields[1:] {
			if strings.HasPrefix(f, "~") || !strings.Contains(f, "_") {
				parts, joined = append(parts, f), append(joined, false)
				continue
			}
			for k, x := range strings.Split(f, "_") {
				if x == "" || x == "*" || x == "+" || x == "$" || (k > 0 && len(parts) == 0) {
					return errf("bad joined element %q: '_' joins words, {a|b} and &SETs", f)
				}
				parts, joined = append(parts, x), append(joined, k > 0)
			}
		}
		for fi, f := range parts {
			tight := joined[fi]
			if strings.HasPrefix(f, "@") && len(f) > 1 {
				if trigger >= 0 {
					return errf("two @ triggers in one pattern")
				}
				trigger = len(p.elems)
				f = f[1:]
			}
			exact := false
			if strings.HasPrefix(f, "=") && len(f) > 1 && trigger != len(p.elems) {
				exact, f = true, f[1:]
				if f[0] != '&' && f[0] != '{' && !isWord(strings.ToLower(f)) {
					return errf("bad exact word %q", "="+f)
				}
			}
			nel := len(p.elems)
			switch {
			case f == "~sym":
				p.Sym = true
			case f == "~noun":
				p.Noun = true
			case strings.HasPrefix(f, "~"):
				return errf("unknown flag %q", f)
			case f == "*":
				p.elems = append(p.elems, elem{kind: elGap})
				text = append(text, f)
			case f == "+":
				p.elems = append(p.elems, elem{kind: elTarget})
				text = append(text, f)
			case f == "$":
				p.elems = append(p.elems, elem{kind: elSource})
				text = append(text, f)
			case f == "^":
				p.elems = append(p.elems, elem{kind: elSkipActor})
				text = append(text, f)
			case strings.HasPrefix(f, "&"):
				ws, ok := sets[f]
				if !ok {
					return errf("undefined synonym set %s (define it above its first use)", f)
				}
				p.elems = append(p.elems, elem{kind: elWord, words: ws, tight: tight})
				text = appendJoined(text, f, tight)
			case strings.HasPrefix(f, "{"):
				if !strings.HasSuffix(f, "}") || len(f) < 3 {
					return errf("unterminated alternation %q (no spaces inside {a|b})", f)
				}
				var ws []string
				for _, w := range strings.Split(f[1:len(f)-1], "|") {
					if w = strings.ToLower(w); w != "" {
						if !isWord(w) {
							return errf("bad word %q in %q", w, f)
						}
						ws = append(ws, w)
					}
				}
				if len(ws) == 0 {
					return errf("empty alternation %q", f)
				}
				p.elems = append(p.elems, elem{kind: elWord, words: ws, tight: tight})
				text = appendJoined(text, f, tight)
			default:
				w := strings.ToLower(f)
				if !isWord(w) {
					return errf("bad pattern element %q", f)
				}
				p.elems = append(p.elems, elem{kind: elWord, words: []string{w}, tight: tight})
				text = appendJoined(text, f, tight)
			}
			if exact {
				if len(p.elems) != nel+1 || p.elems[nel].kind != elWord {
					return errf("'=' marks a word, {a|b} or &SET")
				}
				p.elems[nel].exact = true
				text[len(text)-1] = markExact(text[len(text)-1], f)
			}
		}
		if trigger > 0 {
			if p.elems[trigger].kind != elWord {
				return errf("the @ trigger must be a word, {a|b} or &SET")
			}
			for k := trigger - 1; k >= 0; k-- {
				// Before the trigger, matching runs leftwards: an element
				// is tight when the one after it was joined to it.
				e := p.elems[k]
				e.tight = p.elems[k+1].tight
				p.pre = append(p.pre, e)
			}
			p.elems[trigger].tight = false
			p.elems = p.elems[trigger:]
		}
		if len(p.elems) == 0 || p.elems[0].kind != elWord {
			return errf("a pattern must start with its trigger word (or mark it with @)")
		}
		p.Text = strings.Join(text, " ")
		p.spec = p.computeSpecificity()
		ps.all = append(ps.all, p)
		for _, w := range p.elems[0].words {
			ps.byTrigger[w] = append(ps.byTrigger[w], p)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, list := range ps.byTrigger {
		sort.SliceStable(list, func(i, j int) bool { return list[i].specificity() > list[j].specificity() })
	}
	return nil
}

// markExact rewrites the last element f of a text token as "=f".
func markExact(tok, f string) string {
	if strings.HasSuffix(tok, f) {
		return tok[:len(tok)-len(f)] + "=" + f
	}
	return tok
}

// appendJoined adds a pattern element to the pattern's text, joined to
// the previous one with '_' when tight.
func appendJoined(text []string, f string, tight bool) []string {
	if tight && len(text) > 0 {
		text[len(text)-1] += "_" + f
		return text
	}
	return append(text, f)
}

// isEventCode reports whether c has the form of an event code: 2-4
// digits, optionally followed by one capital letter (PETRARCH's
// sub-codes such as 174K, which only custom-code pattern files accept).
func isEventCode(c string) bool {
	if n := len(c); n > 2 && c[n-1] >= 'A' && c[n-1] <= 'Z' {
		c = c[:n-1]
	}
	return isDigits(c) && len(c) >= 2 && len(c) <= 4
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '.') {
			return false
		}
	}
	return true
}
