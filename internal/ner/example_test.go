package ner_test

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ner"
)

func ExampleRecognizer_Annotate() {
	r, err := ner.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Rebels attacked Aleppo on Monday , killing 12 people ."
	var s dyad.Sentence
	off := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[off:], w) + off
		s.Tokens = append(s.Tokens, dyad.Token{Text: w, Start: i, End: i + len(w)})
		off = i + len(w)
	}
	r.Annotate(&s)
	for _, e := range ner.Entities(&s) {
		fmt.Println(e.Type, text[e.ByteStart:e.ByteEnd])
	}
	// Output:
	// LOC Aleppo
	// DATE Monday
	// NUMBER 12
}

func ExampleSpans() {
	fmt.Println(ner.Spans([]string{"B-PER", "I-PER", "O", "B-LOC"}))
	// Output: [{PER 0 2 0 0} {LOC 3 4 0 0}]
}
