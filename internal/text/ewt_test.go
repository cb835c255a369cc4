package text

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
)

// ewtPath finds a UD EWT file: $DYAD_DATA/ud-ewt/NAME, else the shared
// data directory next to the repository.
func ewtPath(name string) string {
	if d := os.Getenv("DYAD_DATA"); d != "" {
		return filepath.Join(d, "ud-ewt", name)
	}
	return filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", name)
}

// goldSpans aligns the gold words of s with its text and returns their
// byte spans; ok is false when the words cannot be found in the text.
func goldSpans(s *conllu.Sentence) (spans [][2]int, ok bool) {
	mw := map[int]conllu.MultiWord{}
	for _, m := range s.MultiWord {
		mw[m.First] = m
	}
	pos := 0
	find := func(form string) int {
		for pos < len(s.Text) && (s.Text[pos] == ' ' || s.Text[pos] == '\t') {
			pos++
		}
		if strings.HasPrefix(s.Text[pos:], form) {
			return pos
		}
		return -1
	}
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if m, isMW := mw[w.ID]; isMW {
			at := find(m.Form)
			if at < 0 {
				return nil, false
			}
			n := m.Last - m.First + 1
			if i+n > len(s.Words) {
				return nil, false
			}
			var cat strings.Builder
			for _, x := range s.Words[i : i+n] {
				cat.WriteString(x.Form)
			}
			if cat.String() == m.Form {
				p := at
				for _, x := range s.Words[i : i+n] {
					spans = append(spans, [2]int{p, p + len(x.Form)})
					p += len(x.Form)
				}
			} else {
				spans = append(spans, [2]int{at, at + len(m.Form)})
			}
			pos = at + len(m.Form)
			i += n - 1
			continue
		}
		at := find(w.Form)
		if at < 0 {
			return nil, false
		}
		spans = append(spans, [2]int{at, at + len(w.Form)})
		pos = at + len(w.Form)
	}
	return spans, true
}

// ewtF1 tokenizes the "# text" of every sentence and scores token spans
// against the gold words. It returns precision, recall, F1, the number of
// sentences scored and the most frequent errors.
func ewtF1(t *testing.T, path string) (p, r, f float64, n int, errs []string) {
	sents, err := conllu.ReadFile(context.Background(), path)
	if err != nil {
		t.Skipf("UD EWT not available (%v); set DYAD_DATA to the shared data directory", err)
	}
	var tp, np, ng int
	count := map[string]int{}
	show := os.Getenv("DYAD_EWT_SHOW")
	for i := range sents {
		s := &sents[i]
		gold, ok := goldSpans(s)
		if !ok {
			continue
		}
		n++
		g := map[[2]int]bool{}
		for _, sp := range gold {
			g[sp] = true
		}
		toks := Tokenize(s.Text, 0)
		pred := map[[2]int]bool{}
		for _, tk := range toks {
			sp := [2]int{tk.Start, tk.End}
			pred[sp] = true
			if g[sp] {
				tp++
			} else {
				count["+"+tk.Text]++
				if show != "" && "+"+tk.Text == show {
					t.Logf("%s", s.Text)
				}
			}
		}
		for _, sp := range gold {
			if !pred[sp] {
				count["-"+s.Text[sp[0]:sp[1]]]++
				if show != "" && "-"+s.Text[sp[0]:sp[1]] == show {
					t.Logf("%s", s.Text)
				}
			}
		}
		np += len(toks)
		ng += len(gold)
	}
	p = float64(tp) / float64(np)
	r = float64(tp) / float64(ng)
	f = 2 * p * r / (p + r)
	for k := range count {
		errs = append(errs, k)
	}
	sort.Slice(errs, func(i, j int) bool {
		if count[errs[i]] != count[errs[j]] {
			return count[errs[i]] > count[errs[j]]
		}
		return errs[i] < errs[j]
	})
	if len(errs) > 60 {
		errs = errs[:60]
	}
	for i, e := range errs {
		errs[i] = e + "×" + itoa(count[e])
	}
	return p, r, f, n, errs
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// TestEWTTokenF1 reports token-boundary F1 of Tokenize on the raw text of
// the UD EWT dev set (multi-word tokens compared by their word split).
// Set DYAD_EWT_FILE to score another file (e.g. the training set).
func TestEWTTokenF1(t *testing.T) {
	name := "en_ewt-ud-dev.conllu"
	if f := os.Getenv("DYAD_EWT_FILE"); f != "" {
		name = f
	}
	p, r, f, n, errs := ewtF1(t, ewtPath(name))
	t.Logf("%s: %d sentences, token precision %.4f recall %.4f F1 %.4f", name, n, p, r, f)
	t.Logf("most frequent errors (+ predicted only, - gold only): %s", strings.Join(errs, "  "))
	if f < 0.97 {
		t.Errorf("token F1 %.4f below 0.97", f)
	}
}

// TestEWTSentenceSplit joins the sentences of each EWT dev paragraph with
// a space and reports how well SplitSentences finds the gold sentence
// ends (precision/recall of end offsets; paragraph ends excluded).
func TestEWTSentenceSplit(t *testing.T) {
	name := "en_ewt-ud-dev.conllu"
	if f := os.Getenv("DYAD_EWT_FILE"); f != "" {
		name = f
	}
	sents, err := conllu.ReadFile(context.Background(), ewtPath(name))
	if err != nil {
		t.Skipf("UD EWT not available (%v); set DYAD_DATA to the shared data directory", err)
	}
	var tp, np, ng int
	flush := func(par []string) {
		var b strings.Builder
		gold := map[int]bool{}
		for i, s := range par {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			if i < len(par)-1 {
				gold[b.Len()] = true
			}
		}
		text := b.String()
		spans := SplitSentences(text)
		pred := map[int]bool{}
		for i, sp := range spans {
			if i == len(spans)-1 {
				break
			}
			np++
			pred[sp[1]] = true
			if gold[sp[1]] {
				tp++
			} else if os.Getenv("DYAD_EWT_SHOW") == "split" {
				t.Logf("false split: %q | %q", text[max(0, sp[1]-30):sp[1]], text[sp[1]:min(len(text), sp[1]+30)])
			}
		}
		for g := range gold {
			if !pred[g] && os.Getenv("DYAD_EWT_SHOW") == "miss" {
				t.Logf("missed: %q | %q", text[max(0, g-30):g], text[g:min(len(text), g+30)])
			}
		}
		ng += len(gold)
	}
	var par []string
	for i := range sents {
		if (sents[i].NewPar || sents[i].NewDoc) && len(par) > 0 {
			flush(par)
			par = par[:0]
		}
		par = append(par, sents[i].Text)
	}
	flush(par)
	p, r := float64(tp)/float64(np), float64(tp)/float64(ng)
	t.Logf("%s: sentence ends inside paragraphs: gold %d, predicted %d, precision %.4f recall %.4f F1 %.4f",
		name, ng, np, p, r, 2*p*r/(p+r))
}
