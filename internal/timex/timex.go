// Package timex owns temporal expressions: it finds dates stated in a
// sentence ("on Monday", "yesterday", "March 14", "14 March 2025",
// "2025-03-14") and resolves them against the publication date.
package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

// Expr is a resolved date expression.
type Expr struct {
	Date       time.Time
	Start, End int    // token indices [Start,End)
	Text       string // the expression's words
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// month reads a capitalised month name ("may" the modal is not May).
func month(w string) (time.Month, bool) {
	if w == "" || w[0] < 'A' || w[0] > 'Z' || len(w) > 10 {
		return 0, false
	}
	m, ok := months[strings.TrimSuffix(strings.ToLower(w), ".")]
	return m, ok
}

func day(w string) (int, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	w = strings.ToLower(w)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31
}

func year(w string) (int, bool) {
	y, err := strconv.Atoi(w)
	return y, err == nil && y >= 1900 && y <= 2100 && len(w) == 4
}

// Find returns the first date expression in toks, resolved against ref
// (the publication date). future reports whether the sentence speaks of
// the future, so that a bare weekday resolves forward rather than back.
func Find(toks []dyad.Token, ref time.Time, future bool) (Expr, bool) {
	all := FindAll(toks, ref, future)
	if len(all) == 0 {
		return Expr{}, false
	}
	return all[0], true
}

// FindAll returns every date expression in toks, in order.
func FindAll(toks []dyad.Token, ref time.Time, future bool) []Expr {
	var out []Expr
	for i := 0; i < len(toks); {
		e, ok := findFrom(toks, i, ref, future)
		if !ok {
			break
		}
		out = append(out, e)
		i = e.End
	}
	return out
}

func findFrom(toks []dyad.Token, from int, ref time.Time, future bool) (Expr, bool) {
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	n := len(toks)
	w := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return toks[i].Form()
	}
	mk := func(d time.Time, a, b int) Expr {
		var sb strings.Builder
		for k := a; k < b; k++ {
			if k > a {
				sb.WriteByte(' ')
			}
			sb.WriteString(toks[k].Text)
		}
		return Expr{Date: d, Start: a, End: b, Text: sb.String()}
	}
	for i := from; i < n; i++ {
		lw := text.Lower(w(i))
		switch lw {
		case "today", "tonight":
			return mk(ref, i, i+1), true
		case "yesterday":
			return mk(ref.AddDate(0, 0, -1), i, i+1), true
		case "tomorrow":
			return mk(ref.AddDate(0, 0, 1), i, i+1), true
		}
		if wi := w(i); len(wi) == 10 && wi[4] == '-' {
			if t, err := time.Parse("2006-01-02", wi); err == nil {
				return mk(t, i, i+1), true
			}
		}
		if wd, ok := weekdays[lw]; ok {
			a := i
			prev := strings.ToLower(w(i - 1))
			fwd := future
			switch prev {
			case "last":
				fwd, a = false, i-1
			case "next", "this", "coming":
				fwd, a = true, i-1
			}
			var d time.Time
			if fwd {
				delta := (int(wd) - int(ref.Weekday()) + 7) % 7
				if delta == 0 {
					delta = 7
				}
				d = ref.AddDate(0, 0, delta)
			} else {
				delta := (int(ref.Weekday()) - int(wd) + 7) % 7
				if prev == "last" && delta == 0 {
					delta = 7
				}
				d = ref.AddDate(0, 0, -delta)
			}
			return mk(d, a, i+1), true
		}
		if mo, ok := month(w(i)); ok && len(w(i)) >= 3 {
			// "March 14", "March 14, 2025", "Jan. 5"
			if dd, ok := day(w(i + 1)); ok {
				end := i + 2
				y, hasY := 0, false
				if w(end) == "," {
					if yy, ok := year(w(end + 1)); ok {
						y, hasY, end = yy, true, end+2
					}
				} else if yy, ok := year(w(end)); ok {
					y, hasY, end = yy, true, end+1
				}
				if d, ok := resolve(ref, y, hasY, mo, dd); ok {
					return mk(d, i, end), true
				}
			}
		}
		if dd, ok := day(w(i)); ok {
			// "14 March", "14 March 2025"
			if mo, ok := month(w(i + 1)); ok && len(w(i+1)) >= 3 {
				end := i + 2
				y, hasY := 0, false
				if yy, ok := year(w(end)); ok {
					y, hasY, end = yy, true, end+1
				}
				if d, ok := resolve(ref, y, hasY, mo, dd); ok {
					return mk(d, i, end), true
				}
			}
		}
	}
	return Expr{}, false
}

// resolve builds a date; without a year it picks the year that puts the
// date nearest the reference date ("December 30" read on January 2 is
// last year's).
func resolve(ref time.Time, y int, hasY bool, mo time.Month, d int) (time.Time, bool) {
	if !hasY {
		best := time.Time{}
		bestGap := time.Duration(1<<62 - 1)
		for _, yy := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
			t := time.Date(yy, mo, d, 0, 0, 0, 0, time.UTC)
			gap := t.Sub(ref)
			if gap < 0 {
				gap = -gap
			}
			if gap < bestGap {
				best, bestGap = t, gap
			}
		}
		y = best.Year()
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // February 30
	}
	return t, true
}
