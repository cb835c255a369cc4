package text

import "strings"

// LowerASCII lower-cases the ASCII letters of s and leaves every other
// byte as it is; it allocates only when s has an upper-case ASCII letter.
// Tables keyed by it (word classes, lemma rules) must keep this exact
// folding.
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Lower is strings.ToLower without the call for the common case, a word
// already in lower-case ASCII.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
