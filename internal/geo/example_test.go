package geo_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/geo"
)

func Example() {
	g, err := geo.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	r := geo.NewResolver(g)
	doc := geo.SimpleSegment("ex", "Immanuel Kant is still read in Zürich. Russia keeps an air base in Kant, Kyrgyzstan. Moscow said the base stays.")
	for _, p := range r.Resolve(doc) {
		fmt.Printf("%s -> %s (%s) precision %d literal %v\n", p.Text, p.Name, p.CountryCode, p.Precision, p.Literal)
	}
	// Output:
	// Zürich -> Zürich (CH) precision 4 literal true
	// Russia -> Russia (RU) precision 1 literal true
	// Kant -> Kant (KG) precision 4 literal true
	// Kyrgyzstan -> Kyrgyzstan (KG) precision 1 literal true
	// Moscow -> Moscow (RU) precision 4 literal false
}

func ExampleGazetteer_Lookup() {
	g, err := geo.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range g.Lookup("Georgia")[:2] {
		fmt.Println(c.Name, c.Country, c.GeonameID, c.Precision())
	}
	// Output:
	// Georgia GE 614540 1
	// Georgia US 4197000 2
}
