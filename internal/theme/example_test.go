package theme_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/theme"
)

func Example() {
	l, err := theme.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &dyad.Document{Text: "Troops shell border town\nArtillery shelled the town near the border. " +
		"The foreign minister called for talks."}
	text.Segment(doc, true)
	for i := range doc.Sentences {
		fmt.Println(l.Sentence(&doc.Sentences[i]))
	}
	fmt.Println(l.Document(doc))
	// Output:
	// [military resource]
	// [military resource]
	// [diplomatic]
	// [military resource diplomatic]
}
