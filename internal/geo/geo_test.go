package geo

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

var (
	testOnce sync.Once
	testGaz  *Gazetteer
	testErr  error
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	testOnce.Do(func() { testGaz, testErr = Load() })
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testGaz
}

func TestLoad(t *testing.T) {
	t0 := time.Now()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(t0)
	t.Logf("Load: %d entries in %v", g.Len(), el)
	if g.Len() < 130000 {
		t.Errorf("only %d entries", g.Len())
	}
	if el > 2*time.Second { // generous: the machine is shared; typical is ~150 ms
		t.Errorf("Load took %v", el)
	}
	c, ok := g.Country("kg")
	if !ok || c.ISO3 != "KGZ" || c.Name != "Kyrgyzstan" {
		t.Errorf("Country(kg) = %+v, %v", c, ok)
	}
	if a, ok := g.Admin1("US", "GA"); !ok || a.Name != "Georgia" || a.Precision() != 2 {
		t.Errorf("Admin1(US, GA) = %+v, %v", a, ok)
	}
}

func TestLookup(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name        string
		wantFirst   string // country of the first candidate
		wantCountry string // some candidate must be in this country
		wantID      int    // ... with this GeoNames id (0: any)
	}{
		{"Kant", "", "KG", 1528193}, // Kānt, India, is larger: context decides
		{"Paris", "FR", "US", 4717560},
		{"Georgia", "GE", "US", 4197000},
		{"São Paulo", "BR", "BR", 0},
		{"Sao Paulo", "BR", "BR", 0},
		{"St. Louis", "US", "US", 0},
		{"Saint Louis", "US", "US", 0},
		{"U.S.", "US", "US", 6252001},
		{"L.A.", "US", "US", 5368361},
		{"Washington", "US", "US", 4140963},
		{"Kyiv", "UA", "UA", 703448},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := g.Lookup(tc.name)
			if len(cs) == 0 {
				t.Fatalf("no candidates")
			}
			if tc.wantFirst != "" && cs[0].Country != tc.wantFirst {
				t.Errorf("first candidate %+v, want country %s", cs[0], tc.wantFirst)
			}
			found := false
			for _, c := range cs {
				if c.Country == tc.wantCountry && (tc.wantID == 0 || c.GeonameID == tc.wantID) {
					found = true
				}
			}
			if !found {
				t.Errorf("no candidate in %s with id %d among %d", tc.wantCountry, tc.wantID, len(cs))
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	g := gaz(t)
	for w, want := range map[string]string{"Kyrgyz": "KG", "Russians": "RU", "French": "FR", "Georgian": "GE", "Filipino": "PH"} {
		if got, ok := g.Demonym(w); !ok || got != want {
			t.Errorf("Demonym(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
}

// place is what a test expects of one found toponym.
type place struct {
	text    string
	country string // ISO-2; "" means the text must NOT be a place
	prec    int    // 0: any
	literal bool
}

func TestResolve(t *testing.T) {
	r := NewResolver(gaz(t))
	tests := []struct {
		name string
		text string
		want []place
	}{
		{"Kant the philosopher", "Immanuel Kant argued that the moral law is universal. Kant's philosophy influenced later thinkers.",
			[]place{{text: "Kant"}}},
		{"Kant argued", "Kant argued that we can never know things in themselves.",
			[]place{{text: "Kant"}}},
		{"base in Kant", "Russia keeps an air base in Kant, near the Kyrgyz capital Bishkek.",
			[]place{{"Kant", "KG", 4, true}, {"Bishkek", "KG", 4, true}, {"Kyrgyz", "KG", 1, false}}},
		{"arrived in Kant", "The delegation arrived in Kant on Tuesday after talks in Kyrgyzstan.",
			[]place{{"Kant", "KG", 4, true}, {"Kyrgyzstan", "KG", 1, true}}},
		{"Paris France", "Protesters marched through Paris on Saturday. The French government said police made arrests across France.",
			[]place{{"Paris", "FR", 4, true}, {"France", "FR", 1, true}}},
		{"Paris Texas by pattern", "The rodeo in Paris, Texas, drew visitors from Dallas and Tyler.",
			[]place{{"Paris", "US", 4, true}, {"Texas", "US", 2, true}, {"Dallas", "US", 4, true}}},
		{"Paris Texas by context", "Storms hit northeast Texas overnight. In Paris, the fire department said two homes in Lamar County lost roofs, and Sulphur Springs and Clarksville also reported damage.",
			[]place{{"Paris", "US", 4, true}}},
		{"Georgia the country", "Russian troops moved deeper into Georgia as shelling continued near Tbilisi and Gori.",
			[]place{{"Georgia", "GE", 1, true}, {"Tbilisi", "GE", 4, true}}},
		{"Georgia the state", "Farmers in Georgia expect a record peach harvest, from Macon to Savannah and Atlanta.",
			[]place{{"Georgia", "US", 2, true}, {"Atlanta", "US", 4, true}}},
		{"metonymy", "Moscow said on Monday it would respond. Washington rejected the claim, and Beijing urged calm.",
			[]place{{"Moscow", "RU", 4, false}, {"Washington", "US", 4, false}, {"Beijing", "CN", 4, false}}},
		{"metonymy possessive", "Tehran's decision surprised diplomats who had met in Vienna.",
			[]place{{"Tehran", "IR", 4, false}, {"Vienna", "AT", 4, true}}},
		{"demonyms", "Kyrgyz and Kazakh officials met Russian envoys.",
			[]place{{"Kyrgyz", "KG", 1, false}, {"Kazakh", "KZ", 1, false}, {"Russian", "RU", 1, false}}},
		{"person surname", "Sheriff Bill Anderson said deputies searched the house. Anderson said no one was hurt.",
			[]place{{text: "Anderson"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := SimpleSegment(tc.name, tc.text)
			got := r.Resolve(doc)
			for _, w := range tc.want {
				var hit *Place
				for i := range got {
					if got[i].Text == w.text {
						hit = &got[i]
						break
					}
				}
				if w.country == "" {
					if hit != nil {
						t.Errorf("%q taken as a place: %+v", w.text, *hit)
					}
					continue
				}
				if hit == nil {
					t.Errorf("%q not found; got %+v", w.text, got)
					continue
				}
				if hit.CountryCode != w.country || (w.prec != 0 && hit.Precision != w.prec) || hit.Literal != w.literal {
					t.Errorf("%q = %s prec %d literal %v (%s); want %s prec %d literal %v",
						w.text, hit.CountryCode, hit.Precision, hit.Literal, hit.Name, w.country, w.prec, w.literal)
				}
				if doc.Text[hit.Start:hit.End] != hit.Text {
					t.Errorf("%q: offsets %d:%d give %q", w.text, hit.Start, hit.End, doc.Text[hit.Start:hit.End])
				}
				s := doc.Sentences[hit.Sentence]
				if s.Tokens[hit.TokStart].Start != hit.Start || s.Tokens[hit.TokEnd-1].End != hit.End {
					t.Errorf("%q: token range %d:%d does not match offsets", w.text, hit.TokStart, hit.TokEnd)
				}
				if hit.Confidence <= 0 || hit.Confidence > 1 {
					t.Errorf("%q: confidence %v", w.text, hit.Confidence)
				}
			}
		})
	}
}

func TestResolveSpans(t *testing.T) {
	r := NewResolver(gaz(t))
	text := "Flooding closed roads in Walker County and in Huntsville, Texas, officials said."
	doc := SimpleSegment("t", text)
	span := func(s string) Span { i := strings.Index(text, s); return Span{i, i + len(s)} }
	ps := r.ResolveSpans(doc, []Span{span("Walker County"), span("Huntsville"), span("Texas")})
	if len(ps) != 3 {
		t.Fatalf("got %d places: %+v", len(ps), ps)
	}
	for _, p := range ps {
		if p.CountryCode != "US" {
			t.Errorf("%q resolved to %s (%s)", p.Text, p.Name, p.CountryCode)
		}
	}
	if ps[1].Name != "Huntsville" || HaversineKm(ps[1].Lat, ps[1].Lon, 30.7235, -95.5508) > 20 {
		t.Errorf("Huntsville, Texas resolved to %+v", ps[1])
	}
	// No county table: Walker County goes to the article's local centre in Texas.
	if ps[0].Precision != 3 || ps[0].GeonameID != 0 || HaversineKm(ps[0].Lat, ps[0].Lon, 30.7235, -95.5508) > 50 {
		t.Errorf("Walker County resolved to %+v", ps[0])
	}
}

func TestSimpleSegment(t *testing.T) {
	tests := []struct {
		text  string
		sents int
		toks  []string // tokens of the first sentence
	}{
		{"Kant's base is in the U.S. now. Next.", 2, []string{"Kant", "'s", "base", "is", "in", "the", "U.S.", "now", "."}},
		{"Macon, Ga., is hot.", 1, []string{"Macon", ",", "Ga.", ",", "is", "hot", "."}},
		{"He left Iraq. Then Gaza.", 2, []string{"He", "left", "Iraq", "."}},
		{"", 0, nil},
	}
	for _, tc := range tests {
		d := SimpleSegment("t", tc.text)
		if len(d.Sentences) != tc.sents {
			t.Errorf("%q: %d sentences, want %d", tc.text, len(d.Sentences), tc.sents)
			continue
		}
		if tc.sents == 0 {
			continue
		}
		var got []string
		for _, tk := range d.Sentences[0].Tokens {
			got = append(got, tk.Text)
			if tc.text[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has offsets %d:%d", tc.text, tk.Text, tk.Start, tk.End)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.toks, "|") {
			t.Errorf("%q: tokens %q, want %q", tc.text, got, tc.toks)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"São Paulo": "sao paulo", "St. Louis": "saint louis", "Mt. Vernon": "mount vernon",
		"Winston-Salem": "winston salem", "Côte d’Ivoire": "cote divoire", "  Ft.  Worth ": "fort worth", "Zürich": "zurich"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorScores(t *testing.T) {
	s := ErrorScores([]float64{0, 100, 200, MaxErrorKm})
	if s.Acc161 != 0.5 || s.MedianKm != 150 || s.Toponyms != 4 {
		t.Errorf("scores %+v", s)
	}
	if s.AUC <= 0 || s.AUC >= 1 {
		t.Errorf("AUC %v", s.AUC)
	}
	if p := ErrorScores([]float64{0, 0}); p.AUC != 0 || p.Acc161 != 1 {
		t.Errorf("perfect scores %+v", p)
	}
}

const lglSample = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Officers in Cottonport’s area met in Paris, Texas.]]></text>
    <toponyms>
      <toponym><start>12</start><end>22</end><phrase>Cottonport</phrase>
        <gaztag geonameid="4320874"><lat>30.9841</lat><lon>-92.0535</lon></gaztag></toponym>
      <toponym><start>37</start><end>42</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><lat>33.66094</lat><lon>-95.55551</lon></gaztag></toponym>
      <toponym><start>44</start><end>49</end><phrase>Texas</phrase></toponym>
    </toponyms>
  </article>
</articles>`

const gwnSample = `<?xml version="1.0" ?>
<articles>
	<article file="0">
		<title>t</title>
		<text>Fighting near Aleppo. Syrians fled.</text>
		<toponyms>
			<toponym><extractedName>Aleppo</extractedName><type>Literal</type><start>14</start><end>20</end>
				<geonamesID>170063</geonamesID><latitude>36.20124</latitude><longitude>37.16117</longitude></toponym>
			<toponym><extractedName>Syrians</extractedName><type>Demonym</type><start>22</start><end>29</end></toponym>
			<toponym><extractedName>Fighting</extractedName><type>Non_Toponym</type><start>0</start><end>8</end></toponym>
		</toponyms>
	</article>
</articles>`

func TestReadEvalXML(t *testing.T) {
	r := NewResolver(gaz(t))
	for _, tc := range []struct {
		name      string
		xml       string
		toponyms  int
		withCoord int
	}{{"lgl", lglSample, 3, 2}, {"gwn", gwnSample, 3, 1}} {
		t.Run(tc.name, func(t *testing.T) {
			docs, st, err := ReadEvalXML(context.Background(), strings.NewReader(tc.xml), tc.name)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 || len(docs[0].Toponyms) != tc.toponyms || st.Dropped != 0 {
				t.Fatalf("docs %+v stats %+v", docs, st)
			}
			n := 0
			for _, g := range docs[0].Toponyms {
				if docs[0].Text[g.Start:g.End] != g.Text {
					t.Errorf("offsets of %q give %q", g.Text, docs[0].Text[g.Start:g.End])
				}
				if g.HasCoord {
					n++
				}
			}
			if n != tc.withCoord {
				t.Errorf("%d toponyms with coordinates, want %d", n, tc.withCoord)
			}
			s, err := r.EvaluateGold(context.Background(), docs)
			if err != nil || s.Toponyms != tc.withCoord || s.Acc161 != 1 {
				t.Errorf("gold scores %+v, %v", s, err)
			}
			e, err := r.EvaluateEndToEnd(context.Background(), docs)
			if err != nil || e.Recall == 0 || e.Precision == 0 {
				t.Errorf("end-to-end scores %+v, %v", e, err)
			}
		})
	}
	if _, _, err := ReadEvalXML(context.Background(), strings.NewReader("<articles><article>"), "bad.xml"); err == nil || !strings.Contains(err.Error(), "bad.xml:") {
		t.Errorf("want a positioned error for truncated XML, got %v", err)
	}
}

func FuzzReadEvalXML(f *testing.F) {
	f.Add([]byte(lglSample))
	f.Add([]byte(gwnSample))
	f.Add([]byte(`<articles><article><text>é</text><toponyms><toponym><start>5</start><end>1</end><phrase>x</phrase></toponym></toponyms></article></articles>`))
	g, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	r := NewResolver(g)
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, _, err := ReadEvalXML(context.Background(), bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, tp := range d.Toponyms {
				if tp.Start < 0 || tp.End > len(d.Text) || tp.Start > tp.End || d.Text[tp.Start:tp.End] != tp.Text {
					t.Fatalf("bad toponym %+v in %q", tp, d.Text)
				}
			}
		}
		if _, err := r.EvaluateEndToEnd(context.Background(), docs); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadCitiesPBF(f *testing.F) {
	f.Add([]byte{3, 8, 2, 18})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = ReadCitiesPBF(context.Background(), bytes.NewReader(b), "fuzz")
	})
}

const benchArticle = `Kyrgyz leaders reject Russian request over Kant air base

BISHKEK, Kyrgyzstan — Kyrgyzstan's parliament on Thursday rejected a request from Moscow to expand the Russian air base at Kant, about 20 kilometres east of the capital, Bishkek. Deputies said the base, which Russia has used since 2003, already hosts enough aircraft.

The vote came a week after President Sadyr Japarov met Vladimir Putin in St. Petersburg, where the two leaders discussed security on the border with Tajikistan and the situation in Afghanistan. Moscow said it regretted the decision. Washington welcomed it, and officials in Beijing declined to comment.

Residents of Kant and nearby Tokmok said they feared losing jobs at the base. "People here depend on it," said Aibek Osmonov, a shop owner in Kant. Analysts in Almaty, Kazakhstan, said the decision could strain ties with the Collective Security Treaty Organization, whose members also include Armenia, Belarus and Kazakhstan.

The parliament will meet again in Bishkek next month. Protests were also reported in Osh and Jalal-Abad in the south of the country, near the Uzbek border.`

func BenchmarkResolve(b *testing.B) {
	r := NewResolver(gaz(b))
	doc := SimpleSegment("bench", benchArticle)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Resolve(doc)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestAdmin1Seats(t *testing.T) {
	g := gaz(t)
	missing, total := 0, 0
	err := tsvLines("data/admin1.tsv", func(ln int, f []string) error {
		if f[1] != "" || field(f, 7) == "" {
			return nil
		}
		total++
		if g.seatCode(f[0], f[7]) == "" {
			missing++
			t.Logf("admin1.tsv:%d: seat %q of %s not found as PPLA/PPLC in %s", ln, f[7], f[3], f[0])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if missing*5 > total {
		t.Errorf("%d of %d seats not found", missing, total)
	}
}

// TestResolveWithNER checks that entity tags, when present, decide the
// candidate spans: a LOC span is resolved, a PER span never is.
func TestResolveWithNER(t *testing.T) {
	r := NewResolver(gaz(t))
	doc := SimpleSegment("ner", "Paris Hilton flew to Paris and then to Kant .")
	tags := []string{"B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O", "B-LOC", "O"}
	toks := doc.Sentences[0].Tokens
	if len(toks) != len(tags) {
		t.Fatalf("%d tokens", len(toks))
	}
	for i := range toks {
		toks[i].Ent = tags[i]
	}
	ps := r.Resolve(doc)
	if len(ps) != 2 || ps[0].Start != toks[4].Start || ps[0].CountryCode != "FR" || ps[1].Text != "Kant" {
		t.Fatalf("got %+v", ps)
	}
}

func TestDatelineCountry(t *testing.T) {
	r := NewResolver(gaz(t))
	for dl, want := range map[string]string{
		"BISHKEK, Kyrgyzstan —": "KG",
		"MOSCOW (Reuters) -":    "RU",
		"MACON, Ga. (AP) —":     "US",
		"PARIS, Texas —":        "US",
		"PARIS —":               "FR",
		"KYIV, Ukraine:":        "UA",
		"NOWHERE-LAND —":        "",
	} {
		if got := r.DatelineCountry(dl); got != want {
			t.Errorf("DatelineCountry(%q) = %q, want %q", dl, got, want)
		}
	}
}

// TestResolveTaggedPersonAfterLocative: with entity tags, a place name the
// recogniser read as a person still resolves after a locative preposition
// ("an air base in Kant"), but not as a possessive or a subject.
func TestResolveTaggedPersonAfterLocative(t *testing.T) {
	r := NewResolver(gaz(t))
	tests := []struct {
		text string
		want bool
	}{
		{"Russia keeps an air base in Kant , near Bishkek .", true},
		{"In Kant 's view , reason has limits .", false},
		{"Kant argued that reason has limits .", false},
	}
	for _, tc := range tests {
		doc := taggedDoc(tc.text, map[string]string{"Kant": "B-PER", "Bishkek": "B-LOC"})
		if found := hasPlace(r.Resolve(doc), "Kant", "KG"); found != tc.want {
			t.Errorf("%q: Kant resolved to KG = %v, want %v", tc.text, found, tc.want)
		}
	}
}

// TestResolveTaggedAdminSpan: a tagged span ending in an administrative
// word ("Surin province") resolves by the place name inside it.
func TestResolveTaggedAdminSpan(t *testing.T) {
	r := NewResolver(gaz(t))
	doc := taggedDoc("Thailand closed two checkpoints in Surin province on Monday .",
		map[string]string{"Thailand": "B-LOC", "Surin": "B-LOC", "province": "I-LOC"})
	if !hasPlace(r.Resolve(doc), "Surin", "TH") {
		t.Errorf("Surin province: no place Surin (TH) in %+v", r.Resolve(doc))
	}
}

// taggedDoc segments text and gives its tokens entity tags: ents by token
// text, "O" for the rest.
func taggedDoc(text string, ents map[string]string) *dyad.Document {
	doc := SimpleSegment("t", text)
	for si := range doc.Sentences {
		for i := range doc.Sentences[si].Tokens {
			tk := &doc.Sentences[si].Tokens[i]
			if e, ok := ents[tk.Text]; ok {
				tk.Ent = e
			} else {
				tk.Ent = "O"
			}
		}
	}
	return doc
}

// hasPlace reports whether ps holds a place with this text in country iso2.
func hasPlace(ps []Place, text, iso2 string) bool {
	for _, p := range ps {
		if p.Text == text && p.CountryCode == iso2 {
			return true
		}
	}
	return false
}
