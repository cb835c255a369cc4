package quote

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/golden"
	"github.com/dyad-events/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	dictOnce sync.Once
	dict     *actor.Dictionary
	dictErr  error
)

func builtin(t testing.TB) *actor.Dictionary {
	t.Helper()
	dictOnce.Do(func() { dict, dictErr = actor.Builtin() })
	if dictErr != nil {
		t.Fatal(dictErr)
	}
	return dict
}

// analyse segments text and finds its actor mentions.
func analyse(t testing.TB, src string, pub time.Time) (*dyad.Document, [][]actor.Mention) {
	d := builtin(t)
	doc := &dyad.Document{Text: src, Published: pub}
	text.Segment(doc, true)
	ms := make([][]actor.Mention, len(doc.Sentences))
	for i := range doc.Sentences {
		ms[i] = d.Find(&doc.Sentences[i], pub)
	}
	return doc, ms
}

type annotated struct {
	id, text string
	pub      time.Time
	line     []int
	frag     []string
	speaker  []string
	direct   []bool
}

func readAnnotated(t *testing.T, name string) []annotated {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []annotated
	var cur *annotated
	inQ := false
	var body strings.Builder
	sc := bufio.NewScanner(f)
	ln := 0
	for sc.Scan() {
		ln++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#") && cur == nil:
		case strings.HasPrefix(l, "=== "):
			f := strings.Fields(l)
			if len(f) != 3 {
				t.Fatalf("%s:%d: want === ID DATE", name, ln)
			}
			pub, err := time.Parse("2006-01-02", f[2])
			if err != nil {
				t.Fatalf("%s:%d: %v", name, ln, err)
			}
			out = append(out, annotated{id: f[1], pub: pub})
			cur = &out[len(out)-1]
			inQ = false
			body.Reset()
		case l == "---" && cur != nil:
			cur.text = body.String()
			inQ = true
		case inQ:
			c := strings.Split(l, "|")
			if len(c) != 3 {
				t.Fatalf("%s:%d: want FRAGMENT | SPEAKER | KIND", name, ln)
			}
			cur.line = append(cur.line, ln)
			cur.frag = append(cur.frag, strings.TrimSpace(c[0]))
			cur.speaker = append(cur.speaker, strings.TrimSpace(c[1]))
			cur.direct = append(cur.direct, strings.TrimSpace(c[2]) == "direct")
		case cur != nil:
			body.WriteString(l)
			body.WriteByte('\n')
		}
	}
	return out
}

// TestSpeakerAccuracy measures quote finding and speaker accuracy on
// testdata/quotes.txt.
func TestSpeakerAccuracy(t *testing.T) {
	arts := readAnnotated(t, "testdata/quotes.txt")
	total, found, right := 0, 0, 0
	for _, a := range arts {
		doc, ms := analyse(t, a.text, a.pub)
		qs := Find(doc, ms)
		for k, frag := range a.frag {
			total++
			var q *dyad.Quote
			for i := range qs {
				if qs[i].Direct == a.direct[k] && strings.Contains(qs[i].Text, frag) {
					q = &qs[i]
					break
				}
			}
			if q == nil {
				t.Logf("testdata/quotes.txt:%d: %s: quote %q not found", a.line[k], a.id, frag)
				continue
			}
			found++
			want := strings.ToLower(a.speaker[k])
			if strings.Contains(strings.ToLower(q.Speaker.Name), want) || strings.Contains(strings.ToLower(q.Speaker.Text), want) {
				right++
			} else {
				t.Logf("testdata/quotes.txt:%d: %s: %q: speaker %+v, want %q", a.line[k], a.id, frag, q.Speaker, a.speaker[k])
			}
		}
	}
	if total < 40 {
		t.Errorf("only %d annotated quotes, want at least 40", total)
	}
	t.Logf("quotes found %d/%d = %.3f; speaker right %d/%d = %.3f of all annotated", found, total,
		float64(found)/float64(total), right, total, float64(right)/float64(total))
	if float64(right)/float64(total) < 0.7 {
		t.Errorf("speaker accuracy %.3f below 0.7", float64(right)/float64(total))
	}
}

func TestGolden(t *testing.T) {
	b, err := os.ReadFile("../tone/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, ms := analyse(t, string(b), time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
	qs := Find(doc, ms)
	for _, q := range qs {
		if doc.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote %q: offsets [%d,%d) give %q", q.Text, q.Start, q.End, doc.Text[q.Start:q.End])
		}
	}
	got, _ := json.MarshalIndent(qs, "", "  ")
	got = append(got, '\n')
	golden.Check(t, "testdata/article.golden.json", got, *update, "./internal/quote")
}

func TestCases(t *testing.T) {
	pub := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, src string
		want      []string // "direct|speaker text|quote text"
	}{
		{"curly inverted", "Talks\n“We will not leave,” said Vladimir Putin.",
			[]string{"true|Vladimir Putin|We will not leave,"}},
		{"colon before", "Talks\nThe minister said: \"The border stays open.\"",
			[]string{"true|minister|The border stays open."}},
		{"nested single", "Talks\n\"He told me 'never again', and I believed him,\" Sergei Lavrov said.",
			[]string{"true|Sergei Lavrov|He told me 'never again', and I believed him,"}},
		{"continued paragraph", "Talks\n\"The first part.\n\n\"The second part,\" Lavrov said.",
			[]string{"true|Lavrov|The first part.", "true|Lavrov|The second part,"}},
		{"unbalanced", "Talks\nHe said \"this never ends", []string{"true|He|this never ends"}},
		{"no quotes", "Talks\nNothing to see here.", nil},
		{"indirect after", "Talks\nThe talks failed, a police spokesman said.",
			[]string{"false|police spokesman|The talks failed"}},
	}
	for _, tc := range tests {
		doc, ms := analyse(t, tc.src, pub)
		var got []string
		for _, q := range Find(doc, ms) {
			got = append(got, strings.Join([]string{fmtBool(q.Direct), q.Speaker.Text, q.Text}, "|"))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

func fmtBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"\"a,\" he said.", "“x” ” “", "\"\n\n\"", "According to , .", "X said that", "\"\"\"", ", said ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, ms := analyse(t, s, time.Time{})
		for _, q := range Find(doc, ms) {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad offsets %d,%d for %q", q.Start, q.End, q.Text)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	src, err := os.ReadFile("../tone/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, ms := analyse(b, string(src), time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
	ntok := 0
	for i := range doc.Sentences {
		ntok += len(doc.Sentences[i].Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(doc, ms)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
