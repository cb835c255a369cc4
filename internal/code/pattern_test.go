package code

import (
	"strings"
	"testing"
)

func TestParsePatterns(t *testing.T) {
	src := `# test
&TROOP = troop | soldier | force
042  visit +            # a visit
042  pay * visit to +
0874 withdraw &TROOP from +
046  negotiate ~sym
1951 invasion of + ~noun
`
	ps, err := ParsePatterns("t.txt", strings.NewReader(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if ps.Len() != 5 {
		t.Fatalf("got %d patterns", ps.Len())
	}
	p := ps.byTrigger["withdraw"][0]
	if p.Code != "0874" || p.Line != 5 || len(p.elems) != 4 || len(p.elems[1].words) != 3 || p.Rule() != "t.txt:5" {
		t.Fatalf("withdraw pattern: %+v", p)
	}
	if !ps.byTrigger["negotiate"][0].Sym || !ps.byTrigger["invasion"][0].Noun {
		t.Fatal("flags not read")
	}
	if p := ps.byTrigger["pay"][0]; p.Text != "pay * visit to +" {
		t.Fatalf("text %q", p.Text)
	}
}

func TestParsePatternsErrors(t *testing.T) {
	valid := func(c string) bool { return c != "999" }
	tests := []struct{ src, want string }{
		{"visit +", "t.txt:1: expected a CAMEO code"},
		{"042 + visit", "t.txt:1: a pattern must start with its trigger word"},
		{"\n042 visit {to|in +", "t.txt:2: unterminated alternation"},
		{"042 withdraw &TROOP", "t.txt:1: undefined synonym set &TROOP"},
		{"&X troop", "t.txt:1: synonym set needs '='"},
		{"042 visit ~often", "t.txt:1: unknown flag"},
		{"999 visit", "t.txt:1: unknown CAMEO code"},
		{"042 vi$it", "t.txt:1: bad pattern element"},
		{"042", "t.txt:1: a pattern must start with its trigger word"},
		{"042: visit", "t.txt:1: expected a reverse code after ':'"},
		{"042:999 visit", "t.txt:1: unknown CAMEO code \"999\""},
		{"042:4x visit", "t.txt:1: expected a CAMEO code"},
		{"042 visit *_to", "t.txt:1: bad joined element"},
		{"17KK visit", "t.txt:1: expected a CAMEO code"},
		{"042 visit =+", "t.txt:1: bad exact word"},
		{"042 visit =*", "t.txt:1: bad exact word"},
		{"K visit", "t.txt:1: expected a CAMEO code"},
		{"174k visit", "t.txt:1: expected a CAMEO code"},
		{"042 visit to_", "t.txt:1: bad joined element"},
		{"042 _visit", "t.txt:1: bad joined element"},
	}
	for _, tc := range tests {
		_, err := ParsePatterns("t.txt", strings.NewReader(tc.src), valid)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.src, err, tc.want)
		}
	}
}

func FuzzParsePatterns(f *testing.F) {
	f.Add("&T = a | b\n042 visit * &T {to|in} + $ ~sym ~noun\n")
	f.Add("042 {|} +\n")
	f.Add("&=\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePatterns("fuzz", strings.NewReader(s), nil)
		if err == nil {
			for _, p := range ps.All() {
				if len(p.elems) == 0 || p.elems[0].kind != elWord {
					t.Fatalf("accepted pattern without trigger: %+v", p)
				}
			}
		}
	})
}

func TestLemmaCandidates(t *testing.T) {
	tests := []struct{ form, want string }{
		{"visited", "visit"}, {"visits", "visit"}, {"visiting", "visit"}, {"met", "meet"},
		{"accused", "accuse"}, {"denied", "deny"}, {"stopped", "stop"}, {"talks", "talk"},
		{"clashes", "clash"}, {"rallying", "rally"}, {"arrested", "arrest"}, {"withdrew", "withdraw"},
	}
	for _, tc := range tests {
		got := lemmaCandidates(tc.form, "", nil)
		ok := false
		for _, g := range got {
			ok = ok || g == tc.want
		}
		if !ok {
			t.Errorf("%s: %v lacks %s", tc.form, got, tc.want)
		}
	}
}

func TestParsePreTrigger(t *testing.T) {
	ps, err := ParsePatterns("t.txt", strings.NewReader("112 $ sharply @criticize +\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := ps.byTrigger["criticize"][0]
	if len(p.pre) != 2 || p.pre[0].words[0] != "sharply" || p.pre[1].kind != elSource || len(p.elems) != 2 {
		t.Fatalf("pre %+v elems %+v", p.pre, p.elems)
	}
	if _, err := ParsePatterns("t.txt", strings.NewReader("112 @a @b\n"), nil); err == nil {
		t.Fatal("two triggers accepted")
	}
}

func TestParseLetterCodes(t *testing.T) {
	ps, err := ParsePatterns("t.txt", strings.NewReader("174K bargain * for asylum\n031:174L meet\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := ps.byTrigger["bargain"][0]; p.Code != "174K" {
		t.Errorf("code %q", p.Code)
	}
	if p := ps.byTrigger["meet"][0]; p.Code != "031" || p.Reverse != "174L" {
		t.Errorf("codes %q:%q", p.Code, p.Reverse)
	}
}

func TestInflects(t *testing.T) {
	tests := []struct {
		form, verb string
		want       bool
	}{
		{"depart", "depart", true}, {"departs", "depart", true}, {"departed", "depart", true},
		{"departing", "depart", true}, {"departes", "depart", false}, {"departd", "depart", false},
		{"criticizes", "criticize", true}, {"criticized", "criticize", true}, {"criticizing", "criticize", true},
		{"criticizeing", "criticize", false}, {"agreeing", "agree", true}, {"agreed", "agree", true},
		{"carries", "carry", true}, {"carried", "carry", true}, {"carrying", "carry", true}, {"carrys", "carry", false},
		{"plays", "play", true}, {"played", "play", true}, {"reaches", "reach", true}, {"reachs", "reach", false},
		{"stopped", "stop", true}, {"stopping", "stop", true}, {"committed", "commit", true},
		{"dies", "die", true}, {"dying", "die", true}, {"met", "meet", true}, {"left", "leave", true},
		{"goes", "go", true}, {"meeting", "meet", true}, {"meets", "meet", true}, {"mets", "meet", false},
	}
	for _, tc := range tests {
		if got := inflects(tc.form, tc.verb); got != tc.want {
			t.Errorf("inflects(%q, %q) = %v, want %v", tc.form, tc.verb, got, tc.want)
		}
	}
}
