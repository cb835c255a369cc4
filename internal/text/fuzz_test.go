package text

import (
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
)

// checkDoc asserts the offset invariants of a segmented document: every
// sentence and token is a non-empty, in-range slice of the text, in order
// and without overlap, and tokens lie inside their sentence.
func checkDoc(t *testing.T, doc *dyad.Document) {
	t.Helper()
	prevEnd := 0
	prevPara := 0
	for i, s := range doc.Sentences {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(doc.Text) {
			t.Fatalf("sentence %d span [%d,%d) out of order or range (prev end %d, len %d)", i, s.Start, s.End, prevEnd, len(doc.Text))
		}
		if s.Text != doc.Text[s.Start:s.End] {
			t.Fatalf("sentence %d Text %q != slice %q", i, s.Text, doc.Text[s.Start:s.End])
		}
		if s.Paragraph < prevPara {
			t.Fatalf("sentence %d paragraph %d after %d", i, s.Paragraph, prevPara)
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d [%d,%d) not trimmed to its tokens", i, s.Start, s.End)
		}
		tp := s.Start
		for j, tk := range s.Tokens {
			if tk.Start < tp || tk.Start >= tk.End || tk.End > s.End {
				t.Fatalf("sentence %d token %d span [%d,%d) out of order or range", i, j, tk.Start, tk.End)
			}
			if tk.Text != doc.Text[tk.Start:tk.End] {
				t.Fatalf("sentence %d token %d Text %q != slice %q", i, j, tk.Text, doc.Text[tk.Start:tk.End])
			}
			tp = tk.End
		}
		prevEnd, prevPara = s.End, s.Paragraph
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"",
		"Kyrgyz president signs law\nBISHKEK, March 14 (Reuters) - He said \"no.\" The U.S. didn't.",
		"Gen. Smith met Mr. Putin on Jan. 5 in St. Petersburg... Really?! Yes.",
		"e-mail j.doe@example.org or see https://example.com/(x). 3.5% of $1,000 on 2025-03-14 at 10:30.",
		"“I’m here,” he said. ‘No’ — it’s done -- 1969-1970 (713-853-3989).\n\n  Indented\nTitle Line\nbody.",
		"\x00\xff\xfe'\"''``...…—–-\r\n\t\u00a0\u200b",
		"it's can't WON'T O'Neil '90s 'em 11am 20th and/or AT&T :-) ***",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, headline bool) {
		doc := &dyad.Document{Text: s}
		Segment(doc, headline)
		checkDoc(t, doc)
		prev := 0
		for _, sp := range SplitSentences(s) {
			if sp[0] < prev || sp[0] >= sp[1] || sp[1] > len(s) {
				t.Fatalf("SplitSentences span %v out of order or range", sp)
			}
			prev = sp[1]
		}
		prev = 7
		for _, tk := range Tokenize(s, 7) {
			if tk.Start < prev || tk.Start >= tk.End || tk.End > len(s)+7 || tk.Text != s[tk.Start-7:tk.End-7] {
				t.Fatalf("Tokenize token %+v out of order or range", tk)
			}
			prev = tk.End
		}
		if d, ok := FindDateline(s); ok {
			if d.Start < 0 || d.Start >= d.End || d.End > len(s) || d.Place[0] < d.Start || d.Place[1] > d.End {
				t.Fatalf("dateline %+v out of range", d)
			}
		}
	})
}
