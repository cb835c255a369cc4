package quote_test

import (
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/quote"
	"github.com/dyad-events/dyad/internal/text"
)

func ExampleFind() {
	d, err := actor.Builtin()
	if err != nil {
		fmt.Println(err)
		return
	}
	pub := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	doc := &dyad.Document{Published: pub, Text: "Kremlin rejects plan\n" +
		"Kremlin spokesman Dmitry Peskov said the plan was unacceptable. " +
		"\"It is not a basis for talks,\" he told reporters."}
	text.Segment(doc, true)
	ms := make([][]actor.Mention, len(doc.Sentences))
	for i := range doc.Sentences {
		ms[i] = d.Find(&doc.Sentences[i], pub)
	}
	for _, q := range quote.Find(doc, ms) {
		fmt.Printf("direct=%v %q: %s (%s) %s\n", q.Direct, q.Speaker.Text, q.Speaker.Name, q.Speaker.Code, q.Text)
	}
	// Output:
	// direct=false "Kremlin spokesman Dmitry Peskov": Dmitry Peskov (RUSGOV) the plan was unacceptable
	// direct=true "he": Dmitry Peskov (RUSGOV) It is not a basis for talks,
}
