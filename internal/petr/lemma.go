package petr

import "strings"

// irregularVerb maps irregular past forms that occur as PETRARCH verb
// entries to their lemma.
func irregularVerb(w string) (string, bool) {
	switch w {
	case "said", "says":
		return "say", true
	case "met":
		return "meet", true
	case "left":
		return "leave", true
	case "held":
		return "hold", true
	case "fought":
		return "fight", true
	case "sank", "sunk":
		return "sink", true
	case "shot":
		return "shoot", true
	case "sought":
		return "seek", true
	case "paid":
		return "pay", true
	case "made":
		return "make", true
	case "began", "begun":
		return "begin", true
	case "lent":
		return "lend", true
	case "drawn", "drew":
		return "draw", true
	case "won":
		return "win", true
	case "risen", "rose":
		return "rise", true
	case "found":
		return "find", true
	case "broke", "broken":
		return "break", true
	case "has", "had":
		return "have", true
	case "went", "gone":
		return "go", true
	case "gave", "given":
		return "give", true
	case "took", "taken":
		return "take", true
	case "withdrew", "withdrawn":
		return "withdraw", true
	case "struck":
		return "strike", true
	case "sent":
		return "send", true
	case "told":
		return "tell", true
	case "brought":
		return "bring", true
	case "bought":
		return "buy", true
	case "sold":
		return "sell", true
	case "kept":
		return "keep", true
	case "led":
		return "lead", true
	case "fled":
		return "flee", true
	case "spoke", "spoken":
		return "speak", true
	case "wound":
		return "wound", true
	}
	return "", false
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
	if l, ok := irregularVerb(w); ok {
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
