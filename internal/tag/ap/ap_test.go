package ap

import (
	"bufio"
	"bytes"
	"testing"
)

func keysOf(words ...string) []uint32 {
	var k []uint32
	for i, w := range words {
		k = append(k, Start(byte(i)).Str(w).Key())
	}
	return k
}

// train learns to tell two classes apart from one feature each.
func trained() *Model {
	tr := NewTrainer(3)
	data := []struct {
		keys  []uint32
		class int
	}{
		{keysOf("the", "bias"), 0},
		{keysOf("run", "bias"), 1},
		{keysOf("blue", "bias"), 2},
	}
	scores := make([]float32, 3)
	for it := 0; it < 5; it++ {
		for _, d := range data {
			for i := range scores {
				scores[i] = 0
			}
			tr.Score(d.keys, scores)
			p := 0
			for c := range scores {
				if scores[c] > scores[p] {
					p = c
				}
			}
			tr.Tick()
			if p != d.class {
				tr.Update(d.keys, d.class, 1)
				tr.Update(d.keys, p, -1)
			}
		}
	}
	return tr.Average(0)
}

func TestTrainScore(t *testing.T) {
	m := trained()
	tests := []struct {
		word string
		want int
	}{{"the", 0}, {"run", 1}, {"blue", 2}}
	for _, tc := range tests {
		s := make([]float32, 3)
		m.Score(keysOf(tc.word, "bias"), s)
		best := 0
		for c := range s {
			if s[c] > s[best] {
				best = c
			}
		}
		if best != tc.want {
			t.Errorf("%s: class %d want %d (scores %v)", tc.word, best, tc.want, s)
		}
		sub := make([]float32, 3)
		m.ScoreSubset(keysOf(tc.word, "bias"), sub, []uint16{uint16(tc.want)})
		if d := sub[tc.want] - s[tc.want]; d > 1e-6 || d < -1e-6 {
			t.Errorf("%s: ScoreSubset %v differs from Score %v", tc.word, sub, s)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	m := trained()
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Decode("test", bufio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"the", "run", "blue", "unseen"} {
		a, b := make([]float32, 3), make([]float32, 3)
		m.Score(keysOf(w, "bias"), a)
		m2.Score(keysOf(w, "bias"), b)
		for c := range a {
			if d := a[c] - b[c]; d > 1e-3 || d < -1e-3 {
				t.Errorf("%s class %d: %v vs %v after round trip", w, c, a[c], b[c])
			}
		}
	}
	if f, w := m2.Features(); f == 0 || w == 0 {
		t.Errorf("empty model after decode: %d features, %d weights", f, w)
	}
}

func TestHashDistinct(t *testing.T) {
	tests := []struct{ a, b uint32 }{
		{Start(1).Str("a").Key(), Start(2).Str("a").Key()},
		{Start(1).Str("ab").Key(), Start(1).Str("ba").Key()},
		{Start(1).Lower("ABC").Key(), Start(1).Str("abd").Key()},
		{Start(1).Mix(1).Key(), Start(1).Mix(2).Key()},
	}
	for i, tc := range tests {
		if tc.a == tc.b {
			t.Errorf("case %d: keys collide", i)
		}
	}
	if Start(1).Lower("ABC") != Start(1).Str("abc") {
		t.Error("Lower does not fold ASCII case")
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	trained().Encode(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("dyad-ap1\x01\x01\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode("fuzz", bytes.NewReader(b))
		if err != nil {
			return
		}
		s := make([]float32, m.NClass)
		m.Score(keysOf("x", "y"), s)
	})
}

func TestMean(t *testing.T) {
	m := trained()
	mm := Mean(m, m)
	for _, w := range []string{"the", "run", "blue"} {
		a, b := make([]float32, 3), make([]float32, 3)
		m.Score(keysOf(w, "bias"), a)
		mm.Score(keysOf(w, "bias"), b)
		for c := range a {
			if d := a[c] - b[c]; d > 1e-5 || d < -1e-5 {
				t.Errorf("%s class %d: mean of identical models changed the score %v -> %v", w, c, a[c], b[c])
			}
		}
	}
	if Mean() != nil {
		t.Error("Mean() of nothing is not nil")
	}
}
