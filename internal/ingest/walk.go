package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Options configures Walk. The zero value is usable.
type Options struct {
	// AllowPrivate lets URLs reach private, loopback and link-local
	// addresses (refused by default, checked on the resolved address at
	// dial time).
	AllowPrivate bool
	// MaxBytes caps one article, record or JSON line, and one URL
	// download (default MaxArticleBytes). WARC, JSON Lines and gzip
	// streams are read record by record and not capped as a whole; a zip
	// archive is, unless it is a file on disk.
	MaxBytes int64
	// Timeout bounds one URL fetch (default 30s).
	Timeout time.Duration
	// Published is the date of documents whose input carries none.
	Published time.Time
	// HTTPClient replaces the default client for URLs. Its transport is
	// then the caller's: the dial-time address check applies only to the
	// default client, so a custom client gets a check of the host's
	// resolved addresses before the request instead.
	HTTPClient *http.Client
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return MaxArticleBytes
}

// Source says where a document came from.
type Source struct {
	Input  string // the file, URL or "-" given to Walk (a file inside a directory is its own input)
	Record string // position inside the input: "line 12", "item 3", "record 7", "entry a/b.html"; nested as "entry x.warc.gz record 2"
	Lang   string // language tag declared by the input (HTML lang, feed language), "" if none
}

func (s Source) String() string {
	if s.Record == "" {
		return s.Input
	}
	return s.Input + ": " + s.Record
}

// Error is a bad input or record: it names where and why.
type Error struct {
	Source Source
	Err    error
}

func (e *Error) Error() string { return e.Source.String() + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// stopError carries fn's error out of nested readers.
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }

// Walk reads every input (file, directory, http(s) URL, "-" for stdin) and
// calls fn for each article, or with an *Error naming the input and
// record for a bad one; a bad input or record never stops the others.
// Directories are walked recursively in lexical order for files with a
// known extension (.txt .html .htm .xml .rss .atom .warc .jsonl .ndjson .json,
// any of them .gz, and .zip). Other files are read by extension, falling
// back to sniffing the content. fn returning an error stops Walk, which
// returns that error; Walk also stops and returns ctx.Err() when ctx ends.
func Walk(ctx context.Context, inputs []string, stdin io.Reader, opt Options, fn func(doc *dyad.Document, src Source, err error) error) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		w := &walker{ctx: ctx, opt: opt, fn: fn, input: in}
		err := w.run(stdin)
		var stop *stopError
		if errors.As(err, &stop) {
			return stop.err
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := w.fail("", err); err != nil {
				return err.(*stopError).err
			}
		}
	}
	return nil
}

type walker struct {
	ctx   context.Context
	opt   Options
	fn    func(*dyad.Document, Source, error) error
	input string
}

// emit hands an article to fn; it returns a *stopError if fn asks to stop.
func (w *walker) emit(rec string, a *Article) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	doc, ok := a.Document(w.opt.Published)
	if !ok {
		return w.fail(rec, errors.New("no article text found"))
	}
	if err := w.fn(doc, Source{Input: w.input, Record: rec, Lang: a.Lang}, nil); err != nil {
		return &stopError{err}
	}
	return nil
}

// fail reports a bad record; it returns a *stopError if fn asks to stop.
func (w *walker) fail(rec string, err error) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Source: Source{Input: w.input, Record: rec}, Err: err}
	}
	if err := w.fn(nil, e.Source, e); err != nil {
		return &stopError{err}
	}
	return nil
}

func join(prefix, rec string) string {
	if prefix == "" {
		return rec
	}
	if rec == "" {
		return prefix
	}
	return prefix + " " + rec
}

func (w *walker) run(stdin io.Reader) error {
	in := w.input
	switch {
	case in == "-":
		if stdin == nil {
			return errors.New("no standard input")
		}
		return w.stream(stdin, "", "", 0)
	case isURL(in):
		return w.url(in)
	}
	fi, err := os.Stat(in)
	if err != nil {
		return unwrapPath(err)
	}
	if fi.IsDir() {
		return w.dir(in)
	}
	return w.file(in)
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// known reports whether a file name has an extension Walk reads in a
// directory.
func known(name string) bool {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch path.Ext(n) {
	case ".txt", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc", ".jsonl", ".ndjson", ".json", ".zip":
		return true
	}
	return false
}

func (w *walker) dir(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			sub := &walker{ctx: w.ctx, opt: w.opt, fn: w.fn, input: p}
			return sub.fail("", unwrapPath(err))
		}
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !known(name) || strings.HasPrefix(strings.ToUpper(name), "README") {
			return nil
		}
		sub := &walker{ctx: w.ctx, opt: w.opt, fn: w.fn, input: p}
		if err := sub.file(p); err != nil {
			var stop *stopError
			if errors.As(err, &stop) || w.ctx.Err() != nil {
				return err
			}
			return sub.fail("", err)
		}
		return nil
	})
}

func (w *walker) file(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return unwrapPath(err)
	}
	defer f.Close()
	if strings.HasSuffix(strings.ToLower(name), ".zip") {
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		return w.zip(f, fi.Size(), "", 0)
	}
	return w.stream(f, name, "", 0)
}

// maxDepth bounds archives nested inside archives.
const maxDepth = 4

// kind is a reader chosen by extension or content.
type kind int

const (
	kUnknown kind = iota
	kText
	kHTML
	kFeed
	kWARC
	kJSONL
	kGzip
	kZip
)

func kindOf(name string) kind {
	switch path.Ext(strings.ToLower(name)) {
	case ".txt":
		return kText
	case ".html", ".htm", ".xhtml":
		return kHTML
	case ".xml", ".rss", ".atom":
		return kFeed
	case ".warc":
		return kWARC
	case ".jsonl", ".ndjson", ".json":
		return kJSONL
	case ".gz", ".tgz":
		return kGzip
	case ".zip":
		return kZip
	}
	return kUnknown
}

// sniff chooses a reader from the first bytes.
func sniff(head []byte) kind {
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return kGzip
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return kZip
	case bytes.HasPrefix(head, []byte("WARC/")):
		return kWARC
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(h) > 1 && (h[0] == '{' || h[0] == '[') {
		// an object, or an array of objects
		if n := bytes.TrimLeft(h[1:], " \t\r\n"); len(n) > 0 && (n[0] == '"' || h[0] == '[' && n[0] == '{') {
			return kJSONL
		}
	}
	l := bytes.ToLower(h)
	if bytes.HasPrefix(l, []byte("<")) {
		if bytes.Contains(l, []byte("<rss")) || bytes.Contains(l, []byte("<feed")) || bytes.Contains(l, []byte("<rdf:rdf")) {
			if !bytes.Contains(l, []byte("<html")) {
				return kFeed
			}
		}
		return kHTML
	}
	return kText
}

// looksHTML reports whether the first bytes open an HTML page, so a file
// named .xml that holds one is read as HTML.
func looksHTML(head []byte) bool {
	l := bytes.ToLower(head)
	return bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<!doctype html"))
}

// stream reads r as the input named name (used for its extension), with
// records reported under prefix.
func (w *walker) stream(r io.Reader, name, prefix string, depth int) error {
	br := bufio.NewReaderSize(r, 64<<10)
	k := kindOf(name)
	if k == kUnknown || k == kText || k == kFeed {
		head, _ := br.Peek(1024)
		s := sniff(head)
		if k == kUnknown || s == kGzip || s == kZip || s == kWARC || (k == kFeed && looksHTML(head)) {
			k = s
		}
	}
	return w.read(br, k, name, prefix, depth, "")
}

func (w *walker) read(r io.Reader, k kind, name, prefix string, depth int, baseURL string) error {
	switch k {
	case kGzip:
		if depth >= maxDepth {
			return w.fail(prefix, errors.New("archives nested too deeply"))
		}
		return w.gzip(r, name, prefix, depth+1)
	case kZip:
		if depth >= maxDepth {
			return w.fail(prefix, errors.New("archives nested too deeply"))
		}
		b, err := w.readCapped(r)
		if err != nil {
			return w.fail(prefix, fmt.Errorf("zip archive: %w", err))
		}
		return w.zip(bytes.NewReader(b), int64(len(b)), prefix, depth+1)
	case kWARC:
		return w.warc(r, prefix)
	case kJSONL:
		return w.jsonl(r, prefix)
	}
	b, err := w.readCapped(r)
	if err != nil {
		return w.fail(prefix, err)
	}
	var a *Article
	switch k {
	case kHTML:
		a, err = ExtractHTML(b, baseURL)
	case kFeed:
		return w.feed(b, prefix)
	default:
		a, err = readText(b)
	}
	if err != nil {
		return w.fail(prefix, err)
	}
	if a.URL == "" {
		a.URL = baseURL
	}
	return w.emit(prefix, a)
}

func (w *walker) readCapped(r io.Reader) ([]byte, error) {
	max := w.opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	return b, nil
}

// readText reads a plain-text article: the first non-empty line is the
// headline, the rest is the body.
func readText(b []byte) (*Article, error) {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, fmt.Errorf("not a text file (NUL byte at offset %d)", i)
	}
	s := toUTF8(b)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimLeft(s, " \t\r\n")
	if s == "" {
		return nil, errors.New("empty article")
	}
	a := &Article{}
	title, body, _ := strings.Cut(s, "\n")
	a.Title = title
	a.Paragraphs = splitParagraphs(body)
	return a, nil
}
