package actor_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

func Example() {
	d, err := actor.Builtin()
	if err != nil {
		panic(err)
	}
	// A user file overrides built-in entries with the same KIND and KEY.
	user, err := actor.Parse("user.actors", strings.NewReader(`
country KGZ
  name Kyrgyzstan
  alias Kyrgyz Republic
  adj Kyrgyz
  capital Bishkek
`))
	if err != nil {
		panic(err)
	}
	d.Add(user)

	doc := &dyad.Document{Text: "Kyrgyz troops and Tajikistan's border guards exchanged fire, the Kremlin said."}
	text.Segment(doc, false)
	date := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, m := range d.Find(&doc.Sentences[0], date) {
		fmt.Printf("%s -> %s (%s)\n", m.Ref.Text, m.Ref.Code, m.Kind)
	}
	// Output:
	// Kyrgyz troops -> KGZMIL (country)
	// Tajikistan's border guards -> TJKMIL (country)
	// Kremlin -> RUSGOV (capital)
}

func ExampleParse() {
	d, err := actor.Parse("bad.actors", strings.NewReader("country RUS\n  name Russia\n  role RUSGOV 2000 - president\n"))
	fmt.Println(d == nil, err)
	// Output:
	// true bad.actors:3: attribute "role" not allowed in a country entry (allowed: name alias adj people capital gov inst)
}
