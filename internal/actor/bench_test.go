package actor

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

// benchSentences are news-style sentences written for the benchmark.
var benchSentences = []string{
	"Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday, the Kremlin said.",
	"Kyrgyz and Tajik border guards exchanged fire near the disputed frontier, officials in Bishkek said.",
	"The UN Security Council will meet on Friday to discuss the crisis, diplomats said.",
	"NATO troops and U.S. military officials arrived in Lithuania for joint exercises.",
	"Police fired tear gas at thousands of protesters who gathered outside parliament in Tbilisi.",
	"Former Kazakh President Nursultan Nazarbayev attended the ceremony in Astana.",
	"The European Commission proposed new sanctions against Moscow, EU foreign ministers said.",
	"Hamas militants fired rockets at southern Israel, the Israeli military said.",
	"The International Monetary Fund approved a loan to Pakistan's government.",
	"Amnesty International accused Sudanese security forces of killing civilians in Darfur.",
	"Turkish Foreign Minister Hakan Fidan held talks with his Iranian counterpart in Ankara.",
	"The White House said President Joe Biden would travel to Brussels next week.",
	"Houthi rebels attacked a commercial ship in the Red Sea, the Pentagon said.",
	"Japanese Prime Minister Fumio Kishida spoke with South Korean President Yoon Suk Yeol by phone.",
	"Opposition lawmakers walked out of the session as the ruling party pushed the bill through.",
	"The World Health Organization warned that hospitals in Gaza were running out of fuel.",
	"Ukrainian forces shot down 20 Russian drones overnight, Kyiv said.",
	"Indian and Chinese troops clashed along the disputed border in the Himalayas.",
	"The African Union and ECOWAS called on Niger's military leaders to release the president.",
	"Reuters could not independently verify the report by Iran's state news agency IRNA.",
	"German Chancellor Olaf Scholz and French President Emmanuel Macron met in Berlin.",
	"Rebels seized the town after government troops withdrew, residents said.",
	"The court sentenced the journalist to five years in prison, his lawyer said.",
	"Students and teachers marched through the capital demanding higher pay.",
	"Taliban officials said they had detained several aid workers in Kabul.",
	"Brazil's President Luiz Inacio Lula da Silva called for a ceasefire.",
	"The OSCE said its monitors had recorded hundreds of ceasefire violations.",
	"Venezuelan opposition leader Maria Corina Machado said the vote was rigged.",
	"Saudi Arabia and the United Arab Emirates pledged aid to Yemen's government.",
	"Secretary-General Antonio Guterres urged both sides to show restraint.",
}

func BenchmarkFind(b *testing.B) {
	d, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	sents := make([]*dyad.Sentence, len(benchSentences))
	tokens := 0
	for i, s := range benchSentences {
		sents[i] = sentence(s)
		tokens += len(sents[i].Tokens)
	}
	date := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	mentions := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			mentions += len(d.Find(s, date))
		}
	}
	sec := b.Elapsed().Seconds()
	if sec > 0 {
		b.ReportMetric(float64(mentions)/sec, "mentions/s")
		b.ReportMetric(float64(tokens*b.N)/sec, "tokens/s")
		b.ReportMetric(float64(len(sents)*b.N)/sec, "sentences/s")
	}
}

func BenchmarkBuiltin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchSentences prints nothing; it checks that the benchmark
// sentences yield mentions, so the benchmark measures real work.
func TestBenchSentences(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range benchSentences {
		if len(d.Find(sentence(s), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))) == 0 {
			t.Errorf("no mention in %q", s)
		}
	}
}
