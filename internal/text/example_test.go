package text_test

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

func ExampleSegment() {
	doc := &dyad.Document{Text: "Talks stall in Geneva\n" +
		"GENEVA (Reuters) - U.S. envoy Gen. Smith said talks didn't go well. \"We’ll try again,\" he said.\n\n" +
		"The talks resume on Jan. 5 in the U.S. The venue is not set."}
	text.Segment(doc, true)
	for _, s := range doc.Sentences {
		var forms []string
		for _, t := range s.Tokens {
			forms = append(forms, t.Form())
		}
		fmt.Printf("%d %v [%d,%d) %s\n", s.Paragraph, s.Headline, s.Start, s.End, strings.Join(forms, " "))
	}
	// Output:
	// 0 true [0,21) Talks stall in Geneva
	// 1 false [22,89) GENEVA ( Reuters ) - U.S. envoy Gen. Smith said talks did n't go well .
	// 1 false [90,119) " We 'll try again , " he said .
	// 2 false [121,159) The talks resume on Jan. 5 in the U.S .
	// 2 false [160,181) The venue is not set .
}

func ExampleTokenize() {
	for _, t := range text.Tokenize("Putin’s envoy can't attend.", 100) {
		fmt.Printf("%d-%d %s %s\n", t.Start, t.End, t.Text, t.Form())
	}
	// Output:
	// 100-105 Putin Putin
	// 105-109 ’s 's
	// 110-115 envoy envoy
	// 116-118 ca ca
	// 118-121 n't n't
	// 122-128 attend attend
	// 128-129 . .
}

func ExampleSplitSentences() {
	s := "He met Mr. Putin in St. Petersburg. \"Why?\" he asked. It was 5 p.m. The talks ended."
	for _, sp := range text.SplitSentences(s) {
		fmt.Println(s[sp[0]:sp[1]])
	}
	// Output:
	// He met Mr. Putin in St. Petersburg.
	// "Why?" he asked.
	// It was 5 p.m.
	// The talks ended.
}

func ExampleFindDateline() {
	body := "BISHKEK, March 14 (Reuters) - Kyrgyzstan and Tajikistan agreed on Friday to pull back troops."
	if d, ok := text.FindDateline(body); ok {
		fmt.Printf("place=%q date=%q source=%q rest=%q\n",
			body[d.Place[0]:d.Place[1]], body[d.Date[0]:d.Date[1]], body[d.Source[0]:d.Source[1]], body[d.End+1:d.End+11])
	}
	// Output:
	// place="BISHKEK" date="March 14" source="Reuters" rest="Kyrgyzstan"
}
