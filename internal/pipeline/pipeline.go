// Package pipeline owns the order of the stages: it segments a document
// (text), annotates it (tag, parse, ner), finds actors (actor), dates
// (timex) and events (code), and assembles the output contract. It holds
// the loaded models and dictionaries, so it is built once and shared by
// every goroutine that analyses documents.
package pipeline

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/code"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/headline"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/quote"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/theme"
	"github.com/dyad-events/dyad/internal/timex"
	"github.com/dyad-events/dyad/internal/tone"
)

// Options configure a pipeline.
type Options struct {
	ActorFiles   []string         // user actor dictionaries, applied over the built-ins in order
	PatternFiles []string         // user verb-pattern files, added to the built-ins
	NoModels     bool             // skip the statistical tagger, parser and NER (token-order coding only)
	Now          func() time.Time // the clock for documents without a date; default time.Now

	NoBuiltinActors   bool // use only ActorFiles (e.g. converted PETRARCH dictionaries)
	NoBuiltinPatterns bool // use only PatternFiles
	CustomCodes       bool // PatternFiles may use event codes outside CAMEO (any 2-4 digits)
	NoIntent          bool // do not rewrite stated future actions as CAMEO intentions (see code.NoIntent)

	// Discard, when set, is asked about each sentence's text before
	// coding: a "story" answer drops every event of the document, a
	// "sentence" answer the events of that sentence (dictionaries' discard
	// lists, such as PETRARCH's). Actors, places, quotes and tone are
	// still reported.
	Discard func(sentence string) (level string, ok bool)
}

// Pipeline analyses documents. It is safe for concurrent use.
type Pipeline struct {
	Ontology   *ontology.Ontology
	Actors     *actor.Dictionary
	Coder      *code.Coder
	annotators []dyad.Annotator // tagger, parser, NER — in that order, those that are loaded
	places     *geo.Resolver    // nil with NoModels
	tone       *tone.Lexicon
	themes     *theme.Lexicon
	now        func() time.Time
	beyond     bool // modes, contexts, quotes, tone and the headline check (off only to measure their cost)
	discard    func(string) (string, bool)
}

// New loads the built-in data and the user's files.
func New(ctx context.Context, opt Options) (*Pipeline, error) {
	ont, err := ontology.Load()
	if err != nil {
		return nil, fmt.Errorf("loading ontology: %w", err)
	}
	dict := &actor.Dictionary{}
	if !opt.NoBuiltinActors {
		if dict, err = actor.Builtin(); err != nil {
			return nil, fmt.Errorf("loading actor dictionary: %w", err)
		}
	}
	for _, f := range opt.ActorFiles {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		d, err := actor.Parse(f, fh)
		fh.Close()
		if err != nil {
			return nil, err
		}
		dict.Add(d)
	}
	pats := code.EmptyPatterns()
	if !opt.NoBuiltinPatterns {
		if pats, err = code.BuiltinPatterns(ont); err != nil {
			return nil, fmt.Errorf("loading verb patterns: %w", err)
		}
	}
	for _, f := range opt.PatternFiles {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		err = pats.Add(f, fh, func(c string) bool { _, ok := ont.Event(c); return ok || opt.CustomCodes })
		fh.Close()
		if err != nil {
			return nil, err
		}
	}
	p := &Pipeline{Ontology: ont, Actors: dict, Coder: code.New(ont, pats, coderOptions(opt)...), now: opt.Now, discard: opt.Discard}
	if p.now == nil {
		p.now = time.Now
	}
	p.beyond = true
	if p.tone, err = tone.Load(); err != nil {
		return nil, fmt.Errorf("loading tone lexicon: %w", err)
	}
	if p.themes, err = theme.Load(); err != nil {
		return nil, fmt.Errorf("loading context lexicon: %w", err)
	}
	if !opt.NoModels {
		as, err := loadModels()
		if err != nil {
			return nil, err
		}
		p.annotators = as
		g, err := geo.Load()
		if err != nil {
			return nil, fmt.Errorf("loading gazetteer: %w", err)
		}
		p.places = geo.NewResolver(g)
	}
	return p, nil
}

func coderOptions(opt Options) []code.Option {
	var o []code.Option
	if opt.NoIntent {
		o = append(o, code.NoIntent())
	}
	return o
}

// Prepare segments and annotates doc in place. A document without a
// publication date gets its dateline's date ("BISHKEK, March 14, 2025 —"),
// else today's.
func (p *Pipeline) Prepare(doc *dyad.Document) { p.prepare(doc) }

// prepare is Prepare returning the dateline's byte span ([0,0] if none),
// which dates and the document's focus country need too.
func (p *Pipeline) prepare(doc *dyad.Document) (dateline [2]int) {
	if doc.Sentences == nil {
		text.Segment(doc, doc.Title != "")
	}
	dl, ok := text.DocDateline(doc)
	if ok {
		dateline = [2]int{dl.Start, dl.End}
	}
	if doc.Published.IsZero() {
		n := p.now().UTC()
		doc.Published = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
		if ok && dl.Date[1] > dl.Date[0] {
			toks := text.Tokenize(doc.Text[dl.Date[0]:dl.Date[1]], dl.Date[0])
			if e, ok := timex.Find(toks, doc.Published, false); ok {
				doc.Published = e.Date
			}
		}
	}
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		for _, a := range p.annotators {
			a.Annotate(s)
		}
	}
	return dateline
}

// futureWords mark a sentence as speaking of the future.
var futureWords = map[string]bool{"will": true, "shall": true, "'ll": true, "scheduled": true, "next": true, "plans": true, "planned": true, "due": true}

// sentenceDates returns the sentence's own dates: expressions that name a
// day, or a range of days ("from March 3 to 5", dated by its first day),
// leaving out the dateline (its date is the publication date, not an
// event's). Periods ("last week", "in 2014") name no day and are left out:
// their events keep the publication date.
func sentenceDates(s *dyad.Sentence, published time.Time, dateline [2]int) []timex.Span {
	future := false
	for i := range s.Tokens {
		if futureWords[strings.ToLower(s.Tokens[i].Form())] {
			future = true
		}
	}
	var out []timex.Span
	for _, e := range timex.Spans(s.Tokens, published, future) {
		if e.Gran != timex.Day {
			continue
		}
		if st := s.Tokens[e.Start].Start; st >= dateline[0] && st < dateline[1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// nearestDate picks, for a trigger at byte offset pos, the sentence's date
// expression nearest to it, else the publication date.
func nearestDate(s *dyad.Sentence, dates []timex.Span, pos int, published time.Time) time.Time {
	best, bestD := published, -1
	for _, e := range dates {
		d := s.Tokens[e.Start].Start - pos
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = e.From, d
		}
	}
	return best
}

// focusCountry returns the CAMEO country of the dateline's place
// ("BISHKEK, March 14 —" gives KGZ): from the actor dictionary (capitals,
// countries), else from the gazetteer's place; "" without a dateline.
func (p *Pipeline) focusCountry(doc *dyad.Document, mentions [][]actor.Mention, dateline [2]int, place *dyad.Location) string {
	if place != nil && place.CountryCode != "" {
		if c, ok := p.Ontology.CountryByISO2(place.CountryCode); ok {
			return c.CAMEO
		}
	}
	if dateline[1] == 0 {
		return ""
	}
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if s.End <= dateline[0] || s.Start >= dateline[1] {
			continue
		}
		for _, m := range mentions[i] {
			if m.Ref.Start >= dateline[0] && m.Ref.End <= dateline[1] && m.Ref.Country != "" {
				return m.Ref.Country
			}
		}
	}
	return ""
}

// mergeContexts adds the sentence's contexts to an event's, without repeats.
func mergeContexts(a, b []string) []string {
	out := a
	for _, c := range b {
		dup := false
		for _, x := range out {
			dup = dup || x == c
		}
		if !dup {
			out = append(out, c)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// Events codes the events of doc.
func (p *Pipeline) Events(ctx context.Context, doc *dyad.Document) ([]dyad.Event, error) {
	c, err := p.events(ctx, doc)
	if err != nil {
		return nil, err
	}
	return c.events, nil
}

// coded is what coding a document finds: its events, and the places and
// per-sentence actor mentions found on the way (Analyze reports them too).
type coded struct {
	events   []dyad.Event
	places   []geo.Place
	mentions [][]actor.Mention
}

// events codes the events of doc.
func (p *Pipeline) events(ctx context.Context, doc *dyad.Document) (*coded, error) {
	dateline := p.prepare(doc)
	mentions := make([][]actor.Mention, len(doc.Sentences))
	for i := range doc.Sentences {
		mentions[i] = p.Actors.Find(&doc.Sentences[i], doc.Published)
	}
	var places []geo.Place
	var focusPlace *dyad.Location
	if p.places != nil {
		places = p.places.Resolve(doc)
		focusPlace = documentFocus(doc, places, dateline[1])
	}
	focus := p.focusCountry(doc, mentions, dateline, focusPlace)
	skip := p.discarded(doc)
	var out []dyad.Event
	for i := range doc.Sentences {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s := &doc.Sentences[i]
		ms := mentions[i]
		if len(ms) == 0 || skip != nil && skip[i] {
			continue
		}
		evs := p.Coder.Code(code.Input{Doc: doc, Sentence: s, Mentions: ms, Date: doc.Published, Focus: focus})
		if len(evs) == 0 {
			continue
		}
		dates := sentenceDates(s, doc.Published, dateline)
		var contexts []string
		if p.beyond {
			contexts = p.themes.Sentence(s)
		}
		for k := range evs {
			ev := &evs[k]
			if len(dates) > 0 {
				ev.Date = nearestDate(s, dates, ev.Evidence.TriggerStart, doc.Published).Format("2006-01-02")
			}
			if p.beyond && ev.Mode != "negated" {
				if m := timex.Mode(s, timex.TokenAt(s, ev.Evidence.TriggerStart), doc.Published); m != "" {
					ev.Mode = m
				}
			}
			ev.Context = mergeContexts(ev.Context, contexts)
		}
		out = append(out, evs...)
	}
	if out == nil {
		out = []dyad.Event{}
	}
	if p.places != nil {
		bySent := placesBySentence(places)
		for i := range out {
			out[i].Location = eventLocation(doc, &out[i], bySent, focusPlace)
		}
	}
	return &coded{events: out, places: places, mentions: mentions}, nil
}

// discarded marks the sentences the Discard option drops: all of them
// when one matches at story level. nil when nothing is dropped.
func (p *Pipeline) discarded(doc *dyad.Document) []bool {
	if p.discard == nil {
		return nil
	}
	var skip []bool
	for i := range doc.Sentences {
		level, ok := p.discard(doc.Sentences[i].Text)
		if !ok {
			continue
		}
		if skip == nil {
			skip = make([]bool, len(doc.Sentences))
		}
		if level == "story" {
			for k := range skip {
				skip[k] = true
			}
			return skip
		}
		skip[i] = true
	}
	return skip
}

// Analyze returns the document-level analysis of doc.
func (p *Pipeline) Analyze(ctx context.Context, doc *dyad.Document) (*dyad.Analysis, error) {
	c, err := p.events(ctx, doc)
	if err != nil {
		return nil, err
	}
	evs, places, mentions := c.events, c.places, c.mentions
	a := &dyad.Analysis{
		Doc:       dyad.DocMeta{ID: doc.ID, Title: doc.Title, URL: doc.URL, Published: doc.Published.Format("2006-01-02")},
		Actors:    []dyad.ActorRef{},
		Locations: []dyad.Location{},
		Quotes:    []dyad.Quote{},
		Events:    evs,
	}
	for _, pl := range places {
		if pl.Literal {
			a.Locations = append(a.Locations, pl.Location)
		}
	}
	for _, ms := range mentions {
		for _, m := range ms {
			a.Actors = append(a.Actors, m.Ref)
		}
	}
	a.Contexts = []string{}
	if !p.beyond {
		return a, nil
	}
	if qs := quote.Find(doc, mentions); qs != nil {
		a.Quotes = qs
	}
	t := p.tone.Document(doc)
	a.Tone = &t
	a.Contexts = p.themes.Document(doc)
	if a.Contexts == nil {
		a.Contexts = []string{}
	}
	a.Headline = headline.Check(doc, evs)
	return a, nil
}
