package petr

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Discard levels.
const (
	LevelSentence = "sentence"
	LevelStory    = "story"
)

// Discard is one discard phrase. A phrase ending in '_' must end at a word
// boundary; otherwise it matches as a prefix (a stem). Matching is case-
// insensitive and starts at a word boundary.
type Discard struct {
	Phrase string // upper-cased, without the '+' or a final '_'
	Level  string // LevelSentence or LevelStory ('+' in the file)
	Whole  bool   // the phrase ended with '_'
	Line   int
}

// Discards is a parsed PETRARCH discard list.
type Discards struct {
	Discards []Discard
	Warnings []Warning
}

// ReadDiscards reads a PETRARCH discard list: one phrase a line, '+' for a
// story-level discard.
func ReadDiscards(name string, r io.Reader) (*Discards, error) {
	lines, err := readLines(name, r)
	if err != nil {
		return nil, err
	}
	d := &Discards{}
	for _, ln := range lines {
		s := strings.TrimSpace(ln.text)
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if i := strings.IndexByte(s, ';'); i >= 0 {
			d.Warnings = append(d.Warnings, Warning{name, ln.n, "text after ';' taken as a TABARI comment"})
			s = strings.TrimSpace(s[:i])
		}
		dc := Discard{Level: LevelSentence, Line: ln.n}
		if strings.HasPrefix(s, "+") {
			dc.Level = LevelStory
			s = strings.TrimSpace(s[1:])
		}
		if strings.HasSuffix(s, "_") {
			dc.Whole = true
			s = strings.TrimRight(s, "_")
		}
		s = strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
		if s == "" {
			return nil, &Error{name, ln.n, "empty discard phrase"}
		}
		dc.Phrase = strings.ToUpper(s)
		d.Discards = append(d.Discards, dc)
	}
	return d, nil
}

// Match returns the first discard found in text, preferring story-level
// ones, and whether there was one.
func (d *Discards) Match(text string) (Discard, bool) {
	if d == nil {
		return Discard{}, false
	}
	up := strings.ToUpper(strings.Join(strings.Fields(text), " "))
	var found *Discard
	for i := range d.Discards {
		dc := &d.Discards[i]
		if !containsAt(up, dc.Phrase, dc.Whole) {
			continue
		}
		if dc.Level == LevelStory {
			return *dc, true
		}
		if found == nil {
			found = dc
		}
	}
	if found != nil {
		return *found, true
	}
	return Discard{}, false
}

// containsAt reports whether phrase occurs in s starting at a word boundary
// (and, when whole, ending at one).
func containsAt(s, phrase string, whole bool) bool {
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		startOK := i == 0 || !isWordByte(s[i-1])
		end := i + len(phrase)
		endOK := !whole || end == len(s) || !isWordByte(s[end])
		if startOK && endOK {
			return true
		}
		from = i + 1
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 0x80 || unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b))
}

// WriteList writes the discards as dyad's plain discard list: one
// "LEVEL<TAB>PHRASE" line each (LEVEL is sentence or story; a phrase ending
// in "_" must end at a word boundary, otherwise it matches as a stem).
func (d *Discards) WriteList(w io.Writer, source string) error {
	if _, err := fmt.Fprintf(w, "# dyad discard list converted from %s\n# LEVEL<TAB>PHRASE; case-insensitive, from a word start; PHRASE_ = whole words only\n", source); err != nil {
		return err
	}
	for _, dc := range d.Discards {
		p := dc.Phrase
		if dc.Whole {
			p += "_"
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\n", dc.Level, p); err != nil {
			return err
		}
	}
	return nil
}
