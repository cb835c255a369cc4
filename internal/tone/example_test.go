package tone_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/tone"
)

func Example() {
	l, err := tone.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &dyad.Document{Text: "Leaders praised the peace deal. Shelling killed two people."}
	text.Segment(doc, false)
	for i := range doc.Sentences {
		fmt.Printf("%.2f %s\n", l.Sentence(&doc.Sentences[i]), doc.Sentences[i].Text)
	}
	t := l.Document(doc)
	fmt.Printf("tone %.2f positive %.2f negative %.2f words %d\n", t.Tone, t.Positive, t.Negative, t.WordCount)
	// Output:
	// 0.77 Leaders praised the peace deal.
	// -0.67 Shelling killed two people.
	// tone 11.11 positive 22.22 negative 11.11 words 9
}
