package ner

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

// TestStackedTrainRoundTrip trains a small two-pass model, checks that the
// second pass is kept through Encode/Decode and labels alike after it.
func TestStackedTrainRoundTrip(t *testing.T) {
	r := loadR(t)
	var ex []Example
	for _, s := range []string{
		"Maria Lopez works for Acme Corp in Boston .|B-PER I-PER O O B-ORG I-ORG O B-LOC O",
		"The Red Cross sent aid to Haiti .|O B-ORG I-ORG O O O B-LOC O",
		"John Smith visited Paris on Monday .|B-PER I-PER O B-LOC O O O",
		"Acme Corp said Smith left .|B-ORG I-ORG O B-PER O O",
	} {
		p := strings.Split(s, "|")
		w := strings.Fields(p[0])
		up, xp, _ := r.tagger.TagWords(w)
		ex = append(ex, Example{Words: w, UPOS: up, XPOS: xp, Tags: strings.Fields(p[1]), Doc: len(ex)})
	}
	cfg := TrainConfig{Seed: 1, Iters: 3, Seeds: 2, Stack: 2}
	tr, err := Train(context.Background(), cfg, r.tagger, r.wc, r.gaz, ex, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Model().second == nil {
		t.Fatal("no second pass trained")
	}
	var buf bytes.Buffer
	if err := tr.Model().Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Decode("stacked", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if m.second == nil {
		t.Fatal("second pass lost in Encode/Decode")
	}
	r2 := New(r.tagger, r.wc, m, r.gaz)
	for _, e := range ex {
		a, b := tr.RecognizeWords(e.Words, false), r2.RecognizeWords(e.Words, false)
		if !slices.Equal(a, b) {
			t.Errorf("%v: %v before Encode, %v after", e.Words, a, b)
		}
	}
}

// TestStackFeatures checks that the second-pass features see the labels of
// other mentions of the same word and are off in the first pass.
func TestStackFeatures(t *testing.T) {
	r := loadR(t)
	w := strings.Fields("Jordan said Jordan would go to Jordan .")
	up, xp, _ := r.tagger.TagWords(w)
	var s sent
	var buf []byte
	s.build(w, up, xp, r.gaz, r.model.cases, r.wc, &buf)
	if s.stacked {
		t.Fatal("stacked features on before setPrev")
	}
	s.setPrev([]uint8{1, 0, 5, 0, 0, 0, 5, 0}) // B-PER, B-LOC, B-LOC
	keys := s.stackFeatures(nil, 0)
	// word 0 (B-PER) sees the word elsewhere labelled LOC (type 3)
	if want := k2(189, 1<<3, 1); !slices.Contains(keys, want) {
		t.Errorf("consistency feature missing for word 0: %v", keys)
	}
	keys = s.stackFeatures(nil, 3) // "would": not capitalised, no run
	if slices.Contains(keys, k2(189, 1<<3, 0)) {
		t.Error("consistency feature on a lower-case word")
	}
}

// TestAcronymAfter checks the parenthesised-acronym test of a name run.
func TestAcronymAfter(t *testing.T) {
	tests := []struct {
		in   string
		a, b int
		want uint64
	}{
		{"the State Committee for National Security ( SCNS ) said", 1, 6, 2},
		{"the State Committee for National Security ( GKNB ) said", 1, 6, 0},
		{"the State Committee for National Security ( SKNB ) said", 1, 6, 1},
		{"the State Committee for National Security said", 1, 6, 0},
		{"the State Committee for National Security ( scns ) said", 1, 6, 0},
	}
	r := loadR(t)
	for _, tt := range tests {
		w := strings.Fields(tt.in)
		up, xp, _ := r.tagger.TagWords(w)
		var s sent
		var buf []byte
		s.build(w, up, xp, r.gaz, r.model.cases, r.wc, &buf)
		if got := s.acronymAfter(tt.a, tt.b); got != tt.want {
			t.Errorf("%q: acronymAfter = %d, want %d", tt.in, got, tt.want)
		}
	}
}
