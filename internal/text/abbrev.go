package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isTitle reports whether w (without its period) is a title that precedes
// a name and never ends a sentence: "Gen.", "Mr.".
func isTitle(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Lt", "Col", "Maj",
		"Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps",
		"Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Brig", "Amb", "Fr", "Mme", "Mlle", "Gens",
		"Sec", "Atty", "Msgr", "Sra", "Srta":
		return true
	}
	return false
}

// isAbbrev reports whether w (without its period) is an abbreviation that
// keeps its period but may end a sentence: "Inc.", "Jan.", "etc.".
func isAbbrev(w string) bool {
	switch w {
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
		"Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Inc", "Corp", "Co",
		"Cos", "Ltd", "Bros", "Jr", "Sr", "Plc", "Dept", "Univ", "Assn", "Intl", "Govt", "No",
		"Nos", "Vol", "Vols", "Fig", "Figs", "Art", "Ch", "Para", "Ave", "Blvd", "Rd", "Hwy", "Sq",
		"Pt", "Ref", "Est", "Attn", "St", "Ste", "Mt", "Ft", "etc", "vs", "Vs", "al", "approx",
		"est", "cf", "pp", "p", "ca", "viz", "incl", "eds", "Eds", "ibid", "yrs", "fig", "figs",
		"vol", "vols", "nos", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
		"Ind", "Kan", "Kans", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
		"Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo", "Mass", "Wash":
		return true
	}
	return false
}

// isStarter reports whether w is a capitalised word that, after an
// abbreviation such as "U.S." or "Inc.", shows that a new sentence has
// started: function words and pronouns.
func isStarter(w string) bool {
	switch w {
	case "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
		"You", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet",
		"However", "In", "On", "At", "For", "From", "With", "By", "As", "If", "When", "While",
		"After", "Before", "Since", "Although", "Though", "Because", "Meanwhile", "There", "Here",
		"What", "Who", "Why", "How", "Where", "Which", "Some", "Many", "Most", "All", "Both",
		"Each", "Every", "No", "Not", "Officials", "Such", "Also", "Still", "Then", "Now", "Later",
		"Earlier", "Last", "Next", "Under", "During", "Despite", "According", "Asked", "Analysts",
		"Other", "Several", "Few", "Neither", "Nor", "Instead", "Moreover", "Furthermore", "Thus",
		"Hence", "Until", "Unless", "Once", "Over", "About", "Among", "Between", "Against",
		"Through", "Without", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Has", "Have",
		"Had", "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Let", "Yes",
		"Whether", "Even", "Only", "Just":
		return true
	}
	return false
}

// isHyphenPrefix reports whether the lower-case prefix w keeps a hyphenated
// word whole (EWT: "non-stop", "e-mail", "pre-war"); other hyphenated
// compounds are split at the hyphen.
func isHyphenPrefix(w string) bool {
	switch w {
	case "e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub",
		"semi", "cross", "neo", "psycho", "socio", "counter", "intra", "inter", "micro", "macro",
		"ultra", "mega", "pseudo", "quasi", "hyper", "bi", "tri", "trans", "extra", "infra",
		"supra", "un", "geo", "euro", "de", "mis", "under":
		return true
	}
	return false
}

// fusedSplit returns where the second word starts in a spelling EWT
// analyses as two words although it is written as one (its multi-word
// tokens: "cannot" = "can" + "not"), or 0. w is in lower case.
func fusedSplit(w string) int {
	switch w {
	case "dont", "isnt", "aint", "cant", "wont":
		return 2
	case "cannot", "gonna", "wanna", "gotta", "outta", "didnt", "wasnt", "arent", "hasnt", "hadnt":
		return 3
	case "doesnt", "werent", "havent", "mustnt", "neednt":
		return 4
	case "couldnt", "wouldnt":
		return 5
	case "shouldnt":
		return 6
	}
	return 0
}

// isNumberSuffix reports whether the lower-case letters w stay on a number
// ("20th", "1990s").
func isNumberSuffix(w string) bool {
	switch w {
	case "st", "nd", "rd", "th", "s", "ies":
		return true
	}
	return false
}

// abbrevKind says whether w followed by a period is an abbreviation that
// keeps the period, and which kind.
func abbrevKind(w string) kind {
	if w == "" {
		return kWord
	}
	if isTitle(w) {
		return kTitle
	}
	if isAbbrev(w) {
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
