package headline_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/headline"
	"github.com/dyad-events/dyad/internal/text"
)

func ExampleCheck() {
	body := "Kyrgyzstan's foreign minister said on Friday that the presence of foreign troops " +
		"in the country was \"a matter for discussion\"."
	for _, head := range []string{
		"Kyrgyz minister says foreign troop presence a matter for discussion",
		"Kyrgyz minister demands immediate withdrawal of foreign troops",
	} {
		doc := &dyad.Document{Text: head + "\n" + body}
		text.Segment(doc, true)
		h := headline.Check(doc, nil)
		fmt.Printf("%v %.2f %s\n", h.Supported, h.Claims[0].Score, h.Text)
	}
	// Output:
	// true 0.86 Kyrgyz minister says foreign troop presence a matter for discussion
	// false 0.53 Kyrgyz minister demands immediate withdrawal of foreign troops
}
