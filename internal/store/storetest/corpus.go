package storetest

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Corpus generator for ingest tests and throughput measurements: news-like
// English articles built from templates over countries, roles, verbs and
// cities, seeded so that the same (n, seed) gives the same articles.

var (
	genCountries = [][2]string{ // country, adjective
		{"Russia", "Russian"}, {"Ukraine", "Ukrainian"}, {"France", "French"}, {"Germany", "German"}, {"China", "Chinese"},
		{"the United States", "American"}, {"Iran", "Iranian"}, {"Israel", "Israeli"}, {"Turkey", "Turkish"}, {"India", "Indian"},
		{"Pakistan", "Pakistani"}, {"Japan", "Japanese"}, {"Brazil", "Brazilian"}, {"Egypt", "Egyptian"}, {"Nigeria", "Nigerian"},
	}
	genRoles  = []string{"troops", "police", "government", "foreign minister", "president", "protesters", "rebels", "officials"}
	genCities = []string{"Kharkiv", "Paris", "Berlin", "Beijing", "Tehran", "Ankara", "Delhi", "Lagos", "Cairo", "Tokyo", "Geneva"}
	genVerbs  = []string{
		"{A} shelled positions held by {B} near {C} on {D}.",
		"{A} met {B} in {C} on {D} to discuss trade and security.",
		"{A} accused {B} of violating the ceasefire near {C}.",
		"{A} signed an agreement with {B} in {C} on {D}.",
		"{A} condemned {B} over the arrests in {C}.",
		"{A} sent humanitarian aid to {B} after the floods near {C}.",
		"{A} imposed new sanctions on {B} on {D}.",
		"{A} arrested dozens of {B} supporters in {C}.",
		"{A} threatened {B} with retaliation if attacks near {C} continue.",
		"{A} praised {B} for its role in the talks in {C}.",
		"{A} called on {B} to release the detained journalists.",
		"{A} rejected a proposal by {B} for new talks in {C}.",
	}
	genFiller = []string{
		"The statement gave no further details.",
		"Analysts said the move could raise tensions in the region.",
		"Markets reacted calmly to the news on {D}.",
		"Residents described a tense night with heavy traffic leaving the city.",
		"A spokesperson declined to comment when reached by telephone.",
		"The talks are expected to resume next month, according to diplomats.",
	}
)

// Articles returns n generated articles. Each has a headline, a dateline
// and 8–14 sentences, about half of which describe an event; publication
// dates spread over 2024–2025.
func Articles(n int, seed int64) []*dyad.Document {
	r := rand.New(rand.NewSource(seed))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]*dyad.Document, n)
	for i := range docs {
		pub := base.AddDate(0, 0, r.Intn(730))
		actor := func() string {
			c := genCountries[r.Intn(len(genCountries))]
			if r.Intn(3) == 0 {
				return c[0]
			}
			return c[1] + " " + genRoles[r.Intn(len(genRoles))]
		}
		fill := func(s string) string {
			a, b := actor(), actor()
			s = strings.ReplaceAll(s, "{A}", a)
			s = strings.ReplaceAll(s, "{B}", b)
			s = strings.ReplaceAll(s, "{C}", genCities[r.Intn(len(genCities))])
			s = strings.ReplaceAll(s, "{D}", pub.AddDate(0, 0, -r.Intn(3)).Weekday().String())
			return strings.ToUpper(s[:1]) + s[1:]
		}
		head := strings.TrimSuffix(fill(genVerbs[r.Intn(len(genVerbs))]), ".")
		var b strings.Builder
		b.WriteString(head + "\n\n")
		fmt.Fprintf(&b, "%s, %s (Wire) — ", strings.ToUpper(genCities[r.Intn(len(genCities))]), pub.Format("January 2"))
		k := 8 + r.Intn(7)
		for s := 0; s < k; s++ {
			if s > 0 {
				if s%3 == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			if r.Intn(2) == 0 {
				b.WriteString(fill(genVerbs[r.Intn(len(genVerbs))]))
			} else {
				b.WriteString(fill(genFiller[r.Intn(len(genFiller))]))
			}
		}
		fmt.Fprintf(&b, " (Report %d.)\n", i)
		docs[i] = &dyad.Document{ID: fmt.Sprintf("gen-%d-%d", seed, i), Title: head, URL: fmt.Sprintf("https://news%d.example/%d", i%7, i),
			Published: pub, Text: b.String()}
	}
	return docs
}
