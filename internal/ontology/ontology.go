// Package ontology owns dyad's reference tables: the CAMEO event codes (name,
// Goldstein value, quad classes, PLOVER equivalent), the CAMEO actor type
// (sector) codes, the countries with their ISO, CAMEO and FIPS codes, the
// region codes, and the PLOVER event types, modes and contexts. The tables are
// TSV files under data/, embedded in the binary and parsed by Load.
//
// # CAMEO event codes
//
// data/cameo_events.tsv is generated (go generate, see gen/) from
// cameo-eventcodes.tsv — 311 codes: 20 two-digit roots plus 3- and 4-digit
// codes, names and Goldstein values as GDELT publishes them — and from the
// Open Event Data Alliance's CAMEO2PLOVER-2021.txt. The names are kept as in
// that file even where they differ from the CAMEO 1.1b3 manual (for example
// 105–108 and 101 carry GDELT's names).
//
// Each code has two quad classes (1 verbal cooperation, 2 material
// cooperation, 3 verbal conflict, 4 material conflict), both decided by the
// two-digit root:
//
//	QuadClass       (CAMEO/Phoenix convention): 1 = 01–05, 2 = 06–08, 3 = 09–13, 4 = 14–20
//	GDELTQuadClass  (GDELT 1.0/2.0 QuadClass):  1 = 01–05, 2 = 06–09, 3 = 10–14, 4 = 15–20
//
// The Phoenix data set puts 01 and 02 in a separate class 0 ("neutral"); dyad
// folds them into 1 as the CAMEO convention above does. The GDELT mapping was
// checked against the GDELT 2.0 export sample in shared/data/gdelt-sample:
// every one of its 6,090 rows has exactly this root-to-QuadClass mapping (05
// is verbal cooperation, 09 material cooperation, 14 verbal conflict); the
// test TestGDELTQuadClassMatchesSample re-checks it when the data is present.
//
// # PLOVER
//
// Event types are the 16 of the current PLOVER manual: AGREE, CONSULT,
// SUPPORT, CONCEDE (verbal cooperation, quad 1), COOPERATE, AID, RETREAT
// (material cooperation, 2), REQUEST, ACCUSE, REJECT, THREATEN (verbal
// conflict, 3), PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT (material
// conflict, 4). Each type carries the manual's PLOVER conflict-cooperation
// score (REQUEST takes DEMAND's). Modes per type follow the manual (draft 0.8, 2021, with
// DEMAND renamed REQUEST); the contexts are the manual's general and special
// contexts plus the two the 2021 table uses beyond them ("democracy",
// "pro_autocracy"). Legacy names from PLOVER 0.x and the 2016 gold-standard
// records map to current ones: DEMAND→REQUEST, DISAPPROVE→ACCUSE,
// INVESTIGATE→ACCUSE, FIGHT→ASSAULT (PLOVERName).
//
// CAMEO→PLOVER rules, recorded per code in EventCode.PLOVERSource:
//
//   - "table": the code's own line in CAMEO2PLOVER-2021.txt (the first line
//     wins where a code is listed twice, as 175 is). Legacy type names are
//     mapped to current ones. A mode that is not a mode of the event type is
//     moved to the contexts if it is a context (175: pro_autocracy) and
//     dropped otherwise (085 "ease", 1321 "political", 171/1711/1712/192
//     "seize").
//   - "root": a two-digit code takes its section header in the table
//     (08 → CONCEDE, the first 08 header; 19 and 20 → ASSAULT).
//   - "parent:X": a code without a line inherits from its nearest ancestor X.
//   - "mirror:10X": CAMEO 02 (appeal) codes have no line in the table; dyad
//     gives them the mapping of the parallel CAMEO 10 (demand) code (0211 ↔
//     1011, 026 ↔ 106, ...), because current PLOVER's REQUEST covers appeals
//     and demands alike. This is dyad's decision, not OEDA's.
//   - "dropped": the 11 CAMEO 01 (public statement) codes have no PLOVER type
//     (PLOVER removed comments); EventCode.PLOVER is "" for them.
//
// # Countries
//
// data/countries.tsv lists all 249 ISO 3166-1 entries plus Kosovo (XK/XKX,
// user-assigned codes used by the EU and IMF). The CAMEO country code equals
// ISO alpha-3 except for Romania (CAMEO ROM, ISO ROU — ISO changed in 2002,
// CAMEO kept the old code), Timor-Leste (CAMEO TMP, ISO TLS, likewise) and
// Kosovo (CAMEO KSV). The Democratic Republic of the Congo is COD in both
// (CAMEO's historical ZAR is not used); Serbia is SRB in both. FIPS 10-4
// codes (used by GDELT's geography fields) are given for every entry that has
// one; several differ from ISO alpha-2 in confusing ways (Germany GM, Austria
// AU, Australia AS, Gambia GA, Gabon GB, Niger NG, Nigeria NI, ...).
// TestFIPSMatchesGDELTCountryNames checks them against the country-level
// locations of the GDELT sample: all 121 distinct (name, FIPS) pairs agree. Regions are CAMEO
// region actor codes (NMR is North America: NAM is Namibia's ISO code), plus
// OCE for Oceania, which CAMEO lacks (data/regions.tsv).
//
// # Sectors
//
// data/sectors.tsv lists CAMEO actor type codes. Primary-role codes (GOV, MIL,
// COP, JUD, SPY, OPP, PTY, REB, INS, SEP, UAF and the transnational IGO, NGO,
// NGM, MNC, IMG, UIS) name what an actor is and follow the country code
// directly; secondary-role codes (LEG, ELI, BUS, MED, CVL, EDU, HLH, LAB, AGR,
// REF, CRM, ENV, HRI, DEV, SET) refine a primary code or stand for a part of
// society; RAD and MOD are attitude modifiers.
//
// The PLOVER-derived files are CC BY-SA 4.0 (see data/LICENSE-PLOVER.md).
package ontology

//go:generate go run ./gen -shared ../../../shared/data/cameo -data data

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
)

//go:embed data/*.tsv
var dataFS embed.FS

// EventCode is one CAMEO event code with its PLOVER equivalent.
type EventCode struct {
	Code           string  // "042", "0874", "19"
	Name           string  // "Make a visit"
	Root           string  // two-digit root, "04"
	Goldstein      float64 // Goldstein conflict-cooperation value, -10..+10
	QuadClass      int     // CAMEO quad class: 1 = 01–05, 2 = 06–08, 3 = 09–13, 4 = 14–20
	GDELTQuadClass int     // GDELT QuadClass: 1 = 01–05, 2 = 06–09, 3 = 10–14, 4 = 15–20
	PLOVER         string  // current PLOVER event type; "" for CAMEO 01 codes
	Mode           string  // PLOVER mode, "" if none
	Contexts       []string
	PLOVERSource   string // how the PLOVER fields were derived: table, root, parent:X, mirror:X, dropped
}

// CAMEO returns the code in the shape of the output contract (with the
// CAMEO quad class).
func (e EventCode) CAMEO() dyad.CAMEO {
	return dyad.CAMEO{Code: e.Code, Name: e.Name, Goldstein: e.Goldstein, QuadClass: e.QuadClass}
}

// Sector is a CAMEO actor type code.
type Sector struct {
	Code          string
	Name          string
	Description   string
	Role          string // "primary", "secondary" or "modifier"
	Primary       bool   // Role == "primary"
	International bool   // a transnational type used without a country code
}

// Country is one country or territory.
type Country struct {
	ISO2, ISO3, CAMEO, FIPS, Name, Region string
	// FIPSAll holds every FIPS code of the entry, FIPS first (Palestine:
	// WE, GZ); empty when FIPS has no code for it.
	FIPSAll []string
}

// Region is a region actor code.
type Region struct {
	Code string
	Name string
	Kind string // "cameo" or "dyad"
}

// PLOVERType is a PLOVER event type.
type PLOVERType struct {
	Name        string
	QuadClass   int
	Score       float64 // PLOVER conflict-cooperation score, -9.3 (ASSAULT) .. +7.6 (RETREAT)
	Description string
	Modes       []string
}

// Context is a PLOVER context.
type Context struct {
	Name        string
	Kind        string // "general", "special" or "table"
	Description string
}

// Ontology holds the parsed tables. It is read-only after Load and safe for
// concurrent use.
type Ontology struct {
	events      []EventCode
	eventByCode map[string]int
	sectors     []Sector
	sectorBy    map[string]int
	countries   []Country
	byCode      map[string]int // CAMEO and ISO-3
	byISO2      map[string]int
	byFIPS      map[string]int
	regions     []Region
	regionBy    map[string]int
	types       []PLOVERType
	typeBy      map[string]int
	legacy      map[string]string
	contexts    []Context
	contextBy   map[string]int
}

// Load parses the embedded tables. It takes well under a millisecond;
// callers that need it often should keep the result.
func Load() (*Ontology, error) {
	o := &Ontology{
		eventByCode: map[string]int{},
		sectorBy:    map[string]int{},
		byCode:      map[string]int{},
		byISO2:      map[string]int{},
		byFIPS:      map[string]int{},
		regionBy:    map[string]int{},
		typeBy:      map[string]int{},
		legacy:      map[string]string{},
		contextBy:   map[string]int{},
	}
	steps := []struct {
		file string
		cols int
		fn   func(pos string, f []string) error
	}{
		{"plover_types.tsv", 5, o.addType},
		{"plover_legacy.tsv", 2, o.addLegacy},
		{"plover_contexts.tsv", 3, o.addContext},
		{"cameo_events.tsv", 11, o.addEvent},
		{"sectors.tsv", 5, o.addSector},
		{"regions.tsv", 4, o.addRegion},
		{"countries.tsv", 6, o.addCountry},
	}
	for _, s := range steps {
		if err := readTable("data/"+s.file, s.cols, s.fn); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// readTable calls fn for each data row of an embedded TSV file: lines
// starting with '#' are comments, the first other line is the header.
func readTable(name string, cols int, fn func(pos string, f []string) error) error {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("ontology: %w", err)
	}
	text := string(data)
	header := true
	for n := 1; text != ""; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if line == "" || line[0] == '#' {
			continue
		}
		pos := name + ":" + strconv.Itoa(n)
		f := strings.Split(line, "\t")
		if len(f) != cols {
			return fmt.Errorf("ontology: %s: want %d tab-separated fields, got %d", pos, cols, len(f))
		}
		if header {
			header = false
			continue
		}
		if err := fn(pos, f); err != nil {
			return fmt.Errorf("ontology: %s: %w", pos, err)
		}
	}
	return nil
}

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

func (o *Ontology) addType(_ string, f []string) error {
	q, err := strconv.Atoi(f[1])
	if err != nil || q < 1 || q > 4 {
		return fmt.Errorf("bad quad class %q", f[1])
	}
	score, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return fmt.Errorf("bad score %q", f[2])
	}
	if _, dup := o.typeBy[f[0]]; dup {
		return fmt.Errorf("duplicate PLOVER type %s", f[0])
	}
	o.typeBy[f[0]] = len(o.types)
	o.types = append(o.types, PLOVERType{Name: f[0], QuadClass: q, Score: score, Modes: splitList(f[3], ","), Description: f[4]})
	return nil
}

func (o *Ontology) addLegacy(_ string, f []string) error {
	if _, ok := o.typeBy[f[1]]; !ok {
		return fmt.Errorf("legacy %s maps to unknown type %s", f[0], f[1])
	}
	o.legacy[f[0]] = f[1]
	return nil
}

func (o *Ontology) addContext(_ string, f []string) error {
	if _, dup := o.contextBy[f[0]]; dup {
		return fmt.Errorf("duplicate context %s", f[0])
	}
	o.contextBy[f[0]] = len(o.contexts)
	o.contexts = append(o.contexts, Context{Name: f[0], Kind: f[1], Description: f[2]})
	return nil
}

func (o *Ontology) addEvent(_ string, f []string) error {
	e := EventCode{Code: f[0], Name: f[1], Root: f[2], PLOVER: f[6], Mode: f[7], Contexts: splitList(f[8], ";"), PLOVERSource: f[9]}
	if len(e.Code) < 2 || len(e.Code) > 4 || !strings.HasPrefix(e.Code, e.Root) {
		return fmt.Errorf("bad code %q with root %q", e.Code, e.Root)
	}
	var err error
	if e.Goldstein, err = strconv.ParseFloat(f[3], 64); err != nil {
		return fmt.Errorf("bad Goldstein value %q", f[3])
	}
	if e.QuadClass, err = strconv.Atoi(f[4]); err != nil {
		return fmt.Errorf("bad quad class %q", f[4])
	}
	if e.GDELTQuadClass, err = strconv.Atoi(f[5]); err != nil {
		return fmt.Errorf("bad GDELT quad class %q", f[5])
	}
	if e.PLOVER != "" {
		if _, ok := o.typeBy[e.PLOVER]; !ok {
			return fmt.Errorf("unknown PLOVER type %q", e.PLOVER)
		}
	}
	if e.Mode != "" && !o.ValidMode(e.PLOVER, e.Mode) {
		return fmt.Errorf("%q is not a mode of %s", e.Mode, e.PLOVER)
	}
	for _, c := range e.Contexts {
		if _, ok := o.contextBy[c]; !ok {
			return fmt.Errorf("unknown context %q", c)
		}
	}
	if _, dup := o.eventByCode[e.Code]; dup {
		return fmt.Errorf("duplicate code %s", e.Code)
	}
	o.eventByCode[e.Code] = len(o.events)
	o.events = append(o.events, e)
	return nil
}

func (o *Ontology) addSector(_ string, f []string) error {
	switch f[1] {
	case "primary", "secondary", "modifier":
	default:
		return fmt.Errorf("bad role %q", f[1])
	}
	if _, dup := o.sectorBy[f[0]]; dup {
		return fmt.Errorf("duplicate sector %s", f[0])
	}
	o.sectorBy[f[0]] = len(o.sectors)
	o.sectors = append(o.sectors, Sector{Code: f[0], Role: f[1], Primary: f[1] == "primary", International: f[2] == "yes", Name: f[3], Description: f[4]})
	return nil
}

func (o *Ontology) addRegion(_ string, f []string) error {
	if _, dup := o.regionBy[f[0]]; dup {
		return fmt.Errorf("duplicate region %s", f[0])
	}
	o.regionBy[f[0]] = len(o.regions)
	o.regions = append(o.regions, Region{Code: f[0], Kind: f[1], Name: f[3]})
	return nil
}

func (o *Ontology) addCountry(_ string, f []string) error {
	c := Country{ISO2: f[0], ISO3: f[1], CAMEO: f[2], FIPSAll: splitList(f[3], ","), Region: f[4], Name: f[5]}
	if len(c.ISO2) != 2 || len(c.ISO3) != 3 || len(c.CAMEO) != 3 {
		return fmt.Errorf("bad codes %q %q %q", c.ISO2, c.ISO3, c.CAMEO)
	}
	if len(c.FIPSAll) > 0 {
		c.FIPS = c.FIPSAll[0]
	}
	if c.Region != "" {
		if _, ok := o.regionBy[c.Region]; !ok {
			return fmt.Errorf("unknown region %q", c.Region)
		}
	}
	i := len(o.countries)
	if _, dup := o.byISO2[c.ISO2]; dup {
		return fmt.Errorf("duplicate ISO2 %s", c.ISO2)
	}
	o.byISO2[c.ISO2] = i
	for _, k := range []string{c.ISO3, c.CAMEO} {
		if j, dup := o.byCode[k]; dup && j != i {
			return fmt.Errorf("code %s used twice", k)
		}
		o.byCode[k] = i
	}
	for _, k := range c.FIPSAll {
		if _, dup := o.byFIPS[k]; dup {
			return fmt.Errorf("duplicate FIPS %s", k)
		}
		o.byFIPS[k] = i
	}
	o.countries = append(o.countries, c)
	return nil
}

// Event returns the CAMEO event code ("042", "0874", "19"). Surrounding
// space is ignored.
func (o *Ontology) Event(code string) (EventCode, bool) {
	i, ok := o.eventByCode[strings.TrimSpace(code)]
	if !ok {
		return EventCode{}, false
	}
	return o.events[i], true
}

// EventCodes returns all CAMEO event codes sorted by code (as strings, so
// "04" < "040" < "041" < "05"). The slice is a copy.
func (o *Ontology) EventCodes() []EventCode {
	out := append([]EventCode(nil), o.events...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Sector returns the actor type code (GOV, MIL, ...), case-insensitively.
func (o *Ontology) Sector(code string) (Sector, bool) {
	i, ok := o.sectorBy[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Sector{}, false
	}
	return o.sectors[i], true
}

// Sectors returns all actor type codes in table order (primary first).
func (o *Ontology) Sectors() []Sector { return append([]Sector(nil), o.sectors...) }

// Country returns the country with this CAMEO or ISO alpha-3 code
// (case-insensitive): "ROM" and "ROU" both give Romania.
func (o *Ontology) Country(code string) (Country, bool) {
	return o.lookup(o.byCode, code)
}

// CountryByISO2 returns the country with this ISO alpha-2 code.
func (o *Ontology) CountryByISO2(iso2 string) (Country, bool) {
	return o.lookup(o.byISO2, iso2)
}

// CountryByFIPS returns the country with this FIPS 10-4 code ("GM" is
// Germany; "GZ" and "WE" are Palestine).
func (o *Ontology) CountryByFIPS(fips string) (Country, bool) {
	return o.lookup(o.byFIPS, fips)
}

func (o *Ontology) lookup(m map[string]int, code string) (Country, bool) {
	i, ok := m[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return o.countries[i], true
}

// Countries returns all countries and territories sorted by ISO alpha-3.
func (o *Ontology) Countries() []Country {
	out := append([]Country(nil), o.countries...)
	sort.Slice(out, func(i, j int) bool { return out[i].ISO3 < out[j].ISO3 })
	return out
}

// Region returns the region actor code (EUR, NMR, ...).
func (o *Ontology) Region(code string) (Region, bool) {
	i, ok := o.regionBy[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Region{}, false
	}
	return o.regions[i], true
}

// Regions returns all region codes in table order.
func (o *Ontology) Regions() []Region { return append([]Region(nil), o.regions...) }

// PLOVERTypes returns the 16 PLOVER event types in manual order.
func (o *Ontology) PLOVERTypes() []PLOVERType {
	out := make([]PLOVERType, len(o.types))
	for i, t := range o.types {
		t.Modes = append([]string(nil), t.Modes...)
		out[i] = t
	}
	return out
}

// PLOVERType returns the event type with this current or legacy name.
func (o *Ontology) PLOVERType(name string) (PLOVERType, bool) {
	i, ok := o.typeBy[o.PLOVERName(name)]
	if !ok {
		return PLOVERType{}, false
	}
	t := o.types[i]
	t.Modes = append([]string(nil), t.Modes...)
	return t, true
}

// PLOVERName maps a legacy event-type name (DEMAND, DISAPPROVE, INVESTIGATE,
// FIGHT) to its current name; current names come back unchanged. Input is
// upper-cased and trimmed; an unknown name comes back in that form.
func (o *Ontology) PLOVERName(legacyOrCurrent string) string {
	n := strings.ToUpper(strings.TrimSpace(legacyOrCurrent))
	if cur, ok := o.legacy[n]; ok {
		return cur
	}
	return n
}

// ValidMode reports whether mode is one of the modes of the PLOVER type
// (legacy names accepted).
func (o *Ontology) ValidMode(plover, mode string) bool {
	i, ok := o.typeBy[o.PLOVERName(plover)]
	if !ok {
		return false
	}
	for _, m := range o.types[i].Modes {
		if m == mode {
			return true
		}
	}
	return false
}

// Contexts returns the names of all PLOVER contexts: general, then special
// (historical, future, hypothetical, negation), then those used only by the
// CAMEO-to-PLOVER table.
func (o *Ontology) Contexts() []string {
	out := make([]string, len(o.contexts))
	for i, c := range o.contexts {
		out[i] = c.Name
	}
	return out
}

// Context returns a PLOVER context by name.
func (o *Ontology) Context(name string) (Context, bool) {
	i, ok := o.contextBy[strings.TrimSpace(name)]
	if !ok {
		return Context{}, false
	}
	return o.contexts[i], true
}
