// Package plover owns scoring against PLOVER gold-standard records
// (the PLOVER-GSR JSON format): reading the records, mapping legacy PLOVER
// names to current ones, and computing event accuracy, actor and
// recipient country F1 and extra events per record.
package plover

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Actor is one gold actor.
type Actor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// Record is one gold event record.
type Record struct {
	ID     string
	Date   string
	Source []Actor
	Target []Actor
	Event  string // current PLOVER name
	Mode   string
	Text   string
}

type rawRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
	Event  string          `json:"event"`
	Mode   string          `json:"mode"`
	Text   string          `json:"text"`
}

// legacy maps PLOVER v0.5 names to the current ones.
var legacy = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// CurrentName maps a legacy PLOVER event name to its current name.
func CurrentName(ev string) string {
	ev = strings.ToUpper(strings.TrimSpace(ev))
	if c, ok := legacy[ev]; ok {
		return c
	}
	return ev
}

// Read parses a PLOVER-GSR file; DOCUMENT records are skipped.
func Read(name string, r io.Reader) ([]Record, error) {
	var raws []rawRecord
	dec := json.NewDecoder(r)
	if err := dec.Decode(&raws); err != nil {
		return nil, fmt.Errorf("%s: not a PLOVER-GSR JSON array: %w", name, err)
	}
	var out []Record
	for i, rr := range raws {
		if rr.Event == "DOCUMENT" {
			continue
		}
		if rr.Text == "" || rr.Event == "" {
			return nil, fmt.Errorf("%s: record %d (%s): missing text or event", name, i, rr.ID)
		}
		src, err := actors(rr.Source)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d (%s): source: %w", name, i, rr.ID, err)
		}
		tgt, err := actors(rr.Target)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d (%s): target: %w", name, i, rr.ID, err)
		}
		out = append(out, Record{ID: rr.ID, Date: rr.Date, Source: src, Target: tgt, Event: CurrentName(rr.Event), Mode: rr.Mode, Text: rr.Text})
	}
	return out, nil
}

// actors reads a source/target field: a list of actors, or a string
// (empty or free text in some records) meaning none.
func actors(raw json.RawMessage) ([]Actor, error) {
	if len(raw) == 0 || raw[0] != '[' {
		return nil, nil
	}
	var as []Actor
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, err
	}
	return as, nil
}

// Coder produces events for one sentence.
type Coder func(ctx context.Context, doc *dyad.Document) ([]dyad.Event, error)

// TypeScore is the per-type table row.
type TypeScore struct {
	Type      string  `json:"type"`
	Gold      int     `json:"gold"`
	Found     int     `json:"found"`
	Accuracy  float64 `json:"accuracy"`
	Predicted int     `json:"predicted"`
}

// Result is the score of a run.
type Result struct {
	Records            int         `json:"records"`
	EventAccuracy      float64     `json:"event_accuracy"`
	ActorCountryP      float64     `json:"actor_country_precision"`
	ActorCountryR      float64     `json:"actor_country_recall"`
	ActorCountryF1     float64     `json:"actor_country_f1"`
	RecipientCountryP  float64     `json:"recipient_country_precision"`
	RecipientCountryR  float64     `json:"recipient_country_recall"`
	RecipientCountryF1 float64     `json:"recipient_country_f1"`
	ExtrasPerRecord    float64     `json:"extras_per_record"`
	NoEventRecords     int         `json:"no_event_records"`
	SentencesPerSec    float64     `json:"sentences_per_sec"`
	Types              []TypeScore `json:"types"`
	Misses             []Miss      `json:"-"`
}

// Miss is a record whose event type dyad did not produce.
type Miss struct {
	ID, Gold, Text string
	Got            []string
}

type prf struct{ tp, fp, fn int }

func (c prf) scores() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Normalizer maps an actor code to the country key compared in scoring
// (e.g. CAMEO ROM and ISO ROU to the same key); nil compares the first
// three letters.
type Normalizer func(code string) string

// Score runs the coder on every record's text and scores it.
//
//   - event_accuracy: share of gold events whose (current) PLOVER type is
//     among the types dyad produced for that sentence.
//   - actor/recipient country P/R/F1: micro-averaged over records, comparing
//     the set of gold source (target) country keys with the set of keys of
//     the actors (recipients) of all PLOVER events dyad produced for the
//     sentence. CAMEO 01 statements ("X said"), which have no PLOVER type,
//     and actors without a country or IGO code are left out.
//   - extras_per_record: events whose type is not the gold type, per record
//     (CAMEO 01 statements, which have no PLOVER type, are not counted).
func Score(ctx context.Context, recs []Record, code Coder, norm Normalizer) (*Result, error) {
	if norm == nil {
		norm = func(c string) string {
			if len(c) > 3 {
				return c[:3]
			}
			return c
		}
	}
	res := &Result{Records: len(recs)}
	types := map[string]*TypeScore{}
	ts := func(t string) *TypeScore {
		if types[t] == nil {
			types[t] = &TypeScore{Type: t}
		}
		return types[t]
	}
	var src, tgt prf
	found, extras := 0, 0
	start := time.Now()
	for _, rec := range recs {
		pub, err := time.Parse("2006-01-02", rec.Date)
		if err != nil {
			pub = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		doc := &dyad.Document{ID: rec.ID, Text: rec.Text, Published: pub}
		evs, err := code(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", rec.ID, err)
		}
		ts(rec.Event).Gold++
		got := map[string]bool{}
		predSrc, predTgt := map[string]bool{}, map[string]bool{}
		for _, e := range evs {
			if e.Event == "" {
				continue // CAMEO 01 statements ("X said") have no PLOVER type
			}
			got[e.Event] = true
			ts(e.Event).Predicted++
			if e.Event != rec.Event {
				extras++
			}
			for _, a := range e.Actor {
				if k := countryKey(a, norm); k != "" {
					predSrc[k] = true
				}
			}
			for _, a := range e.Recipient {
				if k := countryKey(a, norm); k != "" {
					predTgt[k] = true
				}
			}
		}
		if len(evs) == 0 {
			res.NoEventRecords++
		}
		if got[rec.Event] {
			found++
			ts(rec.Event).Found++
		} else {
			var g []string
			for t := range got {
				g = append(g, t)
			}
			sort.Strings(g)
			res.Misses = append(res.Misses, Miss{ID: rec.ID, Gold: rec.Event, Text: rec.Text, Got: g})
		}
		goldSrc, goldTgt := map[string]bool{}, map[string]bool{}
		for _, a := range rec.Source {
			if a.Code != "" {
				goldSrc[norm(a.Code)] = true
			}
		}
		for _, a := range rec.Target {
			if a.Code != "" {
				goldTgt[norm(a.Code)] = true
			}
		}
		count(&src, goldSrc, predSrc)
		count(&tgt, goldTgt, predTgt)
	}
	if el := time.Since(start).Seconds(); el > 0 {
		res.SentencesPerSec = float64(len(recs)) / el
	}
	if len(recs) > 0 {
		res.EventAccuracy = float64(found) / float64(len(recs))
		res.ExtrasPerRecord = float64(extras) / float64(len(recs))
	}
	res.ActorCountryP, res.ActorCountryR, res.ActorCountryF1 = src.scores()
	res.RecipientCountryP, res.RecipientCountryR, res.RecipientCountryF1 = tgt.scores()
	for _, t := range types {
		if t.Gold > 0 {
			t.Accuracy = float64(t.Found) / float64(t.Gold)
		}
		res.Types = append(res.Types, *t)
	}
	sort.Slice(res.Types, func(i, j int) bool { return res.Types[i].Type < res.Types[j].Type })
	return res, nil
}

// countryKey is the key an actor is scored under: its country, or its
// IGO code; "" for actors without either (a bare "police"), which assert
// no country and are left out of the country scores.
func countryKey(a dyad.ActorRef, norm Normalizer) string {
	if a.Country != "" {
		return norm(a.Country)
	}
	if strings.HasPrefix(a.Code, "IGO") || strings.HasPrefix(a.Code, "NGO") || strings.HasPrefix(a.Code, "IMG") {
		return norm(a.Code)
	}
	return ""
}

func count(c *prf, gold, pred map[string]bool) {
	for k := range pred {
		if gold[k] {
			c.tp++
		} else {
			c.fp++
		}
	}
	for k := range gold {
		if !pred[k] {
			c.fn++
		}
	}
}
