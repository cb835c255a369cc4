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
//
// Expand, Open and Read are the simpler path of the dyad code and analyze
// commands: one plain-text article per file, kept byte for byte.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// MaxArticleBytes caps one article's size.
const MaxArticleBytes = 16 << 20

// Expand turns command-line arguments into a list of inputs: files as
// given, directories walked for *.txt files (sorted), "-" for standard
// input. A missing path is returned as an error for that path alone.
func Expand(args []string) (inputs []string, errs []error) {
	for _, a := range args {
		if a == "-" {
			inputs = append(inputs, a)
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a, unwrapPath(err)))
			continue
		}
		if !fi.IsDir() {
			inputs = append(inputs, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPath(err)))
				return nil
			}
			if !d.IsDir() && strings.HasSuffix(strings.ToLower(d.Name()), ".txt") && !strings.EqualFold(d.Name(), "README.txt") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a, err))
		}
		sort.Strings(found)
		inputs = append(inputs, found...)
	}
	return inputs, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open reads one input ("-" is standard input) into a document.
func Open(ctx context.Context, name string, stdin io.Reader, published time.Time) (*dyad.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		defer f.Close()
		r = f
	}
	return Read(name, r, published)
}

// Read reads a plain-text article: the first non-empty line is its title
// (the headline), the rest its body.
func Read(name string, r io.Reader, published time.Time) (*dyad.Document, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxArticleBytes {
		return nil, fmt.Errorf("%s: article larger than %d bytes", name, MaxArticleBytes)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, fmt.Errorf("%s: not a text file (NUL byte at offset %d)", name, i)
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not valid UTF-8 text", name)
	}
	txt := string(b)
	if strings.TrimSpace(txt) == "" {
		return nil, fmt.Errorf("%s: empty article", name)
	}
	doc := &dyad.Document{ID: DocID(txt), Text: txt, Published: published}
	for _, line := range strings.Split(txt, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			doc.Title = t
			break
		}
	}
	return doc, nil
}
