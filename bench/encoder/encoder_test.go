package encoder

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/dyad-events/dyad/internal/wordclass"
)

// lstm is one direction of a one-layer LSTM: W maps [x; h] to the four gates.
type lstm struct {
	in, hid int
	w       []float32 // 4*hid rows of in+hid columns
	b       []float32
}

func newLSTM(r *rand.Rand, in, hid int) *lstm {
	l := &lstm{in: in, hid: hid, w: make([]float32, 4*hid*(in+hid)), b: make([]float32, 4*hid)}
	for i := range l.w {
		l.w[i] = float32(r.NormFloat64() * 0.1)
	}
	return l
}

func sigmoid(x float32) float32 { return 1 / (1 + float32(math.Exp(float64(-x)))) }

// run encodes xs (one vector per word) in order (or reversed) into out.
func (l *lstm) run(xs [][]float32, rev bool, out [][]float32, xh, gates, c []float32) {
	n := len(xs)
	h := xh[l.in:]
	clear(h)
	clear(c)
	cols := l.in + l.hid
	for k := 0; k < n; k++ {
		t := k
		if rev {
			t = n - 1 - k
		}
		copy(xh[:l.in], xs[t])
		for g := range gates {
			gates[g] = l.b[g] + wordclass.Dot(xh, l.w[g*cols:(g+1)*cols])
		}
		for j := 0; j < l.hid; j++ {
			i, f := sigmoid(gates[j]), sigmoid(gates[l.hid+j])
			o := sigmoid(gates[2*l.hid+j])
			u := float32(math.Tanh(float64(gates[3*l.hid+j])))
			c[j] = f*c[j] + i*u
			h[j] = o * float32(math.Tanh(float64(c[j])))
		}
		copy(out[t], h)
	}
}

func benchBiLSTM(b *testing.B, hid int) {
	const dim, words = 100, 25 // GloVe 6B 100-d; a news sentence
	r := rand.New(rand.NewPCG(1, 2))
	fw, bw := newLSTM(r, dim, hid), newLSTM(r, dim, hid)
	xs := make([][]float32, words)
	outF, outB := make([][]float32, words), make([][]float32, words)
	for i := range xs {
		xs[i] = make([]float32, dim)
		for j := range xs[i] {
			xs[i][j] = float32(r.NormFloat64())
		}
		outF[i], outB[i] = make([]float32, hid), make([]float32, hid)
	}
	xh, gates, c := make([]float32, dim+hid), make([]float32, 4*hid), make([]float32, hid)
	b.ResetTimer()
	for b.Loop() {
		fw.run(xs, false, outF, xh, gates, c)
		bw.run(xs, true, outB, xh, gates, c)
	}
	b.ReportMetric(float64(b.N)*words/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkBiLSTM is the forward pass of one bidirectional layer per
// 25-word sentence: no embedding lookup, no output layer, no second layer.
func BenchmarkBiLSTM(b *testing.B) {
	for _, hid := range []int{64, 128} {
		b.Run("hidden="+strconv.Itoa(hid), func(b *testing.B) { benchBiLSTM(b, hid) })
	}
}
