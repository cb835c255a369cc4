package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

func TestMode(t *testing.T) {
	pub := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		sent, trigger, want string
	}{
		{"Russia attacked the town on Tuesday.", "attacked", ""},
		{"Putin will visit Bishkek.", "visit", Future},
		{"The president is scheduled to visit Bishkek in May.", "visit", Future},
		{"China plans to send envoys to the talks.", "send", Future},
		{"Ministers meet next week in Geneva.", "meet", Future},
		{"Officials said the troops would withdraw.", "withdraw", Future},
		{"Russia had attacked the town before the truce.", "attacked", Historical},
		{"Russia annexed Crimea in 2014.", "annexed", Historical},
		{"The two countries signed a treaty last year.", "signed", Historical},
		{"The armies fought here decades ago.", "fought", Historical},
		{"The armies fought here 30 years ago.", "fought", Historical},
		{"If talks fail, the army will attack.", "attack", Hypothetical},
		{"The army would attack if talks failed.", "attack", Hypothetical},
		{"Sanctions could hurt the economy.", "hurt", Hypothetical},
		{"Turkey might close the border.", "close", Hypothetical},
		{"The minister met her counterpart earlier this month.", "met", ""},
		{"Police arrested 20 protesters in the capital.", "arrested", ""},
		{"Kyiv has threatened to cut gas supplies.", "cut", Future},
	}
	for _, tc := range tests {
		s := dyad.Sentence{Tokens: text.Tokenize(tc.sent, 0)}
		trig := -1
		for i, tok := range s.Tokens {
			if strings.EqualFold(tok.Text, tc.trigger) {
				trig = i
			}
		}
		if trig < 0 {
			t.Fatalf("%q: trigger %q not found", tc.sent, tc.trigger)
		}
		if got := Mode(&s, trig, pub); got != tc.want {
			t.Errorf("%q at %q: got %q, want %q", tc.sent, tc.trigger, got, tc.want)
		}
	}
	if got := Mode(nil, 0, pub); got != "" {
		t.Errorf("nil sentence: got %q", got)
	}
	if got := Mode(&dyad.Sentence{}, 3, pub); got != "" {
		t.Errorf("trigger out of range: got %q", got)
	}
}

func TestTokenAt(t *testing.T) {
	s := dyad.Sentence{Tokens: text.Tokenize("Putin will visit Bishkek.", 0)}
	for _, tc := range []struct{ off, want int }{{0, 0}, {4, 0}, {5, -1}, {6, 1}, {11, 2}, {24, 4}, {25, -1}, {-3, -1}} {
		if got := TokenAt(&s, tc.off); got != tc.want {
			t.Errorf("TokenAt(%d) = %d, want %d", tc.off, got, tc.want)
		}
	}
	if TokenAt(nil, 0) != -1 {
		t.Error("nil sentence")
	}
}
