package wordclass_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/wordclass"
)

func Example() {
	wc, err := wordclass.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	mon, _ := wc.Classes("Monday")
	tue, _ := wc.Classes("tuesday")
	the, _ := wc.Classes("the")
	fine := wc.Levels() - 1
	// Same class at the finest level; different ones a level up.
	fmt.Println("monday ~ tuesday:", wc.Prefix(mon, fine) == wc.Prefix(tue, fine))
	fmt.Println("the ~ tuesday:", wc.Prefix(the, fine-1) == wc.Prefix(tue, fine-1))
	_, ok := wc.Classes("xqzzyqx")
	fmt.Println("unknown word found:", ok)
	// Output:
	// monday ~ tuesday: true
	// the ~ tuesday: false
	// unknown word found: false
}
