package headline

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/golden"
	"github.com/dyad-events/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

func doc(head, body string) *dyad.Document {
	d := &dyad.Document{Text: head + "\n" + body}
	text.Segment(d, true)
	return d
}

type pair struct {
	id, body  string
	line      int
	head      string
	supported bool
}

func readPairs(t *testing.T, name string) []pair {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pair
	var id string
	var body strings.Builder
	inHeads := false
	sc := bufio.NewScanner(f)
	ln := 0
	for sc.Scan() {
		ln++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#") || l == "":
		case strings.HasPrefix(l, "=== "):
			id, inHeads = strings.TrimPrefix(l, "=== "), false
			body.Reset()
		case l == "---":
			inHeads = true
		case inHeads && (strings.HasPrefix(l, "+ ") || strings.HasPrefix(l, "- ")):
			out = append(out, pair{id: id, body: body.String(), line: ln, head: l[2:], supported: l[0] == '+'})
		case inHeads:
			t.Fatalf("%s:%d: want '+ ' or '- ' headline", name, ln)
		default:
			body.WriteString(l)
			body.WriteByte('\n')
		}
	}
	return out
}

// TestPairs measures the check's accuracy on testdata/pairs.txt.
func TestPairs(t *testing.T) {
	ps := readPairs(t, "testdata/pairs.txt")
	right := 0
	for _, p := range ps {
		h := Check(doc(p.head, p.body), nil)
		if h == nil {
			t.Fatalf("testdata/pairs.txt:%d: no headline", p.line)
		}
		if h.Supported == p.supported {
			right++
			continue
		}
		var why []string
		for _, c := range h.Claims {
			ev := ""
			if c.BestEvidence != nil {
				ev = c.BestEvidence.Text
			}
			why = append(why, c.Text+" => "+ev)
		}
		t.Logf("testdata/pairs.txt:%d: %s: %q supported=%v, want %v (%v)", p.line, p.id, p.head, h.Supported, p.supported, why)
	}
	if len(ps) < 20 {
		t.Errorf("only %d headlines, want at least ten pairs", len(ps))
	}
	t.Logf("headline check accuracy %d/%d = %.3f", right, len(ps), float64(right)/float64(len(ps)))
	if float64(right)/float64(len(ps)) < 0.75 {
		t.Errorf("accuracy below 0.75")
	}
}

// TestHeldOut measures the check on pairs written after tuning; it only
// reports the figure.
func TestHeldOut(t *testing.T) {
	ps := readPairs(t, "testdata/pairs_heldout.txt")
	right := 0
	for _, p := range ps {
		if h := Check(doc(p.head, p.body), nil); h != nil && h.Supported == p.supported {
			right++
		} else {
			t.Logf("testdata/pairs_heldout.txt:%d: %q: wrong (want supported=%v)", p.line, p.head, p.supported)
		}
	}
	t.Logf("held-out headline check accuracy %d/%d = %.3f", right, len(ps), float64(right)/float64(len(ps)))
}

func TestDemandVersusDiscussion(t *testing.T) {
	body := "Kyrgyzstan's foreign minister said on Friday that the presence of foreign troops in the country " +
		"was \"a matter for discussion\" with its partners."
	h := Check(doc("Kyrgyz minister demands immediate withdrawal of foreign troops", body), nil)
	if h == nil || h.Supported {
		t.Fatalf("demand headline over a discussion body: got %+v, want unsupported", h)
	}
	if len(h.Claims) != 1 || h.Claims[0].BestEvidence == nil || h.Claims[0].BestEvidence.Sentence != 1 {
		t.Errorf("want one claim with the body sentence as best evidence, got %+v", h.Claims)
	}
}

func TestNoHeadline(t *testing.T) {
	d := &dyad.Document{Text: "Just a body sentence."}
	text.Segment(d, false)
	if h := Check(d, nil); h != nil {
		t.Errorf("got %+v, want nil", h)
	}
	if h := Check(nil, nil); h != nil {
		t.Errorf("nil document: got %+v", h)
	}
}

func TestStem(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"demands", "demanded"}, {"urges", "urged"}, {"agrees", "agreed"}, {"kills", "killed"},
		{"collapse", "collapsed"}, {"rejects", "rejecting"},
	} {
		if stem(tc.a) != stem(tc.b) {
			t.Errorf("stem(%q)=%q, stem(%q)=%q", tc.a, stem(tc.a), tc.b, stem(tc.b))
		}
	}
}

func TestGolden(t *testing.T) {
	b, err := os.ReadFile("../tone/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := &dyad.Document{Text: string(b)}
	text.Segment(d, true)
	got, _ := json.MarshalIndent(Check(d, nil), "", "  ")
	got = append(got, '\n')
	golden.Check(t, "testdata/article.golden.json", got, *update, "./internal/headline")
}

func BenchmarkCheck(b *testing.B) {
	src, err := os.ReadFile("../tone/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	d := &dyad.Document{Text: string(src)}
	text.Segment(d, true)
	ntok := 0
	for i := range d.Sentences {
		ntok += len(d.Sentences[i].Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(d, nil)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"A demands all\nB said 5.", "\"\n\"", "x", "Talks collapse; 3 dead\nThree died."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &dyad.Document{Text: s}
		text.Segment(d, true)
		if h := Check(d, nil); h != nil {
			for _, c := range h.Claims {
				if c.BestEvidence != nil && (c.BestEvidence.Sentence < 0 || c.BestEvidence.Sentence >= len(d.Sentences)) {
					t.Fatalf("evidence sentence %d out of range", c.BestEvidence.Sentence)
				}
			}
		}
	})
}
