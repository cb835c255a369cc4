package ingest

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Article is what a reader extracts from one record before it becomes a
// document: the metadata it found and the body as paragraphs.
type Article struct {
	Title      string
	URL        string
	Lang       string    // BCP 47 language tag from the page, "" if unknown
	Published  time.Time // zero if the record carries no date
	Paragraphs []string
}

// DocID is the content hash used for idempotent ingest: the hex SHA-1
// prefix (16 hex digits) of text with runs of white space collapsed to one
// space and the ends trimmed, so re-wrapped copies of an article share it.
func DocID(text string) string {
	h := sha1.New()
	buf := make([]byte, 0, 4096)
	space, started := false, false
	for i := 0; i < len(text); {
		c := text[i]
		sp := false
		n := 1
		if c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			sp = unicode.IsSpace(r)
		}
		if sp {
			space = started
			i += n
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		started = true
		buf = append(buf, text[i:i+n]...)
		i += n
		if len(buf) >= 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// collapse trims s and collapses its runs of white space to one space;
// control characters are dropped and invalid UTF-8 replaced.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				space = b.Len() > 0
			case c < 0x20 || c == 0x7f:
			default:
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsControl(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i-n : i])
		}
	}
	return b.String()
}

// isCollapsed reports whether collapse would return s unchanged: ASCII
// text with single inner spaces only.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return true
}

// Document lays an article out as the pipeline expects it: the headline on
// the first line, a blank line, then the body paragraphs separated by blank
// lines. Paragraphs are whitespace-normalised; a first paragraph repeating
// the headline is dropped. Without a title, a short first paragraph that
// does not end a sentence becomes the headline. ok is false when the
// article has no text at all.
func (a *Article) Document(defaultPublished time.Time) (doc *dyad.Document, ok bool) {
	title := collapse(a.Title)
	paras := make([]string, 0, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		if p = collapse(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) > 0 && title != "" && strings.EqualFold(paras[0], title) {
		paras = paras[1:]
	}
	if title == "" && len(paras) > 1 && looksLikeHeadline(paras[0]) {
		title, paras = paras[0], paras[1:]
	}
	var b strings.Builder
	if title != "" {
		b.WriteString(title)
	}
	for _, p := range paras {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return nil, false
	}
	doc = &dyad.Document{Title: title, URL: strings.TrimSpace(a.URL), Published: a.Published, Text: b.String()}
	if doc.Published.IsZero() {
		doc.Published = defaultPublished
	}
	doc.ID = DocID(doc.Text)
	return doc, true
}

func looksLikeHeadline(p string) bool {
	if len(p) > 200 || strings.Count(p, " ") > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?:;,\"'”’)", last)
}

// splitParagraphs splits plain text into paragraphs at blank lines; text
// with no blank line is split at every line break.
func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			blank = true
			break
		}
	}
	if !blank {
		for _, l := range strings.Split(s, "\n") {
			if t := strings.TrimSpace(l); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
				cur = cur[:0]
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	"20060102150405",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// ParseDate reads a publication date in the formats news sites and feeds
// use (ISO 8601, RFC 1123/822 as in RSS, "January 2, 2006", Unix seconds).
// ok is false when s is none of them.
func ParseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return sane(t)
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 13 {
		if len(s) == 13 {
			return sane(time.UnixMilli(n).UTC())
		}
		return sane(time.Unix(n, 0).UTC())
	}
	return time.Time{}, false
}

func sane(t time.Time) (time.Time, bool) {
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}
