package actor

import (
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/ontology"
)

// unMembers lists the 193 UN member states, the two observer states and
// the main territories, by CAMEO code, written independently of
// data/countries.actors.
const unMembers = `
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROM RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TMP TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
VAT PSE
KSV TWN ESH HKG MAC PRI GRL
`

func TestBuiltinCountries(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	codes := strings.Fields(unMembers)
	if len(codes) != 193+2+7 {
		t.Fatalf("test list has %d codes", len(codes))
	}
	for _, c := range codes {
		e := d.Lookup(KindCountry, c)
		if e == nil {
			t.Errorf("country %s missing", c)
			continue
		}
		if e.Name == "" {
			t.Errorf("country %s has no name", c)
		}
	}
}

func TestBuiltinCodesKnownToOntology(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	o, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entries() {
		switch e.Kind {
		case KindCountry:
			c, ok := o.Country(e.Key)
			_, isRegion := o.Region(e.Key)
			if !isRegion && (!ok || c.CAMEO != e.Key) {
				t.Errorf("%s:%d: %s is neither a CAMEO country code nor a region", e.File, e.Line, e.Key)
			}
		case KindAgent:
			// REL (religious) is a CAMEO type the ontology's sector list lacks.
			if _, ok := o.Sector(e.Key); !ok && e.Key != "REL" {
				t.Errorf("%s:%d: agent %s is not a CAMEO sector", e.File, e.Line, e.Key)
			}
		}
	}
}

// TestBuiltinNoClash checks that no name of one built-in entry is silently
// shadowed by a name of another (outside people.actors, where shared
// surnames are expected).
func TestBuiltinNoClash(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	var clashes []string
	for _, e := range d.Entries() {
		if e.Kind == KindPerson {
			continue
		}
		names := append(append([]string{e.Name}, e.Aliases...), e.Capitals...)
		for _, in := range e.Insts {
			names = append(names, in.Name)
		}
		seen := map[string]bool{}
		for _, n := range names {
			k := patternKey(n, false)
			if n == "" || seen[k] {
				continue
			}
			seen[k] = true
			if o, ok := owner[k]; ok {
				clashes = append(clashes, n+": "+o+" and "+e.Kind+" "+e.Key)
			}
			owner[k] = e.Kind + " " + e.Key
		}
	}
	sort.Strings(clashes)
	for _, c := range clashes {
		t.Errorf("name clash %s", c)
	}
}
