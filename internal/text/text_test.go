package text

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

// forms renders tokens as "text" or "text{norm}" joined by spaces.
func forms(toks []dyad.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		if t.Norm != "" {
			b.WriteString("{" + t.Norm + "}")
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// clitics, as EWT splits them
		{"negation", "They don't know.", "They do n't know ."},
		{"cant", "We can't wait and won't stop.", "We ca n't wait and wo n't stop ."},
		{"upper negation", "I DON'T AGREE", "I DO N'T AGREE"},
		{"im", "I'm sure you're right, we've seen it and they'll go; he'd agree.", "I 'm sure you 're right , we 've seen it and they 'll go ; he 'd agree ."},
		{"possessive", "The minister's plan and the ministers' plan.", "The minister 's plan and the ministers ' plan ."},
		{"curly clitics", "It’s Japarov’s call; they didn’t.", "It ’s{'s} Japarov ’s{'s} call ; they did n’t{n't} ."},
		{"names with apostrophes", "O'Neil met Qa'ida members.", "O'Neil met Qa'ida members ."},
		{"decade apostrophe", "In the '90s and 1990's.", "In the '90s and 1990's ."},
		{"fused", "He cannot say; we're gonna see.", "He can not say ; we 're gon na see ."},
		// punctuation and quotes
		{"punctuation", "Hello, world! Is it (really) over?", "Hello , world ! Is it ( really ) over ?"},
		{"straight quotes", `He said "no" to it.`, `He said " no " to it .`},
		{"curly quotes", "“Yes,” he said, ‘fine’.", "“{\"} Yes , ”{\"} he said , ‘{'} fine ’{'} ."},
		{"treebank quotes", "``Yes,'' he said.", "``{\"} Yes , ''{\"} he said ."},
		{"repeated marks", "What?! No!!!", "What ?! No !!!"},
		// hyphens
		{"compound split", "a 15-year term for the Kyrgyz-Tajik border", "a 15 - year term for the Kyrgyz - Tajik border"},
		{"prefix kept", "an e-mail from a non-aligned, pro-Western ex-leader", "an e-mail from a non-aligned , pro-Western ex-leader"},
		{"numeric range", "in 1969-1970 and pages 5-8", "in 1969 - 1970 and pages 5 - 8"},
		{"phone and date", "call 713-853-3989 on 2025-03-14", "call 713-853-3989 on 2025-03-14"},
		// numbers
		{"decimals", "It rose 3.5 percent to 1,000,000 units.", "It rose 3.5 percent to 1,000,000 units ."},
		{"currency", "It cost $5 or €20, up 20%.", "It cost $ 5 or € 20 , up 20 % ."},
		{"time", "at 10:30 on 9/11 and 3/14/2025", "at 10:30 on 9/11 and 3/14/2025"},
		{"currency prefix", "US$4.5 billion, HK$3 and A$1", "US$ 4.5 billion , HK$ 3 and A$ 1"},
		{"units", "at 11am, a 35mm lens, $5bn", "at 11 am , a 35 mm lens , $ 5 bn"},
		{"ordinals", "the 20th century, the 1990s, 3rd place", "the 20th century , the 1990s , 3rd place"},
		{"comma list", "1,2 and 3,4567", "1 , 2 and 3 , 4567"},
		// URLs and e-mails
		{"url", "See https://example.com/a-b?x=1&y=2.", "See https://example.com/a-b?x=1&y=2 ."},
		{"url in brackets", "(see www.example.org/page)", "( see www.example.org/page )"},
		{"url with brackets", "at https://en.wikipedia.org/wiki/Bishkek_(city), then", "at https://en.wikipedia.org/wiki/Bishkek_(city) , then"},
		{"email", "Write to press.office@un.org.", "Write to press.office@un.org ."},
		{"email in brackets", "(j.doe@example.co.uk)", "( j.doe@example.co.uk )"},
		{"domain", "visit example.com today", "visit example.com today"},
		// abbreviations keep their period
		{"titles", "Gen. Smith met Mr. Putin, Dr. Lee and Sen. Ortiz.", "Gen. Smith met Mr. Putin , Dr. Lee and Sen. Ortiz ."},
		{"us", "U.S. forces and U.N. troops", "U.S. forces and U.N. troops"},
		{"dates", "on Jan. 5 and Sept. 11", "on Jan. 5 and Sept. 11"},
		{"saint", "in St. Petersburg", "in St. Petersburg"},
		{"company", "Acme Inc. said", "Acme Inc. said"},
		{"eg", "arms, e.g. tanks, i.e. armour", "arms , e.g. tanks , i.e. armour"},
		{"initials", "George W. Bush and J. R. R. Tolkien", "George W. Bush and J. R. R. Tolkien"},
		{"final abbreviation", "He works at Acme Inc.", "He works at Acme Inc ."},
		{"final abbreviation quoted", `He said "in the U.S."`, `He said " in the U.S . "`},
		{"us led", "the U.S.-led force", "the U.S. - led force"},
		{"ordinary period", "It ended.", "It ended ."},
		// non-ASCII letters
		{"non-ascii", "Erdoğan met Łukasz in Düsseldorf and São Paulo.", "Erdoğan met Łukasz in Düsseldorf and São Paulo ."},
		{"cyrillic", "Лукашенко и Зеленский", "Лукашенко и Зеленский"},
		{"combining", "Cafe\u0301 Zelenskyy", "Cafe\u0301 Zelenskyy"},
		// dashes and ellipses
		{"em dash", "Bishkek—the capital—is calm", "Bishkek — the capital — is calm"},
		{"en dash", "Bishkek – the capital", "Bishkek – the capital"},
		{"double hyphen", "Bishkek -- the capital", "Bishkek -- the capital"},
		{"spaced hyphen", "Bishkek - the capital", "Bishkek - the capital"},
		{"ellipsis", "Wait... what… now", "Wait ... what …{...} now"},
		{"symbols", "*** <<file>> == A&E vs. AT&T and/or w/o", "*** << file >> == A&E vs. AT&T and / or w/o"},
		{"unicode hyphens", "Kok‑Tash −5", "Kok ‑{-} Tash −{-} 5"},
		{"emoticon", "nice :-) ok", "nice :-) ok"},
		// odd bytes
		{"control", "a\x00b\tc\u200bd", "a b c d"},
		{"invalid utf8", "ab\xffcd \xfe", "ab\xffcd \xfe"},
		{"empty", "", ""},
		{"space only", " \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in, 0)
			if got := forms(toks); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			for _, tk := range toks {
				if tk.Text != tt.in[tk.Start:tk.End] {
					t.Errorf("token %q != slice %q", tk.Text, tt.in[tk.Start:tk.End])
				}
			}
		})
	}
}

func TestTokenizeBase(t *testing.T) {
	toks := Tokenize("don't go", 100)
	want := [][2]int{{100, 102}, {102, 105}, {106, 108}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens", len(toks))
	}
	for i, w := range want {
		if toks[i].Start != w[0] || toks[i].End != w[1] {
			t.Errorf("token %d = [%d,%d), want %v", i, toks[i].Start, toks[i].End, w)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"title", "Gen. Smith arrived. He left.", []string{"Gen. Smith arrived.", "He left."}},
		{"us mid", "U.S. forces moved in. Talks failed.", []string{"U.S. forces moved in.", "Talks failed."}},
		{"us end", "He lives in the U.S. The president disagrees.", []string{"He lives in the U.S.", "The president disagrees."}},
		{"us name after", "He met U.S. Ambassador Jones.", []string{"He met U.S. Ambassador Jones."}},
		{"many titles", "Mr. Putin met Dr. Lee on Jan. 5 in St. Petersburg.", []string{"Mr. Putin met Dr. Lee on Jan. 5 in St. Petersburg."}},
		{"initials", "J. R. R. Tolkien wrote it. George W. Bush read it.", []string{"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
		{"decimal", "It rose 3.5 percent. Prices fell.", []string{"It rose 3.5 percent.", "Prices fell."}},
		{"number start", "It rose in 2024. 2025 was worse.", []string{"It rose in 2024.", "2025 was worse."}},
		{"company mid", "The firm, Acme Inc., said so.", []string{"The firm, Acme Inc., said so."}},
		{"company end", "He sued Acme Inc. It denied wrongdoing.", []string{"He sued Acme Inc.", "It denied wrongdoing."}},
		{"pm", "It was 5 p.m. The guards left.", []string{"It was 5 p.m.", "The guards left."}},
		{"eg", "Some arms, e.g. Tanks, were sold.", []string{"Some arms, e.g. Tanks, were sold."}},
		{"question", "Is it over? Yes! Fine.", []string{"Is it over?", "Yes!", "Fine."}},
		{"question in quote", `"Why?" he asked.`, []string{`"Why?" he asked.`}},
		{"closing quote", `He said "it is over." Then he left.`, []string{`He said "it is over."`, "Then he left."}},
		{"curly closing quote", "He said “it is over.” Then he left.", []string{"He said “it is over.”", "Then he left."}},
		{"quote spans sentences", `"We will win. They will lose," he said. Others disagreed.`, []string{`"We will win.`, `They will lose," he said.`, "Others disagreed."}},
		{"opening quote starts", `He spoke. "We will win," he said.`, []string{"He spoke.", `"We will win," he said.`}},
		{"bracket", "He left (for good.) She stayed.", []string{"He left (for good.)", "She stayed."}},
		{"ellipsis", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"ellipsis mid", "He paused... and then spoke.", []string{"He paused... and then spoke."}},
		{"lowercase after period", "See fig. 3 and the no. of cases.", []string{"See fig. 3 and the no. of cases."}},
		{"paragraph", "First paragraph without stop\n\nSecond paragraph", []string{"First paragraph without stop", "Second paragraph"}},
		{"title line", "Talks Collapse in Geneva\nDelegates left on Friday after three days of talks in the city.", []string{"Talks Collapse in Geneva", "Delegates left on Friday after three days of talks in the city."}},
		{"indented line", "The meeting ended without a deal\n    A new paragraph starts here", []string{"The meeting ended without a deal", "A new paragraph starts here"}},
		{"hard wrap", "The president said on Friday that the talks with the\nRebels would continue next week in the capital and beyond.", []string{"The president said on Friday that the talks with the\nRebels would continue next week in the capital and beyond."}},
		{"bullets", "Key points:\n- Talks failed\n• Troops stay", []string{"Key points:", "- Talks failed", "• Troops stay"}},
		{"wrap lower", "The talks will\ncontinue.", []string{"The talks will\ncontinue."}},
		{"trimmed", "  \n He left.  \n\n", []string{"He left."}},
		{"street end", "He lives on Main St. The house is old.", []string{"He lives on Main St.", "The house is old."}},
		{"url after period", "Read it here. http://example.com/x", []string{"Read it here.", "http://example.com/x"}},
		{"list numbers", "Points follow. 1. The talks failed. 2. The war goes on.", []string{"Points follow.", "1. The talks failed.", "2. The war goes on."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range SplitSentences(tt.in) {
				got = append(got, tt.in[sp[0]:sp[1]])
			}
			if strings.Join(got, "\u2016") != strings.Join(tt.want, "\u2016") {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSegmentParagraphs(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		headline bool
		// sentence texts with paragraph and headline: "p0h:Text"
		want []string
	}{
		{"headline", "Kyrgyz president signs law\nHe signed it. Critics objected.\n\nThe law takes effect soon.", true,
			[]string{"0h:Kyrgyz president signs law", "1:He signed it.", "1:Critics objected.", "2:The law takes effect soon."}},
		{"headline after blank lines", "\n\n  Talks fail\n\nNothing was agreed.", true,
			[]string{"0h:Talks fail", "1:Nothing was agreed."}},
		{"headline with period", "Talks fail. Again\nNothing was agreed.", true,
			[]string{"0h:Talks fail. Again", "1:Nothing was agreed."}},
		{"no headline", "Talks fail\n\nNothing was agreed.", false,
			[]string{"0:Talks fail", "1:Nothing was agreed."}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", false, []string{"0:One.", "1:Two."}},
		{"cr", "One\r\rTwo", false, []string{"0:One", "1:Two"}},
		{"single newlines as paragraphs", "He left.\nShe stayed.\nThey argued.", false,
			[]string{"0:He left.", "1:She stayed.", "2:They argued."}},
		{"blank lines present: wrapped line kept", "He left the city on Friday.\nShe stayed.\n\nThey argued.", false,
			[]string{"0:He left the city on Friday.", "0:She stayed.", "1:They argued."}},
		{"byline", "By Jane Doe\nBISHKEK (Reuters) - Talks failed.", false,
			[]string{"0:By Jane Doe", "1:BISHKEK (Reuters) - Talks failed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &dyad.Document{Text: tt.in}
			Segment(doc, tt.headline)
			checkDoc(t, doc)
			var got []string
			for _, s := range doc.Sentences {
				h := ""
				if s.Headline {
					h = "h"
				}
				got = append(got, itoa(s.Paragraph)+h+":"+s.Text)
			}
			if strings.Join(got, "\u2016") != strings.Join(tt.want, "\u2016") {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindDateline(t *testing.T) {
	tests := []struct {
		in                         string
		ok                         bool
		whole, place, date, source string
	}{
		{"BISHKEK, March 14 (Reuters) - Kyrgyz President Sadyr Japarov said", true, "BISHKEK, March 14 (Reuters) -", "BISHKEK", "March 14", "Reuters"},
		{"MOSCOW (AP) — Russia said", true, "MOSCOW (AP) —", "MOSCOW", "", "AP"},
		{"Kant, Kyrgyzstan — A Russian air base", true, "Kant, Kyrgyzstan —", "Kant, Kyrgyzstan", "", ""},
		{"NEW YORK, Jan. 5, 2025 (AFP) -- Markets fell", true, "NEW YORK, Jan. 5, 2025 (AFP) --", "NEW YORK", "Jan. 5, 2025", "AFP"},
		{"WASHINGTON – The White House said", true, "WASHINGTON –", "WASHINGTON", "", ""},
		{"WINSTON-SALEM, N.C. (AP) - A man", true, "WINSTON-SALEM, N.C. (AP) -", "WINSTON-SALEM, N.C.", "", "AP"},
		{"GENEVA, 14 March (Xinhua) - Talks", true, "GENEVA, 14 March (Xinhua) -", "GENEVA", "14 March", "Xinhua"},
		{"BISHKEK/MOSCOW (Reuters) - Talks", true, "BISHKEK/MOSCOW (Reuters) -", "BISHKEK/MOSCOW", "", "Reuters"},
		{"KABUL: For the past 25 years", true, "KABUL:", "KABUL", "", ""},
		{"LONDON, Friday, March 14 - Shares", true, "LONDON, Friday, March 14 -", "LONDON", "Friday, March 14", ""},
		{"Kabul: the city", false, "", "", "", ""},
		{"Putin — who rarely speaks — said", false, "", "", "", ""},
		{"The talks failed — again.", false, "", "", "", ""},
		{"Kyrgyz President Sadyr Japarov said on Friday", false, "", "", "", ""},
		{"", false, "", "", "", ""},
	}
	for _, tt := range tests {
		d, ok := FindDateline(tt.in)
		if ok != tt.ok {
			t.Errorf("FindDateline(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		span := func(sp [2]int) string { return tt.in[sp[0]:sp[1]] }
		if got := tt.in[d.Start:d.End]; got != tt.whole {
			t.Errorf("FindDateline(%q) = %q, want %q", tt.in, got, tt.whole)
		}
		if span(d.Place) != tt.place || span(d.Date) != tt.date || span(d.Source) != tt.source {
			t.Errorf("FindDateline(%q) place %q date %q source %q, want %q %q %q",
				tt.in, span(d.Place), span(d.Date), span(d.Source), tt.place, tt.date, tt.source)
		}
	}
}

func TestDocDateline(t *testing.T) {
	doc := &dyad.Document{Text: "Base attacked\nKANT, Kyrgyzstan (Reuters) - A drone hit the base."}
	Segment(doc, true)
	d, ok := DocDateline(doc)
	if !ok {
		t.Fatal("no dateline found")
	}
	if got := doc.Text[d.Place[0]:d.Place[1]]; got != "KANT, Kyrgyzstan" {
		t.Errorf("place %q", got)
	}
	if got := doc.Text[d.Source[0]:d.Source[1]]; got != "Reuters" {
		t.Errorf("source %q", got)
	}
	// the dateline stays in the tokens
	if doc.Sentences[1].Tokens[0].Text != "KANT" {
		t.Errorf("first body token %q", doc.Sentences[1].Tokens[0].Text)
	}
	// after a byline
	doc = &dyad.Document{Text: "Base attacked\nBy Jane Doe\n\nKANT (AP) — A drone hit the base."}
	Segment(doc, true)
	if d, ok := DocDateline(doc); !ok || doc.Text[d.Start:d.End] != "KANT (AP) —" {
		t.Errorf("after byline: %v %+v", ok, d)
	}
	// not in a later paragraph
	doc = &dyad.Document{Text: "Base attacked\nA drone hit the base.\n\nKANT (AP) — More."}
	Segment(doc, true)
	if d, ok := DocDateline(doc); ok {
		t.Errorf("found dateline in a later paragraph: %+v", d)
	}
}

// TestHugeInputs checks that pathological inputs run in linear time.
func TestHugeInputs(t *testing.T) {
	const n = 1 << 20
	inputs := map[string]string{
		"letters":     strings.Repeat("a", n),
		"dotted":      strings.Repeat("aa.Bb", n/5),
		"urlparens":   "http://x.org/" + strings.Repeat(")", n),
		"emails":      strings.Repeat("a.b@", n/4),
		"hyphens":     strings.Repeat("ab-", n/3),
		"periods":     strings.Repeat(". ", n/2),
		"quotes":      strings.Repeat(`"`, n),
		"nul":         strings.Repeat("\x00", n),
		"invalid":     strings.Repeat("\xff", n),
		"newlines":    strings.Repeat("A\n", n/2),
		"abbrevs":     strings.Repeat("U.S. ", n/5),
		"one line":    strings.Repeat("The U.S. said no. ", n/18),
		"apostrophes": strings.Repeat("'", n),
	}
	for name, in := range inputs {
		start := time.Now()
		doc := &dyad.Document{Text: in}
		Segment(doc, true)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: Segment took %v", name, d)
		}
		FindDateline(in)
	}
}
