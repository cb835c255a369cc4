// Package text owns the text layer of the pipeline: it splits a document
// into paragraphs, sentences and tokens, every one carrying byte offsets
// into the original text, following the tokenisation conventions of the
// UD English EWT treebank the tagger and parser are trained on. It also
// recognises wire datelines ("BISHKEK, March 14 (Reuters) -") at the start
// of an article body.
//
// Tokens: clitics split off ("do"+"n't", "ca"+"n't", "Putin"+"'s",
// "I"+"'m", "ministers"+"'"); punctuation is split, runs such as "...",
// "?!", "--" are one token; hyphenated compounds are split ("15"+"-"+"year")
// except after prefixes ("e-mail", "non-aligned", "pro-Western") and in
// dates and phone numbers ("2025-03-14"); numbers ("3.5", "1,000", "10:30",
// "9/11"), URLs, e-mail addresses, handles and hashtags stay whole; "$5"
// and "20%" split; abbreviations keep their period ("U.S.", "Gen.",
// "Jan.", "e.g.", initials) except at the end of a sentence, where the
// period becomes its own token as in EWT ("Inc"+"."). Token.Norm holds the
// straightened form of curly quotes and apostrophes (“ ” → ", ’s → 's) and
// "…" → "...".
//
// Sentences end at ".", "?", "!" and "..." (with any closing quotes and
// brackets) before a word that can start a sentence; after an abbreviation
// or initial only before a capitalised function word or pronoun ("in the
// U.S. The president"); never after a title ("Gen.", "Mr."). Paragraphs
// are separated by blank lines; a single newline also ends a paragraph
// when the next line is indented or a bullet, when the line before looks
// like a title (no final punctuation, short or in title case), or, in a
// text without blank lines, when the line before ends a sentence.
//
// Any byte input gives a result: invalid UTF-8 stays inside tokens, control
// characters separate them, and nothing panics.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// block is a stretch of text that sentences never cross: a paragraph, a
// title line or the headline.
type block struct {
	start, end int
	para       int
	headline   bool
}

// Segment splits doc.Text into paragraphs, sentences and tokens and sets
// doc.Sentences (Index, Start, End, Text, Paragraph, Headline, Tokens with
// Start/End byte offsets into doc.Text). If headline is true, the first
// non-empty line of the text is the headline: its own sentence with
// Headline=true, even without final punctuation.
func Segment(doc *dyad.Document, headline bool) {
	doc.Sentences = segment(doc.Text, headline)
}

// Tokenize splits s into tokens; offsets are base + byte offset in s. The
// tokens are those Segment would give for s, across all its sentences.
func Tokenize(s string, base int) []dyad.Token {
	var out []dyad.Token
	for _, sent := range segment(s, false) {
		for _, t := range sent.Tokens {
			t.Start += base
			t.End += base
			out = append(out, t)
		}
	}
	return out
}

// SplitSentences returns sentence spans [start,end) in s (trimmed of
// surrounding space).
func SplitSentences(s string) [][2]int {
	ss := segment(s, false)
	out := make([][2]int, len(ss))
	for i, sent := range ss {
		out[i] = [2]int{sent.Start, sent.End}
	}
	return out
}

func segment(text string, headline bool) []dyad.Sentence {
	var sents []dyad.Sentence
	var toks []tok
	for _, bl := range blocks(text, headline) {
		toks = lex(text, bl.start, bl.end, toks[:0])
		if len(toks) == 0 {
			continue
		}
		var spans [][2]int
		if bl.headline {
			spans = [][2]int{{0, len(toks)}}
		} else {
			spans = splitToks(text, toks)
		}
		for _, sp := range spans {
			ts := toks[sp[0]:sp[1]]
			s := dyad.Sentence{
				Index:     len(sents),
				Start:     ts[0].start,
				End:       ts[len(ts)-1].end,
				Paragraph: bl.para,
				Headline:  bl.headline,
				Tokens:    make([]dyad.Token, 0, len(ts)+1),
			}
			s.Text = text[s.Start:s.End]
			last := len(ts) - 1
			for last > 0 && closer(text, ts, last) {
				last--
			}
			for i, t := range ts {
				if i == last && !bl.headline && endsInPeriod(text, t) {
					// a sentence-final abbreviation gives its period to the sentence
					s.Tokens = append(s.Tokens, mkToken(text, tok{start: t.start, end: t.end - 1}),
						mkToken(text, tok{start: t.end - 1, end: t.end}))
					continue
				}
				s.Tokens = append(s.Tokens, mkToken(text, t))
			}
			sents = append(sents, s)
		}
	}
	return sents
}

func endsInPeriod(text string, t tok) bool {
	switch t.kind {
	case kAbbr, kTitle, kInitial:
		return t.end-t.start > 1 && text[t.end-1] == '.'
	}
	return false
}

func mkToken(text string, t tok) dyad.Token {
	return dyad.Token{Text: text[t.start:t.end], Norm: t.norm, Start: t.start, End: t.end}
}

// closer reports whether toks[j] closes what comes before it: a closing
// bracket or quote, or a straight quote attached to the previous token.
func closer(text string, toks []tok, j int) bool {
	switch toks[j].kind {
	case kClose:
		return true
	case kQuote:
		return !toks[j].space || j+1 == len(toks) || toks[j+1].space
	}
	return false
}

// splitToks splits the tokens of one block into sentences, returning
// index ranges.
func splitToks(text string, toks []tok) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		switch toks[i].kind {
		case kTerm, kEllipsis, kAbbr, kInitial:
		default:
			continue
		}
		if listMarker(text, toks, start, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && closer(text, toks, j) {
			j++
		}
		if j >= len(toks) {
			break
		}
		if boundary(text, toks, i, j) {
			out = append(out, [2]int{start, j})
			start = j
			i = j - 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// listMarker reports whether toks[start:i+1] is only a list number or an
// abbreviation ("2.", "P.S."), which begins a sentence rather than being one.
func listMarker(text string, toks []tok, start, i int) bool {
	switch {
	case i == start:
		return toks[i].kind == kAbbr
	case i == start+1 && toks[i].kind == kTerm && text[toks[i].start] == '.':
		w := text[toks[start].start:toks[start].end]
		return len(w) <= 3 && digitsAndHyphens(w) && !strings.Contains(w, "-")
	}
	return false
}

// isURL reports whether t is a URL or e-mail token.
func isURL(text string, t tok) bool {
	w := text[t.start:t.end]
	return urlPrefix(w) || strings.IndexByte(w, '@') > 0
}

func upperStart(text string, t tok) bool {
	r, _ := utf8.DecodeRuneInString(text[t.start:t.end])
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// boundary decides whether a sentence ends after toks[i] (with its closers
// up to j) and the next one starts at toks[j].
func boundary(text string, toks []tok, i, j int) bool {
	t, next := toks[i], toks[j]
	if !next.space && !(t.kind == kTerm && next.kind == kWord && upperStart(text, next)) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[next.start:next.end])
	switch t.kind {
	case kTerm:
		if unicode.IsLower(r) && !isURL(text, next) {
			return false
		}
		switch r {
		case ',', ';', ':', '%', '&', ')', ']', '}', '/', '.', '?', '!':
			return false
		}
		return true
	case kEllipsis:
		if next.kind == kOpen || next.kind == kQuote {
			return j+1 < len(toks) && upperStart(text, toks[j+1])
		}
		return upperStart(text, next) && !(next.end-next.start == 1 && text[next.start] == 'I')
	case kAbbr, kInitial:
		if next.kind == kWord && isStarter(text[next.start:next.end]) {
			return true
		}
		// "in the U.S. "We ..." and the like: an opening quote then a starter
		if (next.kind == kOpen || next.kind == kQuote) && j+1 < len(toks) && toks[j+1].kind == kWord {
			return isStarter(text[toks[j+1].start:toks[j+1].end])
		}
	}
	return false
}
