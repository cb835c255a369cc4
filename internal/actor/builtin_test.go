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
			// Every 3-letter part must be a sector (GOVMED = GOV + MED);
			// REL (religious) is a CAMEO type the ontology's list lacks.
			for k := 0; k < len(e.Key); k += 3 {
				part := e.Key[k:min(k+3, len(e.Key))]
				if _, ok := o.Sector(part); !ok && part != "REL" {
					t.Errorf("%s:%d: agent %s: %s is not a CAMEO sector", e.File, e.Line, e.Key, part)
				}
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

func TestBuiltinFind(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"NATO troops arrived.", "NATO troops=IGOWSTNATMIL"},
		{"The UN Security Council met.", "UN Security Council=IGOUNO"},
		{"EU foreign ministers met.", "EU foreign ministers=IGOEUREECGOV"},
		{"UN peacekeepers withdrew.", "UN peacekeepers=IGOUNOMIL"},
		{"the European Parliament voted.", "European Parliament=IGOEUREECLEG"},
		{"Hamas militants fired rockets.", "Hamas militants=PSEREBHMS"},
		{"Reuters reported.", "Reuters=GBRMEDRTR"},
		{"the Taliban said.", "Taliban=AFGINSTAL"},
		{"U.S. Secretary of State said.", "U.S. Secretary of State=USAGOV"},
		{"Britain and the UK and Great Britain.", "Britain=GBR UK=GBR Great Britain=GBR"},
		{"Pyongyang warned Seoul.", "Pyongyang=PRKGOV Seoul=KORGOV"},
		{"the DPRK and the ROK.", "DPRK=PRK ROK=KOR"},
		{"Downing Street and the Elysee and the Élysée.", "Downing Street=GBRGOV Elysee=FRAGOV Élysée=FRAGOV"},
		{"Zhongnanhai said.", "Zhongnanhai=CHNGOV"},
		{"Romanian police.", "Romanian police=ROMCOP"},
		{"Congolese soldiers.", "Congolese soldiers=CODMIL"},
		{"Kosovo police.", "Kosovo police=KSVCOP"},
		{"Latin America and Central America.", "Latin America=LAM Central America=LAM"},
		{"Western diplomats said.", "Western diplomats=WSTGOV"},
		{"Amnesty International said.", "Amnesty International=NGOHRIAMN"},
		{"the Red Cross said.", "Red Cross=NGOHLHIRC"},
		{"Islamic State fighters.", "Islamic State fighters=IMGMOSISI"},
		{"Houthi rebels.", "Houthi rebels=YEMREBHTH"},
		{"protesters and riot police.", "protesters=CVL riot police=COP"},
		{"opposition lawmakers.", "opposition lawmakers=OPP"},
		{"Iran's state news agency said.", "Iran's state news agency=IRNGOVMED"},
		{"Niger's military leaders.", "Niger's military leaders=NERMIL"},
		{"aid workers and his Iranian counterpart.", "aid workers=NGO Iranian counterpart=IRNGOV"},
		{"RUSSIA WARNS KYRGYZ TROOPS OVER UN VOTE", "RUSSIA=RUS KYRGYZ TROOPS=KGZMIL UN=IGOUNO"},
		{"Russia Warns Us Over Turkey Vote", "Russia=RUS Turkey=TUR"},
		{"former president Nazarbayev said.", "former president Nazarbayev=KAZELI"},
		{"ex-president Nazarbayev said.", "ex-president Nazarbayev=KAZELI"},
		{"settlers in the West Bank and the West.", "settlers=SET West Bank=PSE the West=WST"},
		{"Cairo's security chief said.", "Cairo's security chief=EGYCOP"},
		{"Guinea-Bissau and Guinea.", "Guinea-Bissau=GNB Guinea=GIN"},
	}
	for _, tc := range tests {
		if g := mentionCodes(d, tc.text, "2025-03-14"); g != tc.want {
			t.Errorf("Find(%q)\n got %s\nwant %s", tc.text, g, tc.want)
		}
	}
}

// TestBuiltinPeopleShadowNoName checks that no person name in the built-in
// people file equals a country, igo or org name (people load last, so such
// a name would silently stop coding the country).
func TestBuiltinPeopleShadowNoName(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range d.Entries() {
		if e.Kind == KindPerson || e.Kind == KindAgent {
			continue
		}
		all := append(append(append(append([]string{e.Name}, e.Aliases...), e.Adjs...), e.Capitals...), e.People...)
		for _, in := range e.Insts {
			all = append(all, in.Name)
		}
		for _, n := range all {
			names[patternKey(n, false)] = e.Kind + " " + e.Key
		}
	}
	for _, e := range d.Entries() {
		if e.Kind != KindPerson {
			continue
		}
		for _, n := range append([]string{e.Key}, e.Aliases...) {
			if o, ok := names[patternKey(n, false)]; ok {
				t.Errorf("%s:%d: person %q name %q shadows %s", e.File, e.Line, e.Key, n, o)
			}
		}
	}
}
