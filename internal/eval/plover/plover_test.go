package plover

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dyad"
)

const gold = `[
 {"id": "DOC", "event": "DOCUMENT"},
 {"id": "A", "date": "2000-01-01", "event": "DEMAND", "text": "Russia demanded that Ukraine withdraw.",
  "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}]},
 {"id": "B", "date": "2000-01-02", "event": "FIGHT", "text": "Rebels clashed with troops.",
  "source": "", "target": [{"actorText": "troops", "code": "SYRMIL"}]}
]`

func TestReadMapsLegacyNames(t *testing.T) {
	recs, err := Read("gold.json", strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Event != "REQUEST" || recs[1].Event != "ASSAULT" || len(recs[1].Source) != 0 {
		t.Fatalf("records %+v", recs)
	}
	for _, bad := range []string{`{}`, `[{"id": "X", "event": "AGREE"}]`, `[{"id":"X","event":"AGREE","text":"t","source":[1]}]`} {
		if _, err := Read("bad.json", strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "bad.json") {
			t.Errorf("%s: want an error naming the file, got %v", bad, err)
		}
	}
}

func TestScore(t *testing.T) {
	recs, err := Read("gold.json", strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	ref := func(code, country string) dyad.ActorRef { return dyad.ActorRef{Code: code, Country: country} }
	coder := func(ctx context.Context, doc *dyad.Document) ([]dyad.Event, error) {
		switch doc.ID {
		case "A": // right type and actors, plus a statement and an extra event
			return []dyad.Event{
				{Event: "REQUEST", Actor: []dyad.ActorRef{ref("RUSGOV", "RUS")}, Recipient: []dyad.ActorRef{ref("UKR", "UKR")}},
				{Event: "", Actor: []dyad.ActorRef{ref("USA", "USA")}},
				{Event: "THREATEN", Actor: []dyad.ActorRef{ref("RUS", "RUS")}, Recipient: []dyad.ActorRef{ref("POL", "POL")}},
			}, nil
		}
		return nil, nil // B: nothing
	}
	res, err := Score(context.Background(), recs, coder, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EventAccuracy != 0.5 || res.ExtrasPerRecord != 0.5 || res.NoEventRecords != 1 {
		t.Errorf("accuracy %v extras %v no-event %d", res.EventAccuracy, res.ExtrasPerRecord, res.NoEventRecords)
	}
	// Sources: gold {RUS} vs predicted {RUS}; the "" event's USA is not counted.
	if res.ActorCountryP != 1 || res.ActorCountryR != 1 {
		t.Errorf("actor P %v R %v", res.ActorCountryP, res.ActorCountryR)
	}
	// Targets: gold {UKR},{SYR}; predicted {UKR,POL},{}: tp 1, fp 1, fn 1.
	if res.RecipientCountryP != 0.5 || res.RecipientCountryR != 0.5 {
		t.Errorf("recipient P %v R %v", res.RecipientCountryP, res.RecipientCountryR)
	}
	if len(res.Misses) != 1 || res.Misses[0].ID != "B" {
		t.Errorf("misses %+v", res.Misses)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(gold)
	f.Add(`[{"event":"AGREE","text":"x","source":"","target":null}]`)
	f.Fuzz(func(t *testing.T, s string) {
		recs, err := Read("fuzz", strings.NewReader(s))
		if err == nil {
			for _, r := range recs {
				if r.Text == "" || r.Event == "" {
					t.Fatalf("accepted a record without text or event: %+v", r)
				}
			}
		}
	})
}
