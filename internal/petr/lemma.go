package petr

import "strings"

// irregularVerbs maps irregular past forms that occur as PETRARCH verb
// entries to their lemma.
var irregularVerbs = map[string]string{
	"said": "say", "says": "say", "met": "meet", "left": "leave", "held": "hold", "fought": "fight",
	"sank": "sink", "sunk": "sink", "shot": "shoot", "sought": "seek", "paid": "pay", "made": "make",
	"began": "begin", "begun": "begin", "lent": "lend", "drawn": "draw", "drew": "draw", "won": "win",
	"risen": "rise", "rose": "rise", "found": "find", "broke": "break", "broken": "break",
	"has": "have", "had": "have", "went": "go", "gone": "go", "gave": "give", "given": "give",
	"took": "take", "taken": "take", "withdrew": "withdraw", "withdrawn": "withdraw", "struck": "strike",
	"sent": "send", "told": "tell", "brought": "bring", "bought": "buy", "sold": "sell", "kept": "keep",
	"led": "lead", "fled": "flee", "spoke": "speak", "spoken": "speak", "wound": "wound",
}

// lemmaCandidates returns the possible lemmas of an upper- or lower-case
// verb form, the form itself first. Extra candidates are harmless: dyad
// matches a trigger when any of its alternatives is a lemma of the token.
func lemmaCandidates(w string) []string {
	w = strings.ToLower(strings.Trim(w, "_"))
	out := []string{w}
	add := func(s string) {
		if len(s) < 2 {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	if l, ok := irregularVerbs[w]; ok {
		add(l)
		return out
	}
	undouble := func(s string) string {
		n := len(s)
		if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeious", rune(s[n-1])) {
			return s[:n-1]
		}
		return ""
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		stem := w[:len(w)-2]
		add(stem)
		add(w[:len(w)-1])
		add(undouble(stem))
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		stem := w[:len(w)-3]
		add(stem)
		add(stem + "e")
		add(undouble(stem))
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "es") && len(w) > 4 && strings.ContainsAny(w[len(w)-3:len(w)-2], "sxzh"):
		add(w[:len(w)-2])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		add(w[:len(w)-1])
	}
	return out
}
