package prose

import (
	"os"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ner"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/text"
)

// newsText is a ~1,000-word news article written for dyad's tests.
func newsText(b *testing.B) string {
	raw, err := os.ReadFile("../../internal/text/testdata/border.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

func countTokens(txt string) int {
	doc := &dyad.Document{Text: txt}
	text.Segment(doc, true)
	n := 0
	for _, s := range doc.Sentences {
		n += len(s.Tokens)
	}
	return n
}

// BenchmarkDyad runs dyad's segmenter, tagger, parser and NER.
func BenchmarkDyad(b *testing.B) {
	txt := newsText(b)
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	ps, err := parse.Load()
	if err != nil {
		b.Fatal(err)
	}
	nr, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	stages := []struct {
		name string
		as   []dyad.Annotator
	}{
		{"segment", nil},
		{"segment+tag", []dyad.Annotator{tg}},
		{"segment+tag+parse", []dyad.Annotator{tg, ps}},
		{"segment+tag+ner", []dyad.Annotator{tg, nr}},
		{"segment+tag+parse+ner", []dyad.Annotator{tg, ps, nr}},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			tokens := 0
			for i := 0; i < b.N; i++ {
				doc := &dyad.Document{Text: txt}
				text.Segment(doc, true)
				for k := range doc.Sentences {
					s := &doc.Sentences[k]
					for _, a := range st.as {
						a.Annotate(s)
					}
					tokens += len(s.Tokens)
				}
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkProse runs prose's segmentation, tokenisation, tagging and NER
// (its defaults) on the same text.
func BenchmarkProse(b *testing.B) {
	txt := newsText(b)
	n := countTokens(txt)
	for _, cfg := range []struct {
		name string
		opts []prose.DocOpt
	}{
		{"tag", []prose.DocOpt{prose.WithExtraction(false)}},
		{"tag+ner", nil},
	} {
		b.Run(cfg.name, func(b *testing.B) {
			tokens := 0
			for i := 0; i < b.N; i++ {
				doc, err := prose.NewDocument(txt, cfg.opts...)
				if err != nil {
					b.Fatal(err)
				}
				tokens += len(doc.Tokens())
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "dyad-tokens/s")
		})
	}
}
