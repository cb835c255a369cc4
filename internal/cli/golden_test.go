package cli

import (
	"bytes"
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestExamplesGolden codes every article in examples/ (dated by their
// datelines) and compares the events with testdata/golden/NAME.jsonl
// (regenerate with -update).
func TestExamplesGolden(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Main(context.Background(), []string{"code", f}, nil, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			golden.Check(t, filepath.Join("testdata", "golden", name+".jsonl"), out.Bytes(), *update, "./internal/cli")
		})
	}
}
