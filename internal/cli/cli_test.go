package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCodeBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bin := filepath.Join(dir, "binary.txt")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(good, []byte("Headline\n\nRussian President Vladimir Putin visited Kyrgyzstan on Tuesday.\n"), 0o644)
	os.WriteFile(bin, []byte("abc\x00def"), 0o644)
	os.WriteFile(empty, []byte("  \n"), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	code, out, errs := run(t, "", "code", "--date", "2025-03-14", missing, bin, good, empty)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 {
		t.Errorf("want one error line per bad input, got:\n%s", errs)
	}
	for _, name := range []string{missing, bin, empty} {
		if !strings.Contains(errs, name) {
			t.Errorf("no error names %s:\n%s", name, errs)
		}
	}
	if !strings.Contains(out, `"code":"042"`) || !strings.Contains(out, `"RUSGOV"`) {
		t.Errorf("the good input was not coded:\n%s", out)
	}
}

func TestCodeStdinAndTSV(t *testing.T) {
	code, out, errs := run(t, "Russian President Vladimir Putin visited Kyrgyzstan on Tuesday.", "code", "--date", "2025-03-14", "--format", "tsv", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "id\tdate\t") {
		t.Fatalf("tsv:\n%s", out)
	}
	header := strings.Split(lines[0], "\t")
	for _, l := range lines[1:] {
		if got := len(strings.Split(l, "\t")); got != len(header) {
			t.Errorf("row has %d fields, header %d: %q", got, len(header), l)
		}
	}
	if !strings.Contains(out, "2025-03-11\tRUSGOV") {
		t.Errorf("want the visit dated Tuesday 2025-03-11 with source RUSGOV:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"code", "--date", "14/03/2025", "-"},
		{"code", "--format", "xml", "-"},
		{"code"},
		{"nosuch"},
		{"eval", "nosuch"},
	} {
		if code, _, errs := run(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
	for _, args := range [][]string{{"--help"}, {"code", "--help"}, {"analyze", "--help"}, {"eval", "--help"}, {"version"}} {
		if code, out, _ := run(t, "", args...); code != 0 || out == "" {
			t.Errorf("%v: exit %d, no output", args, code)
		}
	}
}

func TestAnalyzeKeys(t *testing.T) {
	code, out, errs := run(t, "", "analyze", "../../examples/state-visit.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"doc", "actors", "locations", "quotes", "events", "tone", "headline"} {
		if _, ok := m[k]; !ok {
			t.Errorf("analyze output lacks %q", k)
		}
	}
	var doc struct {
		Published string `json:"published"`
	}
	json.Unmarshal(m["doc"], &doc)
	if doc.Published != "2025-11-26" {
		t.Errorf("published %q, want the dateline's 2025-11-26", doc.Published)
	}
}

// TestCodeDicts codes with a user's PETRARCH-format dictionaries, alone
// and on top of the built-ins, and checks that their discards apply and
// that a malformed line is reported with file and line.
func TestCodeDicts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my.verbs.txt", "--- SCOLD [111] ---\nSCOLD\n- * FOR +  [112]\n")
	write("my.actors.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\n")
	write("my.discards.txt", "+BASKETBALL\n")
	in := "Headline\n\nFreedonia scolded Sylvania on Monday.\n"
	code, out, errs := run(t, in, "code", "--format", "tsv", "--date", "2025-03-14", "--dicts", dir, "--dicts-only", "-")
	if code != 0 || !strings.Contains(out, "\tFRD\t") || !strings.Contains(out, "\tSYL\t") || !strings.Contains(out, "\t111\t") {
		t.Fatalf("--dicts-only: exit %d\n%s\n%s", code, out, errs)
	}
	// On top of the built-ins: the built-in actors still code Russia.
	in2 := "Headline\n\nFreedonia scolded Russia on Monday.\n"
	code, out, errs = run(t, in2, "code", "--format", "tsv", "--date", "2025-03-14", "--dicts", dir, "-")
	if code != 0 || !strings.Contains(out, "\tFRD\t") || !strings.Contains(out, "\tRUS\t") {
		t.Fatalf("--dicts over built-ins: exit %d\n%s\n%s", code, out, errs)
	}
	// --petrarch reads an agentless passive as active, as PETRARCH does.
	passive := "Headline\n\nSylvania was scolded over its border.\n"
	if _, out, _ = run(t, passive, "code", "--format", "tsv", "--date", "2025-03-14", "--dicts", dir, "--dicts-only", "-"); strings.Count(out, "\n") != 1 {
		t.Errorf("agentless passive without --petrarch: want no event (no source):\n%s", out)
	}
	if _, out, _ = run(t, passive, "code", "--format", "tsv", "--date", "2025-03-14", "--dicts", dir, "--dicts-only", "--petrarch", "-"); !strings.Contains(out, "\tSYL\tSylvania\t\t") {
		t.Errorf("agentless passive with --petrarch: want SYL as the source:\n%s", out)
	}
	// A story-level discard drops every event of the article.
	in3 := "Headline\n\nFreedonia scolded Sylvania on Monday. The basketball final is on Friday.\n"
	code, out, _ = run(t, in3, "code", "--format", "tsv", "--date", "2025-03-14", "--dicts", dir, "--dicts-only", "-")
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Fatalf("story discard: exit %d, want the header only:\n%s", code, out)
	}
	// A sentence-level discard drops that sentence's events only.
	write("my.discards.txt", "+BASKETBALL\nFRIENDLY MATCH\n")
	in4 := "Headline\n\nFreedonia scolded Sylvania on Monday. Sylvania scolded Freedonia after the friendly match.\n"
	code, out, _ = run(t, in4, "code", "--format", "tsv", "--date", "2025-03-14", "--dicts", dir, "--dicts-only", "-")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "\tFRD\tFreedonia\tSYL\t") {
		t.Fatalf("sentence discard: exit %d, want the first sentence's event only:\n%s", code, out)
	}
	write("my.verbs.txt", "--- SCOLD [111] ---\nSCOLD\n- * FOR +  [11x2\n")
	code, _, errs = run(t, in, "code", "--dicts", dir, "-")
	if code != 1 || !strings.Contains(errs, "my.verbs.txt:3") {
		t.Fatalf("malformed dictionary: exit %d, want 1 and an error naming my.verbs.txt:3:\n%s", code, errs)
	}
	if code, _, errs = run(t, in, "code", "--dicts-only", "-"); code == 0 || !strings.Contains(errs, "--dicts") {
		t.Fatalf("--dicts-only alone: exit %d\n%s", code, errs)
	}
}
