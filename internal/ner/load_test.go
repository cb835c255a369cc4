package ner

import (
	"testing"

	"github.com/dyad-events/dyad/internal/tag"
)

// BenchmarkLoad measures loading the embedded tagger, recogniser and
// gazetteer (the budget is 300 ms for all models).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadTagger measures loading the embedded tagger alone.
func BenchmarkLoadTagger(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := tag.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadWith measures loading the recogniser over an already loaded
// tagger (what the pipeline does).
func BenchmarkLoadWith(b *testing.B) {
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := LoadWith(tg); err != nil {
			b.Fatal(err)
		}
	}
}
