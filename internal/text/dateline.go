package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Dateline is a wire dateline at the start of an article body, such as
// "BISHKEK, March 14 (Reuters) -", "MOSCOW (AP) —" or "Kant, Kyrgyzstan —".
// Spans are byte offsets [start,end); a zero span means the part is absent.
// The dateline stays in the text and its tokens: this only points at it.
type Dateline struct {
	Start, End int    // the whole dateline, dash included
	Place      [2]int // "BISHKEK", "Kant, Kyrgyzstan"
	Date       [2]int // "March 14"
	Source     [2]int // "Reuters", inside the parentheses
}

// isMonth reports whether w names a month, in full or abbreviated.
func isMonth(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
		"Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// isWeekday reports whether w names a day of the week, in full or abbreviated.
func isWeekday(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue",
		"Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

// FindDateline recognises a dateline at the start of s (the first
// paragraph of a body); it never spans lines. Offsets are into s.
func FindDateline(s string) (Dateline, bool) {
	const limit = 300
	end := len(s)
	if end > limit {
		end = limit
	}
	if nl := strings.IndexAny(s[:end], "\r\n"); nl >= 0 {
		end = nl
	}
	toks := lex(s, 0, end, nil)
	if len(toks) > 40 {
		toks = toks[:40]
	}
	word := func(i int) string { return s[toks[i].start:toks[i].end] }
	var d Dateline
	i := 0
	pieces := 0
	allCaps := false
	// place: up to three comma-separated pieces of capitalised words
	for pieces < 3 && i < len(toks) {
		n := 0
		for i < len(toks) && n < 5 && placeWord(s, toks[i]) {
			if n == 0 && pieces == 0 && isAllCaps(word(i)) {
				allCaps = true
			}
			if isMonth(strings.TrimSuffix(word(i), ".")) || isWeekday(strings.TrimSuffix(word(i), ".")) {
				break
			}
			i++
			n++
			// hyphenated names and joint datelines: WINSTON-SALEM, BISHKEK/MOSCOW
			if i+1 < len(toks) && (word(i) == "-" || word(i) == "/") && !toks[i].space && placeWord(s, toks[i+1]) && !toks[i+1].space {
				i++
			}
		}
		if n == 0 {
			break
		}
		pieces++
		d.Place[1] = toks[i-1].end
		if i < len(toks) && word(i) == "," {
			i++
			continue
		}
		break
	}
	if pieces == 0 {
		return Dateline{}, false
	}
	d.Place[0] = toks[0].start
	// date: "March 14", "Jan. 5", "14 March", "Tuesday", optionally ", 2025"
	if i < len(toks) {
		if de, ok := dateAt(s, toks, i); ok {
			d.Date = [2]int{toks[i].start, toks[de-1].end}
			i = de
		}
	}
	// source: "(Reuters)"
	if i < len(toks) && word(i) == "(" {
		k := i + 1
		for k < len(toks) && k < i+6 && word(k) != ")" {
			k++
		}
		if k < len(toks) && word(k) == ")" && k > i+1 {
			d.Source = [2]int{toks[i+1].start, toks[k-1].end}
			i = k + 1
		}
	}
	if i >= len(toks) {
		return Dateline{}, false
	}
	// a dash ends the dateline; a colon only after an all-capitals place ("KABUL:")
	if toks[i].kind != kDash && word(i) != "-" && !(word(i) == ":" && allCaps) {
		return Dateline{}, false
	}
	if !(allCaps || d.Source[1] > 0 || d.Date[1] > 0 || pieces >= 2) {
		return Dateline{}, false
	}
	d.Start, d.End = d.Place[0], toks[i].end
	return d, true
}

// DocDateline finds a dateline at the start of the body of a segmented
// document: the first sentence that is not the headline, or the one after
// it when that first paragraph is a byline ("By Jane Doe"). Offsets are
// into doc.Text.
func DocDateline(doc *dyad.Document) (Dateline, bool) {
	tried := 0
	for i, s := range doc.Sentences {
		if s.Headline || i > 0 && doc.Sentences[i-1].Paragraph == s.Paragraph {
			continue
		}
		d, ok := FindDateline(doc.Text[s.Start:])
		if ok {
			shift := func(sp *[2]int) {
				if sp[1] > 0 {
					sp[0] += s.Start
					sp[1] += s.Start
				}
			}
			d.Start += s.Start
			d.End += s.Start
			shift(&d.Place)
			shift(&d.Date)
			shift(&d.Source)
			return d, true
		}
		tried++
		if tried == 2 || !(len(s.Tokens) <= 8 && strings.EqualFold(s.Tokens[0].Text, "by")) {
			break
		}
	}
	return Dateline{}, false
}

func placeWord(s string, t tok) bool {
	if t.kind != kWord && t.kind != kTitle && t.kind != kAbbr && t.kind != kInitial {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[t.start:t.end])
	return unicode.IsUpper(r)
}

func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// dateAt matches a date starting at toks[i]; it returns the index after it.
func dateAt(s string, toks []tok, i int) (int, bool) {
	word := func(k int) string { return s[toks[k].start:toks[k].end] }
	num := func(k int) bool {
		if k >= len(toks) {
			return false
		}
		w := word(k)
		return len(w) <= 4 && w != "" && isDigitByte(w[0])
	}
	k := i
	if isWeekday(strings.TrimSuffix(word(k), ".")) {
		k++
		if k < len(toks) && word(k) == "," {
			k++
		}
		if k >= len(toks) || !isMonth(strings.TrimSuffix(word(k), ".")) {
			return i + 1, true
		}
	}
	switch {
	case k < len(toks) && isMonth(strings.TrimSuffix(word(k), ".")) && num(k+1):
		k += 2
	case num(k) && k+1 < len(toks) && isMonth(strings.TrimSuffix(word(k+1), ".")):
		k += 2
	default:
		return 0, false
	}
	if k+1 < len(toks) && word(k) == "," && num(k+1) && len(word(k+1)) == 4 {
		k += 2
	}
	return k, true
}
