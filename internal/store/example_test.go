package store_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/store"
)

func ExampleReports() {
	for _, r := range store.Reports() {
		fmt.Println(r.Name)
	}
	// Output:
	// dyad-month
	// goldstein
	// near
	// quad
	// top-actors
}

func ExampleContentHash() {
	fmt.Println(store.ContentHash("Protesters marched in the capital.") == store.ContentHash("Protesters marched in the capital."))
	fmt.Println(store.SourceOf("https://www.reuters.com/world/x"))
	// Output:
	// true
	// reuters.com
}
