package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	Check(t, path, []byte("a\nb\n"), true, "./x")
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	Check(t, path, []byte("a\nb\n"), false, "./x")
	if d := FirstDiff([]byte("a\nb\n"), []byte("a\nc\n")); !strings.Contains(d, "line 2") || !strings.Contains(d, "want b") {
		t.Fatalf("FirstDiff = %q", d)
	}
}
