package geo

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// lexicon holds the cue word lists from data/lexicon.txt.
type lexicon struct {
	firstNames, titles, stop, locative, speech, personNouns, actorNouns, orgAfter map[string]bool
	common                                                                        map[string]bool // data/common.txt
	feature                                                                       map[string]bool // "street", "river": words that extend a place name
	govWords                                                                      map[string]bool // "Foreign", "Army": after a demonym, a state organ
}

func loadLexicon() (lexicon, error) {
	const name = "data/lexicon.txt"
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return lexicon{}, err
	}
	sets := map[string]map[string]bool{}
	var cur map[string]bool
	sc := bufio.NewScanner(bytes.NewReader(b))
	for ln := 1; sc.Scan(); ln++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '[' && t[len(t)-1] == ']' {
			cur = map[string]bool{}
			sets[t[1:len(t)-1]] = cur
			continue
		}
		if cur == nil {
			return lexicon{}, fmt.Errorf("%s:%d: words before the first section", name, ln)
		}
		for _, w := range strings.Fields(t) {
			cur[strings.ToLower(w)] = true
		}
	}
	lx := lexicon{firstNames: sets["first_names"], titles: sets["titles"], stop: sets["stop"], locative: sets["locative"],
		speech: sets["speech"], personNouns: sets["person_nouns"], actorNouns: sets["actor_nouns"], orgAfter: sets["org_after"]}
	for k, v := range map[string]map[string]bool{"first_names": lx.firstNames, "titles": lx.titles, "stop": lx.stop,
		"locative": lx.locative, "speech": lx.speech, "person_nouns": lx.personNouns, "actor_nouns": lx.actorNouns, "org_after": lx.orgAfter} {
		if len(v) == 0 {
			return lexicon{}, fmt.Errorf("%s: section [%s] missing or empty", name, k)
		}
	}
	if err := sc.Err(); err != nil {
		return lexicon{}, err
	}
	lx.feature = sets["feature"]
	lx.govWords = sets["gov_words"]
	c, err := dataFS.ReadFile("data/common.txt")
	if err != nil {
		return lexicon{}, err
	}
	lx.common = map[string]bool{}
	for _, w := range strings.Split(string(c), "\n") {
		if w != "" && w[0] != '#' {
			lx.common[w] = true
		}
	}
	return lx, nil
}
