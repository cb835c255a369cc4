package text

import "testing"

func TestLower(t *testing.T) {
	tests := []struct{ in, ascii, full string }{
		{"kant", "kant", "kant"},
		{"Kant", "kant", "kant"},
		{"ZÜRICH", "zÜrich", "zürich"},
		{"état", "état", "état"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := LowerASCII(tc.in); got != tc.ascii {
			t.Errorf("LowerASCII(%q) = %q, want %q", tc.in, got, tc.ascii)
		}
		if got := Lower(tc.in); got != tc.full {
			t.Errorf("Lower(%q) = %q, want %q", tc.in, got, tc.full)
		}
	}
}
