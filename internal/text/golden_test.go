package text

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// render writes a segmented document in the golden format: one header line
// per sentence, then one line per token with its offsets and normal form.
func render(doc *dyad.Document) string {
	var b strings.Builder
	for _, s := range doc.Sentences {
		h := ""
		if s.Headline {
			h = " headline"
		}
		fmt.Fprintf(&b, "# sentence %d paragraph %d%s [%d,%d) %q\n", s.Index, s.Paragraph, h, s.Start, s.End, s.Text)
		for _, t := range s.Tokens {
			if t.Norm != "" {
				fmt.Fprintf(&b, "%d\t%d\t%s\t%s\n", t.Start, t.End, t.Text, t.Norm)
			} else {
				fmt.Fprintf(&b, "%d\t%d\t%s\n", t.Start, t.End, t.Text)
			}
		}
	}
	if d, ok := DocDateline(doc); ok {
		sp := func(x [2]int) string { return doc.Text[x[0]:x[1]] }
		fmt.Fprintf(&b, "# dateline [%d,%d) place %q date %q source %q\n", d.Start, d.End, sp(d.Place), sp(d.Date), sp(d.Source))
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"border", "briefs"} {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			doc := &dyad.Document{Text: string(in)}
			Segment(doc, true)
			checkDoc(t, doc)
			got := render(doc)
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/text -run Golden -update)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("%s:%d: got %q, want %q (rerun with -update if the change is intended)", path, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s: got %d lines, want %d", path, len(gl), len(wl))
			}
		})
	}
}

// BenchmarkSegment segments a ~1,000-word news article and reports tokens/s.
func BenchmarkSegment(b *testing.B) {
	in, err := os.ReadFile(filepath.Join("testdata", "border.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(in)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	tokens := 0
	start := time.Now()
	for i := 0; i < b.N; i++ {
		doc := &dyad.Document{Text: text}
		Segment(doc, true)
		for _, s := range doc.Sentences {
			tokens += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/time.Since(start).Seconds(), "tokens/s")
}
