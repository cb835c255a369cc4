package ingest_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

func ExampleWalk() {
	opt := ingest.Options{Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
	stdin := strings.NewReader(`{"title":"Kenya deploys police to Haiti","text":"Kenya sent 400 officers.","date":"2024-06-25"}` + "\n" +
		`{"title":"Broken"` + "\n")
	err := ingest.Walk(context.Background(), []string{"testdata/plain.txt", "-"}, stdin, opt,
		func(doc *dyad.Document, src ingest.Source, err error) error {
			if err != nil {
				fmt.Println("skipped:", err)
				return nil
			}
			fmt.Printf("%s [%s] %s %q\n", src.Input, src.Record, doc.Published.Format("2006-01-02"), doc.Title)
			return nil
		})
	fmt.Println("walk error:", err)
	// Output:
	// testdata/plain.txt [] 2025-03-01 "Rebels seize town in eastern Congo"
	// - [line 1] 2024-06-25 "Kenya deploys police to Haiti"
	// skipped: -: line 2: bad JSON at byte 17: unexpected end of JSON input
	// walk error: <nil>
}

func ExampleExtractHTML() {
	page := `<html lang="en"><head><title>Talks resume in Doha - Wire</title>
<meta property="article:published_time" content="2025-02-03T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><div class="story"><p>Negotiators met again in Doha on Monday, officials said.</p>
<p>Both sides said progress was made.</p></div><div class="comments"><p>First!</p></div></body></html>`
	a, err := ingest.ExtractHTML([]byte(page), "https://wire.example/doha")
	if err != nil {
		panic(err)
	}
	doc, _ := a.Document(time.Time{})
	fmt.Println(a.Lang, a.Published.Format("2006-01-02"))
	fmt.Println(doc.Text)
	// Output:
	// en 2025-02-03
	// Talks resume in Doha
	//
	// Negotiators met again in Doha on Monday, officials said.
	//
	// Both sides said progress was made.
}

func ExampleParseDate() {
	t, ok := ingest.ParseDate("Tue, 04 Mar 2025 18:05:00 +0000")
	fmt.Println(t.Format(time.RFC3339), ok)
	// Output: 2025-03-04T18:05:00Z true
}
