package timex_test

import (
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/timex"
)

func ExampleFind() {
	doc := &dyad.Document{Text: "Putin arrived in Bishkek on Tuesday for talks."}
	text.Segment(doc, false)
	published := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC) // a Friday
	if e, ok := timex.Find(doc.Sentences[0].Tokens, published, false); ok {
		fmt.Println(e.Text, e.Date.Format("2006-01-02"))
	}
	// Output: Tuesday 2025-03-11
}
