package tag

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkTagWords tags the news text in testdata/news.txt (split on
// spaces, one sentence per line) and reports tokens per second.
func BenchmarkTagWords(b *testing.B) {
	raw, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]string
	n := 0
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			sents = append(sents, f)
			n += len(f)
		}
	}
	tg := loadT(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			tg.TagWords(s)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
