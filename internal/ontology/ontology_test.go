package ontology

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// sharedDir is where the read-only project data lives relative to this
// package; DYAD_SHARED_DATA overrides it.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not found at %s (set DYAD_SHARED_DATA): %v", dir, err)
	}
	return dir
}

func mustLoad(t testing.TB) *Ontology {
	t.Helper()
	o, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestEvent(t *testing.T) {
	o := mustLoad(t)
	tests := []struct {
		code      string
		name      string
		goldstein float64
		quad      int
		gdelt     int
		plover    string
		mode      string
		contexts  []string
		source    string
	}{
		{"042", "Make a visit", 1.9, 1, 1, "CONSULT", "visit", nil, "table"},
		{"043", "Host a visit", 2.8, 1, 1, "CONSULT", "visit", nil, "table"},
		{"0874", "Retreat or surrender militarily", 10, 2, 2, "RETREAT", "disarm", []string{"military"}, "table"},
		{"0871", "Declare truce, ceasefire", 9, 2, 2, "RETREAT", "ceasefire", []string{"military"}, "table"},
		{"190", "Use conventional military force, not specified below", -10, 4, 4, "ASSAULT", "", []string{"military"}, "table"},
		{"19", "FIGHT", -10, 4, 4, "ASSAULT", "", nil, "root"},
		{"057", "Sign formal agreement", 8, 1, 1, "SUPPORT", "", []string{"diplomatic"}, "table"},
		{"05", "ENGAGE IN DIPLOMATIC COOPERATION", 3.5, 1, 1, "SUPPORT", "", nil, "root"},
		{"091", "Investigate crime, corruption", -2, 3, 2, "ACCUSE", "investigate", []string{"crime", "corruption"}, "table"},
		{"1412", "Demonstrate for policy change", -6.5, 4, 3, "PROTEST", "demo", []string{"executive"}, "table"},
		{"145", "Protest violently, riot", -7.5, 4, 3, "PROTEST", "riot", nil, "table"},
		{"163", "Impose embargo, boycott, or sanctions", -8, 4, 4, "COERCE", "restrict", []string{"diplomatic"}, "table"},
		{"173", "Arrest, detain, or charge with legal action", -5, 4, 4, "COERCE", "arrest", []string{"legal"}, "table"},
		{"175", "Use tactics of violent repression", -9, 4, 4, "ASSAULT", "", []string{"pro_autocracy", "military"}, "table"},
		{"085", "Ease economic sanctions, boycott, embargo", 7, 2, 2, "RETREAT", "", []string{"economic"}, "table"},
		{"0234", "Appeal for military protection or peacekeeping", 3.4, 1, 1, "REQUEST", "assist", []string{"peacekeeping"}, "mirror:1034"},
		{"02", "APPEAL", 3, 1, 1, "REQUEST", "", nil, "mirror:root"},
		{"016", "Deny responsibility", -2, 1, 1, "", "", nil, "dropped"},
		{"2042", "Detonate nuclear weapons", -10, 4, 4, "ASSAULT", "unconventional", []string{"cbrn"}, "table"},
		{" 042 ", "Make a visit", 1.9, 1, 1, "CONSULT", "visit", nil, "table"},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSpace(tt.code), func(t *testing.T) {
			e, ok := o.Event(tt.code)
			if !ok {
				t.Fatalf("Event(%q) not found", tt.code)
			}
			got := []any{e.Name, e.Goldstein, e.QuadClass, e.GDELTQuadClass, e.PLOVER, e.Mode, e.Contexts, e.PLOVERSource}
			want := []any{tt.name, tt.goldstein, tt.quad, tt.gdelt, tt.plover, tt.mode, tt.contexts, tt.source}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Event(%q) = %v, want %v", tt.code, got, want)
			}
			if e.Root != strings.TrimSpace(tt.code)[:2] {
				t.Errorf("Root = %q", e.Root)
			}
		})
	}
	for _, bad := range []string{"", "0", "999", "0425", "abc"} {
		if _, ok := o.Event(bad); ok {
			t.Errorf("Event(%q) found, want not found", bad)
		}
	}
}

func TestEventCodesComplete(t *testing.T) {
	o := mustLoad(t)
	codes := o.EventCodes()
	if len(codes) != 311 {
		t.Fatalf("got %d codes, want 311", len(codes))
	}
	roots, dropped := 0, 0
	for i, e := range codes {
		if i > 0 && codes[i-1].Code >= e.Code {
			t.Errorf("not sorted at %s", e.Code)
		}
		if len(e.Code) == 2 {
			roots++
		}
		n, _ := strconv.Atoi(e.Root)
		wantQuad, wantGDELT := 4, 4
		switch {
		case n <= 5:
			wantQuad, wantGDELT = 1, 1
		case n <= 8:
			wantQuad, wantGDELT = 2, 2
		case n == 9:
			wantQuad, wantGDELT = 3, 2
		case n <= 13:
			wantQuad, wantGDELT = 3, 3
		case n == 14:
			wantQuad, wantGDELT = 4, 3
		}
		if e.QuadClass != wantQuad || e.GDELTQuadClass != wantGDELT {
			t.Errorf("%s: quad %d/%d, want %d/%d", e.Code, e.QuadClass, e.GDELTQuadClass, wantQuad, wantGDELT)
		}
		// Every code outside CAMEO 01 has a current PLOVER type whose
		// quad class is defined; 01 codes are dropped by PLOVER.
		if e.Root == "01" {
			dropped++
			if e.PLOVER != "" || e.PLOVERSource != "dropped" {
				t.Errorf("%s: PLOVER %q source %q, want dropped", e.Code, e.PLOVER, e.PLOVERSource)
			}
			continue
		}
		pt, ok := o.PLOVERType(e.PLOVER)
		if !ok || pt.Name != e.PLOVER {
			t.Errorf("%s: PLOVER type %q is not a current type", e.Code, e.PLOVER)
		}
		if e.Mode != "" && !o.ValidMode(e.PLOVER, e.Mode) {
			t.Errorf("%s: mode %q not valid for %s", e.Code, e.Mode, e.PLOVER)
		}
		for _, c := range e.Contexts {
			if _, ok := o.Context(c); !ok {
				t.Errorf("%s: unknown context %q", e.Code, c)
			}
		}
	}
	if roots != 20 || dropped != 11 {
		t.Errorf("roots=%d dropped=%d, want 20 and 11", roots, dropped)
	}
	// The returned slice is a copy.
	codes[0].Name = "changed"
	if e, _ := o.Event(codes[0].Code); e.Name == "changed" {
		t.Error("EventCodes exposes internal state")
	}
}

func TestCAMEOContract(t *testing.T) {
	o := mustLoad(t)
	e, _ := o.Event("173")
	c := e.CAMEO()
	if c.Code != "173" || c.QuadClass != 4 || c.Goldstein != -5 || c.Name != e.Name {
		t.Errorf("CAMEO() = %+v", c)
	}
}

func TestPLOVER(t *testing.T) {
	o := mustLoad(t)
	types := o.PLOVERTypes()
	wantNames := []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	wantQuad := []int{1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4}
	wantScore := []float64{4.2, 2.1, 4.6, 5.0, 6.8, 7.4, 7.6, -5.0, -2.0, -4.2, -5.1, -6.6, -5.2, -5.3, -7.2, -9.3}
	if len(types) != len(wantNames) {
		t.Fatalf("%d types, want 16", len(types))
	}
	for i, pt := range types {
		if pt.Name != wantNames[i] || pt.QuadClass != wantQuad[i] || pt.Score != wantScore[i] || pt.Description == "" {
			t.Errorf("type %d = %s quad %d, want %s quad %d", i, pt.Name, pt.QuadClass, wantNames[i], wantQuad[i])
		}
	}
	names := []struct{ in, want string }{
		{"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"INVESTIGATE", "ACCUSE"}, {"FIGHT", "ASSAULT"},
		{"fight", "ASSAULT"}, {"ASSAULT", "ASSAULT"}, {" consult ", "CONSULT"}, {"CRIME", "CRIME"},
	}
	for _, n := range names {
		if got := o.PLOVERName(n.in); got != n.want {
			t.Errorf("PLOVERName(%q) = %q, want %q", n.in, got, n.want)
		}
	}
	modes := []struct {
		typ, mode string
		ok        bool
	}{
		{"CONSULT", "visit", true}, {"CONSULT", "phone", true}, {"ASSAULT", "firearms", true},
		{"FIGHT", "heavy-weapons", true}, {"DEMAND", "meet", true}, {"AGREE", "visit", false},
		{"COERCE", "seize", false}, {"NOPE", "visit", false},
	}
	for _, m := range modes {
		if got := o.ValidMode(m.typ, m.mode); got != m.ok {
			t.Errorf("ValidMode(%s, %s) = %v", m.typ, m.mode, got)
		}
	}
	ctx := o.Contexts()
	for _, want := range []string{"military", "economic", "legal", "historical", "future", "hypothetical", "negation"} {
		found := false
		for _, c := range ctx {
			found = found || c == want
		}
		if !found {
			t.Errorf("context %q missing", want)
		}
	}
	if c, ok := o.Context("negation"); !ok || c.Kind != "special" {
		t.Errorf("Context(negation) = %+v %v", c, ok)
	}
	// Mutating a returned type must not change the ontology.
	types[1].Modes[0] = "changed"
	if pt, _ := o.PLOVERType("CONSULT"); pt.Modes[0] != "visit" {
		t.Error("PLOVERTypes exposes internal state")
	}
}

func TestSectors(t *testing.T) {
	o := mustLoad(t)
	tests := []struct {
		code          string
		primary       bool
		international bool
	}{
		{"GOV", true, false}, {"MIL", true, false}, {"REB", true, false}, {"OPP", true, false},
		{"PTY", true, false}, {"COP", true, false}, {"JUD", true, false}, {"SPY", true, false},
		{"UAF", true, false}, {"INS", true, false}, {"SEP", true, false},
		{"IGO", true, true}, {"NGO", true, true}, {"NGM", true, true}, {"MNC", true, true},
		{"LEG", false, false}, {"BUS", false, false}, {"MED", false, false}, {"CVL", false, false},
		{"EDU", false, false}, {"ELI", false, false}, {"HLH", false, false}, {"LAB", false, false},
		{"REF", false, false}, {"CRM", false, false}, {"AGR", false, false}, {"ENV", false, false},
		{"HRI", false, false}, {"RAD", false, false}, {"MOD", false, false}, {"gov", true, false},
	}
	for _, tt := range tests {
		s, ok := o.Sector(tt.code)
		if !ok {
			t.Errorf("Sector(%q) not found", tt.code)
			continue
		}
		if s.Primary != tt.primary || s.International != tt.international || s.Name == "" || s.Description == "" {
			t.Errorf("Sector(%q) = %+v", tt.code, s)
		}
	}
	if _, ok := o.Sector("XYZ"); ok {
		t.Error("Sector(XYZ) found")
	}
}

func TestCountries(t *testing.T) {
	o := mustLoad(t)
	tests := []struct {
		lookup, by string
		want       Country
	}{
		{"KGZ", "code", Country{ISO2: "KG", ISO3: "KGZ", CAMEO: "KGZ", FIPS: "KG", Name: "Kyrgyzstan", Region: "CAS"}},
		{"RUS", "code", Country{ISO2: "RU", ISO3: "RUS", CAMEO: "RUS", FIPS: "RS", Name: "Russia", Region: "EEU"}},
		{"ROM", "code", Country{ISO2: "RO", ISO3: "ROU", CAMEO: "ROM", FIPS: "RO", Name: "Romania", Region: "EEU"}},
		{"ROU", "code", Country{ISO2: "RO", ISO3: "ROU", CAMEO: "ROM", FIPS: "RO", Name: "Romania", Region: "EEU"}},
		{"TMP", "code", Country{ISO2: "TL", ISO3: "TLS", CAMEO: "TMP", FIPS: "TT", Name: "Timor-Leste", Region: "SEA"}},
		{"KSV", "code", Country{ISO2: "XK", ISO3: "XKX", CAMEO: "KSV", FIPS: "KV", Name: "Kosovo", Region: "BLK"}},
		{"XKX", "code", Country{ISO2: "XK", ISO3: "XKX", CAMEO: "KSV", FIPS: "KV", Name: "Kosovo", Region: "BLK"}},
		{"COD", "code", Country{ISO2: "CD", ISO3: "COD", CAMEO: "COD", FIPS: "CG", Name: "Democratic Republic of the Congo", Region: "CFR"}},
		{"CG", "iso2", Country{ISO2: "CG", ISO3: "COG", CAMEO: "COG", FIPS: "CF", Name: "Republic of the Congo", Region: "CFR"}},
		{"SRB", "code", Country{ISO2: "RS", ISO3: "SRB", CAMEO: "SRB", FIPS: "RI", Name: "Serbia", Region: "BLK"}},
		{"de", "iso2", Country{ISO2: "DE", ISO3: "DEU", CAMEO: "DEU", FIPS: "GM", Name: "Germany", Region: "EUR"}},
		{"GM", "fips", Country{ISO2: "DE", ISO3: "DEU", CAMEO: "DEU", FIPS: "GM", Name: "Germany", Region: "EUR"}},
		{"GA", "fips", Country{ISO2: "GM", ISO3: "GMB", CAMEO: "GMB", FIPS: "GA", Name: "Gambia", Region: "WAF"}},
		{"AS", "fips", Country{ISO2: "AU", ISO3: "AUS", CAMEO: "AUS", FIPS: "AS", Name: "Australia", Region: "OCE"}},
		{"UK", "fips", Country{ISO2: "GB", ISO3: "GBR", CAMEO: "GBR", FIPS: "UK", Name: "United Kingdom", Region: "EUR"}},
		{"US", "iso2", Country{ISO2: "US", ISO3: "USA", CAMEO: "USA", FIPS: "US", Name: "United States", Region: "NMR"}},
	}
	for _, tt := range tests {
		var got Country
		var ok bool
		switch tt.by {
		case "code":
			got, ok = o.Country(tt.lookup)
		case "iso2":
			got, ok = o.CountryByISO2(tt.lookup)
		case "fips":
			got, ok = o.CountryByFIPS(tt.lookup)
		}
		got.FIPSAll = nil
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q = %+v %v, want %+v", tt.by, tt.lookup, got, ok, tt.want)
		}
		// Round trip through every code of the entry.
		if ok {
			a, _ := o.CountryByISO2(got.ISO2)
			b, _ := o.Country(got.ISO3)
			c, _ := o.Country(got.CAMEO)
			d, _ := o.CountryByFIPS(got.FIPS)
			for _, x := range []Country{a, b, c, d} {
				if x.ISO3 != got.ISO3 {
					t.Errorf("round trip of %s reached %s", got.ISO3, x.ISO3)
				}
			}
		}
	}
	if p, ok := o.CountryByFIPS("GZ"); !ok || p.ISO3 != "PSE" || p.FIPS != "WE" {
		t.Errorf("FIPS GZ = %+v", p)
	}
	for _, bad := range []string{"", "ZZZ", "NAM2"} {
		if _, ok := o.Country(bad); ok {
			t.Errorf("Country(%q) found", bad)
		}
	}
	all := o.Countries()
	if len(all) != 250 {
		t.Errorf("%d countries, want 249 ISO 3166-1 entries + Kosovo", len(all))
	}
	for i, c := range all {
		if i > 0 && all[i-1].ISO3 >= c.ISO3 {
			t.Errorf("not sorted at %s", c.ISO3)
		}
		if c.Name == "" {
			t.Errorf("%s has no name", c.ISO3)
		}
		if c.Region != "" {
			if _, ok := o.Region(c.Region); !ok {
				t.Errorf("%s: region %q unknown", c.ISO3, c.Region)
			}
		}
	}
	if r, ok := o.Region("nmr"); !ok || r.Name != "North America" {
		t.Errorf("Region(nmr) = %+v", r)
	}
}

// TestAgainstCAMEOEventCodes checks every code of the shared CAMEO table is
// present with the same name and Goldstein value.
func TestAgainstCAMEOEventCodes(t *testing.T) {
	path := filepath.Join(sharedDir(t), "cameo", "cameo-eventcodes.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	defer f.Close()
	o := mustLoad(t)
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue
		}
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 3 {
			continue
		}
		n++
		g, err := strconv.ParseFloat(p[2], 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		e, ok := o.Event(p[0])
		if !ok {
			t.Errorf("%s:%d: code %s missing", path, line, p[0])
			continue
		}
		if e.Goldstein != g || e.Name != p[1] {
			t.Errorf("%s:%d: %s = %q %v, want %q %v", path, line, p[0], e.Name, e.Goldstein, p[1], g)
		}
	}
	if n != 311 {
		t.Errorf("read %d codes from %s, want 311", n, path)
	}
}

// gdeltRows calls fn for each row of the GDELT 2.0 events sample.
func gdeltRows(t *testing.T, fn func(col map[string]int, r []string)) {
	path := filepath.Join(sharedDir(t), "gdelt-sample", "events2_sample_20170501-0701.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	head, err := cr.Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for {
		r, err := cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		fn(col, r)
	}
}

// TestGDELTQuadClassMatchesSample checks GDELTQuadClass against the
// QuadClass GDELT itself assigned in the events sample.
func TestGDELTQuadClassMatchesSample(t *testing.T) {
	o := mustLoad(t)
	rows, bad := 0, 0
	gdeltRows(t, func(col map[string]int, r []string) {
		rows++
		e, ok := o.Event(r[col["EventCode"]])
		if !ok {
			t.Errorf("GDELT event code %q unknown", r[col["EventCode"]])
			return
		}
		if strconv.Itoa(e.GDELTQuadClass) != r[col["QuadClass"]] {
			bad++
			if bad < 5 {
				t.Errorf("%s: GDELTQuadClass %d, GDELT says %s", e.Code, e.GDELTQuadClass, r[col["QuadClass"]])
			}
		}
	})
	t.Logf("%d GDELT rows, %d quad-class disagreements", rows, bad)
}

// TestFIPSMatchesGDELTCountryNames checks the FIPS codes against GDELT's
// country-level locations (Geo_Type 1), whose full name is the country name
// and whose country code is FIPS 10-4. GDELT spells a few names differently;
// those are mapped by ISO-3.
func TestFIPSMatchesGDELTCountryNames(t *testing.T) {
	o := mustLoad(t)
	gdeltNames := map[string]string{
		"Bahamas, The": "BHS", "Bosnia-Herzegovina": "BIH", "Congo": "COG", "Macedonia": "MKD",
		"Turkey": "TUR", "Vietnam, Republic Of": "VNM", "Virgin Islands": "VIR",
	}
	seen := map[string]bool{}
	gdeltRows(t, func(col map[string]int, r []string) {
		for _, a := range []string{"Actor1", "Actor2", "Action"} {
			name, fips := r[col[a+"Geo_FullName"]], r[col[a+"Geo_CountryCode"]]
			if r[col[a+"Geo_Type"]] != "1" || name == "" || seen[name+"|"+fips] {
				continue
			}
			seen[name+"|"+fips] = true
			c, ok := o.CountryByFIPS(fips)
			if !ok {
				t.Errorf("GDELT FIPS %s (%s) unknown", fips, name)
				continue
			}
			if c.Name != name && gdeltNames[name] != c.ISO3 {
				t.Errorf("GDELT FIPS %s is %q, ontology says %s %q", fips, name, c.ISO3, c.Name)
			}
		}
	})
	t.Logf("%d distinct GDELT country locations checked", len(seen))
}

// TestGDELTActorCountryCodesKnown checks that every CAMEO actor country code
// in the GDELT sample is a known country or region code.
func TestGDELTActorCountryCodesKnown(t *testing.T) {
	o := mustLoad(t)
	seen := map[string]bool{}
	gdeltRows(t, func(col map[string]int, r []string) {
		for _, a := range []string{"Actor1", "Actor2"} {
			cc := r[col[a+"CountryCode"]]
			if cc == "" || seen[cc] {
				continue
			}
			seen[cc] = true
			_, isCountry := o.Country(cc)
			_, isRegion := o.Region(cc)
			if !isCountry && !isRegion {
				t.Errorf("GDELT actor country code %q is neither a country nor a region", cc)
			}
		}
	})
	t.Logf("%d distinct actor country codes checked", len(seen))
}

// TestPLOVERGoldNames checks that every event type in the PLOVER gold-standard
// records (PLOVER 0.5b1 names) maps to a current type.
func TestPLOVERGoldNames(t *testing.T) {
	path := filepath.Join(sharedDir(t), "plover-gsr", "plover-gsr-dev.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	var recs []struct {
		Event string `json:"event"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	o := mustLoad(t)
	n := 0
	for _, r := range recs {
		if r.Event == "DOCUMENT" {
			continue
		}
		n++
		if _, ok := o.PLOVERType(r.Event); !ok {
			t.Errorf("%s: event %q has no current PLOVER type", path, r.Event)
		}
	}
	if n == 0 {
		t.Errorf("%s: no event records", path)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
