package ner

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkRecognize labels testdata/news.txt (one sentence a line, words
// separated by spaces) with POS tags given, as in the pipeline after the
// tag stage, and reports tokens per second.
func BenchmarkRecognize(b *testing.B) {
	raw, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	r := loadR(b)
	type sent struct{ w, u, x []string }
	var sents []sent
	n := 0
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			u, x, _ := r.tagger.TagWords(f)
			sents = append(sents, sent{f, u, x})
			n += len(f)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			var doc docStats
			if r.useDoc { // as Annotate: the sentence is its document
				doc = newDocStats([][]string{s.w})
			}
			r.label(s.w, s.u, s.x, true, doc)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
