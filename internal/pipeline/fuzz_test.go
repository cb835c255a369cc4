package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/dyad"
)

// FuzzAnalyze runs the whole pipeline on arbitrary text: it must never
// panic, and every event must point at its sentence and trigger by valid
// byte offsets.
func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob("../../examples/*.txt")
	for _, fn := range files[:min(3, len(files))] {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Russia and China, the U.S. and \"Iran\" said: they will not attack — or visit — Kyrgyzstan's army.")
	f.Add("\"\"\" , , and and by by was was Putin")
	p := testPipeline(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 1<<14 {
			return // the readers reject invalid UTF-8 before the pipeline
		}
		doc := &dyad.Document{ID: "fuzz", Title: "x", Text: s, Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
		a, err := p.Analyze(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Events {
			ev := e.Evidence
			if ev.Start < 0 || ev.End > len(s) || ev.Start > ev.End || s[ev.Start:ev.End] != ev.Text {
				t.Fatalf("bad sentence span %+v", ev)
			}
			if ev.TriggerStart < ev.Start || ev.TriggerEnd > ev.End || s[ev.TriggerStart:ev.TriggerEnd] != ev.Trigger || ev.Rule == "" {
				t.Fatalf("bad trigger %+v", ev)
			}
			for _, r := range append(append([]dyad.ActorRef(nil), e.Actor...), e.Recipient...) {
				if r.Start < 0 || r.End > len(s) || r.Start > r.End {
					t.Fatalf("bad actor span %+v", r)
				}
			}
		}
	})
}
