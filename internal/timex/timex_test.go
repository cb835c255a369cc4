package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

func toks(s string) []dyad.Token {
	var out []dyad.Token
	off := 0
	for _, f := range strings.Fields(s) {
		i := strings.Index(s[off:], f) + off
		out = append(out, dyad.Token{Text: f, Start: i, End: i + len(f)})
		off = i + len(f)
	}
	return out
}

func TestFind(t *testing.T) {
	ref := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC) // a Friday
	jan := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		sent   string
		ref    time.Time
		future bool
		want   string
		text   string
	}{
		{"Putin arrived in Bishkek on Tuesday .", ref, false, "2025-03-11", "Tuesday"},
		{"The talks will resume on Tuesday .", ref, true, "2025-03-18", "Tuesday"},
		{"Police said yesterday that ...", ref, false, "2025-03-13", "yesterday"},
		{"The summit opened today", ref, false, "2025-03-14", "today"},
		{"He left last Friday", ref, false, "2025-03-07", "last Friday"},
		{"They met on March 12 in Bishkek", ref, false, "2025-03-12", "March 12"},
		{"They met on March 12 , 2024 in Bishkek", ref, false, "2024-03-12", "March 12 , 2024"},
		{"The deal was signed on 3 February 2023", ref, false, "2023-02-03", "3 February 2023"},
		{"Clashes broke out on Dec. 30", jan, false, "2025-12-30", "Dec. 30"},
		{"Elections are due on Jan. 5", jan, true, "2026-01-05", "Jan. 5"},
		{"Filed 2024-11-05 in court", ref, false, "2024-11-05", "2024-11-05"},
	}
	for _, tc := range tests {
		e, ok := Find(toks(tc.sent), tc.ref, tc.future)
		if !ok {
			t.Errorf("%q: no date found", tc.sent)
			continue
		}
		if got := e.Date.Format("2006-01-02"); got != tc.want || e.Text != tc.text {
			t.Errorf("%q: got %s %q, want %s %q", tc.sent, got, e.Text, tc.want, tc.text)
		}
	}
	for _, s := range []string{"Russia may 5 times", "No date here", "February 30 never came"} {
		if e, ok := Find(toks(s), ref, false); ok {
			t.Errorf("%q: unexpected date %v", s, e)
		}
	}
}
