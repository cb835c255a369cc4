package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sharedData locates ../shared/data beside the repository (DYAD_SHARED overrides).
func sharedData(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		return d
	}
	d, _ := filepath.Abs("../../../shared/data")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("shared data not found at %s (set DYAD_SHARED); skipping", d)
	}
	return d
}

// TestAccuracyFloors runs every eval named in docs/ACCURACY.md's floor
// lines ("| floor | EVAL | METRIC | VALUE |") on its dev set and fails when
// a figure drops below its floor.
func TestAccuracyFloors(t *testing.T) {
	shared := sharedData(t)
	if testing.Short() {
		t.Skip("-short: skipping the dev-set evaluations")
	}
	cmds := map[string][]string{
		"plover": {"eval", "plover", "--json", filepath.Join(shared, "plover-gsr/plover-gsr-dev.json")},
		"ud":     {"eval", "ud", "--json", filepath.Join(shared, "ud-ewt/en_ewt-ud-dev.conllu")},
		"ner":    {"eval", "ner", "--json", filepath.Join(shared, "uner-ewt/en_ewt-ud-dev.iob2")},
		"geo":    {"eval", "geo", "--json", filepath.Join(shared, "geo-eval/lgl-dev.xml")},
		"petr":   {"eval", "petr", "--json", filepath.Join(shared, "petrarch/PETR.UnitTest.records.xml")},
	}
	f, err := os.Open("../../docs/ACCURACY.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	results := map[string]map[string]any{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "|")
		if len(cols) < 6 || strings.TrimSpace(cols[1]) != "floor" {
			continue
		}
		ev, metric := strings.TrimSpace(cols[2]), strings.TrimSpace(cols[3])
		floor, err := strconv.ParseFloat(strings.TrimSpace(cols[4]), 64)
		if err != nil {
			t.Fatalf("ACCURACY.md floor line %q: %v", sc.Text(), err)
		}
		args, ok := cmds[ev]
		if !ok {
			t.Fatalf("ACCURACY.md names unknown eval %q", ev)
		}
		if results[ev] == nil {
			var out, errb bytes.Buffer
			if code := Main(context.Background(), args, nil, &out, &errb); code != 0 {
				t.Fatalf("dyad %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
			}
			m := map[string]any{}
			if err := json.Unmarshal(out.Bytes(), &m); err != nil {
				t.Fatalf("dyad %s: %v", strings.Join(args, " "), err)
			}
			results[ev] = m
		}
		got, ok := results[ev][metric].(float64)
		if !ok {
			t.Fatalf("eval %s has no numeric %q", ev, metric)
		}
		n++
		if got < floor {
			t.Errorf("%s %s = %.4f, below the floor %.4f in docs/ACCURACY.md", ev, metric, got, floor)
		} else {
			t.Logf("%s %s = %.4f (floor %.4f)", ev, metric, got, floor)
		}
	}
	if n == 0 {
		t.Fatal("docs/ACCURACY.md has no floor lines")
	}
}
