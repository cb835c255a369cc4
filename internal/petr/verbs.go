package petr

import (
	"fmt"
	"io"
	"strings"
)

// ElemKind is the kind of one element of a PETRARCH verb pattern.
type ElemKind uint8

// Pattern element kinds.
const (
	ElWord     ElemKind = iota // a word
	ElVerb                     // * : the verb's position
	ElTarget                   // + : the target
	ElSource                   // $ : the source
	ElCompound                 // % : a compound actor (source before the verb, target after)
	ElSkip                     // ^ : skip a noun phrase
	ElSynset                   // &NAME : a synonym set
)

// Elem is one element of a pattern. Tight is true when the element is joined
// to the previous one by '_' (the words must be consecutive); a blank allows
// words in between.
type Elem struct {
	Kind  ElemKind
	Text  string // the word, upper-cased as written, or the synset name with '&'
	Tight bool
}

// VerbPattern is one `- ... * ... [CODE]` line of a verb block.
type VerbPattern struct {
	Before []Elem // the elements before '*', in text order
	After  []Elem // the elements after '*', in text order
	Code   string // as written: "064", "---", "032:033", "075A", ...
	// VerbTight is true when '*' is joined to the element before it by '_'.
	VerbTight bool
	Line      int
	Raw       string
}

// Verb is one verb of a block: a single word, or a multi-word verb whose
// verb word is marked with '+' (`WIRE_+TAP`, `+BREAK_DOWN`) or, unmarked,
// is the first word (`LASH OUT`).
type Verb struct {
	Words []string   // upper-cased words
	Head  int        // index of the verb word in Words
	Forms [][]string // irregular forms from {...}, each as words (the '+' mark removed)
	Code  string     // the verb's own code, "" for the block code
	Line  int
}

// VerbBlock is a `--- NAME [CODE] ---` block: verbs sharing patterns.
type VerbBlock struct {
	Name     string
	Code     string // block code, "---" when absent
	Line     int
	Verbs    []Verb
	Patterns []VerbPattern
}

// Synset is a `&NAME` synonym set with its `+` members.
type Synset struct {
	Name     string     // with the leading '&', without a trailing '_'
	NoPlural bool       // the label ended with '_'
	Members  [][]string // each member as upper-cased words; a word may be a nested "&NAME"
	Line     int
}

// Verbs is a parsed PETRARCH verb dictionary.
type Verbs struct {
	Synsets  []Synset
	Blocks   []VerbBlock
	Warnings []Warning
}

// Synset returns the synset with the given name (with '&'), or nil.
func (v *Verbs) Synset(name string) *Synset {
	for i := range v.Synsets {
		if v.Synsets[i].Name == name {
			return &v.Synsets[i]
		}
	}
	return nil
}

// ReadVerbs reads a PETRARCH-1 verb dictionary. name is used in errors and
// warnings.
func ReadVerbs(name string, r io.Reader) (*Verbs, error) { return readVerbs(name, r, false) }

// ReadVerbs2 reads a verb dictionary in PETRARCH-2 pattern syntax, where
// `{...}` groups a noun phrase and `(...)` a prepositional phrase. The
// groups are flattened into their words (dyad patterns have no phrase
// structure), with a warning per file.
func ReadVerbs2(name string, r io.Reader) (*Verbs, error) { return readVerbs(name, r, true) }

func readVerbs(name string, r io.Reader, v2 bool) (*Verbs, error) {
	lines, err := readLines(name, r)
	if err != nil {
		return nil, err
	}
	v := &Verbs{}
	warn := func(n int, format string, a ...any) {
		v.Warnings = append(v.Warnings, Warning{name, n, fmt.Sprintf(format, a...)})
	}
	var blk *VerbBlock
	var syn *Synset // the synset whose members are being read
	flattened := false
	for _, ln := range lines {
		s := strings.TrimSpace(ln.text)
		fail := func(format string, a ...any) error {
			return &Error{name, ln.n, fmt.Sprintf(format, a...)}
		}
		if syn != nil && s[0] == '+' {
			m := strings.TrimSpace(s[1:])
			if v2 {
				m = strings.TrimSpace(strings.NewReplacer("{", " ", "}", " ", "(", " ", ")", " ").Replace(m))
			}
			if m == "" {
				return nil, fail("empty synset member")
			}
			words := splitWords(m)
			for _, w := range words {
				if strings.HasPrefix(w, "&") {
					if v.Synset(w) == nil && w != syn.Name {
						return nil, fail("synset %s used before it is defined", w)
					}
					if w == syn.Name {
						return nil, fail("synset %s contains itself", w)
					}
				} else if !isPetrWord(w) {
					warn(ln.n, "synset member word %q has unexpected characters; kept as written", w)
				}
			}
			syn.Members = append(syn.Members, words)
			continue
		}
		if syn != nil {
			if len(syn.Members) == 0 {
				warn(syn.Line, "synset %s has no members", syn.Name)
			}
			v.Synsets = append(v.Synsets, *syn)
			syn = nil
		}
		switch {
		case strings.HasPrefix(s, "---"):
			body := strings.TrimSpace(strings.TrimPrefix(s, "---"))
			body = strings.TrimSpace(strings.TrimSuffix(body, "---"))
			before, code, after, ok, err := bracket(body)
			if err != nil {
				return nil, fail("block header: %v", err)
			}
			if !ok {
				code = "---"
			}
			if strings.Contains(after, "[") {
				warn(ln.n, "block header has more than one code; using the first, [%s]", code)
			}
			if code == "" {
				return nil, fail("block header with an empty code []")
			}
			v.Blocks = append(v.Blocks, VerbBlock{Name: strings.TrimSpace(before), Code: code, Line: ln.n})
			blk = &v.Blocks[len(v.Blocks)-1]
		case s[0] == '&':
			label := strings.TrimSpace(s)
			if strings.ContainsAny(label, " \t") {
				return nil, fail("synset label %q contains blanks", label)
			}
			np := strings.HasSuffix(label, "_")
			label = strings.TrimSuffix(label, "_")
			if len(label) < 2 {
				return nil, fail("empty synset label")
			}
			if v.Synset(label) != nil {
				warn(ln.n, "synset %s defined again; the later definition is used from here on", label)
			}
			syn = &Synset{Name: label, NoPlural: np, Line: ln.n}
		case s[0] == '-' || s[0] == '*':
			if s[0] == '*' {
				warn(ln.n, "pattern line without the leading '-'; read as a pattern")
				s = "- " + s
			}
			if blk == nil {
				return nil, fail("pattern before any --- VERB --- block header")
			}
			if v2 && strings.ContainsAny(s, "{}()") {
				if !flattened {
					warn(ln.n, "PETRARCH-2 phrase groups {...} and (...) flattened into plain words (first at this line)")
					flattened = true
				}
				s = strings.NewReplacer("{", " ", "}", " ", "(", " ", ")", " ").Replace(s)
			}
			p, err := parsePattern(s, ln.n)
			if err != nil {
				return nil, fail("%v", err)
			}
			if p == nil {
				warn(ln.n, "pattern with a TABARI disjunction {...} skipped (PETRARCH skips these too)")
				continue
			}
			undefined := ""
			for _, e := range append(append([]Elem(nil), p.Before...), p.After...) {
				if e.Kind == ElSynset && v.Synset(e.Text) == nil {
					undefined = e.Text
				}
			}
			if undefined != "" {
				// PETRARCH ignores such patterns; say so.
				warn(ln.n, "pattern uses the undefined synset %s (define it above its first use); skipped", undefined)
				continue
			}
			blk.Patterns = append(blk.Patterns, *p)
		default:
			if blk == nil {
				return nil, fail("verb %q before any --- VERB --- block header", s)
			}
			vb, err := parseVerb(s, ln.n)
			if err != nil {
				return nil, fail("%v", err)
			}
			blk.Verbs = append(blk.Verbs, vb)
		}
	}
	if syn != nil {
		v.Synsets = append(v.Synsets, *syn)
	}
	for _, b := range v.Blocks {
		if len(b.Verbs) == 0 {
			warn(b.Line, "block %q has no verbs; its patterns are unused", b.Name)
		}
	}
	return v, nil
}

// splitWords splits a phrase on blanks and underscores.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '_' })
}

// isPetrWord reports whether w is a plain dictionary word.
func isPetrWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '-', r == '\'', r == '.', r == ',', r > 127:
		default:
			return false
		}
	}
	return true
}

// parseVerb parses a verb line: WORDS [{FORMS}] [[CODE]].
func parseVerb(s string, n int) (Verb, error) {
	vb := Verb{Line: n}
	if i := strings.IndexByte(s, '['); i >= 0 {
		_, code, after, _, err := bracket(s)
		if err != nil {
			return vb, err
		}
		if strings.TrimSpace(after) != "" {
			return vb, fmt.Errorf("unexpected text %q after the verb's code", strings.TrimSpace(after))
		}
		vb.Code = code
		s = s[:i]
	}
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s, '}')
		if j < i {
			return vb, fmt.Errorf("'{' without '}' in verb forms")
		}
		if strings.TrimSpace(s[j+1:]) != "" {
			return vb, fmt.Errorf("unexpected text %q after the verb forms", strings.TrimSpace(s[j+1:]))
		}
		for _, f := range strings.Fields(s[i+1 : j]) {
			ws := splitWords(strings.ReplaceAll(f, "+", ""))
			if len(ws) > 0 {
				vb.Forms = append(vb.Forms, ws)
			}
		}
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return vb, fmt.Errorf("verb line without a verb")
	}
	words := splitWords(s)
	vb.Head = 0
	for k, w := range words {
		if strings.HasPrefix(w, "+") {
			vb.Head = k
			words[k] = w[1:]
		}
	}
	for _, w := range words {
		if !isPetrWord(w) {
			return vb, fmt.Errorf("bad verb word %q", w)
		}
	}
	vb.Words = words
	return vb, nil
}

// parsePattern parses "- ELEMS * ELEMS [CODE]". It returns nil, nil for a
// TABARI disjunction pattern (which PETRARCH skips).
func parsePattern(s string, n int) (*VerbPattern, error) {
	p := &VerbPattern{Line: n, Raw: s}
	body := strings.TrimSpace(strings.TrimPrefix(s, "-"))
	before, code, after, ok, err := bracket(body)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("pattern without a [code]")
	}
	if strings.TrimSpace(after) != "" {
		return nil, fmt.Errorf("unexpected text %q after the pattern's code", strings.TrimSpace(after))
	}
	if code == "" {
		return nil, fmt.Errorf("pattern with an empty code []")
	}
	p.Code = code
	if strings.ContainsAny(before, "{}|") {
		return nil, nil
	}
	// TABARI legacy: "WORD_ " is an open match, i.e. "WORD ".
	before = strings.ReplaceAll(before, "_ ", " ")
	before = strings.TrimSpace(before)
	if strings.Count(before, "*") != 1 {
		return nil, fmt.Errorf("pattern needs exactly one '*' (the verb), got %d", strings.Count(before, "*"))
	}
	var toks []string
	var tights []bool
	tight := false
	startTok := 0
	for i := 0; i <= len(before); i++ {
		if i == len(before) || before[i] == ' ' || before[i] == '\t' || before[i] == '_' {
			if i > startTok {
				toks = append(toks, before[startTok:i])
				tights = append(tights, tight)
				tight = false
			}
			if i < len(before) && before[i] == '_' {
				tight = true
			}
			startTok = i + 1
		}
	}
	seenVerb := false
	for k, w := range toks {
		e := Elem{Tight: tights[k]}
		switch {
		case w == "*":
			seenVerb = true
			p.VerbTight = tights[k]
			continue
		case w == "+":
			e.Kind = ElTarget
		case w == "$":
			e.Kind = ElSource
		case w == "%":
			e.Kind = ElCompound
		case w == "^":
			e.Kind = ElSkip
		case strings.HasPrefix(w, "&"):
			if len(w) < 2 || !isPetrWord(w[1:]) {
				return nil, fmt.Errorf("bad synset reference %q", w)
			}
			e.Kind, e.Text = ElSynset, w
		default:
			if !isPetrWord(w) {
				return nil, fmt.Errorf("unknown pattern element %q", w)
			}
			e.Kind, e.Text = ElWord, w
		}
		if seenVerb {
			p.After = append(p.After, e)
		} else {
			p.Before = append(p.Before, e)
		}
	}
	return p, nil
}
