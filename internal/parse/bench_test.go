package parse

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/dyad-events/dyad/internal/tag"
)

// splitWords is a crude EWT-like tokenizer for the benchmark text only.
func splitWords(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		var tail []string
		for len(f) > 1 && strings.ContainsRune(",.;:!?\"')", rune(f[len(f)-1])) {
			tail = append([]string{f[len(f)-1:]}, tail...)
			f = f[:len(f)-1]
		}
		for len(f) > 1 && (f[0] == '"' || f[0] == '(') {
			out = append(out, f[:1])
			f = f[1:]
		}
		if strings.HasSuffix(f, "'s") && len(f) > 2 && unicode.IsLetter(rune(f[0])) {
			out = append(out, f[:len(f)-2], "'s")
		} else {
			out = append(out, f)
		}
		out = append(out, tail...)
	}
	return out
}

// BenchmarkParse parses a ~1,150-word news text tagged by the shipped tagger.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	p := load(b)
	type tagged struct{ w, u, x []string }
	var sents []tagged
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		w := splitWords(line)
		u, x, _ := tg.TagWords(w)
		sents = append(sents, tagged{w, u, x})
		n += len(w)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			p.ParseWords(s.w, s.u, s.x)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
