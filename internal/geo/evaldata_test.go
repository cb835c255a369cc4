package geo

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// evalDataPath finds a file of the shared geo-eval data, or "" if absent.
// Set DYAD_GEO_EVAL to the directory holding lgl-dev.xml and GWN.xml to
// use another location.
func evalDataPath(name string) string {
	dir := os.Getenv("DYAD_GEO_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "geo-eval")
	}
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func TestEvalLGL(t *testing.T) {
	p := evalDataPath("lgl-dev.xml")
	if p == "" {
		t.Skip("lgl-dev.xml not found (set DYAD_GEO_EVAL to the geo-eval data directory)")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, st, err := ReadEvalXML(context.Background(), f, p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles < 100 || st.Dropped > st.Toponyms/100 {
		t.Fatalf("read stats %+v", st)
	}
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	r := NewResolver(g)
	gs, err := r.EvaluateGold(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gold spans: %+v", gs)
	if gs.Acc161 < 0.6 {
		t.Errorf("acc161 %.3f below the most-populous baseline region", gs.Acc161)
	}
	if testing.Short() {
		return
	}
	es, err := r.EvaluateEndToEnd(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("end-to-end: %+v", es)
	if es.F1O < 0.5 {
		t.Errorf("detection F1 (overlap) %.3f", es.F1O)
	}
}
