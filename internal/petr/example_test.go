package petr_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dyad-events/dyad/internal/petr"
)

func ExampleConvertVerbs() {
	v, err := petr.ReadVerbs("demo.verbs", strings.NewReader(`
--- CRITICIZE [121] ---
CRITICIZE
- $ SHARPLY * + [112]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	st, _, _ := petr.ConvertVerbs(&b, v, "demo.verbs", petr.VerbOptions{TriggerExt: true})
	for _, l := range strings.Split(b.String(), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			fmt.Println(l)
		}
	}
	fmt.Println(st.Written, "patterns")
	// Output:
	// 121 criticize
	// 112 $ sharply @criticize +
	// 2 patterns
}

func ExampleConvertActors() {
	a, _ := petr.ReadActors("demo.actors", strings.NewReader("GONDOR [GON]\n+MINAS_TIRITH\n"))
	ag, _ := petr.ReadAgents("demo.agents", strings.NewReader("POLICE {} [~COP]\n"))
	petr.ConvertActors(os.Stdout, a, ag, "demo")
	// Output:
	// # dyad actor dictionary converted from demo (PETRARCH actor and agent dictionaries).
	// # Names are listed in several letter cases: dyad matches names case-sensitively, PETRARCH does not.
	//
	// country GON
	//   name Gondor
	//   alias GONDOR
	//   alias Minas Tirith
	//   alias MINAS TIRITH
	//
	// agent COP
	//   word police
}

func ExampleDiscards_Match() {
	d, _ := petr.ReadDiscards("demo.discards", strings.NewReader("+TYPHOON\nBASEBALL\n"))
	dc, ok := d.Match("A typhoon hit the embassy.")
	fmt.Println(ok, dc.Level, dc.Phrase)
	// Output: true story TYPHOON
}
