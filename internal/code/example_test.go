package code_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/code"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/text"
)

// A coder with one pattern of its own, on a sentence without tags or parse:
// the subject is the actor to the left, the target the pattern's + slot.
func ExampleCoder_Code() {
	ont, _ := ontology.Load()
	dict, _ := actor.Builtin()
	pats, err := code.ParsePatterns("mine.txt", strings.NewReader("0874 withdraw * troop from +\n"), nil)
	if err != nil {
		panic(err)
	}
	c := code.New(ont, pats)
	doc := &dyad.Document{Text: "Russia withdrew its troops from Syria.", Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
	text.Segment(doc, false)
	s := &doc.Sentences[0]
	for _, e := range c.Code(code.Input{Doc: doc, Sentence: s, Mentions: dict.Find(s, doc.Published), Date: doc.Published}) {
		fmt.Println(e.Actor[0].Code, e.CAMEO.Code, e.CAMEO.Name, e.Recipient[0].Code, e.Evidence.Rule)
	}
	// Output:
	// RUS 0874 Retreat or surrender militarily SYR mine.txt:1 withdraw * troop from + (order)
}
