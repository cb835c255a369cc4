package tone

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/golden"
	"github.com/dyad-events/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

func load(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func sent(s string) *dyad.Sentence {
	doc := &dyad.Document{Text: s}
	text.Segment(doc, false)
	out := &dyad.Sentence{Text: s}
	for _, x := range doc.Sentences {
		out.Tokens = append(out.Tokens, x.Tokens...)
	}
	return out
}

func TestSentence(t *testing.T) {
	l := load(t)
	tests := []struct {
		s    string
		sign int
	}{
		{"The two leaders praised the agreement as a great success.", 1},
		{"Shelling killed twelve civilians and wounded dozens.", -1},
		{"The ministry said the talks were not successful.", -1},
		{"The ministers met in Geneva.", 0},
		{"Officials denied that the attack had failed to kill anyone.", -1},
		{"The United Nations welcomed the deal.", 1},
		{"The United Nations met in Geneva.", 0},
		{"There was no violence during the vote.", 1},
	}
	for _, tc := range tests {
		got := l.Sentence(sent(tc.s))
		if (tc.sign > 0 && got <= 0) || (tc.sign < 0 && got >= 0) || (tc.sign == 0 && got != 0) {
			t.Errorf("%q: tone %.3f, want sign %d", tc.s, got, tc.sign)
		}
	}
}

func TestIntensifiers(t *testing.T) {
	l := load(t)
	plain := l.Sentence(sent("The attack was bad."))
	very := l.Sentence(sent("The attack was very bad."))
	slightly := l.Sentence(sent("The attack was slightly bad."))
	if !(very < plain && plain < slightly && slightly < 0) {
		t.Errorf("want very (%.3f) < plain (%.3f) < slightly (%.3f) < 0", very, plain, slightly)
	}
}

func TestDocumentFields(t *testing.T) {
	l := load(t)
	doc := &dyad.Document{Text: "We welcome peace. They fear war and chaos."}
	text.Segment(doc, false)
	got := l.Document(doc)
	// 8 words; positive: welcome, peace; negative: fear, war, chaos; self: We.
	want := dyad.Tone{Tone: -12.5, Positive: 25, Negative: 37.5, Polarity: 62.5, SelfGroupDensity: 12.5, WordCount: 8}
	got.ActivityDensity = 0
	if got.Tone != want.Tone || got.Positive != want.Positive || got.Negative != want.Negative ||
		got.Polarity != want.Polarity || got.SelfGroupDensity != want.SelfGroupDensity || got.WordCount != want.WordCount {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if z := l.Document(&dyad.Document{}); z.WordCount != 0 || z.Tone != 0 {
		t.Errorf("empty document: %+v", z)
	}
}

func article(t testing.TB) *dyad.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := &dyad.Document{Text: string(b), Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
	text.Segment(doc, true)
	return doc
}

func TestGolden(t *testing.T) {
	l := load(t)
	doc := article(t)
	type sentTone struct {
		Sentence int     `json:"sentence"`
		Tone     float64 `json:"tone"`
		Text     string  `json:"text"`
	}
	var out struct {
		Document  dyad.Tone  `json:"document"`
		Sentences []sentTone `json:"sentences"`
	}
	out.Document = l.Document(doc)
	for i := range doc.Sentences {
		out.Sentences = append(out.Sentences, sentTone{i, l.Sentence(&doc.Sentences[i]), doc.Sentences[i].Text})
	}
	got, _ := json.MarshalIndent(out, "", "  ")
	got = append(got, '\n')
	golden.Check(t, filepath.Join("testdata", "article.golden.json"), got, *update, "./internal/tone")
}

func BenchmarkDocument(b *testing.B) {
	l := load(b)
	doc := article(b)
	ntok := 0
	for i := range doc.Sentences {
		ntok += len(doc.Sentences[i].Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Document(doc)
		for k := range doc.Sentences {
			l.Sentence(&doc.Sentences[k])
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
