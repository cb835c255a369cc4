package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"2025-03-14T09:30:00+01:00", "2025-03-14T09:30:00+01:00"},
		{"2025-03-14T09:30:00.123Z", "2025-03-14T09:30:00Z"},
		{"2025-03-14T09:30:00+0100", "2025-03-14T09:30:00+01:00"},
		{"2025-03-14", "2025-03-14T00:00:00Z"},
		{"2025-03-14 09:30:00", "2025-03-14T09:30:00Z"},
		{"Tue, 04 Mar 2025 18:05:00 +0000", "2025-03-04T18:05:00Z"},
		{"Tue, 4 Mar 2025 18:05:00 GMT", "2025-03-04T18:05:00Z"},
		{"March 4, 2025", "2025-03-04T00:00:00Z"},
		{"4 March 2025", "2025-03-04T00:00:00Z"},
		{"1717977600", "2024-06-10T00:00:00Z"},
		{"20250304", "2025-03-04T00:00:00Z"},
		{"", ""},
		{"yesterday", ""},
		{"0001-01-01", ""},
		{"42", ""},
	}
	for _, tc := range tests {
		got, ok := ParseDate(tc.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
		}
		if s != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestDocID(t *testing.T) {
	a := DocID("Title\n\nBody text  here.")
	if len(a) != 16 {
		t.Fatalf("DocID length %d, want 16", len(a))
	}
	for _, same := range []string{"Title Body text here.", "  Title\r\n\r\nBody\ttext here.\n"} {
		if DocID(same) != a {
			t.Errorf("DocID(%q) differs from the re-wrapped text's", same)
		}
	}
	if DocID("Title Body text there.") == a {
		t.Error("different texts share a DocID")
	}
}

func TestArticleDocument(t *testing.T) {
	pub := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		a         Article
		wantText  string
		wantTitle string
		wantOK    bool
	}{
		{"layout", Article{Title: " A  headline ", Paragraphs: []string{"First\nparagraph.", "", "Second."}}, "A headline\n\nFirst paragraph.\n\nSecond.", "A headline", true},
		{"repeated headline dropped", Article{Title: "Headline", Paragraphs: []string{"headline", "Body."}}, "Headline\n\nBody.", "Headline", true},
		{"short first paragraph becomes headline", Article{Paragraphs: []string{"Troops cross border", "Troops crossed the border."}}, "Troops cross border\n\nTroops crossed the border.", "Troops cross border", true},
		{"no headline", Article{Paragraphs: []string{"Troops crossed the border.", "More."}}, "Troops crossed the border.\n\nMore.", "", true},
		{"empty", Article{Title: "  ", Paragraphs: []string{" "}}, "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, ok := tc.a.Document(pub)
			if ok != tc.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tc.wantOK)
			}
			if !ok {
				return
			}
			if doc.Text != tc.wantText || doc.Title != tc.wantTitle {
				t.Errorf("got title %q text %q, want %q %q", doc.Title, doc.Text, tc.wantTitle, tc.wantText)
			}
			if !doc.Published.Equal(pub) || doc.ID != DocID(doc.Text) {
				t.Errorf("published %v id %s", doc.Published, doc.ID)
			}
		})
	}
}

func TestExtractHTML(t *testing.T) {
	long := "The minister said on Monday that the talks, which began last week, would continue until an agreement was reached."
	tests := []struct {
		name      string
		html      string
		base      string
		wantTitle string
		wantDate  string
		wantURL   string
		wantLang  string
		wantText  []string // substrings of the paragraphs, in order
		notText   []string
	}{
		{
			name:      "title trimmed, time element, relative canonical",
			html:      `<html lang=de><title>Talks go on - Site News</title><link rel="canonical" href="/a/1"><body><h1>Talks go on</h1><time datetime="2024-05-06">May 6</time><div class=content><p>` + long + `</p></div></body></html>`,
			base:      "https://site.example/x?y=1",
			wantTitle: "Talks go on", wantDate: "2024-05-06T00:00:00Z", wantURL: "https://site.example/a/1", wantLang: "de",
			wantText: []string{"The minister said on Monday"}, notText: []string{"May 6"},
		},
		{
			name:      "JSON-LD date and body fallback",
			html:      `<html><head><script type="application/ld+json">[{"@type":"NewsArticle","headline":"Quake hits","datePublished":"2023-02-06T04:17:00+03:00","articleBody":"A quake hit southern Turkey.\n\nThousands died."}]</script></head><body><div id=app></div></body></html>`,
			wantTitle: "Quake hits", wantDate: "2023-02-06T04:17:00+03:00",
			wantText: []string{"A quake hit southern Turkey.", "Thousands died."},
		},
		{
			name:      "h1 preferred to a site-suffixed og:title",
			html:      `<meta property="og:title" content="Rebels take the capital city | World Wire"><h1>Rebels take the capital city</h1><article><p>` + long + `</p></article>`,
			wantTitle: "Rebels take the capital city",
			wantText:  []string{long},
		},
		{
			name:      "unclosed tags, entities, scripts and comments",
			html:      `<body><div class="post-body"><p>Caf&eacute; owners &amp; workers protested, saying &#8220;enough&#x201D;, in Paris<p>` + long + `<!-- <p>hidden comment</p> --><script>document.write("<p>script text</p>")</script></div>`,
			wantTitle: "", wantText: []string{"Café owners & workers protested, saying “enough”, in Paris", long}, notText: []string{"hidden comment", "script text"},
		},
		{
			name:     "site-specific date meta, bylines and furniture dropped",
			html:     `<meta name="article:publicationdate" content="Fri Mar 13 21:30:09 UTC 2015"><div class=story><p>By Laurie Writer</p><p>` + long + `</p><p>Advertisement</p><p>` + long + `</p></div>`,
			wantDate: "2015-03-13T21:30:09Z",
			wantText: []string{long, long}, notText: []string{"Laurie", "Advertisement"},
		},
		{
			name:      "windows-1252 bytes",
			html:      "<html><head><meta charset=windows-1252><title>Caf\xe9 strike</title></head><body><div class=story><p>\x93We will not pay,\x94 the owners said, and the strike, which began Monday, went on.</p></div></body></html>",
			wantTitle: "Café strike", wantText: []string{"“We will not pay,” the owners said"},
		},
		{
			name:     "navigation, comments and related links left out",
			html:     `<body><ul class=menu><li><a href=/>Home, and more, and more</a></ul><div id=main><p>` + long + `</p><p>` + long + `</p></div><div class=comments><p>` + long + ` A comment, really, yes.</p></div><ul><li><a href=/r>A related story, with commas, many, many</a><li><a href=/s>Another related story, with commas</a></ul></body>`,
			wantText: []string{long, long}, notText: []string{"A comment", "related story", "Home"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ExtractHTML([]byte(tc.html), tc.base)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", a.Title, tc.wantTitle)
			}
			date := ""
			if !a.Published.IsZero() {
				date = a.Published.Format(time.RFC3339)
			}
			if date != tc.wantDate {
				t.Errorf("date %q, want %q", date, tc.wantDate)
			}
			if a.URL != tc.wantURL || a.Lang != tc.wantLang {
				t.Errorf("url %q lang %q, want %q %q", a.URL, a.Lang, tc.wantURL, tc.wantLang)
			}
			text := strings.Join(a.Paragraphs, "\n")
			pos := 0
			for _, w := range tc.wantText {
				i := strings.Index(text[pos:], w)
				if i < 0 {
					t.Errorf("paragraphs lack %q (in order):\n%s", w, text)
					break
				}
				pos += i + len(w)
			}
			for _, w := range tc.notText {
				if strings.Contains(text, w) {
					t.Errorf("paragraphs contain %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want kind
	}{
		{"\x1f\x8b\x08", kGzip},
		{"PK\x03\x04", kZip},
		{"WARC/1.0\r\n", kWARC},
		{"\n {\"text\":1}", kJSONL},
		{"[ {\"text\":1}]", kJSONL},
		{"[Reuters] Talks end", kText},
		{"{braces} in a headline", kText},
		{"<?xml version='1.0'?><rss>", kFeed},
		{"<feed xmlns='http://www.w3.org/2005/Atom'>", kFeed},
		{"<!DOCTYPE html><html>", kHTML},
		{"Headline\n\nBody", kText},
	}
	for _, tc := range tests {
		if got := sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("sniff(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestWARCBadRecords(t *testing.T) {
	good, err := os.ReadFile("testdata/news.warc")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     string
		wantDocs int
		wantErrs []string
	}{
		{"garbage then records", "garbage line\r\n" + string(good), 2, []string{"record 1: expected a WARC version line"}},
		{"bad length then records", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n" + string(good), 2, []string{"record 1: bad Content-Length"}},
		{"truncated", string(good[:bytes.Index(good, []byte("logo.png"))-200]), 1, []string{"record 5: record cut short"}},
		{"resource and conversion records", "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/1\r\nWARC-Date: 2025-01-02T03:04:05Z\r\nContent-Type: text/html\r\nContent-Length: 37\r\n\r\n<title>Envoy recalled</title><p>x</p>\r\n\r\n" +
			"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n\r\nTalks end\n\nBody.\r\n\r\n", 2, nil},
		{"bad HTTP", "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n", 0, []string{"record 1: HTTP response"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "x.warc")
			if err := os.WriteFile(p, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, _, errs := collect(t, []string{p}, Options{})
			if len(docs) != tc.wantDocs || len(errs) != len(tc.wantErrs) {
				t.Fatalf("got %d docs, errors %v; want %d docs, %d errors", len(docs), errs, tc.wantDocs, len(tc.wantErrs))
			}
			for i, w := range tc.wantErrs {
				if !strings.Contains(errs[i].Error(), w) || !strings.Contains(errs[i].Error(), "x.warc") {
					t.Errorf("error %q, want it to name x.warc and contain %q", errs[i], w)
				}
			}
		})
	}
}

func TestWalkDirectoryAndStdin(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/two.txt", "Second headline\n\nBody two.")
	write("a.txt", "First headline\n\nBody one.")
	write("notes.md", "# not read")
	write(".hidden/x.txt", "Hidden\n\nNot read.")
	write("README.txt", "Readme\n\nNot read.")
	write("empty.txt", "  \n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"title":"Third headline","text":"Body three."}` + "\n"))
	zw.Close()
	write("c/three.jsonl.gz", gz.String())

	var got []string
	err := Walk(context.Background(), []string{dir, "-"}, strings.NewReader("Stdin headline\n\nFrom standard input."), Options{}, func(d *dyad.Document, s Source, err error) error {
		rel, _ := filepath.Rel(dir, s.Input)
		if s.Input == "-" {
			rel = "-"
		}
		if err != nil {
			got = append(got, fmt.Sprintf("%s %s error", filepath.ToSlash(rel), s.Record))
			return nil
		}
		got = append(got, fmt.Sprintf("%s %s %s", filepath.ToSlash(rel), s.Record, d.Title))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile("testdata/feed.atom")
	if err != nil {
		t.Fatal(err)
	}
	docs := 0
	err = Walk(context.Background(), []string{"-"}, bytes.NewReader(feed), Options{}, func(d *dyad.Document, s Source, err error) error {
		if err != nil || s.Record != fmt.Sprintf("item %d", docs+1) {
			t.Errorf("feed on stdin: %v %v", s, err)
		}
		docs++
		return nil
	})
	if err != nil || docs != 2 {
		t.Errorf("feed on stdin: %d documents, error %v; want 2", docs, err)
	}
	want := []string{
		"a.txt  First headline",
		"b/two.txt  Second headline",
		"c/three.jsonl.gz line 1 Third headline",
		"empty.txt  error",
		"-  Stdin headline",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("enough")
	n := 0
	err := Walk(context.Background(), []string{"testdata/articles.jsonl", "testdata/plain.txt"}, nil, Options{}, func(d *dyad.Document, s Source, err error) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Walk returned %v after %d calls, want fn's error after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{"testdata/news.warc", "testdata/plain.txt"}, nil, Options{}, func(d *dyad.Document, s Source, err error) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk returned %v after %d calls, want context.Canceled after 1", err, n)
	}
}

func TestCorruptArchives(t *testing.T) {
	dir := t.TempDir()
	gz, err := os.ReadFile("testdata/plain.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zip, err := os.ReadFile("testdata/bundle.zip")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"cut.txt.gz":  gz[:len(gz)-10],
		"notgz.gz":    []byte("plain text"),
		"cut.zip":     zip[:len(zip)/2],
		"binary.txt":  []byte("Headline\x00\x01"),
		"bad.jsonl":   []byte("{\"title\": 1,\n"),
		"notfeed.xml": []byte("<?xml version='1.0'?><config><a/></config>"),
		"array.json":  []byte(`[{"title":`),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			docs, _, errs := collect(t, []string{p}, Options{})
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("got %d docs, errors %v; want one error", len(docs), errs)
			}
			if !strings.Contains(errs[0].Error(), name) {
				t.Errorf("error %q does not name %s", errs[0], name)
			}
		})
	}
}

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Advertisement", true},
		{"Read more »", true},
		{"By Ann Writer, Diplomatic Correspondent", true},
		{"(Reporting by Ann Writer; Editing by Bob Editor)", true},
		{"By Friday, the rebels had taken the town.", false},
		{"The minister said the talks would continue.", false},
		{"Share prices fell sharply on Monday after the announcement.", false},
	}
	for _, tc := range tests {
		if got := boilerplate(tc.p); got != tc.want {
			t.Errorf("boilerplate(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestJSONArray(t *testing.T) {
	p := filepath.Join(t.TempDir(), "articles.json")
	data := `[{"title":"Talks end","text":"The talks ended."}, 5, {"headline":"Envoy recalled","body":"Peru recalled its envoy."}]`
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, srcs, errs := collect(t, []string{p}, Options{})
	if len(docs) != 2 || len(errs) != 1 || srcs[1].Record != "item 3" || !strings.Contains(errs[0].Error(), "item 2") {
		t.Fatalf("got %d docs %v, errors %v", len(docs), srcs, errs)
	}
	if docs[1].Text != "Envoy recalled\n\nPeru recalled its envoy." {
		t.Errorf("text %q", docs[1].Text)
	}
}
