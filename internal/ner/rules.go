package ner

import (
	"strings"

	"github.com/dyad-events/dyad/internal/text"
)

// The rule layer labels dates, times, money, percentages and numbers on
// words the model left as "O". Rules work on words (EWT tokenisation:
// "$" and "5" are separate, "p.m." is one word).

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "jan.": true, "feb": true, "feb.": true, "mar.": true, "apr": true, "apr.": true,
	"jun.": true, "jul.": true, "aug": true, "aug.": true, "sep.": true, "sept": true, "sept.": true,
	"oct": true, "oct.": true, "nov": true, "nov.": true, "dec": true, "dec.": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

var relDay = map[string]bool{"yesterday": true, "today": true, "tomorrow": true, "tonight": true}

var periods = map[string]bool{
	"week": true, "month": true, "year": true, "weekend": true, "decade": true, "century": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true, "quarter": true,
	"morning": true, "afternoon": true, "evening": true, "night": true,
}

var periodModifiers = map[string]bool{"last": true, "next": true, "this": true, "previous": true, "coming": true, "past": true, "same": true}

var currencySymbols = map[string]bool{"$": true, "us$": true, "€": true, "£": true, "¥": true, "₹": true, "c$": true, "a$": true, "hk$": true}

var currencyWords = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"yen": true, "yuan": true, "renminbi": true, "rupee": true, "rupees": true, "rouble": true,
	"roubles": true, "ruble": true, "rubles": true, "franc": true, "francs": true, "peso": true,
	"pesos": true, "won": false, "lira": true, "riyal": true, "riyals": true, "dinar": true, "dinars": true,
	"shekel": true, "shekels": true, "hryvnia": true, "hryvnias": true, "rand": true, "naira": true,
	"usd": true, "eur": true, "gbp": true, "jpy": true, "cny": true, "rub": true, "cents": true,
}

var scaleWords = map[string]bool{
	"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true,
	"m": true, "bn": true, "mn": true, "k": true,
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
	"seventy": true, "eighty": true, "ninety": true, "hundred": true, "thousand": true,
	"million": true, "billion": true, "trillion": true, "dozen": true, "hundreds": true,
	"thousands": true, "millions": true, "billions": true, "dozens": true,
}

var timeWords = map[string]bool{"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true, "noon": true, "midnight": true}

// isNumeric reports whether w is written with digits: "5", "2.5", "20,000", "1/2", "-3".
func isNumeric(w string) bool {
	digits := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ',' || c == '/' || (c == '-' && i == 0) || (c == '+' && i == 0):
		default:
			return false
		}
	}
	return digits > 0
}

// mayStartRule reports whether some rule of applyRules can match at lower
// form w: every rule needs w to hold a digit or to be one of the rule
// words (currency symbol, number word, month, weekday, relative day,
// period modifier, noon, midnight). A non-nil filter f answers for the rule
// words without map lookups.
func mayStartRule(w string, f *ruleFilter) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	if f != nil {
		return f.has(w)
	}
	return isRuleWord(w)
}

func isRuleWord(w string) bool {
	return currencySymbols[w] || numberWords[w] || months[w] || weekdays[w] ||
		relDay[w] || periodModifiers[w] || w == "noon" || w == "midnight"
}

// ruleFilter is a bit set over hashes of the rule words: a clear bit means
// the word is not one (a set bit may be a collision, which only costs the
// full test).
type ruleFilter [ruleFilterBits / 64]uint64

const ruleFilterBits = 1 << 16

func ruleBit(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return (h ^ h>>16) & (ruleFilterBits - 1)
}

// newRuleFilter returns the filter of the rule words.
func newRuleFilter() *ruleFilter {
	f := new(ruleFilter)
	for _, set := range []map[string]bool{currencySymbols, numberWords, months, weekdays, relDay, periodModifiers} {
		for w := range set {
			b := ruleBit(w)
			f[b/64] |= 1 << (b % 64)
		}
	}
	for _, w := range []string{"noon", "midnight"} {
		b := ruleBit(w)
		f[b/64] |= 1 << (b % 64)
	}
	return f
}

func (f *ruleFilter) has(w string) bool {
	b := ruleBit(w)
	return f[b/64]&(1<<(b%64)) != 0
}

func isNumber(lw string) bool { return isNumeric(lw) || numberWords[lw] }

func isYear(w string) bool {
	if len(w) != 4 || !isNumeric(w) || strings.ContainsAny(w, ".,/-+") {
		return false
	}
	return w >= "1800" && w <= "2199"
}

func isDay(w string) bool {
	s := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
	if len(s) == 0 || len(s) > 2 || !isNumeric(s) {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n >= 1 && n <= 31
}

func isISODate(w string) bool {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	for i, c := range []byte(w) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isClock(w string) bool {
	i := strings.IndexByte(w, ':')
	if i < 1 || i > 2 || len(w) < i+3 {
		return false
	}
	for j := 0; j < len(w); j++ {
		if j != i && (w[j] < '0' || w[j] > '9') {
			return false
		}
	}
	return len(w) == i+3
}

// applyRules fills DATE, TIME, MONEY, PERCENT and NUMBER spans into tags
// where every word of the span is "O".
func applyRules(words []string, tags []string) {
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = text.Lower(w)
	}
	applyRulesLower(words, lw, tags, nil)
}

// applyRulesLower is applyRules given the lowercased words (typographic
// quotes may be normalised: no rule word contains one).
func applyRulesLower(words, lw []string, tags []string, f *ruleFilter) {
	n := len(words)
	free := func(a, b int) bool {
		if a < 0 || b > n || a >= b {
			return false
		}
		for k := a; k < b; k++ {
			if tags[k] != "O" {
				return false
			}
		}
		return true
	}
	set := func(a, b int, typ string) {
		tags[a] = "B-" + typ
		for k := a + 1; k < b; k++ {
			tags[k] = "I-" + typ
		}
	}
	at := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return lw[i]
	}
	// numSpan returns the end of a number phrase starting at i ("2.5 billion").
	numSpan := func(i int) int {
		if !isNumber(at(i)) {
			return i
		}
		j := i + 1
		for j < n && (scaleWords[lw[j]] || (numberWords[lw[j]] && numberWords[lw[j-1]])) {
			j++
		}
		return j
	}
	for i := 0; i < n; {
		w := lw[i]
		if !mayStartRule(w, f) {
			i++
			continue
		}
		end, typ := i, ""
		switch {
		// MONEY: "$ 5 million", "US$ 3", "5 billion euros".
		case currencySymbols[w] && isNumber(at(i+1)):
			end, typ = numSpan(i+1), "MONEY"
		case isNumber(w) && currencyWords[at(numSpan(i))]:
			end, typ = numSpan(i)+1, "MONEY"
		// PERCENT: "3 percent", "3 %", "3 per cent".
		case isNumber(w) && (at(numSpan(i)) == "percent" || at(numSpan(i)) == "%" || at(numSpan(i)) == "pct"):
			end, typ = numSpan(i)+1, "PERCENT"
		case isNumber(w) && at(numSpan(i)) == "per" && at(numSpan(i)+1) == "cent":
			end, typ = numSpan(i)+2, "PERCENT"
		// DATE: "March 14 , 2025", "March 2025", "March 14".
		case months[w] && (isDay(at(i+1)) || isYear(at(i+1))):
			end, typ = i+2, "DATE"
			if isDay(at(i+1)) && at(i+2) == "," && isYear(at(i+3)) {
				end = i + 4
			} else if isDay(at(i+1)) && isYear(at(i+2)) {
				end = i + 3
			}
		// "14 March 2025", "14 March", "the 14th of March".
		case isDay(w) && months[at(i+1)]:
			end, typ = i+2, "DATE"
			if isYear(at(i + 2)) {
				end = i + 3
			}
		case isDay(w) && at(i+1) == "of" && months[at(i+2)]:
			end, typ = i+3, "DATE"
		case isISODate(w):
			end, typ = i+1, "DATE"
		case weekdays[w] || relDay[w]:
			end, typ = i+1, "DATE"
			if weekdays[w] && at(i+1) == "," && months[at(i+2)] && isDay(at(i+3)) {
				end = i + 4
				if at(i+4) == "," && isYear(at(i+5)) {
					end = i + 6
				}
			}
		case periodModifiers[w] && periods[at(i+1)] && w != "past":
			end, typ = i+2, "DATE"
		case months[w] && w != "may" && w != "march" && i > 0 && (at(i-1) == "in" || at(i-1) == "since" || at(i-1) == "until" || at(i-1) == "by" || at(i-1) == "early" || at(i-1) == "late" || at(i-1) == "mid"):
			end, typ = i+1, "DATE"
		case (w == "march" || w == "may") && (at(i-1) == "in" || at(i-1) == "since" || at(i-1) == "until") && (i+1 >= n || !isNumber(at(i+1))):
			if i+1 < n && words[i][0] >= 'A' && words[i][0] <= 'Z' {
				end, typ = i+1, "DATE"
			}
		case isYear(w) && (at(i-1) == "in" || at(i-1) == "since" || at(i-1) == "until" || at(i-1) == "by" || at(i-1) == "from" || at(i-1) == "of" || at(i-1) == "before" || at(i-1) == "after" || at(i-1) == "during"):
			end, typ = i+1, "DATE"
		// TIME: "7 p.m.", "10:00 GMT", "noon".
		case (isClock(w) || (isNumeric(w) && len(w) <= 2)) && timeWords[at(i+1)]:
			end, typ = i+2, "TIME"
		case isClock(w):
			end, typ = i+1, "TIME"
		case w == "noon" || w == "midnight":
			end, typ = i+1, "TIME"
		case isNumber(w):
			end, typ = numSpan(i), "NUMBER"
		}
		if typ != "" && free(i, end) {
			set(i, end, typ)
			i = end
			continue
		}
		i++
	}
}
