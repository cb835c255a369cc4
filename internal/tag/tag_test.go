package tag

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/dyad"
)

func loadT(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTagWords(t *testing.T) {
	tg := loadT(t)
	tests := []struct {
		words      []string
		upos, lems []string
	}{
		{[]string{"The", "minister", "visited", "Paris", "on", "Monday", "."},
			[]string{"DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"},
			[]string{"the", "minister", "visit", "Paris", "on", "Monday", "."}},
		{[]string{"Rebels", "were", "killed", "in", "the", "attacks", "."},
			[]string{"NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"},
			[]string{"rebel", "be", "kill", "in", "the", "attack", "."}},
	}
	for _, tc := range tests {
		up, _, lm := tg.TagWords(tc.words)
		for i := range tc.words {
			if up[i] != tc.upos[i] || lm[i] != tc.lems[i] {
				t.Errorf("%v: word %q got %s/%s want %s/%s", tc.words, tc.words[i], up[i], lm[i], tc.upos[i], tc.lems[i])
			}
		}
	}
}

func TestAnnotate(t *testing.T) {
	tg := loadT(t)
	s := dyad.Sentence{Tokens: []dyad.Token{{Text: "Rebels"}, {Text: "seized"}, {Text: "the"}, {Text: "town"}}}
	tg.Annotate(&s)
	for _, tk := range s.Tokens {
		if tk.UPOS == "" || tk.XPOS == "" || tk.Lemma == "" {
			t.Errorf("token %q not annotated: %+v", tk.Text, tk)
		}
	}
	if s.Tokens[1].Lemma != "seize" {
		t.Errorf("lemma of seized = %q", s.Tokens[1].Lemma)
	}
	// Empty sentence must not panic.
	tg.Annotate(&dyad.Sentence{})
}

func TestEncodeRoundTrip(t *testing.T) {
	tg := loadT(t)
	var buf bytes.Buffer
	if err := tg.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	tg2, err := Decode(context.Background(), "roundtrip", &buf)
	if err != nil {
		t.Fatal(err)
	}
	w := []string{"Officials", "said", "talks", "would", "resume", "."}
	a, b, c := tg.TagWords(w)
	x, y, z := tg2.TagWords(w)
	for i := range w {
		if a[i] != x[i] || b[i] != y[i] || c[i] != z[i] {
			t.Errorf("word %d differs after round trip", i)
		}
	}
}

func TestDecodeGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := Decode(context.Background(), "bad", bytes.NewReader(in)); err == nil {
			t.Errorf("Decode(%q) succeeded", in)
		}
	}
}

func devPath() string {
	if d := os.Getenv("DYAD_DATA"); d != "" {
		return filepath.Join(d, "ud-ewt", "en_ewt-ud-dev.conllu")
	}
	return filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", "en_ewt-ud-dev.conllu")
}

// TestDevAccuracy guards against regressions of the shipped model.
func TestDevAccuracy(t *testing.T) {
	p := devPath()
	if _, err := os.Stat(p); err != nil {
		t.Skipf("UD EWT dev set not found at %s (set DYAD_DATA): %v", p, err)
	}
	dev, err := conllu.ReadFile(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	s := loadT(t).Evaluate(dev)
	t.Logf("dev UPOS %.4f XPOS %.4f lemma %.4f over %d tokens", s.UPOS, s.XPOS, s.Lemma, s.Tokens)
	if s.UPOS < 0.94 || s.Lemma < 0.95 {
		t.Errorf("dev accuracy too low: %+v", s)
	}
}

// TestHeadlineCase checks that headline case and all-caps lines are tagged
// like running text.
func TestHeadlineCase(t *testing.T) {
	tg := loadT(t)
	tests := []struct {
		line string
		want map[string]string // word -> UPOS
	}{
		{"Foreign Ministers Meet in Geneva as Ceasefire Talks Resume",
			map[string]string{"Ministers": "NOUN", "Meet": "VERB", "Geneva": "PROPN", "Talks": "NOUN"}},
		{"REBELS SEIZE TOWN NEAR BAGHDAD",
			map[string]string{"REBELS": "NOUN", "TOWN": "NOUN", "BAGHDAD": "PROPN"}},
	}
	for _, tc := range tests {
		w := strings.Fields(tc.line)
		up, _, lm := tg.TagWords(w)
		for i, x := range w {
			if want, ok := tc.want[x]; ok && up[i] != want {
				t.Errorf("%q: %s tagged %s (lemma %s), want %s", tc.line, x, up[i], lm[i], want)
			}
		}
	}
}

// TestWordClasses checks that the shipped model reads the embedded word
// classes and that words of one class share their class features.
func TestWordClasses(t *testing.T) {
	tg := loadT(t)
	if tg.wc == nil {
		t.Fatal("shipped model has no word-class table")
	}
	tests := []struct {
		a, b string
		same bool // same class at the finest level
	}{
		{"Monday", "tuesday", true},
		{"the", "tuesday", false},
	}
	for _, tc := range tests {
		wa, wb := tg.makeWord(tc.a), tg.makeWord(tc.b)
		if wa.Cls[0] == 0 || wb.Cls[0] == 0 {
			t.Errorf("%q or %q has no class: %v %v", tc.a, tc.b, wa.Cls, wb.Cls)
			continue
		}
		if got := wa.Cls == wb.Cls; got != tc.same {
			t.Errorf("%q %v and %q %v: same = %v, want %v", tc.a, wa.Cls, tc.b, wb.Cls, got, tc.same)
		}
	}
	if w := tg.makeWord("xqzzyqx"); w.Cls != [MaxClassLevels]uint32{} {
		t.Errorf("unknown word has classes %v", w.Cls)
	}
}
