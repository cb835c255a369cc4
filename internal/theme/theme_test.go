package theme

import (
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/golden"
	"github.com/dyad-events/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

func load(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func sent(s string) *dyad.Sentence {
	return &dyad.Sentence{Text: s, Tokens: text.Tokenize(s, 0)}
}

func TestSentence(t *testing.T) {
	l := load(t)
	tests := []struct {
		s    string
		want []string
	}{
		{"Russian troops shelled the town overnight.", []string{"military"}},
		{"The foreign minister held talks with his Chinese counterpart.", []string{"diplomatic"}},
		{"Exports to China rose sharply last year.", []string{"economic"}},
		{"Police arrested 40 protesters at a rally in the capital.", []string{"rights_freedoms", "crime"}},
		{"A suicide bomber killed 12 people at a mosque.", []string{"terrorism", "religion_ethnicity"}},
		{"The court sentenced the former mayor to ten years for bribery.", []string{"legal", "corruption"}},
		{"Floods displaced thousands of families.", []string{"enviro_disaster", "migration"}},
		{"Voters went to the polls in the presidential election.", []string{"executive", "election"}},
		{"Hackers hit the ministry's servers with ransomware.", []string{"cyber"}},
		{"Iran expanded uranium enrichment at Fordow.", []string{"cbrn"}},
		{"It was an important day.", nil},
		{"The couple met in Paris.", nil},
	}
	for _, tc := range tests {
		if got := l.Sentence(sent(tc.s)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	known := []string{"military", "economic"}
	for _, tc := range []struct{ data, want string }{
		{"troops\n", "x:1: pattern before any [context]"},
		{"[spacefaring]\n", `x:1: unknown PLOVER context "spacefaring"`},
		{"[military]\ntanks\tlots\n", `x:2: bad weight "lots"`},
		{"[military]\nab*\n", `x:2: prefix "ab*" shorter than 3 letters`},
		{"[military]\n[military]\n", `x:2: context "military" defined twice`},
		{"[military\n", "x:1: unclosed context header"},
	} {
		_, err := parse("x", tc.data, known)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.data, err, tc.want)
		}
	}
}

func TestLexiconCovers(t *testing.T) {
	l := load(t)
	have := map[string]bool{}
	for _, c := range l.Contexts() {
		have[c] = true
	}
	for _, c := range []string{"military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource",
		"disease", "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights",
		"rights_freedoms", "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity", "executive",
		"election", "legislative", "cbrn", "cyber", "political_institutions", "corruption", "crime", "illegal_drugs"} {
		if !have[c] {
			t.Errorf("no patterns for general context %q", c)
		}
	}
}

func article(t testing.TB) *dyad.Document {
	t.Helper()
	b, err := os.ReadFile("../tone/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := &dyad.Document{Text: string(b)}
	text.Segment(doc, true)
	return doc
}

func TestGolden(t *testing.T) {
	l := load(t)
	doc := article(t)
	type sc struct {
		Sentence int      `json:"sentence"`
		Contexts []string `json:"contexts"`
	}
	var out struct {
		Document  []string `json:"document"`
		Sentences []sc     `json:"sentences"`
	}
	out.Document = l.Document(doc)
	for i := range doc.Sentences {
		if c := l.Sentence(&doc.Sentences[i]); len(c) > 0 {
			out.Sentences = append(out.Sentences, sc{i, c})
		}
	}
	got, _ := json.MarshalIndent(out, "", "  ")
	got = append(got, '\n')
	golden.Check(t, "testdata/article.golden.json", got, *update, "./internal/theme")
}

func BenchmarkDocument(b *testing.B) {
	l := load(b)
	doc := article(b)
	ntok := 0
	for i := range doc.Sentences {
		ntok += len(doc.Sentences[i].Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Document(doc)
		for k := range doc.Sentences {
			l.Sentence(&doc.Sentences[k])
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
