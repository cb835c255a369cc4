// Package petr owns compatibility with the PETRARCH/TABARI dictionary
// formats: readers for the verb, actor, agent and discard dictionaries and
// for the PETRARCH unit-test records, the conversion of those dictionaries
// into dyad's own formats (`.actors` files, docs/ACTORS.md; verb-pattern
// files, docs/PATTERNS.md; a plain discard list), the discard matcher, and
// the comparison of coded events with the records' expected codings.
//
// The readers follow the conventions stated in the dictionaries' own
// comments: `<!-- ... -->` comments (one or several lines), lines starting
// with '#', and trailing " #" comments. Every construct a reader does not
// understand is reported as a Warning with file:line; malformed entries are
// errors naming file and line. Readers never panic on bad input.
package petr

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Warning is a construct a reader or converter skipped or approximated.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg) }

// Error is a malformed entry at a line of an input.
type Error struct {
	File  string
	Line  int
	Cause string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Cause) }

// line is one logical line of a dictionary after comment removal.
type line struct {
	n      int    // 1-based line number
	text   string // comment-free text, right-trimmed
	indent bool   // the raw line started with a blank or tab
}

const maxLineLen = 1 << 20

// readLines splits r into comment-free, non-blank lines. It removes
// `<!-- ... -->` comments (also over several lines), lines starting with
// '#' or "<!", and trailing comments introduced by a blank followed by '#'.
func readLines(name string, r io.Reader) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineLen)
	var out []line
	n := 0
	inComment := false
	commentStart := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			return nil, &Error{name, n, "invalid UTF-8"}
		}
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		raw = strings.TrimRight(raw, " \t\r")
		if inComment {
			i := strings.Index(raw, "-->")
			if i < 0 {
				continue
			}
			inComment = false
			raw = raw[i+3:]
			if strings.TrimSpace(raw) == "" {
				continue
			}
		}
		// XML-style comments, possibly several on a line.
		for {
			i := strings.Index(raw, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(raw[i+4:], "-->")
			if j < 0 {
				inComment, commentStart = true, n
				raw = raw[:i]
				break
			}
			raw = raw[:i] + raw[i+4+j+3:]
		}
		t := strings.TrimLeft(raw, " \t")
		if t == "" || t[0] == '#' || strings.HasPrefix(t, "<!") {
			continue
		}
		raw = cutComment(raw)
		if strings.TrimSpace(raw) == "" {
			continue
		}
		out = append(out, line{n: n, text: raw, indent: raw[0] == ' ' || raw[0] == '\t'})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &Error{name, n + 1, "line too long"}
		}
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	if inComment {
		return nil, &Error{name, commentStart, "unterminated <!-- comment"}
	}
	return out, nil
}

// cutComment removes a trailing comment: '#' preceded by a blank or tab.
func cutComment(s string) string {
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return s
}

// bracket splits "text [code] rest" at the first bracketed code. ok is false
// when there is no '['; an unclosed '[' is an error.
func bracket(s string) (before, code, after string, ok bool, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, "", "", false, nil
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return "", "", "", false, errors.New("'[' without ']'")
	}
	return s[:i], strings.TrimSpace(s[i+1 : i+j]), s[i+j+1:], true, nil
}
