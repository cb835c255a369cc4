package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind classifies a token for sentence splitting.
type kind uint8

const (
	kWord     kind = iota
	kPunct         // other punctuation and symbols
	kTerm          // sentence-final punctuation: ".", "?", "!", "?!", "!!!"
	kEllipsis      // "...", "…"
	kAbbr          // abbreviation with its period that may end a sentence ("U.S.", "Inc.")
	kTitle         // title abbreviation that never ends a sentence ("Gen.", "Mr.")
	kInitial       // a capital letter and period ("W.")
	kOpen          // opening bracket or quote
	kClose         // closing bracket or quote
	kQuote         // straight quote whose direction is unknown
	kDash          // "—", "–", "--", spaced "-"
)

// tok is a token during segmentation: byte offsets into the full text.
type tok struct {
	start, end int
	norm       string
	kind       kind
	space      bool // whitespace (or the start of the block) precedes it
}

// decode returns the rune at s[i:b]; invalid bytes decode as RuneError of width 1.
func decode(s string, i, b int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:b])
}

// isSpace reports whether r separates tokens: white space, control
// characters (NUL included) and invisible format characters.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r <= ' ' || r == 0x7f
	}
	switch r {
	case utf8.RuneError:
		return false
	case 0x200B, 0x2060, 0xFEFF:
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// isWordRune reports whether r can be part of a word. Invalid bytes count
// as word characters so that they stay inside a token.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) ||
		r == utf8.RuneError || r == 0x200C || r == 0x200D || r == 0x00AD
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// lex appends the tokens of s[a:b] to out.
func lex(s string, a, b int, out []tok) []tok {
	i := a
	for i < b {
		r, w := decode(s, i, b)
		if isSpace(r) {
			i += w
			continue
		}
		j := i + w
		for j < b {
			r, w := decode(s, j, b)
			if isSpace(r) {
				break
			}
			j += w
		}
		out = lexChunk(s, i, j, out)
		i = j
	}
	return out
}

// lexChunk tokenizes one whitespace-delimited chunk s[a:b], keeping URLs
// and e-mail addresses whole.
func lexChunk(s string, a, b int, out []tok) []tok {
	first := len(out)
	cur := a
	for p := a; p < b; p++ {
		c := s[p]
		if c == '@' {
			ls := p
			for ls > cur && isEmailByte(s[ls-1]) {
				ls--
			}
			de := p + 1
			for de < b && (isEmailByte(s[de]) && s[de] != '_' && s[de] != '%' && s[de] != '+') {
				de++
			}
			for de > p+1 && (s[de-1] == '.' || s[de-1] == '-') {
				de--
			}
			for ls < p && (s[ls] == '.' || s[ls] == '-') {
				ls++
			}
			if ls < p && validDomain(s[p+1:de]) {
				out = lexPlain(s, cur, ls, out)
				out = append(out, tok{start: ls, end: de})
				cur, p = de, de-1
			}
			continue
		}
		if (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W' || c == 'm' || c == 'M') &&
			(p == a || !isWordByte(s[p-1])) && urlPrefix(s[p:b]) {
			e := trimURL(s, p, b)
			out = lexPlain(s, cur, p, out)
			out = append(out, tok{start: p, end: e})
			cur = e
			break
		}
	}
	out = lexPlain(s, cur, b, out)
	if len(out) > first {
		out[first].space = true
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

func isEmailByte(c byte) bool {
	return isWordByte(c) && c < 0x80 || c == '.' || c == '-' || c == '%' || c == '+'
}

func validDomain(d string) bool {
	dot := strings.LastIndexByte(d, '.')
	if dot <= 0 || dot == len(d)-1 {
		return false
	}
	for i := dot + 1; i < len(d); i++ {
		c := d[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func urlPrefix(s string) bool {
	for _, p := range [...]string{"http://", "https://", "ftp://", "www.", "mailto:"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// trimURL returns the end of a URL starting at p in the chunk ending at b:
// trailing punctuation and unbalanced closing brackets are left out.
func trimURL(s string, p, b int) int {
	opens := [3]int{strings.Count(s[p:b], "("), strings.Count(s[p:b], "["), strings.Count(s[p:b], "{")}
	closes := [3]int{strings.Count(s[p:b], ")"), strings.Count(s[p:b], "]"), strings.Count(s[p:b], "}")}
	e := b
	for e > p {
		r, w := utf8.DecodeLastRuneInString(s[p:e])
		k := strings.IndexRune(")]}", r)
		switch {
		case strings.ContainsRune(".,;:!?\"'”’»>", r):
		case k >= 0 && opens[k] < closes[k]:
			closes[k]--
		default:
			if e-p < 5 {
				return b
			}
			return e
		}
		e -= w
	}
	return b
}

// lexPlain tokenizes s[a:b], a piece of a chunk without URLs or e-mails.
func lexPlain(s string, a, b int, out []tok) []tok {
	i := a
	for i < b {
		r, w := decode(s, i, b)
		switch {
		case isWordRune(r):
			i = lexWord(s, i, b, &out)
			continue
		case r == '\'' || r == '’':
			// '90s, '72, 'em: a leading apostrophe that belongs to the word.
			if i+w < b && (i == a || !isWordByte(s[i-1])) {
				rest := s[i+w : b]
				if isDigitByte(rest[0]) || hasWordPrefixFold(rest, "em") || hasWordPrefixFold(rest, "cause") ||
					hasWordPrefixFold(rest, "til") {
					i = lexWordFrom(s, i, i+w, b, &out)
					continue
				}
			}
			if r == '\'' && i+1 < b && s[i+1] == '\'' {
				out = append(out, tok{start: i, end: i + 2, kind: kClose, norm: `"`})
				i += 2
				continue
			}
			k := kClose
			if r == '\'' {
				k = kQuote
			}
			out = append(out, tok{start: i, end: i + w, kind: k, norm: "'"})
			if r == '\'' {
				out[len(out)-1].norm = ""
			}
			i += w
			continue
		case r == '.':
			j := i + 1
			for j < b && s[j] == '.' {
				j++
			}
			if j-i >= 2 {
				out = append(out, tok{start: i, end: j, kind: kEllipsis})
			} else {
				out = append(out, tok{start: i, end: j, kind: kTerm})
			}
			i = j
			continue
		case r == '…':
			j := i + w
			for j+3 <= b && s[j:j+3] == "…" {
				j += 3
			}
			out = append(out, tok{start: i, end: j, kind: kEllipsis, norm: "..."})
			i = j
			continue
		case r == '!' || r == '?':
			j := i + 1
			for j < b && (s[j] == '!' || s[j] == '?') {
				j++
			}
			out = append(out, tok{start: i, end: j, kind: kTerm})
			i = j
			continue
		case r == '-':
			j := i + 1
			for j < b && s[j] == '-' {
				j++
			}
			k := kPunct
			if j-i >= 2 || (i == a && j == b) {
				k = kDash
			}
			out = append(out, tok{start: i, end: j, kind: k})
			i = j
			continue
		case r == '—' || r == '–' || r == '―':
			j := i + w
			for j < b {
				r2, w2 := decode(s, j, b)
				if r2 != r {
					break
				}
				j += w2
			}
			out = append(out, tok{start: i, end: j, kind: kDash})
			i = j
			continue
		case r == '`':
			t := tok{start: i, end: i + 1, kind: kOpen, norm: "'"}
			if i+1 < b && s[i+1] == '`' {
				t.end, t.norm = i+2, `"`
			}
			out = append(out, t)
			i = t.end
			continue
		case r == '@' || r == '#':
			// handles and hashtags: "@Reuters", "#MeToo"
			if i+1 < b && (i == a || !isWordByte(s[i-1])) {
				if next, _ := decode(s, i+1, b); unicode.IsLetter(next) {
					i = lexWordFrom(s, i, i+1, b, &out)
					continue
				}
			}
		case r == ':' || r == ';':
			if n := emoticon(s[i:b]); n > 0 {
				out = append(out, tok{start: i, end: i + n, kind: kPunct})
				i += n
				continue
			}
		}
		// any other single character, with trailing combining marks; runs
		// of some symbols ("***", "<<", "==") make one token
		j := i + w
		if strings.IndexByte("*<>=~^#+", s[i]) >= 0 {
			for j < b && s[j] == s[i] {
				j++
			}
		}
		for j < b {
			r2, w2 := decode(s, j, b)
			if !(unicode.IsMark(r2) || r2 == 0x200D) || r2 == utf8.RuneError {
				break
			}
			j += w2
		}
		t := tok{start: i, end: j, kind: kPunct}
		switch r {
		case '"':
			t.kind = kQuote
		case '“', '«', '„':
			t.kind, t.norm = kOpen, `"`
		case '”', '»':
			t.kind, t.norm = kClose, `"`
		case '‘', '‚':
			t.kind, t.norm = kOpen, "'"
		case '‐', '‑', '−':
			t.norm = "-"
		case '(', '[', '{', '<':
			t.kind = kOpen
		case ')', ']', '}', '>':
			t.kind = kClose
		}
		out = append(out, t)
		i = j
	}
	return out
}

func hasWordPrefixFold(s, p string) bool {
	if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
		return false
	}
	return len(s) == len(p) || !isWordByte(s[len(p)])
}

func emoticon(s string) int {
	for _, e := range [...]string{":-)", ":-(", ";-)", ":-D", ":-P", ":)", ":(", ";)", ":D", ":P"} {
		if strings.HasPrefix(s, e) && (len(s) == len(e) || !isWordByte(s[len(e)])) {
			return len(e)
		}
	}
	return 0
}

// lexWord scans a word starting at i and appends its tokens.
func lexWord(s string, i, b int, out *[]tok) int { return lexWordFrom(s, i, i, b, out) }

// lexWordFrom scans a word whose first word character is at j (s[i:j] is
// a leading apostrophe or empty), then splits it into tokens.
func lexWordFrom(s string, i, j, b int, out *[]tok) int {
	dot := false // a period has been joined into the word
	for j < b {
		r, w := decode(s, j, b)
		if isWordRune(r) {
			j += w
			continue
		}
		if j+w >= b || j == i {
			break
		}
		next, _ := decode(s, j+w, b)
		if !isWordRune(next) {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(s[i:j])
		join := false
		switch r {
		case '.':
			join = dot || !glued(s, i, j, b)
			dot = dot || join
		case ',':
			join = unicode.IsDigit(prev) && threeDigits(s, j+1, b)
		case ':':
			join = unicode.IsDigit(prev) && unicode.IsDigit(next)
		case '-', '/', '&':
			join = true
		case '\'', '’':
			join = unicode.IsLetter(next)
		}
		if !join {
			break
		}
		j += w
	}
	if j < b && s[j] == '$' && j-i <= 3 && strings.Trim(s[i:j], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		// currency prefixes: US$, HK$, A$
		emitWord(s, i, j+1, kWord, out)
		return j + 1
	}
	k := kWord
	if j < b && s[j] == '.' && (j+1 >= b || s[j+1] != '.') {
		word := s[i:j]
		if h := strings.LastIndexAny(word, "-/"); h >= 0 {
			word = word[h+1:]
		}
		if k = abbrevKind(word); k != kWord {
			j++
		}
	}
	splitWord(s, i, j, k, out)
	return j
}

// glued reports whether the period at s[j] ends a sentence written without
// a following space ("said.The"): a lower-case word before, a capitalised
// word after.
func glued(s string, i, j, b int) bool {
	if j-i < 2 {
		return false
	}
	if c := s[j-1]; !(c >= 'a' && c <= 'z') {
		return false
	}
	if j+2 >= b {
		return false
	}
	u, l := s[j+1], s[j+2]
	return u >= 'A' && u <= 'Z' && l >= 'a' && l <= 'z'
}

func threeDigits(s string, j, b int) bool {
	if j+3 > b {
		return false
	}
	for k := j; k < j+3; k++ {
		if !isDigitByte(s[k]) {
			return false
		}
	}
	return j+3 == b || !isDigitByte(s[j+3])
}

// splitWord splits the word s[i:j] at hyphens, slashes and ampersands
// (following EWT), then splits clitics off each piece. k is the kind of the
// last piece (an abbreviation kind if the word ends in its period).
func splitWord(s string, i, j int, k kind, out *[]tok) {
	w := s[i:j]
	if strings.IndexAny(w, "-/&") < 0 {
		splitClitics(s, i, j, k, out)
		return
	}
	// separators and the pieces between them
	start := i
	pieceStart := i
	allDigits := digitsAndHyphens(w)
	groups := 0
	if allDigits {
		groups = strings.Count(w, "-") + 1
	}
	for p := i; p < j; p++ {
		c := s[p]
		if c != '-' && c != '/' && c != '&' {
			continue
		}
		left := s[pieceStart:p]
		e := p + 1
		for e < j && s[e] != '-' && s[e] != '/' && s[e] != '&' {
			e++
		}
		right := s[p+1 : e]
		if !keepJoined(c, left, right, w, allDigits, groups) {
			splitClitics(s, start, p, kWord, out)
			*out = append(*out, tok{start: p, end: p + 1, kind: kPunct})
			start = p + 1
		}
		pieceStart = p + 1
	}
	splitClitics(s, start, j, k, out)
}

func digitsAndHyphens(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) && w[i] != '-' {
			return false
		}
	}
	return true
}

func keepJoined(sep byte, left, right, word string, allDigits bool, groups int) bool {
	if left == "" || right == "" {
		return true
	}
	switch sep {
	case '-':
		if allDigits {
			// dates and phone numbers stay whole, ranges split
			return groups >= 3 || len(left) == 3 && len(right) == 4 || len(left) == 5 && len(right) == 4
		}
		var buf [8]byte
		lw := lowerASCII(left, &buf)
		return lw != nil && isHyphenPrefix(string(lw))
	case '/':
		if isDigitByte(left[len(left)-1]) && isDigitByte(right[0]) {
			return true
		}
		return utf8.RuneCountInString(left) == 1 || utf8.RuneCountInString(right) == 1
	case '&':
		return len(left) <= 3 && len(right) <= 3
	}
	return false
}

// splitClitics appends the tokens of one piece s[i:j]: a word with its
// clitic ("do"+"n't", "Putin"+"'s"), a fused form ("can"+"not"), or a
// number with its unit ("11"+"am").
func splitClitics(s string, i, j int, k kind, out *[]tok) {
	if i >= j {
		return
	}
	w := s[i:j]
	if k == kWord {
		if c := cliticStart(w); c > 0 {
			emitWord(s, i, i+c, kWord, out)
			emitWord(s, i+c, j, kWord, out)
			return
		}
		var buf [8]byte
		if lw := lowerASCII(w, &buf); lw != nil {
			if c := fusedSplit(string(lw)); c > 0 {
				emitWord(s, i, i+c, kWord, out)
				emitWord(s, i+c, j, kWord, out)
				return
			}
		}
		if c := unitStart(w); c > 0 {
			emitWord(s, i, i+c, kWord, out)
			emitWord(s, i+c, j, kWord, out)
			return
		}
	}
	emitWord(s, i, j, k, out)
}

func emitWord(s string, i, j int, k kind, out *[]tok) {
	t := tok{start: i, end: j, kind: k}
	if w := s[i:j]; strings.ContainsAny(w, "’‘") {
		t.norm = strings.ReplaceAll(strings.ReplaceAll(w, "’", "'"), "‘", "'")
	}
	*out = append(*out, t)
}

// cliticStart returns the offset of a clitic at the end of w, or 0.
func cliticStart(w string) int {
	n := len(w)
	if n < 3 || strings.IndexAny(w, "'’") < 0 {
		return 0
	}
	// clitics split off the end of a word, longest first, with a straight
	// or a curly apostrophe
	clitics := [...]string{"n't", "n’t", "'ll", "’ll", "'re", "’re", "'ve", "’ve",
		"'s", "’s", "'m", "’m", "'d", "’d"}
	for _, cl := range clitics {
		if n <= len(cl) || !strings.EqualFold(w[n-len(cl):], cl) {
			continue
		}
		stem := w[:n-len(cl)]
		if cl[0] != 'n' && digitsAndHyphens(stem) {
			return 0 // "1990's"
		}
		if cl[0] == 'n' && stem[len(stem)-1] == '\'' {
			return 0
		}
		return n - len(cl)
	}
	return 0
}

// lowerASCII returns w in lower case if it is short and ASCII, else "".
func lowerASCII(w string, buf *[8]byte) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= 0x80 {
			return nil
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// unitStart returns where letters start in a number with a unit ("11am",
// "35mm", "5bn"), or 0; ordinals and decades stay whole.
func unitStart(w string) int {
	if !isDigitByte(w[0]) {
		return 0
	}
	p := 0
	for p < len(w) && (isDigitByte(w[p]) || w[p] == '.' || w[p] == ',' || w[p] == ':') {
		p++
	}
	if p == len(w) || !isDigitByte(w[p-1]) {
		return 0
	}
	for q := p; q < len(w); q++ {
		c := w[q]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return 0
		}
	}
	if isNumberSuffix(strings.ToLower(w[p:])) {
		return 0
	}
	return p
}
