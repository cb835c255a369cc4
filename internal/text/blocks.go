package text

import (
	"unicode"
	"unicode/utf8"
)

// line is one line of the text: content [start,end) trimmed of white
// space, blank when empty; indent counts leading white-space characters.
type line struct {
	start, end int
	indent     int
}

func (l line) blank() bool { return l.start == l.end }

// splitLines returns the lines of text, split at "\n", "\r\n" or a lone "\r".
func splitLines(text string) []line {
	var out []line
	ls := 0
	for ls <= len(text) {
		le := ls
		for le < len(text) && text[le] != '\n' && !(text[le] == '\r' && (le+1 == len(text) || text[le+1] != '\n')) {
			le++
		}
		l := line{start: ls, end: ls}
		p := ls
		for p < le {
			r, w := decode(text, p, le)
			if !isSpace(r) {
				break
			}
			l.indent++
			p += w
		}
		if p < le {
			e := le
			for e > p {
				r, w := utf8.DecodeLastRuneInString(text[p:e])
				if !isSpace(r) || r == utf8.RuneError {
					break
				}
				e -= w
			}
			l.start, l.end = p, e
		}
		out = append(out, l)
		ls = le + 1
	}
	return out
}

// blocks cuts text into stretches that sentences never cross: the headline
// (if asked for), paragraphs separated by blank lines, and lines that
// stand alone inside a paragraph (a title line, an indented new
// paragraph). Every block is a paragraph of its own.
func blocks(text string, headline bool) []block {
	ls := splitLines(text)
	// Without any blank line between text lines, each line that ends a
	// sentence is taken to end its paragraph.
	noBlank := true
	seen := false
	for i, l := range ls {
		if !l.blank() {
			if seen && i > 0 && ls[i-1].blank() {
				noBlank = false
				break
			}
			seen = true
		}
	}
	var out []block
	para := 0
	i := 0
	if headline {
		for i < len(ls) && ls[i].blank() {
			i++
		}
		if i < len(ls) {
			out = append(out, block{start: ls[i].start, end: ls[i].end, para: 0, headline: true})
			para = 1
			i++
		}
	}
	for i < len(ls) {
		if ls[i].blank() {
			i++
			continue
		}
		k := i
		maxLen := 0
		for k < len(ls) && !ls[k].blank() {
			if n := ls[k].end - ls[k].start; n > maxLen {
				maxLen = n
			}
			k++
		}
		segStart := ls[i].start
		for m := i; m+1 < k; m++ {
			if lineBreak(text, ls[m], ls[m+1], maxLen, noBlank) {
				out = append(out, block{start: segStart, end: ls[m].end, para: para})
				para++
				segStart = ls[m+1].start
			}
		}
		out = append(out, block{start: segStart, end: ls[k-1].end, para: para})
		para++
		i = k
	}
	return out
}

// lineBreak decides whether the single newline between lines l and n ends
// a paragraph.
func lineBreak(text string, l, n line, maxLen int, noBlank bool) bool {
	if n.indent > l.indent || bullet(text[n.start:n.end]) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(text[l.start:l.end])
	if !startsCapital(text[n.start:n.end]) {
		return false
	}
	if noBlank && endsSentence(text[l.start:l.end]) {
		return true
	}
	if !(unicode.IsLetter(last) || unicode.IsDigit(last)) {
		return false
	}
	return titleLike(text[l.start:l.end], maxLen)
}

// bullet reports whether a line starts with a list bullet and a space
// ("- ", "• ", "* ").
func bullet(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '•', '*', '–', '—', '·', '▪', '►':
		return w < len(s) && (s[w] == ' ' || s[w] == '\t')
	}
	return false
}

// startsCapital reports whether s starts (after opening quotes and
// brackets) with a capital letter or a digit.
func startsCapital(s string) bool {
	for _, r := range s {
		switch r {
		case '"', '\'', '“', '‘', '(', '[', '«':
			continue
		}
		return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r)
	}
	return false
}

// endsSentence reports whether s ends in sentence-final punctuation,
// perhaps followed by closing quotes or brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»':
			s = s[:len(s)-w]
			continue
		case '.', '!', '?', '…':
			return true
		}
		return false
	}
	return false
}

// titleLike reports whether a line without final punctuation looks like a
// title or byline: short against the paragraph's longest line, or written
// in title case.
func titleLike(s string, maxLen int) bool {
	words, long, capped := 0, 0, 0
	inWord := false
	for i, r := range s {
		if isSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			words++
			inWord = true
			n := 0
			for _, r2 := range s[i:] {
				if isSpace(r2) {
					break
				}
				n++
			}
			if n >= 4 {
				long++
				if unicode.IsUpper(r) {
					capped++
				}
			}
		}
		if words > 20 {
			return false
		}
	}
	if 10*len(s) <= 6*maxLen {
		return true
	}
	return long >= 2 && 4*capped >= 3*long
}
