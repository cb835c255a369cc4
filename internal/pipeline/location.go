package pipeline

import (
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/geo"
)

var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "into": true, "to": true,
	"across": true, "around": true, "from": true, "on": true, "toward": true, "towards": true, "over": true,
}

// placesBySentence indexes the literal places of a document by sentence.
func placesBySentence(ps []geo.Place) map[int][]geo.Place {
	out := map[int][]geo.Place{}
	for _, p := range ps {
		if p.Literal {
			out[p.Sentence] = append(out[p.Sentence], p)
		}
	}
	return out
}

// eventLocation picks an event's location: a place in the event's own
// locative argument ("arrived in Bishkek", "the base in Kant") — the
// nearest after the trigger, then before it; else another literal place
// in the sentence; else the document's focus (the dateline place).
func eventLocation(doc *dyad.Document, ev *dyad.Event, bySent map[int][]geo.Place, focus *dyad.Location) *dyad.Location {
	s := &doc.Sentences[ev.Evidence.Sentence]
	ps := bySent[ev.Evidence.Sentence]
	locative := func(p geo.Place) bool {
		return p.TokStart > 0 && locatives[strings.ToLower(s.Tokens[p.TokStart-1].Form())] ||
			p.TokStart > 1 && locatives[strings.ToLower(s.Tokens[p.TokStart-2].Form())] && strings.EqualFold(s.Tokens[p.TokStart-1].Form(), "the")
	}
	var best *geo.Place
	bestDist := 1 << 30
	for i := range ps {
		p := &ps[i]
		if !locative(*p) || p.Start < s.Start || p.End > s.End {
			continue
		}
		d := p.Start - ev.Evidence.TriggerEnd
		if d < 0 {
			d = -d + 1000 // prefer places after the trigger
		}
		if d < bestDist {
			best, bestDist = p, d
		}
	}
	if best == nil && len(ps) > 0 {
		best = &ps[0]
	}
	if best != nil {
		loc := best.Location
		return &loc
	}
	return focus
}

// documentFocus returns the dateline's place, else nil.
func documentFocus(doc *dyad.Document, ps []geo.Place, datelineEnd int) *dyad.Location {
	for _, p := range ps {
		if p.Literal && p.End <= datelineEnd {
			loc := p.Location
			return &loc
		}
	}
	return nil
}
