package code

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/text"
)

const enginePatterns = `
&TROOP = troop | soldier | force
042  visit
042  arrive in +
0874 withdraw * &TROOP from +
046  negotiate ~sym
190  clash with +
190  clash ~sym
192  invasion of + ~noun
173  arrest
112  criticize
111  $ sharply @criticize +
010  say
040  meet
073  provide * aid to +
190  attack
194  shell
204  attack + with * chemical
036  ready to meet +
057:057 sign * treaty with +
081  agree
030:030 agree ~sym
`

var (
	engOnce sync.Once
	engOnt  *ontology.Ontology
	engDict *actor.Dictionary
	engErr  error
)

func engine(t *testing.T) (*Coder, *actor.Dictionary) {
	t.Helper()
	engOnce.Do(func() {
		if engOnt, engErr = ontology.Load(); engErr != nil {
			return
		}
		engDict, engErr = actor.Builtin()
	})
	if engErr != nil {
		t.Fatal(engErr)
	}
	ps, err := ParsePatterns("engine", strings.NewReader(enginePatterns), validCode(engOnt))
	if err != nil {
		t.Fatal(err)
	}
	return New(engOnt, ps), engDict
}

// codeText codes every sentence of txt after running the annotators.
func codeText(t *testing.T, c *Coder, d *actor.Dictionary, txt string, as ...dyad.Annotator) []dyad.Event {
	doc := &dyad.Document{ID: "t", Text: txt, Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
	text.Segment(doc, false)
	var out []dyad.Event
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		for _, a := range as {
			a.Annotate(s)
		}
		out = append(out, c.Code(Input{Doc: doc, Sentence: s, Mentions: d.Find(s, doc.Published), Date: doc.Published})...)
	}
	return out
}

func summary(evs []dyad.Event) string {
	var parts []string
	for _, e := range evs {
		var a, r []string
		for _, x := range e.Actor {
			a = append(a, x.Code)
		}
		for _, x := range e.Recipient {
			r = append(r, x.Code)
		}
		s := e.CAMEO.Code + " " + strings.Join(a, "+") + ">" + strings.Join(r, "+")
		if e.Mode == "negated" {
			s += " neg"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestEngine(t *testing.T) {
	c, d := engine(t)
	needTags := map[string]bool{"compound with modifiers": true, "agent from country before the verb": true, "predicate adjective trigger": true, "coordinated verbs share the subject": true} // modifiers recognised by their POS tags
	tests := []struct{ name, sentence, want string }{
		{"subject verb object", "Russian President Vladimir Putin visited Kyrgyzstan.", "042 RUSGOV>KGZ"},
		{"pattern target slot", "Putin arrived in Bishkek on Tuesday.", "042 RUSGOV>KGZ"},
		{"gap and synset", "Russia withdrew all of its troops from Syria.", "0874 RUS>SYR"},
		{"compound symmetric", "Armenia and Azerbaijan negotiated.", "046 ARM>AZE; 046 AZE>ARM"},
		{"compound source", "Armenia and Azerbaijan clashed with Iran.", "190 ARM+AZE>IRN"},
		{"passive", "Kyrgyzstan was visited by Putin.", "042 RUSGOV>KGZ"},
		{"negation", "Russia did not visit Kyrgyzstan.", "042 RUS>KGZ neg"},
		{"noun trigger with possessive", "Russia's invasion of Ukraine drew protests.", "192 RUS>UKR"},
		{"pre-trigger pattern", "France sharply criticized Germany.", "111 FRA>DEU"},
		{"prepositional object is not the subject", "In Kyrgyzstan, Russia visited Tajikistan.", "042 RUS>TJK"},
		{"clause subject is not an object", "Russia said Ukraine clashed with Belarus.", "010 RUS>; 190 UKR>BLR"},
		{"quote speaker (future visit is an intent to meet)", `"We will visit Kazakhstan," Putin said.`, "036 RUSGOV>KAZ; 010 RUSGOV>"},
		{"quote speaker", `"We visited Kazakhstan," Putin said.`, "042 RUSGOV>KAZ; 010 RUSGOV>"},
		{"future aid is intent to aid", "Japan will provide humanitarian aid to Sudan.", "0333 JPN>SDN"},
		{"infinitive under intention verb", "Japan plans to provide humanitarian aid to Sudan.", "0333 JPN>SDN"},
		{"future attack is a threat", "Iran would attack Israel.", "1384 IRN>ISR"},
		{"refusal to meet", "Russia will not meet Ukraine.", "125 RUS>UKR"},
		{"agent distributed over countries", "The ambassadors of France, Germany and Italy criticized Iran.", "112 FRAGOV+DEUGOV+ITAGOV>IRN"},
		{"compound with modifiers", "Armenia, the small Georgia and Azerbaijan clashed with Iran.", "190 ARM+GEO+AZE>IRN"},
		{"agent from country before the verb", "Soldiers from Armenia clashed with Azerbaijan.", "190 ARMMIL>AZE"},
		{"symmetric pattern wins for a compound subject", "France and Italy agree that the plan works.", "030 FRA>ITA; 030 ITA>FRA"},
		{"plain pattern for a single subject", "France agreed.", "081 FRA>"},
		{"passive ignores the unmatched rest of a pattern", "Armenia was attacked by Azerbaijan.", "190 AZE>ARM"},
		{"predicate adjective trigger", "Iran is ready to meet Israel.", "036 IRN>ISR"},
		{"coordinated verbs share the subject", "Armenia attacked Azerbaijan and shelled Georgia.", "190 ARM>AZE; 194 ARM>GEO"},
		{"reciprocal code", "Armenia signed a treaty with Azerbaijan.", "057 ARM>AZE; 057 AZE>ARM"},
		{"agents coordinated before an agent of places share them", "Lawmakers and officials in Armenia and Georgia criticized Iran.", "112 ARMLEG+GEOLEG+ARMGOV+GEOGOV>IRN"},
		{"a speaker is not the target", "Russia attacked the village, a Ukrainian official said.", "190 RUS>; 010 UKRGOV>"},
		{"no actor no event", "The weather visited nobody.", ""},
	}
	tagger, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	parser, err := parse.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, stack := range []struct {
		name string
		as   []dyad.Annotator
	}{{"tokens", nil}, {"tagged", []dyad.Annotator{tagger}}, {"parsed", []dyad.Annotator{tagger, parser}}} {
		for _, tc := range tests {
			t.Run(stack.name+"/"+tc.name, func(t *testing.T) {
				if needTags[tc.name] && stack.as == nil {
					t.Skip("needs POS tags")
				}
				if got := summary(codeText(t, c, d, tc.sentence, stack.as...)); got != tc.want {
					t.Errorf("%s\n got: %s\nwant: %s", tc.sentence, got, tc.want)
				}
			})
		}
	}
}

func TestEngineOptions(t *testing.T) {
	base, d := engine(t)
	tests := []struct {
		name     string
		opts     []Option
		sentence string
		want     string
	}{
		{"capital after in is the place by default", nil, "Putin arrived in Bishkek on Tuesday.", "042 RUSGOV>KGZ"},
		{"pattern for the exact form beats the lemma's", []Option{withPatterns("040 meet\n031 met\n")}, "Russia met Ukraine.", "031 RUS>UKR"},
		{"lemma pattern for the other forms", []Option{withPatterns("040 meet\n031 met\n")}, "Russia meets Ukraine.", "040 RUS>UKR"},
		{"joined words are consecutive", []Option{withPatterns("040 meet\n031 meet * for_talks\n")}, "Russia met Ukraine for talks.", "031 RUS>UKR"},
		{"joined words skip no filler", []Option{withPatterns("040 meet\n031 meet * for_talks\n")}, "Russia met Ukraine for the talks.", "040 RUS>UKR"},
		{"unjoined words skip fillers", []Option{withPatterns("040 meet\n031 meet * for talks\n")}, "Russia met Ukraine for the talks.", "031 RUS>UKR"},
		{"joined words before the trigger", []Option{withPatterns("040 meet\n031 once_again @meet\n")}, "Russia once again met Ukraine.", "031 RUS>UKR"},
		{"joined words before the trigger skip no filler", []Option{withPatterns("040 meet\n031 once_again @meet\n")}, "Russia once more again met Ukraine.", "040 RUS>UKR"},
		{"unjoined words before the trigger skip fillers", []Option{withPatterns("040 meet\n031 once again @meet\n")}, "Russia once more again met Ukraine.", "031 RUS>UKR"},
		{"actor inside the matched words is the target", []Option{withPatterns("024 allow * pleasant\n")}, "Russia allowed that Ukraine is a pleasant place.", "024 RUS>UKR"},
		{"no inner target with a target slot", []Option{withPatterns("024 allow * pleasant * +\n")}, "Russia allowed that Ukraine is a pleasant place.", ""},
		{"exact word matches as written", []Option{withPatterns("040 meet\n031 meet * =talks\n")}, "Russia met Ukraine for talks.", "031 RUS>UKR"},
		{"exact word does not match another form", []Option{withPatterns("040 meet\n031 meet * =talk\n")}, "Russia met Ukraine for talks.", "040 RUS>UKR"},
		{"plain word matches by lemma", []Option{withPatterns("040 meet\n031 meet * talk\n")}, "Russia met Ukraine for talks.", "031 RUS>UKR"},
		{"^ skips an actor", []Option{withPatterns("040 meet\n031 meet * with * ^ * in * +\n")}, "Russia met with Ukraine in Belarus.", "031 RUS>BLR"},
		{"^ needs something to skip", []Option{withPatterns("040 meet\n031 meet * with * ^ * in * +\n")}, "Russia met with in Belarus.", "040 RUS>"},
		{"^ before the trigger", []Option{withPatterns("040 meet\n031 ^ * then * @meet\n")}, "Ukraine then met Russia.", "031 UKR>RUS"},
		{"capital as government everywhere", []Option{CapitalAsGovernment()}, "Putin arrived in Bishkek on Tuesday.", "042 RUSGOV>KGZGOV"},
		{"lemma candidates match a misspelt form by default", []Option{withPatterns("032 depart * from +\n")}, "Russia departes from Ukraine.", "032 RUS>UKR"},
		{"verb forms: a misspelt form does not match", []Option{VerbForms(), withPatterns("032 depart * from +\n")}, "Russia departes from Ukraine.", ""},
		{"verb forms: a regular form matches", []Option{VerbForms(), withPatterns("032 depart * from +\n")}, "Russia departed from Ukraine.", "032 RUS>UKR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := base.With(tc.opts...)
			if got := summary(codeText(t, c, d, tc.sentence)); got != tc.want {
				t.Errorf("%s\n got: %s\nwant: %s", tc.sentence, got, tc.want)
			}
		})
	}
}

// withPatterns replaces a coder's patterns (a test helper).
func withPatterns(src string) Option {
	return func(c *Coder) {
		ps, err := ParsePatterns("test", strings.NewReader(src), validCode(c.ont))
		if err != nil {
			panic(err)
		}
		c.pats = ps
	}
}

// arc is a hand-given dependency: head token index (-1 root) and relation.
type arc struct {
	head int
	dep  string
}

// codeParsed codes txt, one sentence, with the dependency parse given by
// arcs (one per token) instead of the parser's, to pin down how the coder
// treats a specific tree.
func codeParsed(t *testing.T, c *Coder, d *actor.Dictionary, txt string, arcs []arc) string {
	t.Helper()
	doc := &dyad.Document{ID: "t", Text: txt, Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
	text.Segment(doc, false)
	s := &doc.Sentences[0]
	if len(s.Tokens) != len(arcs) {
		t.Fatalf("%q: %d tokens, %d arcs", txt, len(s.Tokens), len(arcs))
	}
	for i, a := range arcs {
		s.Tokens[i].Head, s.Tokens[i].Dep = a.head, a.dep
	}
	s.Parsed = true
	return summary(c.Code(Input{Doc: doc, Sentence: s, Mentions: d.Find(s, doc.Published), Date: doc.Published}))
}

// TestSpeakerNotTarget gives the coder a parse that makes the speaker of
// "..., a Ukrainian official said" the object of the event's verb (as
// parsers do): the speaker must still not be the target.
func TestSpeakerNotTarget(t *testing.T) {
	c, d := engine(t)
	// Russia attacked the village , a Ukrainian official said .
	got := codeParsed(t, c, d, "Russia attacked the village, a Ukrainian official said.", []arc{
		{1, "nsubj"}, {-1, "root"}, {3, "det"}, {1, "obl"}, {1, "punct"}, {7, "det"}, {7, "amod"}, {1, "obj"}, {1, "parataxis"}, {1, "punct"}})
	if want := "190 RUS>; 010 UKRGOV>"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

// TestParseSubjectIsSlotTarget gives the coder a parse that makes the
// actor of the pattern's + slot the subject of the trigger: token order
// must give the source instead.
func TestParseSubjectIsSlotTarget(t *testing.T) {
	c, d := engine(t)
	c = c.With(withPatterns("112 note * + * regret\n"))
	// Russia noted that Ukraine regretted it .
	got := codeParsed(t, c, d, "Russia noted that Ukraine regretted it.", []arc{
		{1, "obl"}, {-1, "root"}, {4, "mark"}, {1, "nsubj"}, {1, "ccomp"}, {4, "obj"}, {1, "punct"}})
	if want := "112 RUS>UKR"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestEngineMultiActorName(t *testing.T) {
	c, _ := engine(t)
	d, err := actor.Parse("t", strings.NewReader("org FROBILSAM\n  name The Shire\n  alias the Shire\n  code FRO\n  country FRO\n  also BIL\n  also SAM\n\ncountry RUS\n  name Russia\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ sentence, want string }{
		{"The Shire visited Russia.", "042 FRO+BIL+SAM>RUS"},
		{"Russia visited the Shire.", "042 RUS>FRO+BIL+SAM"},
	}
	for _, tc := range tests {
		if got := summary(codeText(t, c, d, tc.sentence)); got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.sentence, got, tc.want)
		}
	}
}

// TestParsedClauses pins down how the coder reads specific trees: two
// subjects, coordinated subjects with shared and trailing modifiers,
// agentless passives and subordinate clauses, with and without the
// PETRARCH-compatible options.
func TestParsedClauses(t *testing.T) {
	base, d := engine(t)
	tests := []struct {
		name string
		opts []Option
		txt  string
		arcs []arc
		want string
	}{
		{"two subjects: the leftmost clear one", nil,
			// Russia envoy of talks with Ukraine criticized Belarus .
			"Russia envoy of talks with Ukraine criticized Belarus.",
			[]arc{{6, "nsubj"}, {6, "obl"}, {3, "case"}, {1, "nmod"}, {5, "case"}, {6, "nsubj"}, {-1, "root"}, {6, "obj"}, {6, "punct"}},
			"112 RUSGOV>BLR"},
		{"two subjects: not one with its own verb in between", nil,
			// Russia attacked Ukraine , an official said .
			"Russia attacked Ukraine, a Belarusian official said.",
			[]arc{{7, "nsubj"}, {7, "advcl"}, {1, "obj"}, {7, "punct"}, {6, "det"}, {6, "amod"}, {7, "nsubj"}, {-1, "root"}, {7, "punct"}},
			"190 RUS>UKR; 010 BLRGOV>"},
		{"shared modifier over a bare agent", nil,
			"Russian police and soldiers criticized Ukraine.",
			[]arc{{1, "amod"}, {4, "nsubj"}, {3, "cc"}, {1, "conj"}, {-1, "root"}, {4, "obj"}, {4, "punct"}},
			"112 RUSCOP+RUSMIL>UKR"},
		{"modifier after the last conjunct is the conjunct's", nil,
			// Russia 's troops and ministers of Ukraine criticized Belarus .
			"Russia's troops and ministers of Ukraine criticized Belarus.",
			[]arc{{2, "nmod:poss"}, {0, "case"}, {7, "nsubj"}, {4, "cc"}, {2, "conj"}, {6, "case"}, {2, "nmod"}, {-1, "root"}, {7, "obj"}, {7, "punct"}},
			"112 RUSMIL+UKRGOV>BLR"},
		{"agentless passive: subject is the target by default (no source, no event)", nil,
			"Ukraine was criticized over its dispute with Russia.",
			[]arc{{2, "nsubj:pass"}, {2, "aux:pass"}, {-1, "root"}, {5, "case"}, {5, "nmod:poss"}, {2, "obl"}, {7, "case"}, {5, "nmod"}, {2, "punct"}},
			""},
		{"agentless passive read as active", []Option{PassiveNeedsAgent()},
			"Ukraine was criticized over its dispute with Russia.",
			[]arc{{2, "nsubj:pass"}, {2, "aux:pass"}, {-1, "root"}, {5, "case"}, {5, "nmod:poss"}, {2, "obl"}, {7, "case"}, {5, "nmod"}, {2, "punct"}},
			"112 UKR>"},
		{"passive with an agent stays passive", []Option{PassiveNeedsAgent()},
			"Ukraine was criticized by Russia.",
			[]arc{{2, "nsubj:pass"}, {2, "aux:pass"}, {-1, "root"}, {4, "case"}, {2, "obl:agent"}, {2, "punct"}},
			"112 RUS>UKR"},
		{"subordinate clause coded by default", nil,
			// Russia met Ukraine after Belarus attacked Moldova .
			"Russia met Ukraine after Belarus attacked Moldova.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {5, "mark"}, {5, "nsubj"}, {1, "advcl"}, {5, "obj"}, {1, "punct"}},
			"040 RUS>UKR; 190 BLR>MDA"},
		{"subordinate clause absorbed", []Option{AbsorbSubordinate()},
			"Russia met Ukraine after Belarus attacked Moldova.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {5, "mark"}, {5, "nsubj"}, {1, "advcl"}, {5, "obj"}, {1, "punct"}},
			"040 RUS>UKR"},
		{"end clause kept by default", nil,
			"Russia criticized Ukraine, a Belarusian official said.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {7, "punct"}, {6, "det"}, {6, "amod"}, {7, "nsubj"}, {1, "parataxis"}, {1, "punct"}},
			"112 RUS>UKR; 010 BLRGOV>"},
		{"end clause dropped by its length", []Option{CommaClauses(CommaLimits{EMin: 2, EMax: 8})},
			"Russia criticized Ukraine, a Belarusian official said.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {7, "punct"}, {6, "det"}, {6, "amod"}, {7, "nsubj"}, {1, "parataxis"}, {1, "punct"}},
			"112 RUS>UKR"},
		{"internal clause's actor is no target once dropped", []Option{CommaClauses(CommaLimits{Min: 2, Max: 8})},
			// Russia criticized , after talks in Ukraine , the plan .
			"Russia criticized, after talks in Ukraine, the plan.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {4, "punct"}, {4, "case"}, {1, "obl"}, {6, "case"}, {4, "nmod"}, {9, "punct"}, {9, "det"}, {1, "obj"}, {1, "punct"}},
			"112 RUS>"},
		{"subordinate clause absorbed by position when the parse misattaches it", []Option{AbsorbSubordinate()},
			"Russia met Ukraine after Belarus attacked Moldova.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {5, "mark"}, {5, "nsubj"}, {1, "parataxis"}, {5, "obj"}, {1, "punct"}},
			"040 RUS>UKR"},
		{"a clause after a comma is not subordinate", []Option{AbsorbSubordinate()},
			"Russia met Ukraine, a Belarusian official said.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {7, "punct"}, {6, "det"}, {6, "amod"}, {7, "nsubj"}, {1, "advcl"}, {1, "punct"}},
			"040 RUS>UKR; 010 BLRGOV>"},
		{"targetless event kept by default", nil,
			"Russia attacked today.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obl:unmarked"}, {1, "punct"}},
			"190 RUS>"},
		{"targetless event needs a phrase", []Option{TargetlessNeedsPhrase()},
			"Russia attacked today.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obl:unmarked"}, {1, "punct"}},
			""},
		{"targetless event with a prepositional phrase", []Option{TargetlessNeedsPhrase()},
			"Russia attacked at dawn.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {3, "case"}, {1, "obl"}, {1, "punct"}},
			"190 RUS>"},
		{"the speaker of a subjectless said is the actor before it", nil,
			"Russia attacked Ukraine, a Belarusian official said.",
			[]arc{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {6, "punct"}, {6, "det"}, {6, "amod"}, {2, "appos"}, {1, "advcl"}, {1, "punct"}},
			"190 RUS>UKR; 010 BLRGOV>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := codeParsed(t, base.With(tc.opts...), d, tc.txt, tc.arcs); got != tc.want {
				t.Errorf("%s\n got: %s\nwant: %s", tc.txt, got, tc.want)
			}
		})
	}
}

// TestNameThenVerb: a present-tense verb that the tagger read as a plural
// noun after a named actor still triggers ("Russia withdraws from ..."),
// but not after an agent word or before another noun.
func TestNameThenVerb(t *testing.T) {
	c, d := engine(t)
	c = c.With(withPatterns("0874 withdraw * from +\n"))
	tests := []struct {
		txt, xpos, want string
	}{
		{"Russia withdraws from Ukraine.", "NNP NNS IN NNP .", "0874 RUS>UKR"},
		{"Russia withdraws from Ukraine.", "NNP VBZ IN NNP .", "0874 RUS>UKR"},
		{"Soldiers withdraws from Ukraine.", "NNS NNS IN NNP .", ""},
		{"Russia withdraws Ukraine.", "NNP NNS NNP .", ""},
	}
	upos := map[string]string{"NNP": "PROPN", "NNS": "NOUN", "VBZ": "VERB", "IN": "ADP", ".": "PUNCT"}
	for _, tc := range tests {
		doc := &dyad.Document{ID: "t", Text: tc.txt, Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
		text.Segment(doc, false)
		s := &doc.Sentences[0]
		tags := strings.Fields(tc.xpos)
		if len(tags) != len(s.Tokens) {
			t.Fatalf("%q: %d tokens, %d tags", tc.txt, len(s.Tokens), len(tags))
		}
		for i, x := range tags {
			s.Tokens[i].XPOS, s.Tokens[i].UPOS = x, upos[x]
		}
		got := summary(c.Code(Input{Doc: doc, Sentence: s, Mentions: d.Find(s, doc.Published), Date: doc.Published}))
		if got != tc.want {
			t.Errorf("%s [%s]\n got: %s\nwant: %s", tc.txt, tc.xpos, got, tc.want)
		}
	}
}
