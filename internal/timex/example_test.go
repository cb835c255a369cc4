package timex_test

import (
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/timex"
)

func ExampleSpans() {
	pub := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	toks := text.Tokenize("Talks held from March 3 to 5 failed; fighting resumed last week, as in 2014.", 0)
	for _, sp := range timex.Spans(toks, pub, false) {
		fmt.Printf("%q %s %s\n", sp.Text, sp.Gran, sp)
	}
	// Output:
	// "from March 3 to 5" day 2025-03-03/2025-03-05
	// "last week" week 2025-03-03/2025-03-09
	// "2014" year 2014-01-01/2014-12-31
}

func ExampleMode() {
	pub := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	s := dyad.Sentence{Tokens: text.Tokenize("Putin is scheduled to visit Bishkek.", 0)}
	fmt.Println(timex.Mode(&s, 4, pub))
	// Output: future
}
