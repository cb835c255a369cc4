package code

import "strings"

// CAMEO codes a stated future action as an intention, not as the action:
// "X will provide aid" is 033 (express intent to provide material aid),
// "X will attack Y" is 138 (threaten to use military force), and
// "X will not meet Y" is 125 (reject a proposal to meet). intentCode maps
// the code a pattern found to the code of the intention or refusal, or
// returns the code unchanged when CAMEO has no such code.
func intentCode(code string, negated bool) string {
	if len(code) < 2 {
		return code
	}
	root := code[:2]
	if negated {
		switch root {
		case "04":
			return "125"
		case "05":
			return "120"
		case "06":
			return "121"
		case "07":
			return "122"
		case "08":
			return "124"
		}
		return code
	}
	switch root {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		if m, ok := map[string]string{"071": "0331", "072": "0332", "073": "0333", "074": "0334"}[code[:min(3, len(code))]]; ok {
			return m
		}
		return "033"
	case "08":
		if m, ok := map[string]string{"081": "0351", "082": "0352", "083": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356"}[code[:min(3, len(code))]]; ok {
			return m
		}
		return "035"
	case "16":
		if m, ok := map[string]string{"161": "1313", "162": "1311", "163": "1312"}[code[:min(3, len(code))]]; ok {
			return m
		}
		return "131"
	case "17":
		return "137"
	case "18", "20":
		return "1383"
	case "19":
		if m, ok := map[string]string{"191": "1381", "192": "1382"}[code[:min(3, len(code))]]; ok {
			return m
		}
		return "1384"
	}
	return code
}

var futureAux = map[string]bool{"will": true, "would": true, "'ll": true, "shall": true, "wo": true}

var intentVerbs = []string{"plan", "intend", "pledge", "promise", "vow", "offer", "agree", "prepare",
	"decide", "want", "seek", "aim", "hope", "expect", "propose", "threaten", "ready", "willing",
	"set", "due", "schedule", "refuse", "decline"}

// future reports whether the trigger at i states a future or intended
// action: a "will/would/shall" auxiliary, or an infinitive under a verb of
// intention ("plans to send", "is ready to host", "agreed to provide").
// It returns false for the intention verbs themselves.
func (st *sent) future(i int) bool {
	if st.s.Parsed {
		for _, c := range st.children(i) {
			if st.toks[c].Dep == "aux" && futureAux[st.low[c]] {
				return true
			}
		}
		switch st.toks[i].Dep {
		case "xcomp", "acl", "advcl", "ccomp":
			// "plans to send", "a plan to send", "ready to host"
			if h := st.toks[i].Head; h >= 0 && (st.toks[i].Dep == "xcomp" || st.hasCase(i, "to")) &&
				(st.lemmaIs(h, intentVerbs) || (st.toks[i].Dep == "xcomp" && st.future(h))) {
				return true
			}
		}
		if st.toks[i].Dep == "conj" {
			if h := st.toks[i].Head; h >= 0 && h != i {
				return st.future(h)
			}
		}
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if st.boundary(k) || st.at[k] >= 0 {
			return false
		}
		if futureAux[st.low[k]] {
			return true
		}
		if st.low[k] == "to" && k > 0 && (st.lemmaIs(k-1, intentVerbs) || strings.HasSuffix(st.low[k-1], "ing")) {
			return st.lemmaIs(k-1, intentVerbs)
		}
	}
	return false
}
