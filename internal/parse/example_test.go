package parse_test

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/parse"
)

func ExampleParser_ParseWords() {
	p, err := parse.Load()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("She reads books .")
	upos := strings.Fields("PRON VERB NOUN PUNCT")
	xpos := strings.Fields("PRP VBZ NNS .")
	heads, deps := p.ParseWords(words, upos, xpos)
	for i, w := range words {
		fmt.Println(w, heads[i], deps[i])
	}
	// Output:
	// She 1 nsubj
	// reads -1 root
	// books 1 obj
	// . 1 punct
}

func ExampleParser_Annotate() {
	p, err := parse.Load()
	if err != nil {
		panic(err)
	}
	s := &dyad.Sentence{Tokens: []dyad.Token{
		{Text: "Rebels", UPOS: "NOUN", XPOS: "NNS"},
		{Text: "attacked", UPOS: "VERB", XPOS: "VBD"},
		{Text: "the", UPOS: "DET", XPOS: "DT"},
		{Text: "base", UPOS: "NOUN", XPOS: "NN"},
	}}
	p.Annotate(s)
	for _, t := range s.Tokens {
		fmt.Println(t.Text, t.Head, t.Dep)
	}
	// Output:
	// Rebels 1 nsubj
	// attacked -1 root
	// the 3 det
	// base 1 obj
}
