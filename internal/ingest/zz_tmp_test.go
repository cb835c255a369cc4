package ingest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestZZReal(t *testing.T) {
	for _, f := range []string{"go_spec.html", "go_mem.html", "asm.html"} {
		b, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "doc", f))
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		a, err := ExtractHTML(b, "")
		d := time.Since(t0)
		if err != nil {
			t.Fatal(err)
		}
		n := textSize(a.Paragraphs)
		t.Logf("%s: %d bytes in %v (%.1f MB/s), title %q, %d paragraphs, %d text bytes; first %q", f, len(b), d, float64(len(b))/d.Seconds()/1e6, a.Title, len(a.Paragraphs), n, a.Paragraphs[0])
	}
}
