// Package tone owns the tone of a document and of its sentences: a word
// valence lexicon (VADER's, Apache-2.0, embedded from data/lexicon.tsv)
// with negation ("not", "never", "no", "n't" within three words before)
// and intensifiers ("very", "sharply", "slightly"), scored per sentence on
// [-1, 1] and per document in the fields of GDELT's GKG V2Tone.
//
// Words inside names (tagged PROPN, or capitalised other than first in a
// sentence) do not count, so "United Nations" is not positive.
package tone

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/dyad"
)

//go:generate go run ./gen -in /work/tone-build/node_modules/vader-sentiment/vader_lexicon.txt -out data/lexicon.tsv

//go:embed data/lexicon.tsv
var lexiconTSV string

// Lexicon scores tone. It is read-only after Load and safe for
// concurrent use.
type Lexicon struct {
	val map[string]float64
}

// Load reads the embedded lexicon.
func Load() (*Lexicon, error) {
	return parse("tone/data/lexicon.tsv", lexiconTSV)
}

func parse(name, data string) (*Lexicon, error) {
	l := &Lexicon{val: make(map[string]float64, 7300)}
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		tab := strings.IndexByte(t, '\t')
		if tab <= 0 {
			return nil, fmt.Errorf("%s:%d: want word<TAB>valence", name, line)
		}
		v, err := strconv.ParseFloat(t[tab+1:], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		l.val[t[:tab]] = v
	}
	return l, nil
}

// Valence returns the lexicon valence of a lower-case word (-4..+4).
func (l *Lexicon) Valence(word string) (float64, bool) {
	v, ok := l.val[word]
	return v, ok
}

// negators flip the valence of a word up to three words after them.
var negators = map[string]bool{
	"not": true, "n't": true, "no": true, "never": true, "without": true, "nor": true, "neither": true,
	"none": true, "nobody": true, "nothing": true, "nowhere": true, "hardly": true, "barely": true,
	"scarcely": true, "cannot": true, "lack": true, "lacked": true, "lacks": true, "rarely": true,
	"seldom": true,
}

// boost scales the next sentiment word: up for intensifiers, down for
// hedges (fractions added to the absolute valence).
var boost = map[string]float64{
	"very": 0.3, "extremely": 0.3, "highly": 0.3, "deeply": 0.3, "sharply": 0.3, "strongly": 0.3,
	"severely": 0.3, "gravely": 0.3, "utterly": 0.3, "totally": 0.3, "completely": 0.3, "absolutely": 0.3,
	"entirely": 0.3, "hugely": 0.3, "enormously": 0.3, "so": 0.2, "really": 0.2, "most": 0.2, "more": 0.1,
	"particularly": 0.2, "especially": 0.2, "fiercely": 0.3, "bitterly": 0.3, "heavily": 0.3,
	"increasingly": 0.2, "seriously": 0.3, "profoundly": 0.3, "incredibly": 0.3, "immensely": 0.3,
	"slightly": -0.3, "somewhat": -0.3, "marginally": -0.3, "partly": -0.3, "relatively": -0.2,
	"fairly": -0.2, "mildly": -0.3, "less": -0.2, "little": -0.2,
}

// ignored words carry lexicon valence that news use does not ("like" as
// a preposition, "please" in "pleaded", titles).
var ignored = map[string]bool{"like": true, "please": true, "yes": true, "ok": true, "okay": true}

// negScale is how much of a negated word's valence survives, flipped.
const negScale = -0.74

// scoreTokens sums the adjusted valences of toks and counts the words
// GDELT's tone fields need.
func (l *Lexicon) scoreTokens(toks []dyad.Token) (sum float64, pos, neg, words, verbs, selfRefs int) {
	var lastNeg = -10
	mult := 0.0
	for i := range toks {
		t := &toks[i]
		f := t.Form()
		if !hasAlnum(f) {
			if f == "," || f == ";" || f == ":" || f == "." {
				lastNeg = -10
			}
			continue
		}
		words++
		lw := strings.ToLower(f)
		if t.UPOS == "VERB" {
			verbs++
		} else if t.UPOS == "" && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) {
			verbs++
		}
		if selfWords[lw] {
			selfRefs++
		}
		if negators[lw] {
			lastNeg = i
			continue
		}
		if b, ok := boost[lw]; ok {
			mult += b
			continue
		}
		v, ok := l.val[lw]
		if !ok || ignored[lw] || isName(t, i) {
			mult = 0
			continue
		}
		if mult != 0 {
			if v > 0 {
				v += mult
			} else {
				v -= mult
			}
			mult = 0
		}
		if i-lastNeg <= 3 {
			v *= negScale
		}
		sum += v
		switch {
		case v > 0:
			pos++
		case v < 0:
			neg++
		}
	}
	return
}

// selfWords are the pronouns counted by SelfGroupDensity.
var selfWords = map[string]bool{
	"i": true, "me": true, "my": true, "mine": true, "myself": true, "we": true, "us": true, "our": true,
	"ours": true, "ourselves": true,
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 {
			return true
		}
	}
	return false
}

// isName reports whether the token is part of a name.
func isName(t *dyad.Token, i int) bool {
	if t.UPOS != "" {
		return t.UPOS == "PROPN"
	}
	f := t.Form()
	return i > 0 && f[0] >= 'A' && f[0] <= 'Z'
}

// Sentence returns the tone of a sentence on [-1, 1]: the sum of its
// words' adjusted valences, normalised as VADER's compound score
// (x/sqrt(x²+15)).
func (l *Lexicon) Sentence(s *dyad.Sentence) float64 {
	if l == nil || s == nil {
		return 0
	}
	sum, _, _, _, _, _ := l.scoreTokens(s.Tokens)
	return round(sum/math.Sqrt(sum*sum+15), 4)
}

// Document returns the GDELT-style tone of a document over all its
// sentences (headline included): Positive and Negative are the
// percentages of words whose adjusted valence is positive / negative,
// Tone = Positive − Negative, Polarity = Positive + Negative,
// ActivityDensity the percentage of words that are verbs,
// SelfGroupDensity the percentage of words that are first-person
// pronouns, WordCount the number of words (tokens with a letter or digit).
func (l *Lexicon) Document(doc *dyad.Document) dyad.Tone {
	var out dyad.Tone
	if l == nil || doc == nil {
		return out
	}
	var pos, neg, words, verbs, self int
	for i := range doc.Sentences {
		_, p, n, w, v, s := l.scoreTokens(doc.Sentences[i].Tokens)
		pos += p
		neg += n
		words += w
		verbs += v
		self += s
	}
	out.WordCount = words
	if words == 0 {
		return out
	}
	pc := func(k int) float64 { return round(100*float64(k)/float64(words), 4) }
	out.Positive, out.Negative = pc(pos), pc(neg)
	out.Tone = round(out.Positive-out.Negative, 4)
	out.Polarity = round(out.Positive+out.Negative, 4)
	out.ActivityDensity = pc(verbs)
	out.SelfGroupDensity = pc(self)
	return out
}

func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}
