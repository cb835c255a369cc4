package code

import "strings"

// irregular maps irregular English verb forms (and a few nouns) to their
// lemma. It backs up the tagger's lemmatizer, and stands in for it when the
// coder runs on tokens without lemmas.
var irregular = map[string]string{
	"met": "meet", "went": "go", "gone": "go", "took": "take", "taken": "take", "held": "hold",
	"fled": "flee", "sought": "seek", "struck": "strike", "stricken": "strike", "shot": "shoot",
	"fought": "fight", "told": "tell", "said": "say", "gave": "give", "given": "give", "sent": "send",
	"made": "make", "led": "lead", "left": "leave", "began": "begin", "begun": "begin",
	"brought": "bring", "broke": "break", "broken": "break", "stole": "steal", "stolen": "steal",
	"withdrew": "withdraw", "withdrawn": "withdraw", "threw": "throw", "thrown": "throw",
	"spoke": "speak", "spoken": "speak", "rose": "rise", "risen": "rise", "froze": "freeze",
	"frozen": "freeze", "bought": "buy", "sold": "sell", "paid": "pay", "laid": "lay", "won": "win",
	"lost": "lose", "kept": "keep", "came": "come", "became": "become", "fell": "fall", "fallen": "fall",
	"drove": "drive", "driven": "drive", "ran": "run", "saw": "see", "seen": "see", "shook": "shake",
	"swore": "swear", "sworn": "swear", "wrote": "write", "written": "write", "chose": "choose",
	"chosen": "choose", "forbade": "forbid", "forbidden": "forbid", "undertook": "undertake",
	"undertaken": "undertake", "overthrew": "overthrow", "overthrown": "overthrow", "stood": "stand",
	"understood": "understand", "upheld": "uphold", "withheld": "withhold", "bore": "bear",
	"borne": "bear", "tore": "tear", "torn": "tear", "forgave": "forgive", "forgiven": "forgive",
	"hid": "hide", "hidden": "hide", "fed": "feed", "felt": "feel", "meant": "mean", "dealt": "deal",
	"slew": "slay", "slain": "slay", "sank": "sink", "sunk": "sink", "hung": "hang", "dug": "dig",
	"caught": "catch", "taught": "teach", "thought": "think", "spent": "spend", "lent": "lend",
	"built": "build", "rebuilt": "rebuild", "arose": "arise", "arisen": "arise", "drew": "draw",
	"drawn": "draw", "grew": "grow", "grown": "grow", "knew": "know", "known": "know", "flew": "fly",
	"flown": "fly", "blew": "blow", "blown": "blow", "lit": "light", "got": "get", "gotten": "get",
	"did": "do", "done": "do", "does": "do", "was": "be", "were": "be", "been": "be", "is": "be",
	"are": "be", "am": "be", "has": "have", "had": "have", "heard": "hear", "found": "find",
	"bound": "bind", "wound": "wound", "woke": "wake", "bled": "bleed",
	"overran": "overrun", "overcame": "overcome", "foresaw": "foresee", "foreseen": "foresee",
	"mistook": "mistake", "oversaw": "oversee", "overseen": "oversee", "underwent": "undergo",
	"undergone": "undergo", "withstood": "withstand", "forgot": "forget", "forgotten": "forget",
	"beat": "beat", "beaten": "beat", "bit": "bite", "bitten": "bite", "stuck": "stick",
	"swept": "sweep", "wept": "weep", "slept": "sleep", "crept": "creep",
	"leapt": "leap", "men": "man", "women": "woman", "children": "child",
	"people": "people", "police": "police", "forces": "force", "talks": "talk", "arms": "arm",
	"clashes": "clash", "crises": "crisis", "analyses": "analysis", "bases": "base",
}

// lemmaCandidates returns the possible lemmas of a lower-cased word form:
// the tagger's lemma when there is one, the form itself, irregulars, and
// the results of stripping regular inflections. Extra candidates are
// harmless: a pattern word matches if it is among them.
func lemmaCandidates(form, lemma string, buf []string) []string {
	buf = buf[:0]
	add := func(s string) {
		if s == "" {
			return
		}
		for _, b := range buf {
			if b == s {
				return
			}
		}
		buf = append(buf, s)
	}
	lower := strings.ToLower(form)
	add(strings.ToLower(lemma))
	add(lower)
	if l, ok := irregular[lower]; ok {
		add(l)
	}
	n := len(lower)
	switch {
	case strings.HasSuffix(lower, "ies") && n > 4:
		add(lower[:n-3] + "y")
	case strings.HasSuffix(lower, "es") && n > 3:
		add(lower[:n-2])
		add(lower[:n-1])
	case strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") && n > 2:
		add(lower[:n-1])
	}
	if strings.HasSuffix(lower, "ied") && n > 4 {
		add(lower[:n-3] + "y")
	} else if strings.HasSuffix(lower, "ed") && n > 3 {
		stem := lower[:n-2]
		add(stem)
		add(stem + "e")
		if len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			add(stem[:len(stem)-1])
		}
	}
	if strings.HasSuffix(lower, "ing") && n > 4 {
		stem := lower[:n-3]
		add(stem)
		add(stem + "e")
		if len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			add(stem[:len(stem)-1])
		}
		if strings.HasSuffix(stem, "y") {
			add(stem[:len(stem)-1] + "ie")
		}
	}
	return buf
}

// inflects reports whether form (lower case) is verb itself or one of its
// regular inflections by English spelling rules (-s/-es/-ies, -d/-ed/-ied
// with a doubled consonant allowed, -ing with a dropped e or ie -> ying),
// or an irregular form of it. It is how dictionaries that list base forms
// (PETRARCH, TABARI) generate the forms a verb matches.
func inflects(form, verb string) bool {
	if form == verb || irregular[form] == verb {
		return true
	}
	n := len(verb)
	if n == 0 {
		return false
	}
	if strings.HasSuffix(verb, "ie") && form == verb[:n-2]+"ying" { // "dying"
		return true
	}
	if !strings.HasPrefix(form, verb[:n-1]) {
		return false
	}
	last := verb[n-1]
	consY := last == 'y' && n > 1 && !strings.ContainsRune("aeiou", rune(verb[n-2]))
	rest := form[n-1:] // form after the verb's last letter is dropped
	switch {
	case consY && (rest == "ies" || rest == "ied"):
		return true
	case last == 'e' && (rest == "es" || rest == "ed" || rest == "ing" || rest == "eing"):
		return rest != "eing" || strings.HasSuffix(verb, "ee") // "agreeing"
	}
	if !strings.HasPrefix(form, verb) {
		return false
	}
	suf := form[n:]
	switch suf {
	case "s":
		return !strings.HasSuffix(verb, "s") && !strings.HasSuffix(verb, "x") && !strings.HasSuffix(verb, "z") &&
			!strings.HasSuffix(verb, "ch") && !strings.HasSuffix(verb, "sh") && !consY
	case "es":
		return strings.HasSuffix(verb, "s") || strings.HasSuffix(verb, "x") || strings.HasSuffix(verb, "z") ||
			strings.HasSuffix(verb, "ch") || strings.HasSuffix(verb, "sh") || strings.HasSuffix(verb, "o")
	case "ed", "ing":
		return last != 'e'
	}
	if len(suf) >= 3 && suf[0] == last && (suf[1:] == "ed" || suf[1:] == "ing") {
		return !strings.ContainsRune("aeiouwy", rune(last)) // "stopped", "committing"
	}
	return false
}

func inflectsAny(form string, verbs []string) bool {
	for _, v := range verbs {
		if inflects(form, v) {
			return true
		}
	}
	return false
}
