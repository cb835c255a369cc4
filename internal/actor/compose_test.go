package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
)

// TestTitleGivesSector: a leader listed under a bare country code takes the
// sector from a title before the name, whether the dictionary lists the
// name as a person or as an alias of the country (as converted PETRARCH
// dictionaries do).
func TestTitleGivesSector(t *testing.T) {
	d := mustParse(t, `
country BRE
  name Bree
  alias Romendacil
country ERI
  name Eriador
country FOR
  name Fornost
person Umbardacil
  country FOR
  role FOR 1990 -
agent GOV
  word prime minister
  word president
`)
	tests := []struct{ sentence, want string }{
		{"Bree Prime Minister Romendacil met Eriador .", "Bree Prime Minister Romendacil=BREGOV Eriador=ERI"},
		{"Romendacil met Eriador .", "Romendacil=BRE Eriador=ERI"},
		{"President Umbardacil met Eriador .", "President Umbardacil=FORGOV Eriador=ERI"},
	}
	for _, tc := range tests {
		if got := mentionCodes(d, tc.sentence, "2000-01-01"); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.sentence, got, tc.want)
		}
	}
}

// TestInstitutionAgents: agents of an institution stack their role on the
// institution's sector unless it already ends in it or the agent is a
// generic title (officials, spokesman).
func TestInstitutionAgents(t *testing.T) {
	d := mustParse(t, `
country USA
  name United States
  inst GOV White House
  inst MIL Pentagon
agent GOV
  word officials
agent OPP
  word activists
`)
	tests := []struct{ sentence, want string }{
		{"White House officials met activists of the Pentagon .", "White House officials=USAGOV activists of the Pentagon=USAMILOPP"},
		{"Pentagon officials spoke .", "Pentagon officials=USAMIL"},
		{"Pentagon activists spoke .", "Pentagon activists=USAMILOPP"},
		{"Former Pentagon officials spoke .", "Former Pentagon officials=USAELI"},
		{"The Pentagon spoke .", "Pentagon=USAMIL"},
	}
	for _, tc := range tests {
		if got := mentionCodes(d, tc.sentence, "2000-01-01"); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.sentence, got, tc.want)
		}
	}
}

// mentionCodes finds the mentions of a tokenised sentence on a date and
// lists them as "text=CODE".
func mentionCodes(d *Dictionary, text, date string) string {
	return codesIn(d, sentence(text), date)
}

// codesIn lists the mentions of s on a date as "text=CODE".
func codesIn(d *Dictionary, s *dyad.Sentence, date string) string {
	var parts []string
	for _, m := range d.Find(s, day(date)) {
		parts = append(parts, m.Ref.Text+"="+m.Ref.Code)
	}
	return strings.Join(parts, " ")
}

// TestVerbNotQualifier: a participle such as "arrested" qualifies an agent
// ("the arrested students") unless it follows a noun or a closing
// parenthesis, where it is the verb ("police arrested students").
func TestVerbNotQualifier(t *testing.T) {
	d := mustParse(t, `
country RUS
  name Russia
  adj Russian
agent COP
  word police
agent EDU
  word students
`)
	tag := func(text string, upos ...string) *dyad.Sentence {
		s := sentence(text)
		for i := range s.Tokens {
			s.Tokens[i].UPOS = upos[i]
		}
		return s
	}
	tests := []struct {
		s    *dyad.Sentence
		want string
	}{
		{tag("Russian police arrested Russian students .", "ADJ", "NOUN", "VERB", "ADJ", "NOUN", "PUNCT"),
			"Russian police=RUSCOP Russian students=RUSEDU"},
		{tag("Russian police arrested students .", "ADJ", "NOUN", "VERB", "NOUN", "PUNCT"),
			"Russian police=RUSCOP students=EDU"},
		{tag("the arrested students spoke .", "DET", "VERB", "NOUN", "VERB", "PUNCT"),
			"arrested students=EDU"},
		{tag("Russian police ( OMON ) arrested students .", "ADJ", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT"),
			"Russian police=RUSCOP students=EDU"},
	}
	for _, tc := range tests {
		if got := codesIn(d, tc.s, "2000-01-01"); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.s.Text, got, tc.want)
		}
	}
}
