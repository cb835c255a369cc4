package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// fuzzWalk reads data as the named file through the reader chosen by its
// extension and checks the invariants every document must keep.
func fuzzWalk(t *testing.T, name string, data []byte) {
	w := &walker{ctx: context.Background(), opt: Options{MaxBytes: 1 << 20}, input: name}
	w.fn = func(d *dyad.Document, s Source, err error) error {
		if err != nil {
			if d != nil {
				t.Fatalf("document with an error")
			}
			if !strings.HasPrefix(err.Error(), name) {
				t.Fatalf("error %q does not name the input", err)
			}
			return nil
		}
		if d == nil || d.Text == "" || !utf8.ValidString(d.Text) || d.ID != DocID(d.Text) {
			t.Fatalf("bad document %+v", d)
		}
		if d.Title != "" && !strings.HasPrefix(d.Text, d.Title) {
			t.Fatalf("text %q does not start with its title %q", d.Text, d.Title)
		}
		if strings.Contains(d.Text, "\n\n\n") || strings.TrimSpace(d.Text) != d.Text {
			t.Fatalf("text layout %q", d.Text)
		}
		return nil
	}
	if err := w.stream(bytes.NewReader(data), name, "", 0); err != nil {
		// errors reach fn; stream itself fails only on read errors of the
		// underlying reader, which a bytes.Reader has none of
		t.Fatalf("stream: %v", err)
	}
}

func seed(f *testing.F, files ...string) {
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzHTML(f *testing.F) {
	seed(f, "testdata/news.html")
	f.Add([]byte("<p>a<p>b</div></p><script>x</scr"))
	f.Add([]byte("<a href='x>y</a><!-- <title>"))
	f.Add([]byte("<html lang=en><meta charset=latin1>\xe9\xe8<time datetime=2024-01-01>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ExtractHTML(b, "https://example.com/a")
		if err == nil {
			for _, p := range a.Paragraphs {
				if !utf8.ValidString(p) {
					t.Fatalf("invalid UTF-8 paragraph %q", p)
				}
			}
		}
		fuzzWalk(t, "x.html", b)
	})
}

func FuzzFeed(f *testing.F) {
	seed(f, "testdata/feed.rss", "testdata/feed.atom")
	f.Add([]byte("<rss><channel><item><title>a</title><description>&lt;p&gt;b"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzWalk(t, "x.xml", b) })
}

func FuzzWARC(f *testing.F) {
	seed(f, "testdata/news.warc", "testdata/news.warc.gz")
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 10\r\n\r\n<p>hi</p>\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzWalk(t, "x.warc", b) })
}

func FuzzJSONL(f *testing.F) {
	seed(f, "testdata/articles.jsonl")
	f.Add([]byte(`{"text": 5, "date": [1]}` + "\n{}\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzWalk(t, "x.jsonl", b) })
}

func FuzzZip(f *testing.F) {
	seed(f, "testdata/bundle.zip")
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("in.zip")
	w.Write([]byte("PK\x03\x04"))
	zw.Close()
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) { fuzzWalk(t, "x.zip", b) })
}

func FuzzText(f *testing.F) {
	seed(f, "testdata/plain.txt", "testdata/plain.txt.gz")
	f.Fuzz(func(t *testing.T, b []byte) { fuzzWalk(t, "x", b) })
}
