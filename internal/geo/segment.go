package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// SimpleSegment splits text into sentences and tokens with byte offsets.
// It is a small rule-based fallback (whitespace and punctuation, periods
// kept on abbreviations such as "U.S." and "St.", possessive "'s" split
// off) used by the geo evaluation and tests; the pipeline segments with
// its own sentence splitter before calling Resolve.
func SimpleSegment(id, text string) *dyad.Document {
	doc := &dyad.Document{ID: id, Text: text}
	var toks []dyad.Token
	para := 0
	flush := func() {
		if len(toks) == 0 {
			return
		}
		s := dyad.Sentence{Index: len(doc.Sentences), Start: toks[0].Start, End: toks[len(toks)-1].End, Paragraph: para, Tokens: toks}
		s.Text = text[s.Start:s.End]
		doc.Sentences = append(doc.Sentences, s)
		toks = nil
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' && strings.HasPrefix(text[i+n:], "\n") {
				flush()
				para++
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		for _, t := range splitWord(text, i, j) {
			toks = append(toks, t)
			if endsSentence(t.Text) && !isAbbrev(t.Text) {
				flush()
			}
		}
		i = j
	}
	flush()
	return doc
}

func endsSentence(s string) bool {
	return s == "." || s == "!" || s == "?" || (len(s) > 1 && s[len(s)-1] == '.' && !isAbbrev(s))
}

// isAbbrev reports whether a token ending in "." is an abbreviation that
// keeps its period (initials, "U.S.", "St.", "Ga.", "Mr.").
func isAbbrev(s string) bool {
	if !strings.HasSuffix(s, ".") || len(s) < 2 {
		return false
	}
	core := s[:len(s)-1]
	if strings.Contains(core, ".") {
		return true
	}
	if utf8.RuneCountInString(core) == 1 {
		return isLetters(core) // an initial
	}
	return knownAbbrev[strings.ToLower(core)]
}

// knownAbbrev are abbreviations written with a final period: titles,
// months, street and company words, AP-style US state abbreviations.
var knownAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gen": true, "gov": true,
	"sen": true, "rep": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true, "rev": true,
	"mt": true, "ft": true, "ave": true, "rd": true, "blvd": true, "hwy": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "vs": true, "no": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "cal": true, "colo": true, "conn": true, "del": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "kans": true, "ky": true, "la": true, "md": true,
	"mass": true, "mich": true, "minn": true, "miss": true, "mo": true, "mont": true, "neb": true, "nebr": true,
	"nev": true, "okla": true, "ore": true, "pa": true, "penn": true, "tenn": true, "tex": true, "vt": true,
	"va": true, "wash": true, "wis": true, "wisc": true, "wyo": true, "alta": true, "ont": true, "que": true,
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// splitWord splits the whitespace-delimited word text[i:j] into tokens.
func splitWord(text string, i, j int) []dyad.Token {
	var out []dyad.Token
	emit := func(a, b int) {
		if a < b {
			out = append(out, dyad.Token{Text: text[a:b], Start: a, End: b, Head: -1})
		}
	}
	// leading punctuation
	for i < j {
		r, n := utf8.DecodeRuneInString(text[i:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		emit(i, i+n)
		i += n
	}
	// trailing punctuation, kept in order
	var tail []dyad.Token
	for j > i {
		r, n := utf8.DecodeLastRuneInString(text[i:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		if r == '.' && isAbbrev(text[i:j]) {
			break
		}
		tail = append([]dyad.Token{{Text: text[j-n : j], Start: j - n, End: j, Head: -1}}, tail...)
		j -= n
	}
	// possessive 's / ’s
	w := text[i:j]
	for _, p := range []string{"'s", "’s", "'S"} {
		if len(w) > len(p) && strings.HasSuffix(w, p) {
			emit(i, j-len(p))
			emit(j-len(p), j)
			return append(out, tail...)
		}
	}
	emit(i, j)
	return append(out, tail...)
}
