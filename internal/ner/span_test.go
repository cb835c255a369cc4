package ner

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/wordclass"
)

// TestBuildRuns checks the name runs: capitalised words, bridged by one
// lower-case connector when a capitalised word follows.
func TestBuildRuns(t *testing.T) {
	tests := []struct {
		in   string
		want string // runs as [a,b) pairs of word indices, "a-b" joined by ' '
	}{
		{"the Department of Housing and Urban Development said", "1-4 5-7"},
		{"Bank of America and Citigroup", "0-3 4-5"},
		{"he went to the store", ""},
		{"Noida and Kasna", "0-1 2-3"},
		{"Enron Broadband Services , Inc.", "0-3 4-5"},
		{"the end of Rome", "3-4"},
		{"U of H 's endowment", "0-3"},
	}
	for _, tc := range tests {
		words := strings.Fields(tc.in)
		up := make([]string, len(words))
		var s sent
		var buf []byte
		s.build(words, up, up, NewGazetteer(), nil, nil, &buf)
		var got []string
		for i := 0; i < len(words); {
			a, b := int(s.rs[i]), int(s.re[i])
			if a == b {
				i++
				continue
			}
			if a != i {
				t.Fatalf("%q: word %d in run %d-%d", tc.in, i, a, b)
			}
			got = append(got, strconv.Itoa(a)+"-"+strconv.Itoa(b))
			i = b
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: runs %q want %q", tc.in, g, tc.want)
		}
	}
}

// TestRunKeywords checks the keyword classes and that a run carries the
// classes of all its words.
func TestRunKeywords(t *testing.T) {
	tests := []struct {
		w    string
		want uint8
	}{
		{"inc.", kwCorp}, {"university", kwInst}, {"street", kwPlace}, {"mr.", kwTitle},
		{"airport", kwFacil}, {"times", kwMedia}, {"national", kwOrgPre}, {"table", kwNone},
	}
	for _, tc := range tests {
		if got := keywordClass(tc.w); got != tc.want {
			t.Errorf("keywordClass(%q) = %d want %d", tc.w, got, tc.want)
		}
	}
	words := strings.Fields("at the National Science Foundation today")
	up := make([]string, len(words))
	var s sent
	var buf []byte
	s.build(words, up, up, NewGazetteer(), nil, nil, &buf)
	want := uint8(1<<kwOrgPre | 1<<kwNone | 1<<kwInst)
	for i := 2; i < 5; i++ {
		if s.rmask[i] != want {
			t.Errorf("rmask[%d] = %b want %b", i, s.rmask[i], want)
		}
	}
	if s.rmask[0] != 0 || s.rmask[5] != 0 {
		t.Errorf("words outside the run have a mask: %v", s.rmask)
	}
}

// TestClasses checks that known words get classes, unknown words and a
// nil table get noClass.
func TestClasses(t *testing.T) {
	wc, err := wordclass.Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Monday Tuesday xqzzyqx")
	up := make([]string, len(words))
	var s sent
	var buf []byte
	s.build(words, up, up, NewGazetteer(), nil, wc, &buf)
	if s.cls[0][1] == noClass || s.cls[0][0] != s.cls[1][0] {
		t.Errorf("monday/tuesday classes %v %v", s.cls[0], s.cls[1])
	}
	if s.cls[2] != [classLevels]uint64{noClass, noClass} {
		t.Errorf("unknown word classes %v", s.cls[2])
	}
	s.build(words, up, up, NewGazetteer(), nil, nil, &buf)
	for i := range words {
		if s.cls[i] != [classLevels]uint64{noClass, noClass} {
			t.Errorf("nil table: classes %v", s.cls[i])
		}
	}
}

// TestModelWordClasses checks that the embedded model was trained with the
// embedded word-class table (retrain with dyad train ner when it changes).
func TestModelWordClasses(t *testing.T) {
	r := loadR(t)
	if got, want := r.Model().WordClassFingerprint(), r.wc.Fingerprint(); got != want {
		t.Errorf("model trained with word classes %x, embedded table is %x: run dyad train ner", got, want)
	}
}

// TestLongRun guards against quadratic work on a sentence that is one long
// capitalised run (an all-caps line).
func TestLongRun(t *testing.T) {
	r := loadR(t)
	words := strings.Fields(strings.Repeat("UNITED NATIONS OF THE WORLD ", 2000))
	tags := r.RecognizeWords(words, true)
	if len(tags) != len(words) {
		t.Fatalf("%d tags for %d words", len(tags), len(words))
	}
}

// TestJoinHyphenatedNames checks that a person name split at an attached
// hyphen is joined, and that a spaced dash or other types are left alone.
func TestJoinHyphenatedNames(t *testing.T) {
	tests := []struct {
		text string
		ents string
		want string
	}{
		{"Jean-Paul Mugisha said", "B-PER O B-PER I-PER O", "B-PER I-PER I-PER I-PER O"},
		{"Jean - Paul said", "B-PER O B-PER O", "B-PER O B-PER O"},
		{"US-Russia talks", "B-LOC O B-LOC O", "B-LOC O B-LOC O"},
		{"Jean-Paul", "B-PER I-PER I-PER", "B-PER I-PER I-PER"},
	}
	for _, tc := range tests {
		toks := tokensOf(tc.text)
		ents := strings.Fields(tc.ents)
		if len(toks) != len(ents) {
			t.Fatalf("%q: %d tokens, %d tags", tc.text, len(toks), len(ents))
		}
		joinHyphenatedNames(toks, ents)
		if got := strings.Join(ents, " "); got != tc.want {
			t.Errorf("%q: %s want %s", tc.text, got, tc.want)
		}
	}
}

// tokensOf splits text at spaces and around hyphens, with byte offsets.
func tokensOf(text string) []dyad.Token {
	var toks []dyad.Token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, dyad.Token{Text: text[start:end], Start: start, End: end})
			start = -1
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ' ':
			flush(i)
		case '-':
			flush(i)
			toks = append(toks, dyad.Token{Text: "-", Start: i, End: i + 1})
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(text))
	return toks
}
