package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that precede a name and never end a sentence.
var titles = setOf(
	"Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr",
	"Adm", "Sgt", "Cpl", "Pvt", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon",
	"Pres", "Supt", "Insp", "Det", "Brig", "Amb", "Fr", "Mme", "Mlle",
	"Gens", "Sec", "Atty", "Msgr", "Sra", "Srta",
)

// abbrevs are abbreviations that keep their period but may end a sentence.
var abbrevs = setOf(
	// months and days
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	// companies, names, references
	"Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Plc", "Dept", "Univ", "Assn", "Intl", "Govt",
	"No", "Nos", "Vol", "Vols", "Fig", "Figs", "Art", "Ch", "Para", "Ave", "Blvd", "Rd",
	"Hwy", "Sq", "Pt", "Ref", "Est", "Attn", "St", "Ste", "Mt", "Ft",
	"etc", "vs", "Vs", "al", "approx", "est", "cf", "pp", "p", "ca", "viz", "incl", "eds", "Eds",
	"ibid", "yrs", "fig", "figs", "vol", "vols", "nos",
	// U.S. state abbreviations that are not also ordinary words
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ind", "Kan", "Kans", "Ky",
	"La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
	"Tenn", "Tex", "Va", "Vt", "Wis", "Wyo", "Mass", "Wash",
)

// starters are capitalised words that, after an abbreviation such as
// "U.S." or "Inc.", show that a new sentence has started.
var starters = setOf(
	"The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "You",
	"His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "However",
	"In", "On", "At", "For", "From", "With", "By", "As", "If", "When", "While", "After", "Before",
	"Since", "Although", "Though", "Because", "Meanwhile", "There", "Here", "What", "Who", "Why",
	"How", "Where", "Which", "Some", "Many", "Most", "All", "Both", "Each", "Every", "No", "Not",
	"Officials", "Such", "Its", "Also", "Still", "Then", "Now", "Later", "Earlier", "Last", "Next",
	"Under", "During", "Despite", "According", "Asked", "Analysts", "Other", "Several", "Few",
	"Neither", "Nor", "Instead", "Moreover", "Furthermore", "Thus", "Hence", "Until", "Unless",
	"Once", "Over", "About", "Among", "Between", "Against", "Through", "Without", "Do", "Does",
	"Did", "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Will", "Would", "Can", "Could",
	"Should", "May", "Might", "Must", "Let", "Yes", "Those", "Whether", "Even", "Only", "Just",
)

// hyphenPrefixes keep a hyphenated word whole (EWT: "non-stop", "e-mail",
// "pre-war"); other hyphenated compounds are split at the hyphen.
var hyphenPrefixes = setOf(
	"e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub", "semi",
	"cross", "neo", "psycho", "socio", "counter", "intra", "inter", "micro", "macro", "ultra", "mega",
	"pseudo", "quasi", "hyper", "bi", "tri", "trans", "extra", "infra", "supra", "un", "geo", "euro",
	"de", "mis", "out", "under", "up",
)

// fusedSplits are spellings EWT analyses as two words although they are
// written as one (its multi-word tokens): the value is the byte offset of
// the second word.
var fusedSplits = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "isnt": 2,
	"wasnt": 3, "arent": 3, "werent": 4, "havent": 4, "hasnt": 3, "hadnt": 3, "aint": 2,
	"cant": 2, "wont": 2, "mustnt": 4, "neednt": 4,
}

// ordinalSuffix are letters that stay on a number ("20th", "1990s").
var ordinalSuffix = setOf("st", "nd", "rd", "th", "s", "ies")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// abbrevKind says whether w followed by a period is an abbreviation that
// keeps the period, and which kind.
func abbrevKind(w string) kind {
	if w == "" {
		return kWord
	}
	if titles[w] {
		return kTitle
	}
	if abbrevs[w] {
		return kAbbr
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) && unicode.IsUpper(r) {
		return kInitial
	}
	if strings.IndexByte(w, '.') > 0 && dotted(w) {
		return kAbbr
	}
	return kWord
}

// dotted reports whether w looks like "U.S", "e.g", "a.m", "Ph.D": letters
// in groups of one or two separated by single periods.
func dotted(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r == '.':
			if n == 0 {
				return false
			}
			n = 0
		case unicode.IsLetter(r):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}
