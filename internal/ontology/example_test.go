package ontology_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/ontology"
)

func Example() {
	o, err := ontology.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	e, _ := o.Event("042")
	fmt.Printf("%s %s: Goldstein %.1f, quad %d (GDELT %d), PLOVER %s/%s\n",
		e.Code, e.Name, e.Goldstein, e.QuadClass, e.GDELTQuadClass, e.PLOVER, e.Mode)

	c, _ := o.Country("ROM")
	fmt.Printf("%s: ISO %s/%s, CAMEO %s, FIPS %s, region %s\n", c.Name, c.ISO2, c.ISO3, c.CAMEO, c.FIPS, c.Region)

	s, _ := o.Sector("MIL")
	fmt.Printf("%s = %s (primary %v)\n", s.Code, s.Name, s.Primary)

	fmt.Println(o.PLOVERName("FIGHT"), len(o.PLOVERTypes()), len(o.EventCodes()))
	// Output:
	// 042 Make a visit: Goldstein 1.9, quad 1 (GDELT 1), PLOVER CONSULT/visit
	// Romania: ISO RO/ROU, CAMEO ROM, FIPS RO, region EEU
	// MIL = Military (primary true)
	// ASSAULT 16 311
}

func ExampleOntology_CountryByFIPS() {
	o, _ := ontology.Load()
	for _, f := range []string{"GM", "AU", "AS", "NI", "NG"} {
		c, _ := o.CountryByFIPS(f)
		fmt.Println(f, "=", c.ISO3, c.Name)
	}
	// Output:
	// GM = DEU Germany
	// AU = AUT Austria
	// AS = AUS Australia
	// NI = NGA Nigeria
	// NG = NER Niger
}

func ExampleOntology_PLOVERType() {
	o, _ := ontology.Load()
	t, _ := o.PLOVERType("DEMAND") // legacy name
	fmt.Println(t.Name, t.QuadClass, t.Modes)
	// Output:
	// REQUEST 3 [assist change yield meet]
}
