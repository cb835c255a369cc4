package actor

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

// sharedData returns the shared data directory: $DYAD_SHARED_DATA, else
// ../../../shared/data relative to this package.
func sharedData() string {
	if d := os.Getenv("DYAD_SHARED_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

type gsrActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

// gsrActors decodes a PLOVER "source"/"target" field: a list of actors or
// a string (empty or a free-text target).
func gsrActors(raw json.RawMessage) []gsrActor {
	var as []gsrActor
	if json.Unmarshal(raw, &as) == nil {
		return as
	}
	return nil
}

// TestPLOVERGSRActors measures how the built-in dictionary finds the
// actors of the PLOVER gold-standard records (dev half): for each gold
// actor, whether a mention overlaps its text, and whether the mention's
// country and sector agree with the gold code and sector. PLOVER codes
// IGOs as "IGO" with a sector, so only country codes are compared for them
// as "IGO" = an igo mention. The figures are logged (go test -v -run
// GSR); the assertions are floors against regressions.
func TestPLOVERGSRActors(t *testing.T) {
	path := filepath.Join(sharedData(), "plover-gsr", "plover-gsr-dev.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("PLOVER GSR data not available (%v); set DYAD_SHARED_DATA", err)
	}
	var recs []struct {
		Text   string          `json:"text"`
		Date   string          `json:"date"`
		Source json.RawMessage `json:"source"`
		Target json.RawMessage `json:"target"`
	}
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var gold, found, country, withSector, sector int
	for _, r := range recs {
		if r.Text == "" {
			continue
		}
		date, _ := time.Parse("2006-01-02", r.Date)
		doc := &dyad.Document{Text: r.Text}
		text.Segment(doc, false)
		var ms []Mention
		for i := range doc.Sentences {
			ms = append(ms, d.Find(&doc.Sentences[i], date)...)
		}
		for _, g := range append(gsrActors(r.Source), gsrActors(r.Target)...) {
			at := strings.Index(r.Text, g.ActorText)
			if g.ActorText == "" || at < 0 {
				continue
			}
			gold++
			var hit *Mention
			for i := range ms {
				if ms[i].Ref.Start < at+len(g.ActorText) && at < ms[i].Ref.End {
					hit = &ms[i]
					break
				}
			}
			if hit == nil {
				t.Logf("missed %q (%s) in %q", g.ActorText, g.Code, r.Text)
				continue
			}
			found++
			gc := g.Code
			if len(gc) > 3 {
				gc = gc[:3]
			}
			if gc == hit.Ref.Country || gc == "IGO" && hit.Kind == KindIGO {
				country++
			} else {
				t.Logf("country: %q gold %s got %s (%s)", g.ActorText, g.Code, hit.Ref.Code, hit.Ref.Text)
			}
			if g.Sector != "" {
				withSector++
				if g.Sector == hit.Ref.Sector {
					sector++
				} else {
					t.Logf("sector: %q gold %s/%s got %s (%s)", g.ActorText, g.Code, g.Sector, hit.Ref.Code, hit.Ref.Text)
				}
			}
		}
	}
	if gold == 0 {
		t.Fatal("no gold actors read")
	}
	t.Logf("gold actors %d: found %d (%.3f); country/IGO agrees %d (%.3f of found); sector agrees %d of %d with a gold sector",
		gold, found, float64(found)/float64(gold), country, float64(country)/float64(max(found, 1)), sector, withSector)
	if float64(found)/float64(gold) < 0.5 {
		t.Errorf("found only %d of %d gold actors", found, gold)
	}
}
