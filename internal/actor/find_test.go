package actor

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/dyad-events/dyad/internal/dyad"
)

// sentence builds a Sentence with a tiny tokenizer: blanks separate tokens;
// trailing , ; : ! ? " ) and a final period (unless the word is an
// abbreviation such as "U.S.") are split off, as are leading quotes and
// brackets and a possessive 's / ’s.
func sentence(text string) *dyad.Sentence {
	s := &dyad.Sentence{Text: text, End: len(text)}
	i := 0
	for i < len(text) {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		if i == j {
			break
		}
		addWord(s, text, i, j)
		i = j
	}
	return s
}

func addWord(s *dyad.Sentence, text string, a, b int) {
	add := func(x, y int) {
		if x < y {
			s.Tokens = append(s.Tokens, dyad.Token{Text: text[x:y], Start: x, End: y})
		}
	}
	for a < b && strings.ContainsRune("\"(“", rune(text[a])) {
		add(a, a+1)
		a++
	}
	var tail [][2]int
	for b > a {
		c := text[b-1]
		if strings.ContainsRune(",;:!?\")", rune(c)) {
			tail = append(tail, [2]int{b - 1, b})
			b--
			continue
		}
		if c == '.' && !strings.Contains(text[a:b-1], ".") && !(b-a <= 3 && b-a >= 2 && unicode.IsUpper(rune(text[a]))) {
			tail = append(tail, [2]int{b - 1, b})
			b--
			continue
		}
		break
	}
	w := text[a:b]
	switch {
	case strings.HasSuffix(w, "'s"):
		add(a, b-2)
		add(b-2, b)
	case strings.HasSuffix(w, "’s"):
		add(a, b-len("’s"))
		add(b-len("’s"), b)
	default:
		add(a, b)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		add(tail[k][0], tail[k][1])
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// testDict is a small dictionary for the composition rules, independent of
// the built-in data.
const testDict = `
country RUS
  name Russia
  alias Russian Federation
  adj Russian
  people Russians
  capital Moscow
  gov Kremlin
  inst LEG State Duma
country KGZ
  name Kyrgyzstan
  adj Kyrgyz
  capital Bishkek
country FRA
  name France
  adj French
  capital Paris
country USA
  name United States
  alias U.S.
  alias US
  adj U.S.
  adj American
  capital Washington
  gov White House
  inst MIL Pentagon
country KAZ
  name Kazakhstan
  adj Kazakh
  capital Astana
igo IGOWSTNAT
  name North Atlantic Treaty Organization
  alias NATO
  adj NATO
org PSEREBHMS
  name Hamas
agent GOV
  word president
  word foreign minister
  word minister
  word spokesman
  word government
  word officials
  word administration
agent MIL
  word troops
  word army
  word military officials
agent COP
  word police
agent LEG
  word lawmakers
agent OPP
  word opposition leader
agent REB
  word rebels
agent ELI
  word ex-president
person Vladimir Putin
  alias Putin
  country RUS
  role RUSGOV 2000-05-07 2008-05-07 president
  role RUSGOV 2008-05-08 2012-05-07 prime minister
  role RUSGOV 2012-05-07 - president
person Nursultan Nazarbayev
  alias Nazarbayev
  country KAZ
  role KAZGOV 1991-12-16 2019-03-19 president
person Alexei Navalny
  alias Navalny
  country RUS
`

func mustParse(t testing.TB, src string) *Dictionary {
	t.Helper()
	d, err := Parse("test.actors", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func render(ms []Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("[%s|%s|%s|%s|%s|%s]", m.Ref.Text, m.Ref.Code, m.Ref.Name, m.Ref.Country, m.Ref.Sector, m.Kind))
	}
	return strings.Join(parts, " ")
}

func TestFindComposition(t *testing.T) {
	d := mustParse(t, testDict)
	tests := []struct {
		name, date, text, want string
	}{
		{"title and person", "2025-03-14", "Russian President Vladimir Putin said on Friday.",
			"[Russian President Vladimir Putin|RUSGOV|Vladimir Putin|RUS|GOV|person]"},
		{"person as prime minister", "2010-01-01", "Putin met officials.",
			"[Putin|RUSGOV|Vladimir Putin|RUS|GOV|person] [officials|GOV|officials||GOV|agent]"},
		{"former leader is elite", "2025-03-14", "Nazarbayev arrived.",
			"[Nazarbayev|KAZELI|Nursultan Nazarbayev|KAZ|ELI|person]"},
		{"former president title", "2025-03-14", "Former Kazakh President Nursultan Nazarbayev spoke.",
			"[Former Kazakh President Nursultan Nazarbayev|KAZELI|Nursultan Nazarbayev|KAZ|ELI|person]"},
		{"former overrides a covering role", "2015-01-01", "former president Nazarbayev spoke.",
			"[former president Nazarbayev|KAZELI|Nursultan Nazarbayev|KAZ|ELI|person]"},
		{"ex- agent overrides a covering role", "2015-01-01", "ex-president Nazarbayev spoke.",
			"[ex-president Nazarbayev|KAZELI|Nursultan Nazarbayev|KAZ|ELI|person]"},
		{"person without roles", "2020-01-01", "Navalny was detained.",
			"[Navalny|RUSELI|Alexei Navalny|RUS|ELI|person]"},
		{"person without roles with title", "2020-01-01", "opposition leader Alexei Navalny was detained.",
			"[opposition leader Alexei Navalny|RUSOPP|Alexei Navalny|RUS|OPP|person]"},
		{"adjective and agent", "2025-01-01", "Kyrgyz troops crossed the border.",
			"[Kyrgyz troops|KGZMIL|Kyrgyzstan|KGZ|MIL|country]"},
		{"possessive", "2025-01-01", "Kyrgyzstan's army crossed the border.",
			"[Kyrgyzstan's army|KGZMIL|Kyrgyzstan|KGZ|MIL|country]"},
		{"curly possessive", "2025-01-01", "Kyrgyzstan’s army crossed the border.",
			"[Kyrgyzstan’s army|KGZMIL|Kyrgyzstan|KGZ|MIL|country]"},
		{"the before adjective", "2025-01-01", "He met the French foreign minister.",
			"[French foreign minister|FRAGOV|France|FRA|GOV|country]"},
		{"capital as government", "2025-01-01", "Moscow said it would respond.",
			"[Moscow|RUSGOV|Russia|RUS|GOV|capital]"},
		{"metonym", "2025-01-01", "The Kremlin denied it.",
			"[Kremlin|RUSGOV|Russia|RUS|GOV|capital]"},
		{"institution", "2025-01-01", "The Pentagon said.",
			"[Pentagon|USAMIL|United States|USA|MIL|capital]"},
		{"institution and agent keeps institution", "2025-01-01", "State Duma lawmakers voted.",
			"[State Duma lawmakers|RUSLEG|Russia|RUS|LEG|capital]"},
		{"metonym and agent", "2025-01-01", "Kremlin spokesman Dmitry Peskov said.",
			"[Kremlin spokesman Dmitry Peskov|RUSGOV|Dmitry Peskov|RUS|GOV|person]"},
		{"igo and agent", "2025-01-01", "NATO troops arrived.",
			"[NATO troops|IGOWSTNATMIL|North Atlantic Treaty Organization||MIL|igo]"},
		{"igo alone", "2025-01-01", "NATO said.",
			"[NATO|IGOWSTNAT|North Atlantic Treaty Organization|||igo]"},
		{"bare agent", "2025-01-01", "police fired tear gas.",
			"[police|COP|police||COP|agent]"},
		{"bare agent capitalised", "2025-01-01", "Police fired tear gas.",
			"[Police|COP|police||COP|agent]"},
		{"U.S. as one token", "2025-01-01", "U.S. officials met Russian officials.",
			"[U.S. officials|USAGOV|United States|USA|GOV|country] [Russian officials|RUSGOV|Russia|RUS|GOV|country]"},
		{"country alone", "2025-01-01", "Russia and the United States agreed.",
			"[Russia|RUS|Russia|RUS||country] [United States|USA|United States|USA||country]"},
		{"adjective alone", "2025-01-01", "the Russian side agreed.",
			"[Russian|RUS|Russia|RUS||country]"},
		{"people", "2025-01-01", "Russians voted.",
			"[Russians|RUS|Russia|RUS||country]"},
		{"agent of country", "2025-01-01", "the army of Kyrgyzstan moved.",
			"[army of Kyrgyzstan|KGZMIL|Kyrgyzstan|KGZ|MIL|country]"},
		{"head noun gives the sector", "2025-01-01", "Russian government troops moved.",
			"[Russian government troops|RUSMIL|Russia|RUS|MIL|country]"},
		{"generic title takes the sector before it", "2025-01-01", "Russian army spokesman said.",
			"[Russian army spokesman|RUSMIL|Russia|RUS|MIL|country]"},
		{"full current title beats a stale dictionary", "2025-03-14", "Kazakh President Nazarbayev said.",
			"[Kazakh President Nazarbayev|KAZGOV|Nursultan Nazarbayev|KAZ|GOV|person]"},
		{"bare title keeps the dictionary's elite", "2025-03-14", "President Nazarbayev said.",
			"[President Nazarbayev|KAZELI|Nursultan Nazarbayev|KAZ|ELI|person]"},
		{"portfolio before an agent", "2025-01-01", "French Labour Minister Jean Dupont said.",
			"[French Labour Minister Jean Dupont|FRAGOV|Jean Dupont|FRA|GOV|person]"},
		{"portfolio without an agent is not a mention", "2025-01-01", "the health of Russia.",
			"[Russia|RUS|Russia|RUS||country]"},
		{"multiword agent overrides head", "2025-01-01", "Russian military officials said.",
			"[Russian military officials|RUSMIL|Russia|RUS|MIL|country]"},
		{"former with agent", "2025-01-01", "a former French foreign minister said.",
			"[former French foreign minister|FRAELI|France|FRA|ELI|country]"},
		{"country's person", "2025-03-14", "Russia's Putin said.",
			"[Russia's Putin|RUSGOV|Vladimir Putin|RUS|GOV|person]"},
		{"person's agent", "2025-03-14", "Putin's spokesman said.",
			"[Putin's spokesman|RUSGOV|spokesman|RUS|GOV|agent]"},
		{"person then agent", "2025-03-14", "the Putin government said.",
			"[Putin government|RUSGOV|government|RUS|GOV|agent]"},
		{"unknown name after title", "2025-01-01", "President Sadyr Japarov of Kyrgyzstan said.",
			"[President Sadyr Japarov|GOV|Sadyr Japarov||GOV|person] [Kyrgyzstan|KGZ|Kyrgyzstan|KGZ||country]"},
		{"org and agent keeps org", "2025-01-01", "Hamas officials said.",
			"[Hamas officials|PSEREBHMS|Hamas|PSE|REB|org]"},
		{"org alone", "2025-01-01", "Hamas said.",
			"[Hamas|PSEREBHMS|Hamas|PSE|REB|org]"},
		{"case-sensitive names", "2025-01-01", "let us go to the paris of the east.",
			""},
		{"no overlap, left to right", "2025-03-14", "Kyrgyz police and Russian troops clashed.",
			"[Kyrgyz police|KGZCOP|Kyrgyzstan|KGZ|COP|country] [Russian troops|RUSMIL|Russia|RUS|MIL|country]"},
		{"qualifier without agent is dropped", "2025-01-01", "the new Russian gas deal.",
			"[Russian|RUS|Russia|RUS||country]"},
		{"acting title", "2025-01-01", "Russian acting foreign minister Ivanov spoke.",
			"[Russian acting foreign minister Ivanov|RUSGOV|Ivanov|RUS|GOV|person]"},
		{"coordinated modifiers share the agent", "2025-01-01", "Kyrgyz and French troops clashed.",
			"[Kyrgyz|KGZMIL|Kyrgyzstan|KGZ|MIL|country] [French troops|FRAMIL|France|FRA|MIL|country]"},
		{"coordination chain", "2025-01-01", "Russia, Kyrgyzstan and France's lawmakers met.",
			"[Russia|RUSLEG|Russia|RUS|LEG|country] [Kyrgyzstan|KGZLEG|Kyrgyzstan|KGZ|LEG|country] [France's lawmakers|FRALEG|France|FRA|LEG|country]"},
		{"coordination without agent", "2025-01-01", "Russia and France agreed.",
			"[Russia|RUS|Russia|RUS||country] [France|FRA|France|FRA||country]"},
		{"title-case headline takes no unknown names", "2025-01-01", "Russian President Says Troops Will Stay",
			"[Russian President|RUSGOV|Russia|RUS|GOV|country] [Troops|MIL|troops||MIL|agent]"},
		{"plural agent takes no name", "2025-01-01", "Russian troops Monday entered the town.",
			"[Russian troops|RUSMIL|Russia|RUS|MIL|country]"},
		{"possessive split in two tokens", "2025-01-01", "the U.S. ' s army",
			"[U.S. ' s army|USAMIL|United States|USA|MIL|country]"},
		{"then- split at the hyphen", "2010-01-01", "then - president Putin said.",
			"[then - president Putin|RUSGOV|Vladimir Putin|RUS|GOV|person]"},
		{"ex- split at the hyphen", "2010-01-01", "ex - president Putin said.",
			"[ex - president Putin|RUSELI|Vladimir Putin|RUS|ELI|person]"},
		{"a dash is not a qualifier", "2010-01-01", "Reuters - Kyrgyz troops moved.",
			"[Kyrgyz troops|KGZMIL|Kyrgyzstan|KGZ|MIL|country]"},
		{"pro- adjective is not the country", "2025-01-01", "pro - Russian rebels attacked.",
			"[Russian rebels|REB|rebels||REB|agent]"},
		{"capital inside a longer name", "2025-01-01", "under the Paris Agreement, Moscow said.",
			"[Moscow|RUSGOV|Russia|RUS|GOV|capital]"},
		{"capital before a day name", "2025-01-01", "Moscow Monday said.",
			"[Moscow|RUSGOV|Russia|RUS|GOV|capital]"},
		{"ethnic group is not the country", "2025-01-01", "ethnic Russians protested.",
			"[Russians|CVL|Russians||CVL|agent]"},
		{"ethnic group with an agent", "2025-01-01", "ethnic Russian rebels attacked.",
			"[Russian rebels|REB|rebels||REB|agent]"},
		{"zero date picks the open role", "", "Putin spoke.",
			"[Putin|RUSGOV|Vladimir Putin|RUS|GOV|person]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var date time.Time
			if tc.date != "" {
				date = day(tc.date)
			}
			s := sentence(tc.text)
			got := render(d.Find(s, date))
			if got != tc.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
			for _, m := range d.Find(s, date) {
				if tc.text[m.Ref.Start:m.Ref.End] != m.Ref.Text {
					t.Errorf("offsets %d:%d give %q, Text %q", m.Ref.Start, m.Ref.End, tc.text[m.Ref.Start:m.Ref.End], m.Ref.Text)
				}
			}
		})
	}
}

func TestFindDocumentOffsets(t *testing.T) {
	// Tokens carry document offsets; the sentence starts at 100.
	d := mustParse(t, testDict)
	s := sentence("Kyrgyz troops moved.")
	s.Start += 100
	s.End += 100
	for i := range s.Tokens {
		s.Tokens[i].Start += 100
		s.Tokens[i].End += 100
	}
	ms := d.Find(s, day("2025-01-01"))
	if len(ms) != 1 || ms[0].Ref.Start != 100 || ms[0].Ref.End != 113 || ms[0].Ref.Text != "Kyrgyz troops" {
		t.Fatalf("got %+v", ms)
	}
}

func TestFindUsesEntityTags(t *testing.T) {
	d := mustParse(t, testDict)
	s := sentence("President Sadyr Japarov Monday said.")
	tags := []string{"O", "B-PER", "I-PER", "O", "O", "O"}
	for i := range s.Tokens {
		s.Tokens[i].Ent = tags[i]
	}
	got := render(d.Find(s, day("2025-01-01")))
	want := "[President Sadyr Japarov|GOV|Sadyr Japarov||GOV|person]"
	if got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestOverride(t *testing.T) {
	d := mustParse(t, testDict)
	agents := d.Kinds()[KindAgent]
	user := mustParse(t, `
person Vladimir Putin
  alias Putin
  country RUS
  role RUSMIL 2000 - commander
country KGZ
  name Kyrgyz Republic
  adj Kirghiz
agent MIL
  word warriors
`)
	d.Add(user)
	tests := []struct{ text, want string }{
		{"Putin spoke.", "[Putin|RUSMIL|Vladimir Putin|RUS|MIL|person]"},
		// The replaced entry's names are gone, the new ones work.
		{"Kyrgyz warriors left.", "[warriors|MIL|warriors||MIL|agent]"},
		{"Kirghiz warriors left.", "[Kirghiz warriors|KGZMIL|Kyrgyz Republic|KGZ|MIL|country]"},
		// The replaced agent lost its old words; other entries stay.
		{"Russian troops left.", "[Russian|RUS|Russia|RUS||country]"},
		{"Russian police left.", "[Russian police|RUSCOP|Russia|RUS|COP|country]"},
	}
	for _, tc := range tests {
		if got := render(d.Find(sentence(tc.text), day("2025-01-01"))); got != tc.want {
			t.Errorf("Find(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
	if n := d.Kinds()[KindAgent]; n != agents {
		t.Errorf("agents = %d, want %d (MIL replaced, not added)", n, agents)
	}
	if e := d.Lookup(KindAgent, "MIL"); e == nil || len(e.Words) != 1 {
		t.Errorf("MIL agent not replaced: %+v", e)
	}
}

func TestLaterNameWins(t *testing.T) {
	d := mustParse(t, testDict)
	d.Add(mustParse(t, "org USAMEDXYZ\n  name Washington\n  sector MED\n"))
	got := render(d.Find(sentence("Washington said."), day("2025-01-01")))
	if want := "[Washington|USAMEDXYZ|Washington|USA|MED|org]"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestZeroDictionary(t *testing.T) {
	var d Dictionary
	if ms := d.Find(sentence("Russian troops."), day("2025-01-01")); len(ms) != 0 {
		t.Errorf("empty dictionary found %v", ms)
	}
	if d.Len() != 0 || d.Lookup(KindCountry, "RUS") != nil || len(d.Entries()) != 0 {
		t.Error("zero dictionary not empty")
	}
	d.Add(mustParse(t, testDict))
	if got := render(d.Find(sentence("Russian troops."), day("2025-01-01"))); got != "[Russian troops|RUSMIL|Russia|RUS|MIL|country]" {
		t.Errorf("after Add: %s", got)
	}
	var nilDict *Dictionary
	if nilDict.Find(sentence("Russia"), time.Time{}) != nil {
		t.Error("nil dictionary found mentions")
	}
}

func FuzzFind(f *testing.F) {
	d, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range benchSentences[:8] {
		f.Add(s)
	}
	f.Add("THE U.S. AND 'S 'S OF THE")
	f.Add("former ex- the the Kremlin's of of Russia")
	f.Fuzz(func(t *testing.T, text string) {
		s := sentence(text)
		prev := 0
		for _, m := range d.Find(s, day("2020-06-01")) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s.Tokens) {
				t.Fatalf("bad or overlapping mention %+v (prev end %d)", m, prev)
			}
			if m.Ref.Start < 0 || m.Ref.End > len(text) || text[m.Ref.Start:m.Ref.End] != m.Ref.Text {
				t.Fatalf("offsets %d:%d do not give %q", m.Ref.Start, m.Ref.End, m.Ref.Text)
			}
			if m.Ref.Code == "" || m.Kind == "" {
				t.Fatalf("empty code or kind: %+v", m)
			}
			prev = m.End
		}
	})
}

func TestIGOCodeEndingInSector(t *testing.T) {
	d := mustParse(t, "igo HGWGOVMED\n  name Quibbler\n\nigo UNO\n  name United Nations\n\nagent GOVMED\n  word government newspaper\n")
	tests := []struct{ text, want string }{
		{"The Quibbler government newspaper said.", "HGWGOVMED"},
		{"United Nations government newspaper said.", "UNOGOVMED"},
	}
	for _, tc := range tests {
		ms := d.Find(sentence(tc.text), day("2025-01-01"))
		if len(ms) != 1 || ms[0].Ref.Code != tc.want {
			t.Errorf("%s: got %s want %s", tc.text, render(ms), tc.want)
		}
	}
}

func TestFindSkipsTaggedAdjectives(t *testing.T) {
	d := mustParse(t, testDict)
	tests := []struct {
		name, text string
		upos       []string
		want       string
	}{
		{"coordinated adjectives between modifier and agent", "Kyrgyzstan's awful and evil minister spoke.",
			[]string{"PROPN", "PART", "ADJ", "CCONJ", "ADJ", "NOUN", "VERB", "PUNCT"},
			"[Kyrgyzstan's awful and evil minister|KGZGOV|Kyrgyzstan|KGZ|GOV|country]"},
		{"adjectives without an agent after them", "Kyrgyzstan's awful and evil plan failed.",
			[]string{"PROPN", "PART", "ADJ", "CCONJ", "ADJ", "NOUN", "VERB", "PUNCT"},
			"[Kyrgyzstan|KGZ|Kyrgyzstan|KGZ||country]"},
		{"untagged adjectives are not skipped", "Kyrgyzstan's awful and evil minister spoke.", nil,
			"[Kyrgyzstan|KGZ|Kyrgyzstan|KGZ||country] [minister|GOV|minister||GOV|agent]"},
	}
	for _, tc := range tests {
		s := sentence(tc.text)
		if tc.upos != nil {
			if len(tc.upos) != len(s.Tokens) {
				t.Fatalf("%s: %d tokens", tc.name, len(s.Tokens))
			}
			for i := range s.Tokens {
				s.Tokens[i].UPOS = tc.upos[i]
			}
		}
		if got := render(d.Find(s, day("2025-01-01"))); got != tc.want {
			t.Errorf("%s: got %s want %s", tc.name, got, tc.want)
		}
	}
}

func TestFindUnderscoreJoins(t *testing.T) {
	tests := []struct{ dict, text, want string }{
		{"igo DOL\n  name Dol Amroth\n", "Dol_Amroth said.", "DOL"},
		{"igo DOL\n  name Dol_Amroth\n", "Dol Amroth said.", "DOL"},
		{"igo DOL\n  name Dol Amroth\n", "Dol Amroth said.", "DOL"},
		{"igo DOL\n  name Dol Amroth\n", "Dol_ said.", ""},
	}
	for _, tc := range tests {
		d := mustParse(t, tc.dict)
		ms := d.Find(sentence(tc.text), day("2025-01-01"))
		got := ""
		if len(ms) > 0 {
			got = ms[0].Ref.Code
		}
		if got != tc.want {
			t.Errorf("%q with %q: got %q want %q", tc.text, tc.dict, got, tc.want)
		}
	}
}

func TestFindAntiPro(t *testing.T) {
	d := mustParse(t, testDict)
	tests := []struct{ name, text, want string }{
		{"the country opposed is an actor", "They broke up an anti - Russian rally.", "[Russian|RUS|Russia|RUS||country]"},
		{"anti before an agent is an attitude", "They met anti - Russian police.", "[Russian police|COP|police||COP|agent]"},
		{"pro is an attitude", "They broke up a pro - Russian rally.", ""},
	}
	for _, tc := range tests {
		if got := render(d.Find(sentence(tc.text), day("2025-01-01"))); got != tc.want {
			t.Errorf("%s: got %s want %s", tc.name, got, tc.want)
		}
	}
}

func TestFindAlso(t *testing.T) {
	d := mustParse(t, testDict+"\norg FROBILSAM\n  name The Shire\n  code FRO\n  country FRO\n  also BIL\n  also SAM\n")
	tests := []struct{ text, want string }{
		{"The Shire protested.", "FRO BIL SAM"},
		{"The Shire police protested.", "FRO BIL SAM"}, // an org keeps its code before agents
		{"Russia protested.", "RUS"},
	}
	for _, tc := range tests {
		ms := d.Find(sentence(tc.text), day("2025-01-01"))
		var got []string
		for _, m := range ms {
			got = append(got, m.Ref.Code)
			for _, a := range m.Also {
				got = append(got, a.Code)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: got %s want %s", tc.text, g, tc.want)
		}
	}
	if _, err := Parse("x", strings.NewReader("org ABC\n  name A\n  also abc\n")); err == nil {
		t.Error("a lower-case also code parsed")
	}
	if _, err := Parse("x", strings.NewReader("country ABC\n  name A\n  also DEF\n")); err == nil {
		t.Error("also in a country entry parsed")
	}
}

func TestFindPrefixAgents(t *testing.T) {
	d := mustParse(t, testDict+"\nagent NGO\n  word aid group\n  prefix msf\n")
	tests := []struct{ name, text, want string }{
		{"prefix before a country", "MSF Russia said.", "[MSF Russia|NGORUS|Russia|RUS||country]"},
		{"prefix before a country and agent", "An MSF Russia minister said.", "[MSF Russia minister|NGORUSGOV|Russia|RUS|GOV|country]"},
		{"prefix alone is the agent", "MSF said.", "[MSF|NGO|msf||NGO|agent]"},
		{"plain agent word still appends", "Russian aid group said.", "[Russian aid group|RUSNGO|Russia|RUS|NGO|country]"},
	}
	for _, tc := range tests {
		if got := render(d.Find(sentence(tc.text), day("2025-01-01"))); got != tc.want {
			t.Errorf("%s: got %s want %s", tc.name, got, tc.want)
		}
	}
}
