package pipeline

import (
	"bufio"
	"context"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestCAMEOSentences codes the hand-written test sentences in
// internal/code/testdata/cameo.tsv (code, source, target, sentence) and
// requires, for every 3-digit CAMEO code, at least one of its sentences to
// code to it. It logs every sentence that misses, and the share of
// sentences whose event code and source match.
func TestCAMEOSentences(t *testing.T) {
	f, err := os.Open("../code/testdata/cameo.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := testPipeline(t)
	type row struct{ code, src, tgt, sentence string }
	byCode := map[string][]row{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 || len(cols) < 4 || strings.HasPrefix(cols[0], "#") {
			continue
		}
		r := row{cols[0], cols[1], cols[2], cols[3]}
		byCode[r.code[:3]] = append(byCode[r.code[:3]], r)
	}
	var codes []string
	for c := range byCode {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	total, hits, srcHits := 0, 0, 0
	var missing []string
	for _, c := range codes {
		ok := false
		for _, r := range byCode[c] {
			total++
			evs, err := p.Events(context.Background(), doc(t, r.sentence, "2025-03-14"))
			if err != nil {
				t.Fatal(err)
			}
			hit := false
			for _, e := range evs {
				if strings.HasPrefix(e.CAMEO.Code, c) {
					hit = true
					if r.src == "-" || (len(e.Actor) > 0 && e.Actor[0].Code == r.src) {
						srcHits++
					}
					break
				}
			}
			if hit {
				hits++
				ok = true
			} else {
				t.Logf("miss %s: %s\n%s", r.code, r.sentence, dump(evs))
			}
		}
		if !ok {
			missing = append(missing, c)
		}
	}
	t.Logf("%d sentences, %d code to their CAMEO code (%d also with the expected source); %d of %d 3-digit codes covered",
		total, hits, srcHits, len(codes)-len(missing), len(codes))
	if len(missing) > 0 {
		t.Errorf("no test sentence codes to: %s", strings.Join(missing, " "))
	}
	if len(codes) < 147 {
		t.Errorf("cameo.tsv covers %d 3-digit codes; CAMEO has 147 (some may be missing from the file)", len(codes))
	}
}
