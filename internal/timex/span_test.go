package timex

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

// TestSpansAnnotated measures date resolution on testdata/dates.tsv: an
// expression counts as correct when the first span found has the
// annotated text and resolution.
func TestSpansAnnotated(t *testing.T) {
	f, err := os.Open("testdata/dates.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line, total, good := 0, 0, 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 5 {
			t.Fatalf("testdata/dates.tsv:%d: want 5 columns, got %d", line, len(c))
		}
		ref, err := time.Parse("2006-01-02", c[0])
		if err != nil {
			t.Fatalf("testdata/dates.tsv:%d: %v", line, err)
		}
		total++
		sp := Spans(text.Tokenize(c[2], 0), ref, c[1] == "y")
		if len(sp) == 0 {
			t.Errorf("testdata/dates.tsv:%d: %q: no expression, want %q %s", line, c[2], c[3], c[4])
			continue
		}
		if sp[0].Text != c[3] || sp[0].String() != c[4] {
			t.Errorf("testdata/dates.tsv:%d: %q: got %q %s, want %q %s", line, c[2], sp[0].Text, sp[0], c[3], c[4])
			continue
		}
		good++
	}
	if total < 40 {
		t.Errorf("only %d annotated expressions, want at least 40", total)
	}
	t.Logf("date resolution accuracy: %d/%d = %.3f", good, total, float64(good)/float64(total))
}

func TestSpansNone(t *testing.T) {
	ref := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"Russia may 5 times over", "No date here.", "He scored 2014 points.", "The last days of the war",
		"It took 3 to 5 years.",
	} {
		if sp := Spans(text.Tokenize(s, 0), ref, false); len(sp) != 0 {
			t.Errorf("%q: unexpected spans %v", s, sp)
		}
	}
}

func BenchmarkSpansAndMode(b *testing.B) {
	src, err := os.ReadFile("../tone/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := &dyad.Document{Text: string(src)}
	text.Segment(doc, true)
	ref := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	ntok := 0
	for i := range doc.Sentences {
		ntok += len(doc.Sentences[i].Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range doc.Sentences {
			s := &doc.Sentences[k]
			Spans(s.Tokens, ref, false)
			// one trigger per sentence, in its middle
			Mode(s, len(s.Tokens)/2, ref)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzSpans(f *testing.F) {
	for _, s := range []string{"from March 3 to 5", "between Monday and Wednesday", "3 years ago", "last March 2024 - 31"} {
		f.Add(s, int64(1741910400))
	}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		ref := time.Unix(sec%(1<<34), 0).UTC()
		toks := text.Tokenize(s, 0)
		for _, sp := range Spans(toks, ref, len(s)%2 == 0) {
			if sp.Start < 0 || sp.End > len(toks) || sp.Start >= sp.End || sp.To.Before(sp.From) {
				t.Fatalf("bad span %+v", sp)
			}
		}
		sent := dyad.Sentence{Tokens: toks}
		for i := -1; i <= len(toks); i++ {
			Mode(&sent, i, ref)
		}
	})
}
