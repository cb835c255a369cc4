package tag_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/tag"
)

func ExampleTagger_TagWords() {
	t, err := tag.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	upos, xpos, lemma := t.TagWords([]string{"Protesters", "were", "arrested", "."})
	for i := range upos {
		fmt.Println(upos[i], xpos[i], lemma[i])
	}
	// Output:
	// NOUN NNS protester
	// AUX VBD be
	// VERB VBN arrest
	// PUNCT . .
}

func ExampleTagger_Annotate() {
	t, err := tag.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := dyad.Sentence{Tokens: []dyad.Token{{Text: "Talks"}, {Text: "resumed"}, {Text: "."}}}
	t.Annotate(&s)
	for _, tk := range s.Tokens {
		fmt.Println(tk.Text, tk.UPOS, tk.Lemma)
	}
	// Output:
	// Talks NOUN talk
	// resumed VERB resume
	// . PUNCT .
}

func ExampleLemmatizer_Lemma() {
	t, err := tag.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	l := t.Lemmatizer()
	fmt.Println(l.Lemma("went", "VERB", "VBD"), l.Lemma("children", "NOUN", "NNS"), l.Lemma("Kurds", "PROPN", "NNPS"))
	// Output: go child Kurd
}
