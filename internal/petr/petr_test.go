package petr

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/code"
)

// dataDir is the shared PETRARCH data, or "" (tests skip) when absent.
// DYAD_PETR_DATA overrides the default ../../../shared/data/petrarch.
func dataDir(t *testing.T) string {
	t.Helper()
	d := os.Getenv("DYAD_PETR_DATA")
	if d == "" {
		d = filepath.Join("..", "..", "..", "shared", "data", "petrarch")
	}
	if _, err := os.Stat(filepath.Join(d, "PETR.UnitTest.records.xml")); err != nil {
		t.Skipf("PETRARCH data not found in %s (set DYAD_PETR_DATA): %v", d, err)
	}
	return d
}

func TestReadVerbs(t *testing.T) {
	src := `<!-- header -->
&CURRENCY
+DOLLARS
+SWISS FRANCS
&NEST_
+&CURRENCY
+CLOSER

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN }
WIRE_+TAP [1711] # comment
- + KNOWN_ * IN_ $  [076]
- * &CURRENCY [071]
- SAID WOULD_*_TALKS  [102]
- % * [030:030]
- * {A | B} [010]
`
	v, err := ReadVerbs("t.verbs", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Synsets) != 2 || len(v.Synsets[0].Members) != 2 || !v.Synsets[1].NoPlural || v.Synsets[1].Name != "&NEST" {
		t.Fatalf("synsets: %+v", v.Synsets)
	}
	if len(v.Blocks) != 1 {
		t.Fatalf("blocks: %+v", v.Blocks)
	}
	b := v.Blocks[0]
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"block code", b.Code, "1717"},
		{"verbs", len(b.Verbs), 3},
		{"irregular forms", len(b.Verbs[0].Forms), 2},
		{"multi-word head", b.Verbs[1].Head, 0},
		{"multi-word words", strings.Join(b.Verbs[1].Words, " "), "BREAK DOWN"},
		{"marked head", b.Verbs[2].Head, 1},
		{"own code", b.Verbs[2].Code, "1711"},
		{"patterns (disjunction skipped)", len(b.Patterns), 4},
		{"before", len(b.Patterns[0].Before), 2},
		{"before tight", b.Patterns[0].VerbTight, false},
		{"after source", b.Patterns[0].After[1].Kind, ElSource},
		{"synset elem", b.Patterns[1].After[0].Kind, ElSynset},
		{"tight verb", b.Patterns[2].VerbTight, true},
		{"tight after", b.Patterns[2].After[0].Tight, true},
		{"compound", b.Patterns[3].Before[0].Kind, ElCompound},
		{"reciprocal code", b.Patterns[3].Code, "030:030"},
		{"warnings", len(v.Warnings), 1},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, kind, src, want string
	}{
		{"pattern before block", "verbs", "- * X [010]\n", "t:1:"},
		{"two stars", "verbs", "--- A [010] ---\nA\n- * X * [010]\n", "t:3:"},
		{"no code", "verbs", "--- A [010] ---\nA\n- * X\n", "t:3: pattern without a [code]"},
		{"open comment", "verbs", "<!-- never closed\n", "t:1: unterminated"},
		{"bad date", "actors", "X [ABC]\n\t[ABC <1995]\n", "t:2: bad date"},
		{"range backwards", "actors", "X\n\t[ABC 20100101-20090101]\n", "t:2:"},
		{"indent junk", "actors", "X [ABC]\n\tjunk\n", "t:2:"},
		{"agent without code", "agents", "POLICE {}\n", "t:1:"},
		{"agent without tilde", "agents", "POLICE [COP]\n", "t:1:"},
		{"undefined marker", "agents", "CONGRESS!PERSON! [~LEG]\n", "t:1:"},
		{"empty discard", "discards", "+\n", "t:1:"},
	}
	for _, tt := range tests {
		var err error
		r := strings.NewReader(tt.src)
		switch tt.kind {
		case "verbs":
			_, err = ReadVerbs("t", r)
		case "actors":
			_, err = ReadActors("t", r)
		case "agents":
			_, err = ReadAgents("t", r)
		case "discards":
			_, err = ReadDiscards("t", r)
		}
		var pe *Error
		if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestReadActors(t *testing.T) {
	src := `GONDOR [GON]
+MINAS_TIRITH
GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
ZIMBABWE
	[RHO <790606]
	[ZBW]#jw 9/30/91
`
	a, err := ReadActors("t", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Actors) != 3 {
		t.Fatalf("actors: %+v", a.Actors)
	}
	g := a.Actors[1]
	if len(g.Names) != 2 || len(g.Codes) != 3 || g.Codes[0].Restrict != RestrictBefore || g.Codes[0].Date.Format("20060102") != "19950601" ||
		g.Codes[1].Restrict != RestrictRange || g.Codes[2].Restrict != RestrictAfter {
		t.Errorf("gollum: %+v", g)
	}
	if a.Actors[0].Tight[1][0] != true {
		t.Errorf("MINAS_TIRITH should be tight: %+v", a.Actors[0].Tight)
	}
	var buf bytes.Buffer
	if _, _, err := ConvertActors(&buf, a, nil, "t"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"country GON\n  name Gondor\n", "  alias Minas Tirith\n", "person Gollum\n",
		"  role HOB - 1995-06-01\n", "  role HOBGOV 1995-06-01 1999-08-15\n", "  role HOBREB 1999-08-16 -\n", "  role ZBW - -\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("converted actors lack %q:\n%s", want, out)
		}
	}
}

func TestReadAgents(t *testing.T) {
	src := `!PERSON! = MAN, MEN
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
MSF {}  [NGO~]
AUTHORITY [~GOV]
`
	a, err := ReadAgents("t", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	st, _, err := ConvertActors(&buf, nil, a, "t")
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"agent LEG\n  word congress\n  word congresses\n  word congressman\n  word congressmen\n",
		"agent COP\n  word police\n\n", "word attorneys general", "agent NGO\n  prefix msf\n", "word authorities"} {
		if !strings.Contains(out+"\n", want) {
			t.Errorf("converted agents lack %q:\n%s", want, out)
		}
	}
	if st.PrefixAgents != 1 {
		t.Errorf("prefix agents: %d", st.PrefixAgents)
	}
}

func TestDiscards(t *testing.T) {
	d, err := ReadDiscards("t", strings.NewReader("+TYPHOON   # x\nBASEBALL\nAFRICAN NATIONS CUP\nBALL_\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, level string
	}{
		{"A typhoon hit the coast.", LevelStory},
		{"Baseballs and baseball games.", LevelSentence},
		{"The African  Nations cup final.", LevelSentence},
		{"A football match.", ""},
		{"A ballet.", ""},
		{"A ball.", LevelSentence},
	}
	for _, tt := range tests {
		got, ok := d.Match(tt.text)
		if (tt.level == "") == ok || (ok && got.Level != tt.level) {
			t.Errorf("%q: got %+v %v, want level %q", tt.text, got, ok, tt.level)
		}
	}
}

func TestConvertVerbs(t *testing.T) {
	src := `&TIETYPES
+MILITARY
+ECONOMIC
&CURRENCY
+DOLLARS
+SWISS FRANCS

--- CRITICIZE [121] ---
CRITICIZE
- $ SHARPLY * + [112]
- HEAVILY * [122]
- * &TIETYPES TIES [---]
- * &CURRENCY [903]
- % * [030:030]
- * WITH % [031]

--- SAID [023] ---
SAID
- * WERE_INNOCENT [141]
`
	v, err := ReadVerbs("t.verbs", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	valid := func(c string) bool { return c != "903" && allDigits(c) }
	tests := []struct {
		name string
		opt  VerbOptions
		want []string
		not  []string
	}{
		{"extension", VerbOptions{ValidCode: valid, TriggerExt: true},
			[]string{"121 criticize\n", "112 $ sharply @criticize +\n", "122 heavily @criticize\n", "030:030 criticize ~sym\n",
				"031 criticize with +\n", "023 {said|say}\n", "141 {said|say} were innocent\n"},
			[]string{"903 ", " ties"}},
		{"no extension", VerbOptions{ValidCode: valid},
			[]string{"121 criticize\n", "031 criticize with +\n"},
			[]string{"@"}},
		{"loose gaps", VerbOptions{ValidCode: valid, TriggerExt: true, LooseGaps: true},
			[]string{"112 $ * sharply * @criticize * +\n", "141 {said|say} * were_innocent\n"}, nil},
		{"implicit target", VerbOptions{ValidCode: valid, TriggerExt: true, ImplicitTarget: true},
			[]string{"121 criticize\n", "121 criticize * * +\n", "112 $ sharply @criticize +\n", "030:030 criticize ~sym\n", "030:030 criticize * * + ~sym\n"},
			[]string{"112 $ sharply @criticize + * * +"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		st, ws, err := ConvertVerbs(&buf, v, "t.verbs", tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		checkOutput(t, tt.name, buf.String(), tt.want, tt.not)
		if st.NullCode != 1 || st.BadCode != 1 || st.Reciprocal != 1 {
			t.Errorf("%s: stats %+v", tt.name, st)
		}
		if len(ws) < 2 { // the null code and the non-CAMEO code; reciprocal codes are written as CODE:REVERSE
			t.Errorf("%s: warnings %v", tt.name, ws)
		}
	}
}

func TestLemmaCandidates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ABANDON", "abandon"},
		{"SAID", "said say"},
		{"KILLED", "killed kill kille kil"},
		{"URGING", "urging urg urge"},
		{"DENIED", "denied deny"},
		{"REPELLED", "repelled repell repelle repel"},
	}
	for _, tt := range tests {
		if got := strings.Join(lemmaCandidates(tt.in), " "); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPass(t *testing.T) {
	exp := []Coding{{"ARN", "GON", "064"}, {"---GOV", "---", "023"}}
	tests := []struct {
		name string
		rec  Record
		out  Outcome
		want bool
	}{
		{"equal sets", Record{Expected: exp}, Outcome{Codings: []Coding{{"GOV", "", "023"}, {"ARN", "GON", "064"}, {"ARN", "GON", "064"}}}, true},
		{"missing", Record{Expected: exp}, Outcome{Codings: []Coding{{"ARN", "GON", "064"}}}, false},
		{"extra", Record{Expected: exp[:1]}, Outcome{Codings: exp}, false},
		{"noevents", Record{NoEvents: true}, Outcome{}, true},
		{"noevents but coded", Record{NoEvents: true}, Outcome{Codings: exp}, false},
		{"story discard", Record{Error: "storydiscard"}, Outcome{Discarded: LevelStory}, true},
		{"discard not found", Record{Error: "sentencediscard"}, Outcome{}, false},
		{"other error, no events", Record{Error: "bad_input_parse"}, Outcome{}, true},
		{"discarded wrongly", Record{Expected: exp}, Outcome{Discarded: LevelSentence}, false},
	}
	for _, tt := range tests {
		if got := Pass(tt.rec, tt.out); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

// TestSharedData reads and converts the PETRARCH validation dictionaries
// and records.
func TestSharedData(t *testing.T) {
	dir := dataDir(t)
	var files []string
	for _, n := range []string{"verbs", "verbs.2.0", "actors", "agents", "discards"} {
		files = append(files, filepath.Join(dir, "PETR.Validate."+n+".txt"))
	}
	d, err := LoadFiles(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Verbs) != 2 || len(d.Actors) != 1 || len(d.Agents) != 1 || len(d.Discards) != 1 {
		t.Fatalf("loaded %d verbs, %d actors, %d agents, %d discards files", len(d.Verbs), len(d.Actors), len(d.Agents), len(d.Discards))
	}
	if n := len(d.Actors[0].Actors); n < 100 {
		t.Errorf("only %d actors", n)
	}
	conv, err := d.Convert(context.Background(), t.TempDir(), VerbOptions{TriggerExt: true})
	if err != nil {
		t.Fatal(err)
	}
	if conv.Verbs.Written < 300 || conv.Actors.Countries < 50 || conv.Actors.AgentEntries < 20 {
		t.Errorf("conversion too small: %+v %+v", conv.Verbs, conv.Actors)
	}
	// dyad's own parsers accept what was written.
	for _, p := range conv.PatternFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := code.ParsePatterns(p, bytes.NewReader(b), nil); err != nil {
			t.Errorf("converted patterns rejected: %v", err)
		}
	}
	for _, p := range conv.ActorFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := actor.Parse(p, bytes.NewReader(b)); err != nil {
			t.Errorf("converted actors rejected: %v", err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, _, err := ReadRecords("records", f)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range recs {
		n += len(r.Expected)
	}
	if len(recs) != 284 || n != 359 {
		t.Errorf("got %d records with %d codings, want 284 and 359", len(recs), n)
	}
}

func TestConvertVerbsFormBlocks(t *testing.T) {
	tests := []struct {
		name, src string
		want, not []string
	}{
		{"form with its own block is written for the form only",
			"--- MEET [031] ---\nMEET\n\n--- MET [032] ---\nMET\n",
			[]string{"031 meet\n", "032 met\n"}, []string{"{met|meet}"}},
		{"letter sub-codes are kept",
			"--- BARGAIN [031] ---\nBARGAIN\n- * FOR_ASYLUM [174K]\n",
			[]string{"174K bargain for asylum\n"}, nil},
		{"form without a lemma block covers the lemma",
			"--- MET [032] ---\nMET\n",
			[]string{"032 {met|meet}\n"}, nil},
	}
	for _, tt := range tests {
		v, err := ReadVerbs("t.verbs", strings.NewReader(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, _, err := ConvertVerbs(&buf, v, "t.verbs", VerbOptions{}); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, tt.name, buf.String(), tt.want, tt.not)
	}
}

// checkOutput reports every string of want that out lacks and every string
// of not that it has.
func checkOutput(t *testing.T, name, out string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s: output lacks %q:\n%s", name, w, out)
		}
	}
	for _, w := range not {
		if strings.Contains(out, w) {
			t.Errorf("%s: output has %q:\n%s", name, w, out)
		}
	}
}

func TestConvertVerbsJoins(t *testing.T) {
	src := "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON [345] ---\nABANDON\n- * NEW_&TIETYPES_RELATIONS [903]\n- * IMPROVED &TIETYPES RELATIONS [904]\n- MOST_CERTAINLY * [905]\n- * TALKS ^ + [906]\n"
	v, err := ReadVerbs("t.verbs", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		opt       VerbOptions
		want, not []string
	}{
		{"loose gaps keep '_' joins", VerbOptions{ValidCode: allDigits, TriggerExt: true, LooseGaps: true},
			[]string{"903 abandon * new_&TIETYPES_relations\n", "904 abandon * improved * &TIETYPES * relations\n", "905 most_certainly * @abandon\n"}, nil},
		{"skip actors", VerbOptions{ValidCode: allDigits, TriggerExt: true, LooseGaps: true, SkipActors: true},
			[]string{"906 abandon * talks * ^ * +\n"}, nil},
		{"skip as gap", VerbOptions{ValidCode: allDigits, TriggerExt: true, LooseGaps: true},
			[]string{"906 abandon * talks * * * +\n"}, nil},
		{"exact words", VerbOptions{ValidCode: allDigits, TriggerExt: true, LooseGaps: true, ExactWords: true},
			[]string{"903 abandon * =new_=&TIETYPES_=relations\n", "905 =most_=certainly * @abandon\n"}, nil},
		{"without loose gaps every word may skip fillers", VerbOptions{ValidCode: allDigits, TriggerExt: true},
			[]string{"903 abandon new &TIETYPES relations\n"}, []string{"_"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if _, _, err := ConvertVerbs(&buf, v, "t.verbs", tt.opt); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, tt.name, buf.String(), tt.want, tt.not)
	}
}

func TestConvertMultiCodeActor(t *testing.T) {
	a, err := ReadActors("t", strings.NewReader("THE_SHIRE  [FRO/BIL/SAM]\nLORIEN [ELR/gal]\nBREE [BRE]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	st, _, err := ConvertActors(&buf, a, nil, "t")
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"org FROBILSAM\n  name The Shire\n", "  code FRO\n  country FRO\n  also BIL\n  also SAM\n",
		"org ELRGAL\n  name Lorien\n", "  code ELR\n  country ELR\n  also GAL\n", "country BRE\n  name Bree\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("converted actors lack %q:\n%s", want, out)
		}
	}
	if st.MultiCode != 2 {
		t.Errorf("MultiCode = %d", st.MultiCode)
	}
	// The output is a dyad dictionary.
	if _, err := actor.Parse("converted", strings.NewReader(out)); err != nil {
		t.Error(err)
	}
}

func TestCaseVariants(t *testing.T) {
	tests := []struct {
		words []string
		want  []string // among the variants
		not   []string
	}{
		{[]string{"BARAD-DUR"}, []string{"Barad-Dur", "Barad-dur", "BARAD-DUR"}, nil},
		{[]string{"MINAS", "TIRITH"}, []string{"Minas Tirith", "MINAS TIRITH"}, []string{"Minas tirith"}},
		{[]string{"THE", "SHIRE"}, []string{"The Shire", "the Shire"}, nil},
	}
	for _, tc := range tests {
		got := caseVariants(tc.words)
		has := map[string]bool{}
		for _, g := range got {
			has[g] = true
		}
		for _, w := range tc.want {
			if !has[w] {
				t.Errorf("%v: variants %q lack %q", tc.words, got, w)
			}
		}
		for _, w := range tc.not {
			if has[w] {
				t.Errorf("%v: variants %q have %q", tc.words, got, w)
			}
		}
	}
}

func TestRecordConfig(t *testing.T) {
	src := `<Validation>
<Sentence date="19950101" id="A" category="X"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding><Text>a</Text></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Config option="comma_emax" value="0"></Config>
<Sentence date="19950101" id="B" category="X"><EventCoding noevents="True"></EventCoding><Text>b</Text></Sentence>
<Config option="Require_Dyad" value="True"></Config>
<Sentence date="19950101" id="C" category="X"><EventCoding noevents="True"></EventCoding><Text>c</Text></Sentence>
</Validation>`
	recs, _, err := ReadRecords("t.xml", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id       string
		val, set bool
		comma    string
	}{{"A", false, false, ""}, {"B", false, true, "0"}, {"C", true, true, "0"}}
	for i, tc := range tests {
		r := recs[i]
		v, ok := r.Option("require_dyad")
		if r.ID != tc.id || v != tc.val || ok != tc.set || r.Config["comma_emax"] != tc.comma {
			t.Errorf("%s: require_dyad %v (set %v), comma_emax %q; config %v", r.ID, v, ok, r.Config["comma_emax"], r.Config)
		}
	}
}
