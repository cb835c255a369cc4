package wordclass

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestEmbeddedLookups(t *testing.T) {
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if tb.Len() < 50000 || tb.Levels() < 2 {
		t.Fatalf("embedded table has %d words, %d levels", tb.Len(), tb.Levels())
	}
	fine := tb.Levels() - 1
	tests := []struct {
		a, b  string
		share int // a and b share a class at this level (-1: no check)
		split int // a and b differ at this level (-1: no check)
	}{
		{"monday", "tuesday", fine, -1},
		{"Monday", "TUESDAY", fine, -1},
		{"january", "february", fine, -1},
		{"france", "germany", fine - 1, -1},
		{"the", "tuesday", -1, fine - 1},
		{"quickly", "france", -1, fine - 1},
		{"company", "blue", -1, 0},
	}
	for _, tc := range tests {
		pa, oka := tb.Classes(tc.a)
		pb, okb := tb.Classes(tc.b)
		if !oka || !okb {
			t.Errorf("%q or %q missing (%v, %v)", tc.a, tc.b, oka, okb)
			continue
		}
		if l := tc.share; l >= 0 && tb.Prefix(pa, l) != tb.Prefix(pb, l) {
			t.Errorf("%q (%b) and %q (%b) differ at level %d", tc.a, pa, tc.b, pb, l)
		}
		if l := tc.split; l >= 0 && tb.Prefix(pa, l) == tb.Prefix(pb, l) {
			t.Errorf("%q and %q share class %d at level %d", tc.a, tc.b, tb.Prefix(pa, l), l)
		}
	}
	for _, w := range []string{"", "xqzzyqx-not-a-word", strings.Repeat("a", 300)} {
		if _, ok := tb.Classes(w); ok {
			t.Errorf("Classes(%q) found", w)
		}
	}
}

func TestNewEncodeDecode(t *testing.T) {
	words := []string{"Red", "blue", "green", "red", "Paris", "rome", "ab", "a", "abc"}
	paths := []uint32{0b0101, 0b0100, 0b0110, 0b1111, 0b1000, 0b1001, 1, 2, 3}
	tb, err := New([]int{2, 2}, words, paths)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Len() != 8 {
		t.Fatalf("Len = %d, want 8 (red twice)", tb.Len())
	}
	var buf bytes.Buffer
	if err := tb.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(context.Background(), "test", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Fingerprint() != tb.Fingerprint() {
		t.Errorf("fingerprint changed by a round trip")
	}
	tests := []struct {
		word      string
		ok        bool
		path, top uint32
	}{
		{"red", true, 0b0101, 0b01},
		{"RED", true, 0b0101, 0b01},
		{"Blue", true, 0b0100, 0b01},
		{"paris", true, 0b1000, 0b10},
		{"ROME", true, 0b1001, 0b10},
		{"a", true, 2, 0},
		{"abc", true, 3, 0},
		{"abcd", false, 0, 0},
		{"purple", false, 0, 0},
	}
	for _, tc := range tests {
		for _, x := range []*Table{tb, got} {
			p, ok := x.Classes(tc.word)
			if ok != tc.ok || p != tc.path || (ok && x.Prefix(p, 0) != tc.top) || (ok && x.Prefix(p, 1) != p) {
				t.Errorf("Classes(%q) = %b, %v (top %b); want %b, %v (top %b)", tc.word, p, ok, x.Prefix(p, 0), tc.path, tc.ok, tc.top)
			}
		}
	}
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name  string
		bits  []int
		words []string
		paths []uint32
	}{
		{"no levels", nil, []string{"a"}, []uint32{0}},
		{"too many bits", []int{16, 16}, []string{"a"}, []uint32{0}},
		{"path too wide", []int{2}, []string{"a"}, []uint32{4}},
		{"empty word", []int{2}, []string{""}, []uint32{0}},
		{"length mismatch", []int{2}, []string{"a", "b"}, []uint32{0}},
	}
	for _, tc := range tests {
		if _, err := New(tc.bits, tc.words, tc.paths); err == nil {
			t.Errorf("%s: New succeeded", tc.name)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tb, _ := New([]int{3}, []string{"x", "y"}, []uint32{1, 2})
	var buf bytes.Buffer
	tb.Encode(&buf)
	good := buf.Bytes()
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"not gzip", []byte("hello"), "t.bin"},
		{"truncated", good[:len(good)-12], "t.bin"},
	}
	for _, tc := range tests {
		_, err := Decode(context.Background(), "t.bin", bytes.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want mention of %q", tc.name, err, tc.want)
		}
	}
}

func TestReadWinkAndCluster(t *testing.T) {
	// Two clear groups in two dimensions, plus a rare word near each.
	const js = `{"precision":8,"words":["a","b"],"vectors":{
	"north":[0,1,1,0],"up":[0.1,1,1,1],"east":[1,0,1,2],"right":[1,0.1,1,3],
	"skyward":[0.05,1,1,4],"eastward":[1,0.05,1,5],"zzz":[1,1,1,9]},"unkVector":[0,0]}`
	vs, err := ReadWink(context.Background(), "v.json", strings.NewReader(js), 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs.Words) != 6 || vs.Dims != 2 || vs.Words[0] != "north" || vs.Words[5] != "eastward" {
		t.Fatalf("read %v dims %d", vs.Words, vs.Dims)
	}
	paths, err := Cluster(context.Background(), vs, ClusterConfig{Bits: []int{1}, Seed: 1, Iters: 10, Fit: 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []uint32{0, 0, 1, 1, 0, 1}
	for i, w := range vs.Words {
		if paths[i] != want[i] {
			t.Errorf("%s: class %d, want %d (all %v)", w, paths[i], want[i], paths)
		}
	}
	for _, bad := range []string{`[1]`, `{"vectors":{"x":[1]}}`, `{"vectors":{"x":[1,2,1,0],"y":[1,1,0]}}`, `{"words":[]}`, `{"vectors":{"x":[1,2,1,0.5]}}`} {
		if _, err := ReadWink(context.Background(), "bad.json", strings.NewReader(bad), 10); err == nil || !strings.Contains(err.Error(), "bad.json") {
			t.Errorf("ReadWink(%s): err = %v", bad, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	tb, _ := New([]int{2, 3}, []string{"alpha", "alphabet", "beta", "gamma"}, []uint32{1, 2, 9, 31})
	var buf bytes.Buffer
	tb.Encode(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := Decode(context.Background(), "fuzz", bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, w := range []string{"alpha", "ALPHABET", "beta", "zeta", ""} {
			if p, ok := x.Classes(w); ok {
				for l := 0; l < x.Levels(); l++ {
					x.Prefix(p, l)
				}
			}
		}
		var out bytes.Buffer
		if err := x.Encode(&out); err != nil {
			t.Fatal(err)
		}
		y, err := Decode(context.Background(), "again", &out)
		if err != nil || y.Fingerprint() != x.Fingerprint() {
			t.Fatalf("round trip: %v", err)
		}
	})
}

func BenchmarkClasses(b *testing.B) {
	tb, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("The Foreign ministers of Russia and Ukraine met in Geneva on Tuesday , officials said , as talks resumed after Xqzzy months")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			tb.Classes(w)
		}
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
