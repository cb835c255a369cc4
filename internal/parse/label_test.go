package parse

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestTreeBuild(t *testing.T) {
	tests := []struct {
		name  string
		heads []int32 // root = len(heads)
		want  string  // children of 0..n
	}{
		{"chain", []int32{1, 2, 3}, "[] [0] [1] [2]"},
		{"star", []int32{1, 3, 1}, "[] [0 2] [] [1]"},
		{"single", []int32{1}, "[] [0]"},
		{"empty", nil, "[]"},
		{"left and right", []int32{2, 2, 5, 2, 3}, "[] [] [0 1 3] [4] [] [2]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tr tree
			n := len(tc.heads)
			tr.build(tc.heads, n)
			var parts []string
			for h := 0; h <= n; h++ {
				parts = append(parts, fmt.Sprint(tr.children(int32(h))))
			}
			if got := strings.Join(parts, " "); got != tc.want {
				t.Fatalf("children %s, want %s", got, tc.want)
			}
		})
	}
}

func TestShapeAndSuffix(t *testing.T) {
	tests := []struct {
		w     string
		shape uint64
	}{
		{"", 0}, {"talks", 1}, {"Geneva", 2}, {"UN", 3}, {"1990s", 4}, {",", 5}, {"I", 2}, {"été", 1},
	}
	for _, tc := range tests {
		if got := shapeAtom(tc.w); got != tc.shape {
			t.Errorf("shapeAtom(%q) = %d, want %d", tc.w, got, tc.shape)
		}
	}
	if suffixAtom("Talks", 3) != suffixAtom("walks", 3) || suffixAtom("talks", 3) == suffixAtom("talked", 3) {
		t.Error("suffixAtom must fold case and look at the last bytes only")
	}
}

// TestTrainLabeller trains a small parser with a labeller and checks that
// training is deterministic, that the model round-trips, and that the
// labeller changes labels only, never heads.
func TestTrainLabeller(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	train := readUD(t, "en_ewt-ud-train.conllu")
	dev := readUD(t, "en_ewt-ud-dev.conllu")
	train, dev = train[:1200], dev[:200]
	ctx := context.Background()
	opt := Options{Iters: 2, Seed: 3, LabelIters: 2, LabelFolds: 2, LabelBeta: 1}
	p1, err := Train(ctx, train, dev, opt)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := Train(ctx, train, dev, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 bytes.Buffer
	if err := p1.Write(ctx, &b1); err != nil {
		t.Fatal(err)
	}
	p2.Write(ctx, &b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("training with a labeller is not deterministic for a fixed seed")
	}
	q, err := Read("roundtrip", b1.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if q.m.lab == nil || q.m.labBeta != 1 {
		t.Fatal("labeller lost in the round trip")
	}
	bm := *q.m
	bm.lab = nil
	bare := newParser(&bm)
	changed := 0
	for _, s := range dev {
		w := s.Forms()
		var u, x []string
		for _, wd := range s.Words {
			u, x = append(u, wd.UPOS), append(x, wd.XPOS)
		}
		h1, d1 := p1.ParseWords(w, u, x)
		h2, d2 := q.ParseWords(w, u, x)
		h3, d3 := bare.ParseWords(w, u, x)
		if fmt.Sprint(h1, d1) != fmt.Sprint(h2, d2) {
			t.Fatalf("round trip differs on %q", s.Text)
		}
		if fmt.Sprint(h1) != fmt.Sprint(h3) {
			t.Fatalf("labeller changed heads on %q: %v vs %v", s.Text, h1, h3)
		}
		for i := range d1 {
			if d1[i] != d3[i] {
				changed++
			}
		}
	}
	t.Logf("labeller changed %d relations on %d dev sentences", changed, len(dev))
}

// TestVersions checks that a model without a labeller is written as
// version 2 (as before the labeller existed) and that a version 3 file
// with the labeller flag 0 reads the same.
func TestVersions(t *testing.T) {
	p := load(t)
	var buf bytes.Buffer
	if err := p.Write(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	raw := gunzip(t, buf.Bytes())
	if !bytes.HasPrefix(raw, []byte(magicV2)) {
		t.Fatal("a model without labeller must be written as version 2")
	}
	v3 := append([]byte(magic), raw[len(magicV2):]...)
	v3 = append(v3, 0)
	q, err := Read("v3", gz(v3))
	if err != nil {
		t.Fatal(err)
	}
	if q.m.lab != nil || q.Features() != p.Features() {
		t.Fatal("version 3 model without labeller read wrongly")
	}
	bad := append([]byte(magic), raw[len(magicV2):]...)
	bad = append(bad, 7)
	if _, err := Read("bad-flag", gz(bad)); err == nil || !strings.Contains(err.Error(), "bad-flag") {
		t.Fatalf("want a named error for a bad labeller flag, got %v", err)
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
