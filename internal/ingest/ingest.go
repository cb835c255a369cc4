// Package ingest owns reading articles into documents. Walk streams
// articles out of plain text (first line the headline), HTML pages (main
// text found by readability-style scoring; title, date, canonical URL and
// language from the page's metadata), RSS and Atom feeds, WARC files
// (Common Crawl's per-record gzip included), JSON Lines, directories,
// .gz and .zip archives and http(s) URLs (time-limited, size-capped, and
// refusing private and loopback addresses unless allowed). Each document
// is laid out as headline, blank line, paragraphs separated by blank
// lines, and identified by DocID, a hash of its whitespace-normalised text.
// Each bad input or record yields one error naming it (file, record or
// line); the others are unaffected.
package ingest

import (
	"errors"
	"io/fs"
)

// MaxArticleBytes caps one article's size.
const MaxArticleBytes = 16 << 20

// unwrapPath drops the *fs.PathError wrapper, whose message repeats the
// path that the caller's error already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
