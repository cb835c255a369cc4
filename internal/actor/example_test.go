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

func ExampleEntry_RoleAt() {
	d, err := actor.Parse("people.actors", strings.NewReader(`
person Vladimir Putin
  country RUS
  role RUSGOV 2000-05-07 2008-05-07 president
  role RUSGOV 2008-05-08 2012-05-07 prime minister
  role RUSGOV 2012-05-07 - president
`))
	if err != nil {
		panic(err)
	}
	p := d.Lookup(actor.KindPerson, "Vladimir Putin")
	for _, date := range []string{"1999-01-01", "2010-01-01", "2025-03-14"} {
		t, _ := time.Parse("2006-01-02", date)
		if r, ok := p.RoleAt(t); ok {
			fmt.Println(date, r.Code, r.Title)
		} else {
			fmt.Println(date, p.Country+"ELI")
		}
	}
	// Output:
	// 1999-01-01 RUSELI
	// 2010-01-01 RUSGOV prime minister
	// 2025-03-14 RUSGOV president
}

func ExampleDictionary_Find() {
	d, err := actor.Builtin()
	if err != nil {
		panic(err)
	}
	s := &dyad.Sentence{Text: "Former Kazakh President Nursultan Nazarbayev met NATO troops."}
	s.End = len(s.Text)
	s.Tokens = text.Tokenize(s.Text, 0)
	for _, m := range d.Find(s, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)) {
		fmt.Printf("%q %s %s/%s tokens %d-%d bytes %d-%d\n", m.Ref.Text, m.Ref.Code, m.Ref.Country, m.Ref.Sector, m.Start, m.End, m.Ref.Start, m.Ref.End)
	}
	// Output:
	// "Former Kazakh President Nursultan Nazarbayev" KAZELI KAZ/ELI tokens 0-5 bytes 0-44
	// "NATO troops" IGOWSTNATMIL /MIL tokens 6-8 bytes 49-60
}
