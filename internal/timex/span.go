package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/text"
)

// Granularities of a Span.
const (
	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// Span is a resolved time expression that may cover more than one day:
// a single date ("on Tuesday"), a period ("last week", "earlier this
// month", "in 2014", "March 2024") or a range ("from March 3 to 5",
// "between Monday and Wednesday"). From and To are inclusive days.
type Span struct {
	From, To   time.Time
	Gran       string // Day, Week, Month or Year: the unit the text names
	Start, End int    // token indices [Start,End)
	Text       string // the expression's words
}

// Range reports whether the span covers more than one day.
func (s Span) Range() bool { return !s.From.Equal(s.To) }

// String renders the span as "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD".
func (s Span) String() string {
	if !s.Range() {
		return s.From.Format("2006-01-02")
	}
	return s.From.Format("2006-01-02") + "/" + s.To.Format("2006-01-02")
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "couple": 2,
}

// units maps a unit word to its granularity.
var units = map[string]string{
	"day": Day, "days": Day, "week": Week, "weeks": Week, "month": Month, "months": Month,
	"year": Year, "years": Year,
}

// yearIntro words make a bare four-digit number a year ("in 2014").
var yearIntro = map[string]bool{
	"in": true, "since": true, "during": true, "until": true, "till": true, "by": true, "of": true,
	"early": true, "late": true, "mid": true, "from": true, "to": true, "and": true, "between": true,
	"before": true, "after": true, "through": true, "throughout": true,
}

// rangeJoin words join the two ends of a range.
var rangeJoin = map[string]bool{"to": true, "until": true, "till": true, "through": true, "-": true, "–": true, "and": true}

func day0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// weekOf returns the Monday..Sunday week containing t.
func weekOf(t time.Time) (time.Time, time.Time) {
	off := (int(t.Weekday()) + 6) % 7 // days since Monday
	mon := t.AddDate(0, 0, -off)
	return mon, mon.AddDate(0, 0, 6)
}

func monthOf(t time.Time) (time.Time, time.Time) {
	f := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return f, f.AddDate(0, 1, -1)
}

func yearOf(y int) (time.Time, time.Time) {
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
}

// Spans returns the time expressions of toks, resolved against ref (the
// publication date), in order and without overlaps. It finds everything
// FindAll finds, plus periods and ranges. future has the meaning it has
// for Find.
func Spans(toks []dyad.Token, ref time.Time, future bool) []Span {
	ref = day0(ref)
	days := FindAll(toks, ref, future)
	n := len(toks)
	low := make([]string, n)
	for i := range toks {
		low[i] = text.Lower(toks[i].Form())
	}
	lw := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return low[i]
	}
	mk := func(from, to time.Time, gran string, a, b int) Span {
		var sb strings.Builder
		for k := a; k < b; k++ {
			if k > a {
				sb.WriteByte(' ')
			}
			sb.WriteString(toks[k].Text)
		}
		return Span{From: from, To: to, Gran: gran, Start: a, End: b, Text: sb.String()}
	}
	var out []Span
	di := 0
	for i := 0; i < n; {
		for di < len(days) && days[di].Start < i {
			di++
		}
		if di < len(days) && days[di].Start == i {
			e := days[di]
			out = append(out, mk(e.Date, e.Date, Day, e.Start, e.End))
			i = e.End
			continue
		}
		if sp, ok := period(toks, i, ref, lw, mk); ok {
			out = append(out, sp)
			i = sp.End
			continue
		}
		i++
	}
	return joinRanges(toks, out, lw, mk)
}

// period reads a multi-day or relative expression starting at token i.
func period(toks []dyad.Token, i int, ref time.Time, lw func(int) string,
	mk func(from, to time.Time, gran string, a, b int) Span) (Span, bool) {
	w := lw(i)
	switch w {
	case "last", "past", "this", "next", "coming", "previous":
		u := lw(i + 1)
		if w == "this" && (u == "morning" || u == "afternoon" || u == "evening") {
			return mk(ref, ref, Day, i, i+2), true
		}
		if w == "last" && u == "night" {
			d := ref.AddDate(0, 0, -1)
			return mk(d, d, Day, i, i+2), true
		}
		g, ok := units[u]
		if !ok || strings.HasSuffix(u, "s") {
			return Span{}, false
		}
		step := 0
		switch w {
		case "last", "past", "previous":
			step = -1
		case "next", "coming":
			step = 1
		}
		f, t := shift(ref, g, step)
		return mk(f, t, g, i, i+2), true
	case "earlier", "later", "early", "late":
		// "earlier this month", "later this week", "early next year", "late last year"
		rel, u := lw(i+1), lw(i+2)
		if lw(i+1) == "in" && lw(i+2) == "the" { // "earlier in the week"
			rel, u = "this", lw(i+3)
		}
		g, ok := units[u]
		if !ok || (rel != "this" && rel != "last" && rel != "next") {
			return Span{}, false
		}
		end := i + 3
		if lw(i+1) == "in" {
			end = i + 4
		}
		step := map[string]int{"last": -1, "this": 0, "next": 1}[rel]
		f, t := shift(ref, g, step)
		if step == 0 && g != Day {
			if w == "earlier" {
				t = ref.AddDate(0, 0, -1)
				if t.Before(f) {
					t = f
				}
			} else if w == "later" {
				f = ref.AddDate(0, 0, 1)
				if f.After(t) {
					f = t
				}
			}
		}
		return mk(f, t, g, i, end), true
	}
	// "two days ago", "a year ago", "three weeks earlier"
	if k, ok := numberWords[w]; ok || isDigits(w) {
		if !ok {
			k, _ = strconv.Atoi(w)
		}
		if g, ok := units[lw(i+1)]; ok && lw(i+2) == "ago" && k > 0 && k < 200 {
			var d time.Time
			switch g {
			case Day:
				d = ref.AddDate(0, 0, -k)
				return mk(d, d, Day, i, i+3), true
			case Week:
				d = ref.AddDate(0, 0, -7*k)
				f, t := weekOf(d)
				return mk(f, t, Week, i, i+3), true
			case Month:
				d = time.Date(ref.Year(), ref.Month()-time.Month(k), 1, 0, 0, 0, 0, time.UTC)
				f, t := monthOf(d)
				return mk(f, t, Month, i, i+3), true
			default:
				f, t := yearOf(ref.Year() - k)
				return mk(f, t, Year, i, i+3), true
			}
		}
	}
	// "March 2024", "in March", "last March"
	if mo, ok := month(toks[i].Form()); ok && len(toks[i].Form()) >= 3 {
		if i+1 < len(toks) {
			if y, ok := year(toks[i+1].Form()); ok {
				f, t := monthOf(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC))
				return mk(f, t, Month, i, i+2), true
			}
		}
		prev := lw(i - 1)
		if prev == "in" || prev == "since" || prev == "until" || prev == "during" || prev == "early" ||
			prev == "late" || prev == "mid" || prev == "last" || prev == "next" || prev == "of" || prev == "by" {
			var y int
			switch prev {
			case "last":
				y = ref.Year()
				if mo >= ref.Month() {
					y--
				}
			case "next":
				y = ref.Year()
				if mo <= ref.Month() {
					y++
				}
			default:
				d, _ := resolve(ref, 0, false, mo, 15)
				y = d.Year()
			}
			a := i
			if prev == "last" || prev == "next" {
				a = i - 1
			}
			f, t := monthOf(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC))
			return mk(f, t, Month, a, i+1), true
		}
	}
	// "in 2014"
	if y, ok := year(toks[i].Form()); ok && yearIntro[lw(i-1)] {
		f, t := yearOf(y)
		return mk(f, t, Year, i, i+1), true
	}
	return Span{}, false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shift returns the unit g containing ref moved by step units.
func shift(ref time.Time, g string, step int) (time.Time, time.Time) {
	switch g {
	case Day:
		d := ref.AddDate(0, 0, step)
		return d, d
	case Week:
		return weekOf(ref.AddDate(0, 0, 7*step))
	case Month:
		return monthOf(time.Date(ref.Year(), ref.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC))
	default:
		return yearOf(ref.Year() + step)
	}
}

// joinRanges merges "from A to B", "between A and B", "A - B" and
// "March 3 to 5" into single spans.
func joinRanges(toks []dyad.Token, sp []Span, lw func(int) string,
	mk func(from, to time.Time, gran string, a, b int) Span) []Span {
	var out []Span
	for k := 0; k < len(sp); k++ {
		a := sp[k]
		j := a.End
		intro := lw(a.Start - 1)
		join := lw(j)
		if !rangeJoin[join] || (join == "and" && intro != "between") {
			out = append(out, a)
			continue
		}
		start := a.Start
		if intro == "from" || intro == "between" {
			start--
		}
		if k+1 < len(sp) && sp[k+1].Start == j+1 {
			b := sp[k+1]
			to := b.To
			for b.Gran == Day && to.Before(a.From) && isWeekday(lw(b.End-1)) {
				to = to.AddDate(0, 0, 7)
			}
			from := a.From
			if to.Before(from) {
				out = append(out, a)
				continue
			}
			g := a.Gran
			out = append(out, mk(from, to, g, start, b.End))
			k++
			continue
		}
		// "March 3 to 5": a bare day number after a month-day date
		if a.Gran == Day && j+1 < len(toks) {
			if d, ok := day(toks[j+1].Form()); ok && d > a.From.Day() && !isMonthFollow(toks, j+2) {
				to := time.Date(a.From.Year(), a.From.Month(), d, 0, 0, 0, 0, time.UTC)
				if to.Day() == d {
					out = append(out, mk(a.From, to, Day, start, j+2))
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

func isWeekday(w string) bool { _, ok := weekdays[w]; return ok }

// isMonthFollow reports whether toks[i] is a unit or a month, so that
// "3 to 5 days" is not read as a range of days of the month.
func isMonthFollow(toks []dyad.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	w := strings.ToLower(toks[i].Form())
	if _, ok := units[w]; ok {
		return true
	}
	_, ok := month(toks[i].Form())
	return ok
}
