package ner

import "github.com/dyad-events/dyad/internal/tag"

// Name runs: a maximal sequence of capitalised words, which may be bridged
// by a lower-case connector ("of", "for", "de", "&", ...) when a capitalised
// word follows ("Department of Housing and Urban Development", "Bank of
// America"). Every word of a run sees the run's head (its last word), its
// first word, the words around it and the keyword classes of its words, so
// that "Center" at the end of a long run can vote ORG for all of it.

// Keyword classes of words inside names.
const (
	kwNone   = 0
	kwCorp   = 1 // company suffix: Inc, Corp, Ltd, Group ...
	kwInst   = 2 // institution: University, Ministry, Council, Party ...
	kwPlace  = 3 // place head: Street, River, County, Island ...
	kwTitle  = 4 // personal title: Mr, Dr, President ...
	kwFacil  = 5 // facility: Hall, Center, Airport, Hotel ...
	kwMedia  = 6 // media: Times, News, Post, Press ...
	kwOrgPre = 7 // org-first words: United, National, International ...
)

// keywordClass returns the keyword class of a lowercased word.
func keywordClass(w string) uint8 {
	switch w {
	case "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "l.l.c.", "plc", "co", "co.",
		"company", "companies", "group", "gmbh", "ag", "sa", "s.a.", "lp", "l.p.", "llp", "pvt", "pvt.",
		"partners", "holdings", "industries", "enterprises", "associates", "systems", "technologies",
		"technology", "solutions", "services", "motors", "airlines", "airways", "bancorp", "capital",
		"investments", "communications", "energy", "software", "labs", "pharmaceuticals", "entertainment",
		"studios", "records", "brothers", "bros", "bros.", "&":
		return kwCorp
	case "university", "college", "institute", "school", "academy", "department", "dept", "dept.",
		"ministry", "agency", "bureau", "commission", "committee", "council", "association", "society",
		"foundation", "union", "party", "league", "federation", "organization", "organisation", "bank",
		"court", "assembly", "parliament", "senate", "congress", "army", "navy", "police", "force",
		"forces", "church", "board", "authority", "administration", "office", "fund", "trust", "club",
		"team", "orchestra", "band", "guard", "corps", "alliance", "coalition", "movement", "front",
		"brigade", "brigades", "service", "commission's", "secretariat", "cabinet", "government",
		"division", "unit", "command", "regiment", "battalion", "hospital", "clinic", "cooperative",
		"network", "exchange", "chamber", "conference", "tribunal", "directorate", "mission",
		"embassy", "consulate", "caucus", "panel":
		return kwInst
	case "street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd",
		"lane", "drive", "highway", "river", "lake", "mountain", "mountains", "mount", "mt", "mt.",
		"island", "islands", "county", "city", "province", "state", "valley", "bay", "beach", "coast",
		"sea", "ocean", "gulf", "peninsula", "desert", "forest", "district", "region", "village",
		"town", "hills", "hill", "canyon", "falls", "creek", "strait", "square", "heights", "springs",
		"park", "prefecture", "oblast", "governorate", "territory", "republic", "kingdom":
		return kwPlace
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "senator",
		"sen", "sen.", "gov", "gov.", "governor", "minister", "king", "queen", "prince", "princess",
		"pope", "sheikh", "shaikh", "general", "gen", "gen.", "col", "col.", "capt", "capt.",
		"lt", "lt.", "sgt", "sgt.", "rep", "rep.", "judge", "justice", "mayor", "chairman",
		"secretary", "ayatollah", "imam", "rabbi", "father", "sir", "lord", "lady", "mister",
		"miss", "uncle", "aunt", "saint":
		return kwTitle
	case "hall", "center", "centre", "airport", "hotel", "station", "stadium", "bridge", "tower",
		"building", "mall", "museum", "theater", "theatre", "library", "restaurant", "cafe", "grill",
		"bar", "pub", "inn", "resort", "market", "plaza", "garage", "arena", "palace", "temple",
		"mosque", "cathedral", "base", "camp", "port", "harbor", "harbour", "memorial", "gardens",
		"zoo", "store", "shop", "salon", "spa", "motel", "lodge", "depot", "kitchen", "pizza",
		"diner", "bakery", "cinema":
		return kwFacil
	case "times", "news", "post", "press", "journal", "herald", "tribune", "daily", "gazette",
		"magazine", "radio", "tv", "television", "channel", "broadcasting", "media", "telegraph",
		"review", "weekly", "chronicle", "observer", "guardian", "reuters", "wire":
		return kwMedia
	case "united", "national", "international", "american", "federal", "royal", "global", "world",
		"european", "central", "first", "new", "north", "south", "east", "west", "northern",
		"southern", "eastern", "western", "greater", "great", "san", "santa", "los", "las",
		"fort", "el", "al":
		return kwOrgPre
	}
	return kwNone
}

// isConnector reports whether a lower-case word may bridge two capitalised
// words inside one name.
func isConnector(w string) bool {
	switch w {
	case "of", "for", "de", "del", "da", "di", "du", "la", "le", "von", "van", "der", "&", "on", "'s", "-":
		return true
	}
	return false
}

func capitalised(w *tag.Word) bool { return w.Flags&(tag.FlagUpper|tag.FlagTitle) != 0 }

// buildRuns fills s.rs/s.re (run start and end, end exclusive; rs[i] == re[i]
// when word i is in no run), s.kw (keyword class per word) and s.rmask (the
// set of keyword classes in the word's run).
func (s *sent) buildRuns() {
	n := len(s.words)
	s.rs, s.re, s.kw, s.rmask = s.rs[:0], s.re[:0], s.kw[:0], s.rmask[:0]
	for i := 0; i < n; i++ {
		s.rs = append(s.rs, int32(i))
		s.re = append(s.re, int32(i))
		s.kw = append(s.kw, keywordClass(s.lower[i]))
		s.rmask = append(s.rmask, 0)
	}
	for i := 0; i < n; {
		if !capitalised(&s.words[i]) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if capitalised(&s.words[j]) {
				j++
				continue
			}
			// one connector followed by a capitalised word
			if j+1 < n && isConnector(s.lower[j]) && capitalised(&s.words[j+1]) {
				j += 2
				continue
			}
			break
		}
		var mask uint8
		for k := i; k < j; k++ {
			mask |= 1 << s.kw[k]
		}
		for k := i; k < j; k++ {
			s.rs[k], s.re[k], s.rmask[k] = int32(i), int32(j), mask
		}
		i = j
	}
}

// runPos is word k's place in the run of words [a, b): 0 first, 1 inside,
// 2 last, 3 the only word.
func runPos(k, a, b int) uint8 {
	switch {
	case b-a == 1:
		return 3
	case k == a:
		return 0
	case k == b-1:
		return 2
	}
	return 1
}

// spanFeatures appends the run features of word i.
func (s *sent) spanFeatures(keys []uint32, i int, c byte) []uint32 {
	a, b := int(s.rs[i]), int(s.re[i])
	if a == b {
		return keys
	}
	head := s.at(b - 1)
	pos := uint64(runPos(i, a, b))
	ln := uint64(min(b-a, 5))
	keys = append(keys,
		k2(70, head.Lower, pos),
		k2(78, head.Suf[2], pos),
		k2(71, uint64(s.kw[b-1]), pos),
		k2(74, uint64(s.rmask[i]), pos),
		k2(72, s.at(b).Lower, pos),
		k2(73, s.at(a-1).Lower, pos),
		k2(75, s.at(a).Lower, pos),
		k2(76+c, ln, pos),
		k2(77, uint64(s.kw[a]), uint64(s.kw[b-1])),
	)
	// An acronym in parentheses after the run ("State Committee for
	// National Security (GKNB)"), seen from the run and from the acronym.
	if m := s.acronymAfter(a, b); m != 0 {
		keys = append(keys, k2(91, m, pos))
	}
	if b-a == 1 && a >= 2 && s.lower[a-1] == "(" && b < len(s.words) && s.lower[b] == ")" {
		if a2, b2 := int(s.rs[a-2]), int(s.re[a-2]); a2 < b2 && b2 == a-1 {
			keys = append(keys, k2(92, s.acronymAfter(a2, b2), uint64(min(b2-a2, 5))))
		}
	}
	// "the X of Y": an institution-like run after "the" with a connector.
	if s.at(a-1).Lower == theHash {
		of := uint64(0)
		for k := a; k < b; k++ {
			if s.lower[k] == "of" {
				of = 1
				break
			}
		}
		keys = append(keys, k2(93, of, pos))
	}
	return keys
}

var theHash = tag.MakeWord("the").Lower

// acronymAfter returns 2 when the run [a,b) is followed by "(", an
// upper-case word whose letters are the initials of the run's capitalised
// words, and ")"; 1 when only the first letters agree; 0 otherwise.
func (s *sent) acronymAfter(a, b int) uint64 {
	if b+2 >= len(s.words) || s.lower[b] != "(" || s.lower[b+2] != ")" || s.words[b+1].Flags&tag.FlagUpper == 0 {
		return 0
	}
	acr := s.lower[b+1]
	var ini []byte
	for k := a; k < b; k++ {
		if capitalised(&s.words[k]) && len(s.lower[k]) > 0 {
			ini = append(ini, s.lower[k][0])
		}
	}
	if string(ini) == acr {
		return 2
	}
	if len(acr) > 0 && len(ini) > 0 && acr[0] == ini[0] {
		return 1
	}
	return 0
}
