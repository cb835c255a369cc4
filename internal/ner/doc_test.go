package ner

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
)

func TestDocStats(t *testing.T) {
	doc := [][]string{
		strings.Fields("Enron said the Federal Energy Regulatory Commission ( FERC ) met ."),
		strings.Fields("Analysts at Enron Corp doubt it ."),
		strings.Fields("enron and FERC disagree ."),
		strings.Fields("THE BOARD OF ENRON MET"),
	}
	st := newDocStats(doc)
	tests := []struct {
		form string
		want docForm
	}{
		// sentence-initial "Enron" and the all-caps line are not counted
		// as mid-sentence; "Enron Corp" and "BOARD OF ENRON" are org runs
		{"enron", docForm{capMid: 1, lower: 1, org: 2}},
		{"corp", docForm{capMid: 1, org: 1}},
		{"commission", docForm{capMid: 1, org: 1}},
		{"ferc", docForm{capMid: 2, acr: 1}},
		{"analysts", docForm{}},
		{"said", docForm{}},
	}
	for _, tc := range tests {
		if got := st[tc.form]; got != tc.want {
			t.Errorf("%s: got %+v want %+v", tc.form, got, tc.want)
		}
	}
}

func TestDocFeaturesLeaveOutOwnOccurrence(t *testing.T) {
	words := strings.Fields("Analysts at Enron Corp doubt it .")
	up := make([]string, len(words))
	var s sent
	var buf []byte
	s.build(words, up, up, NewGazetteer(), nil, nil, &buf)
	alone := s.docFeatures(nil, 2, &s.words[2], 0)
	s.setDoc(newDocStats([][]string{words}))
	own := s.docFeatures(nil, 2, &s.words[2], 0)
	s.setDoc(newDocStats([][]string{words, strings.Fields("Enron Corp fell .")}))
	other := s.docFeatures(nil, 2, &s.words[2], 0)
	if len(alone) != 0 {
		t.Errorf("no document: %d features", len(alone))
	}
	// its own occurrence alone is no evidence
	if len(own) != 0 {
		t.Errorf("own occurrence only: %d features, want 0", len(own))
	}
	if len(other) == 0 {
		t.Errorf("a second mention in an org run changed nothing: %v", other)
	}
}

func TestRecognizeDocumentOfOneSentence(t *testing.T) {
	r := loadR(t)
	for _, text := range []string{
		"Officials of the Federal Energy Regulatory Commission met in Houston .",
		"Enron Corp said John Smith left .",
		"",
	} {
		w := strings.Fields(text)
		if got, want := r.RecognizeDocument([][]string{w}, true)[0], r.RecognizeWords(w, true); !slices.Equal(got, want) {
			t.Errorf("%q: document %v, sentence %v", text, got, want)
		}
		var s1, s2 dyad.Sentence
		off := 0
		for _, x := range w {
			s1.Tokens = append(s1.Tokens, dyad.Token{Text: x, Start: off, End: off + len(x)})
			off += len(x) + 1
		}
		s2.Tokens = slices.Clone(s1.Tokens)
		r.Annotate(&s1)
		r.AnnotateDocument([]*dyad.Sentence{&s2})
		if !slices.Equal(s1.Tokens, s2.Tokens) {
			t.Errorf("%q: Annotate and AnnotateDocument differ", text)
		}
	}
}

func TestUsesDoc(t *testing.T) {
	r := loadR(t)
	var ex []Example
	for d, s := range []string{
		"Acme Corp said Smith left .|B-ORG I-ORG O B-PER O O",
		"Smith joined Acme in May .|B-PER O B-ORG O O O",
		"The Acme board met in Paris .|O B-ORG O O O B-LOC O",
	} {
		p := strings.Split(s, "|")
		w := strings.Fields(p[0])
		up, xp, _ := r.tagger.TagWords(w)
		ex = append(ex, Example{Words: w, UPOS: up, XPOS: xp, Tags: strings.Fields(p[1]), Doc: d / 2})
	}
	for _, doc := range []bool{false, true} {
		cfg := TrainConfig{Seed: 1, Iters: 3, Seeds: 1, Doc: doc}
		tr, err := Train(context.Background(), cfg, r.tagger, r.wc, r.gaz, ex, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := tr.Model().Encode(&b); err != nil {
			t.Fatal(err)
		}
		m, err := Decode("test", &b)
		if err != nil {
			t.Fatal(err)
		}
		if got := New(r.tagger, r.wc, m, r.gaz).useDoc; got != doc {
			t.Errorf("trained with Doc %v: usesDoc %v", doc, got)
		}
	}
}
