package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
)

// syntheticPage builds a news page of about n KiB: clutter around an
// article of paragraphs that vary with seed.
func syntheticPage(seed, kib int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks to resume in city %d | Site</title>`, seed)
	fmt.Fprintf(&b, `<meta property="article:published_time" content="2025-03-%02dT10:00:00Z"><link rel="canonical" href="https://site.example/%d">`, seed%28+1, seed)
	b.WriteString(`<script>var x = 1; for (var i = 0; i < 10; i++) { x += i; }</script></head><body>`)
	b.WriteString(`<nav class="menu"><ul><li><a href="/a">World</a></li><li><a href="/b">Business</a></li><li><a href="/c">Sport</a></li></ul></nav>`)
	fmt.Fprintf(&b, `<div class="ad banner">Advertisement, buy now, cheap, fast.</div><main><article class="story"><h1>Talks to resume in city %d</h1><div class="story-body">`, seed)
	for i := 0; b.Len() < kib<<10; i++ {
		fmt.Fprintf(&b, `<p>Officials in city %d said on Monday that talks with the delegation from region %d, which began last week, would resume, and that a <a href="/x%d">statement</a> would follow.</p>`, seed+i, i, i)
		if i%4 == 3 {
			b.WriteString(`<div class="inline-promo"><a href="/sub">Subscribe to our newsletter</a></div>`)
		}
	}
	b.WriteString(`</div></article><section class="comments"><p>Great, thanks, I agree.</p></section></main><footer>© Site</footer></body></html>`)
	return []byte(b.String())
}

func BenchmarkExtractHTML(b *testing.B) {
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		b.Fatal(err)
	}
	pages := map[string][]byte{"testdata": page, "synthetic-50KiB": syntheticPage(1, 50)}
	for _, name := range []string{"testdata", "synthetic-50KiB"} {
		p := pages[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ExtractHTML(p, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// syntheticWARC builds a WARC of n HTML responses, each record gzipped
// separately when gz is set, as Common Crawl stores them.
func syntheticWARC(n int, gz bool) []byte {
	var out bytes.Buffer
	for i := 0; i < n; i++ {
		page := syntheticPage(i, 20)
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(page))
		block := append([]byte(http), page...)
		rec := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://site.example/%d\r\nWARC-Date: 2025-03-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", i, len(block))
		r := append(append([]byte(rec), block...), "\r\n\r\n"...)
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(r)
			zw.Close()
		} else {
			out.Write(r)
		}
	}
	return out.Bytes()
}

func BenchmarkWARC(b *testing.B) {
	for _, gz := range []bool{false, true} {
		data := syntheticWARC(50, gz)
		name := "warc"
		if gz {
			name = "warc.gz"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				n := 0
				w := &walker{ctx: context.Background(), input: "x." + name, fn: func(d *dyad.Document, s Source, err error) error {
					if err != nil {
						return err
					}
					n++
					return nil
				}}
				if err := w.stream(bytes.NewReader(data), "x."+name, "", 0); err != nil {
					b.Fatal(err)
				}
				if n != 50 {
					b.Fatalf("%d documents, want 50", n)
				}
			}
		})
	}
}

func TestSyntheticWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		var titles []string
		w := &walker{ctx: context.Background(), input: "x", fn: func(d *dyad.Document, s Source, err error) error {
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(d.Text, "Subscribe") || strings.Contains(d.Text, "Advertisement") || strings.Contains(d.Text, "Great, thanks") {
				t.Errorf("%s: clutter in the text", s)
			}
			titles = append(titles, d.Title)
			return nil
		}}
		if err := w.stream(bytes.NewReader(syntheticWARC(3, gz)), "", "", 0); err != nil {
			t.Fatal(err)
		}
		if strings.Join(titles, ",") != "Talks to resume in city 0,Talks to resume in city 1,Talks to resume in city 2" {
			t.Errorf("gz=%v: titles %q", gz, titles)
		}
	}
}
