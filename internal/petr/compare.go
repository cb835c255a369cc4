package petr

import (
	"context"
	"sort"
	"strings"
)

// NormCode normalises an actor code for comparison: PETRARCH writes an
// unknown country as "---" ("---GOV" is a GOV agent alone, "---" no actor).
func NormCode(c string) string {
	c = strings.TrimSpace(c)
	for strings.HasPrefix(c, "---") {
		c = c[3:]
	}
	return c
}

// Outcome is what a coder did with one record.
type Outcome struct {
	Codings   []Coding // (source, target, event) produced; target "" when none
	Discarded string   // "story" or "sentence" when a discard phrase matched, else ""
}

// Failure is a record the coder got wrong.
type Failure struct {
	ID        string   `json:"id"`
	Category  string   `json:"category"`
	Text      string   `json:"text"`
	Expected  []Coding `json:"expected"`
	NoEvents  bool     `json:"noevents,omitempty"`
	Error     string   `json:"error,omitempty"`
	Produced  []Coding `json:"produced"`
	Discarded string   `json:"discarded,omitempty"`
}

// CategoryResult is the pass count of one category.
type CategoryResult struct {
	Category string  `json:"category"`
	Records  int     `json:"records"`
	Passed   int     `json:"passed"`
	PassRate float64 `json:"pass_rate"`
}

// Result is the score of a run over PETRARCH records.
type Result struct {
	Records    int              `json:"records"`
	Passed     int              `json:"passed"`
	PassRate   float64          `json:"pass_rate"`
	Categories []CategoryResult `json:"categories"`
	Failures   []Failure        `json:"failures"`
}

// Pass reports whether an outcome matches a record: for error records,
// the record must be discarded (story/sentence discards by the matching
// phrase list; other errors: no events); for noevents records, no events;
// otherwise the set of (source, target, event) must equal the expected set,
// codes compared after NormCode.
func Pass(rec Record, out Outcome) bool {
	switch {
	case rec.Error == "storydiscard" || rec.Error == "sentencediscard":
		return out.Discarded != ""
	case rec.Error != "":
		return out.Discarded != "" || len(out.Codings) == 0
	case rec.NoEvents && len(rec.Expected) == 0:
		return out.Discarded != "" || len(out.Codings) == 0
	}
	if out.Discarded != "" {
		return false
	}
	return sameSet(rec.Expected, out.Codings)
}

func key(c Coding) string {
	return NormCode(c.Source) + "|" + NormCode(c.Target) + "|" + strings.TrimSpace(c.Event)
}

func sameSet(a, b []Coding) bool {
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, c := range a {
		sa[key(c)] = true
	}
	for _, c := range b {
		sb[key(c)] = true
	}
	if len(sa) != len(sb) {
		return false
	}
	for k := range sa {
		if !sb[k] {
			return false
		}
	}
	return true
}

// Evaluate codes every record with code and scores the outcomes. code is
// called in record order; an error stops the run.
func Evaluate(ctx context.Context, recs []Record, code func(ctx context.Context, rec Record) (Outcome, error)) (*Result, error) {
	res := &Result{Failures: []Failure{}}
	cats := map[string]*CategoryResult{}
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out, err := code(ctx, rec)
		if err != nil {
			return nil, err
		}
		cat := rec.Category
		if cat == "" {
			cat = "(none)"
		}
		cr := cats[cat]
		if cr == nil {
			cr = &CategoryResult{Category: cat}
			cats[cat] = cr
		}
		cr.Records++
		res.Records++
		if Pass(rec, out) {
			cr.Passed++
			res.Passed++
			continue
		}
		prod := out.Codings
		if prod == nil {
			prod = []Coding{}
		}
		exp := rec.Expected
		if exp == nil {
			exp = []Coding{}
		}
		res.Failures = append(res.Failures, Failure{ID: rec.ID, Category: cat, Text: rec.Text, Expected: exp,
			NoEvents: rec.NoEvents, Error: rec.Error, Produced: prod, Discarded: out.Discarded})
	}
	for _, cr := range cats {
		if cr.Records > 0 {
			cr.PassRate = float64(cr.Passed) / float64(cr.Records)
		}
		res.Categories = append(res.Categories, *cr)
	}
	sort.Slice(res.Categories, func(i, j int) bool { return res.Categories[i].Category < res.Categories[j].Category })
	if res.Records > 0 {
		res.PassRate = float64(res.Passed) / float64(res.Records)
	}
	return res, nil
}
