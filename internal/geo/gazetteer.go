package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/cities.tsv.gz data/countries.tsv data/admin1.tsv data/regions.tsv data/aliases.tsv data/lexicon.txt data/common.txt
var dataFS embed.FS

// Kind says what sort of gazetteer entry a Candidate is.
type Kind uint8

// Entry kinds.
const (
	KindCity    Kind = iota // populated place (GeoNames feature class P)
	KindAdmin1              // first-level administrative division
	KindCountry             // independent country or territory
	KindRegion              // continent or region larger than a country
)

// Candidate is one gazetteer entry a name may refer to.
type Candidate struct {
	GeonameID  int
	Name       string
	Country    string // ISO-2
	Admin1     string // GeoNames admin1 code ("" if unknown)
	FCode      string // GeoNames feature code: PPL, PPLA, PPLC, ADM1, PCLI, ...
	Population int
	Lat, Lon   float64
	Kind       Kind
}

// Precision is the dyad precision level of the candidate: 1 country,
// 2 admin1, 3 admin2, 4 city, 5 sub-city.
func (c Candidate) Precision() int {
	switch {
	case c.Kind == KindCountry || c.Kind == KindRegion:
		return 1
	case c.Kind == KindAdmin1:
		return 2
	case c.FCode == "ADM2":
		return 3
	case c.FCode == "PPLX":
		return 5
	}
	return 4
}

// Country is what geo knows about a country: codes, centroid, names.
type Country struct {
	ISO2, ISO3 string
	GeonameID  int
	Name       string
	Lat, Lon   float64
	AltNames   []string
	Demonyms   []string
}

// Gazetteer is the embedded place index. It is read-only after Load and
// safe for concurrent use.
type Gazetteer struct {
	entries   []Candidate
	byName    map[string][]int32 // normalised name -> entry indices (hand-written tables, aliases)
	cityKeys  []string           // sorted lookup keys of the cities, entries[cityBase+i]
	cityBase  int
	countries map[string]*Country
	demonyms  map[string]string // normalised demonym -> ISO-2
	admin1    map[string]int32  // "US.GA" -> entry index of the division
	abbrev    map[string]int32  // "ga." style abbreviations (normalised) -> admin1 entry
	abbrevRaw map[string]int32  // the same keyed by lower-case text with periods ("ga.")
	lex       lexicon
}

// Load reads the embedded gazetteer.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{
		byName:    make(map[string][]int32, 2048),
		countries: make(map[string]*Country, 256),
		demonyms:  make(map[string]string, 512),
		admin1:    make(map[string]int32, 256),
		abbrev:    make(map[string]int32, 128),
		abbrevRaw: make(map[string]int32, 128),
	}
	if err := g.loadCountries(); err != nil {
		return nil, err
	}
	if err := g.loadRegions(); err != nil {
		return nil, err
	}
	if err := g.loadCities(); err != nil {
		return nil, err
	}
	if err := g.loadAliases(); err != nil {
		return nil, err
	}
	if err := g.loadAdmin1(); err != nil {
		return nil, err
	}
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	g.lex = lx
	return g, nil
}

func (g *Gazetteer) add(c Candidate, names ...string) int32 {
	i := int32(len(g.entries))
	g.entries = append(g.entries, c)
	seen := map[string]bool{}
	for _, n := range names {
		k := Normalize(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		g.byName[k] = append(g.byName[k], i)
	}
	return i
}

func tsvLines(name string, fn func(line int, f []string) error) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for ln := 1; sc.Scan(); ln++ {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		if err := fn(ln, strings.Split(t, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, ln, err)
		}
	}
	return sc.Err()
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

func parseLatLon(f []string, i int) (float64, float64, error) {
	lat, err := strconv.ParseFloat(field(f, i), 64)
	if err != nil {
		return 0, 0, fmt.Errorf("latitude: %w", err)
	}
	lon, err := strconv.ParseFloat(field(f, i+1), 64)
	if err != nil {
		return 0, 0, fmt.Errorf("longitude: %w", err)
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("coordinates out of range: %v %v", lat, lon)
	}
	return lat, lon, nil
}

func (g *Gazetteer) loadCountries() error {
	return tsvLines("data/countries.tsv", func(_ int, f []string) error {
		if len(f) < 6 {
			return fmt.Errorf("want at least 6 fields, got %d", len(f))
		}
		id, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		lat, lon, err := parseLatLon(f, 4)
		if err != nil {
			return err
		}
		c := &Country{ISO2: f[0], ISO3: f[1], GeonameID: id, Name: f[3], Lat: lat, Lon: lon,
			AltNames: splitList(field(f, 6)), Demonyms: splitList(field(f, 7))}
		g.countries[c.ISO2] = c
		names := append([]string{c.Name}, c.AltNames...)
		g.add(Candidate{GeonameID: id, Name: c.Name, Country: c.ISO2, FCode: "PCLI", Lat: lat, Lon: lon, Kind: KindCountry}, names...)
		for _, d := range c.Demonyms {
			k := Normalize(d)
			if _, dup := g.demonyms[k]; !dup {
				g.demonyms[k] = c.ISO2
			}
		}
		return nil
	})
}

func (g *Gazetteer) loadAdmin1() error {
	return tsvLines("data/admin1.tsv", func(_ int, f []string) error {
		if len(f) < 6 {
			return fmt.Errorf("want at least 6 fields, got %d", len(f))
		}
		id, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		lat, lon, err := parseLatLon(f, 4)
		if err != nil {
			return err
		}
		c := Candidate{GeonameID: id, Name: f[3], Country: f[0], Admin1: f[1], FCode: "ADM1", Lat: lat, Lon: lon, Kind: KindAdmin1}
		if c.Admin1 == "" {
			c.Admin1 = g.seatCode(c.Country, field(f, 7))
		}
		var names, abbr []string
		names = append(names, c.Name)
		for _, a := range splitList(field(f, 6)) {
			if strings.HasSuffix(a, ".") || (len(a) <= 3 && strings.ToUpper(a) == a) {
				abbr = append(abbr, a)
			} else {
				names = append(names, a)
			}
		}
		i := g.add(c, names...)
		if _, dup := g.admin1[c.Country+"."+c.Admin1]; c.Admin1 != "" && !dup {
			g.admin1[c.Country+"."+c.Admin1] = i
		}
		for _, a := range abbr {
			g.abbrev[Normalize(a)] = i
			g.abbrevRaw[strings.ToLower(a)] = i
		}
		return nil
	})
}

// seatCode returns the admin1 code of the division whose seat (a PPLA or
// PPLC place of the country) is named seat, or "".
func (g *Gazetteer) seatCode(country, seat string) string {
	if seat == "" {
		return ""
	}
	best, pop := "", -1
	for _, i := range g.ids(Normalize(seat)) {
		e := &g.entries[i]
		if e.Kind == KindCity && e.Country == country && (e.FCode == "PPLA" || e.FCode == "PPLC") && e.Population > pop {
			best, pop = e.Admin1, e.Population
		}
	}
	return best
}

func (g *Gazetteer) loadRegions() error {
	return tsvLines("data/regions.tsv", func(_ int, f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want at least 4 fields, got %d", len(f))
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		lat, lon, err := parseLatLon(f, 2)
		if err != nil {
			return err
		}
		g.add(Candidate{GeonameID: id, Name: f[1], FCode: "CONT", Lat: lat, Lon: lon, Kind: KindRegion}, append([]string{f[1]}, splitList(field(f, 4))...)...)
		return nil
	})
}

// loadAliases adds short forms and former names of places ("L.A.", "Kiev").
func (g *Gazetteer) loadAliases() error {
	type alias struct {
		name string
		id   int
	}
	var as []alias
	err := tsvLines("data/aliases.tsv", func(_ int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want 2 fields, got %d", len(f))
		}
		id, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		as = append(as, alias{f[0], id})
		return nil
	})
	if err != nil {
		return err
	}
	want := make(map[int]int32, len(as))
	for _, a := range as {
		want[a.id] = -1
	}
	for i := g.cityBase; i < len(g.entries); i++ {
		if _, ok := want[g.entries[i].GeonameID]; ok {
			want[g.entries[i].GeonameID] = int32(i)
		}
	}
	for _, a := range as {
		i := want[a.id]
		if i < 0 {
			return fmt.Errorf("data/aliases.tsv: geonameid %d of %q is not in the city table", a.id, a.name)
		}
		k := Normalize(a.name)
		g.byName[k] = append(g.byName[k], i)
		if strings.Contains(a.name, ".") {
			g.abbrevRaw[strings.ToLower(a.name)] = i
		}
	}
	return nil
}

func (g *Gazetteer) loadCities() error {
	const name = "data/cities.tsv.gz"
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	g.entries = append(make([]Candidate, 0, len(g.entries)+140000), g.entries...)
	g.cityBase = len(g.entries)
	g.cityKeys = make([]string, 0, 140000)
	var f [9]string
	for ln := 1; len(raw) > 0; ln++ {
		nl := bytes.IndexByte(raw, '\n')
		if nl < 0 {
			nl = len(raw)
		}
		line := string(raw[:nl])
		raw = raw[min(nl+1, len(raw)):]
		n, rest := 0, line
		for n < 9 {
			k := strings.IndexByte(rest, '\t')
			if k < 0 {
				f[n] = rest
				n++
				break
			}
			f[n], rest = rest[:k], rest[k+1:]
			n++
		}
		if n != 9 || strings.IndexByte(f[8], '\t') >= 0 {
			return fmt.Errorf("%s:%d: want 9 fields", name, ln)
		}
		if len(g.cityKeys) > 0 && f[0] < g.cityKeys[len(g.cityKeys)-1] {
			return fmt.Errorf("%s:%d: key %q out of order (rebuild with dyad gazetteer build)", name, ln, f[0])
		}
		id, err1 := strconv.Atoi(f[1])
		pop, err2 := strconv.Atoi(f[6])
		lat, lon, err3 := parseLatLon(f[:], 7)
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("%s:%d: bad number in %q", name, ln, line)
		}
		i := int32(len(g.entries))
		g.entries = append(g.entries, Candidate{GeonameID: id, Name: f[2], Country: f[3], FCode: f[4], Admin1: f[5], Population: pop, Lat: lat, Lon: lon, Kind: KindCity})
		g.cityKeys = append(g.cityKeys, f[0])
		if k := strings.Index(f[2], ", "); k > 0 {
			pk := Normalize(f[2][:k]) // "Washington, D.C." is also "Washington"
			g.byName[pk] = append(g.byName[pk], i)
		}
	}
	return nil
}

// cityRange returns the entry indices [lo, hi) of the cities with key.
func (g *Gazetteer) cityRange(key string) (int, int) {
	lo := sort.SearchStrings(g.cityKeys, key)
	hi := lo
	for hi < len(g.cityKeys) && g.cityKeys[hi] == key {
		hi++
	}
	return g.cityBase + lo, g.cityBase + hi
}

// ids returns the indices of every entry with lookup key key. The result
// must not be modified.
func (g *Gazetteer) ids(key string) []int32 {
	m := g.byName[key]
	lo, hi := g.cityRange(key)
	if lo == hi {
		return m
	}
	out := make([]int32, 0, len(m)+hi-lo)
	out = append(out, m...)
	for i := lo; i < hi; i++ {
		out = append(out, int32(i))
	}
	return out
}

// Len is the number of entries (places, divisions and countries).
func (g *Gazetteer) Len() int { return len(g.entries) }

// Lookup returns every entry whose name or alternate name matches name
// (case, diacritics, punctuation and "St."/"Saint" insensitive), countries
// and divisions first, then places by decreasing population.
func (g *Gazetteer) Lookup(name string) []Candidate {
	ix := g.ids(Normalize(name))
	out := make([]Candidate, len(ix))
	for i, j := range ix {
		out[i] = g.entries[j]
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind > out[j].Kind
		}
		return out[i].Population > out[j].Population
	})
	return out
}

// Country returns the country with ISO-2 code iso2.
func (g *Gazetteer) Country(iso2 string) (Country, bool) {
	c, ok := g.countries[strings.ToUpper(iso2)]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// Demonym returns the ISO-2 code of the country a demonym or national
// adjective refers to ("Kyrgyz" -> "KG", "Russians" -> "RU").
func (g *Gazetteer) Demonym(word string) (string, bool) {
	cc, ok := g.demonyms[Normalize(word)]
	return cc, ok
}

// Admin1 returns the first-level division with the given country and
// GeoNames admin1 code ("US", "GA" -> Georgia).
func (g *Gazetteer) Admin1(country, code string) (Candidate, bool) {
	i, ok := g.admin1[country+"."+code]
	if !ok {
		return Candidate{}, false
	}
	return g.entries[i], true
}

func (g *Gazetteer) has(key string) bool {
	if _, ok := g.byName[key]; ok {
		return true
	}
	lo, hi := g.cityRange(key)
	return lo < hi
}

// Normalize maps a place name to its lookup key: lower case, Latin
// diacritics folded, punctuation dropped (apostrophes and periods removed,
// hyphens as spaces), "st"/"ste" expanded to "saint", "mt" to "mount",
// "ft" to "fort", spaces collapsed.
func Normalize(s string) string {
	if k, ok := normalizeASCII(s); ok {
		return k
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			case r == '\'' || r == '.':
				continue
			default:
				r = ' '
			}
		} else if f, ok := foldRune(r); ok {
			if f == "" {
				continue
			}
			b.WriteString(f)
			space = false
			continue
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
		} else if r == '’' || r == 'ʻ' || r == 'ʼ' {
			continue
		} else {
			r = ' '
		}
		if r == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		b.WriteRune(r)
		space = false
	}
	out := strings.TrimSpace(b.String())
	if !strings.Contains(out, " ") {
		return out
	}
	w := strings.Fields(out)
	for i, x := range w {
		switch x {
		case "st", "ste":
			w[i] = "saint"
		case "mt":
			w[i] = "mount"
		case "ft":
			w[i] = "fort"
		}
	}
	return strings.Join(w, " ")
}

func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Ā', 'Ă', 'Ą':
		return "a", true
	case 'æ', 'Æ':
		return "ae", true
	case 'ç', 'ć', 'č', 'ĉ', 'ċ', 'Ç', 'Ć', 'Č':
		return "c", true
	case 'ď', 'đ', 'Ď', 'Đ', 'ð', 'ḍ', 'Ḍ', 'ḑ', 'Ḑ':
		return "d", true
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě', 'È', 'É', 'Ê', 'Ë', 'Ē', 'Ė', 'Ę', 'Ě':
		return "e", true
	case 'ğ', 'ġ', 'ģ', 'Ğ', 'Ġ', 'Ģ':
		return "g", true
	case 'ḩ', 'Ḩ', 'ḥ', 'Ḥ', 'ħ', 'Ħ', 'ẖ':
		return "h", true
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı', 'Ì', 'Í', 'Î', 'Ï', 'Ī', 'İ':
		return "i", true
	case 'ķ', 'Ķ':
		return "k", true
	case 'ł', 'ľ', 'ļ', 'ĺ', 'Ł', 'Ľ', 'Ļ':
		return "l", true
	case 'ñ', 'ń', 'ň', 'ņ', 'Ñ', 'Ń', 'Ň':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'Ō', 'Ő':
		return "o", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ř', 'ŕ', 'Ř':
		return "r", true
	case 'ś', 'š', 'ş', 'ș', 'Ś', 'Š', 'Ş', 'Ș', 'ṣ', 'Ṣ':
		return "s", true
	case 'ß':
		return "ss", true
	case 'ť', 'ţ', 'ț', 'Ť', 'Ţ', 'Ț', 'ṭ', 'Ṭ':
		return "t", true
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų', 'Ù', 'Ú', 'Û', 'Ü', 'Ū', 'Ů', 'Ű':
		return "u", true
	case 'ý', 'ÿ', 'Ý':
		return "y", true
	case 'ž', 'ź', 'ż', 'Ž', 'Ź', 'Ż', 'ẓ', 'Ẓ', 'ẕ', 'Ẕ':
		return "z", true
	case 'þ', 'Þ':
		return "th", true
	case '’', '‘', 'ʻ', 'ʼ', 'ʿ', 'ʾ', '`', '´':
		return "", true
	}
	return "", false
}

// normalizeASCII handles the common case of a plain ASCII name made of
// letters and single spaces with no abbreviations to expand.
func normalizeASCII(s string) (string, bool) {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return "", false
	}
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			lower = false
		case c == ' ':
			if s[i-1] == ' ' {
				return "", false
			}
		default:
			return "", false
		}
	}
	if strings.Contains(s, " ") {
		for _, w := range []string{"st", "ste", "mt", "ft"} {
			ls := strings.ToLower(s)
			if strings.HasPrefix(ls, w+" ") || strings.Contains(ls, " "+w+" ") || strings.HasSuffix(ls, " "+w) {
				return "", false
			}
		}
	}
	if lower {
		return s, true
	}
	return strings.ToLower(s), true
}
