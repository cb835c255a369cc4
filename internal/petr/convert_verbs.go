package petr

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// VerbOptions control the conversion of a verb dictionary.
type VerbOptions struct {
	// ValidCode reports whether the target engine accepts an event code;
	// patterns with other codes are dropped with a warning. nil accepts
	// every code of 2-4 digits.
	ValidCode func(string) bool
	// TriggerExt emits patterns with elements before the verb using dyad's
	// `@trigger` extension. Without it such patterns are dropped with a
	// warning.
	TriggerExt bool
	// LooseGaps writes a PETRARCH blank connector between pattern words
	// (other words may come between) as dyad's '*' gap; without it, words
	// are consecutive apart from the determiners, adjectives, adverbs and
	// numbers dyad skips on its own.
	LooseGaps bool
	// ImplicitTarget also writes, for each pattern without a target slot,
	// a variant ending in "* * +": PETRARCH takes the first actor of the
	// verb phrase as the target when a pattern names none; dyad only looks
	// at the object and a few prepositions. The variant is more specific,
	// so it wins when an actor follows in the clause.
	ImplicitTarget bool
	// ExactWords writes the words of patterns (not the verb) as "=word":
	// PETRARCH matches them as written, without lemmatising nouns
	// ("* EFFORT" does not match "efforts").
	ExactWords bool
	// SkipActors writes PETRARCH's ^ (skip a noun phrase) as dyad's ^,
	// which skips the next actor, instead of a '*' gap.
	SkipActors bool
	// ImplicitReach is how many '*' gaps (0-6 tokens each) the
	// implicit-target variant puts before its '+' (default 2: up to 12
	// tokens, never across a clause boundary); PETRARCH has no distance
	// limit inside the verb phrase.
	ImplicitReach int
	// CodeMap replaces PETRARCH codes before they are checked (e.g. to
	// carry non-CAMEO codes through placeholder codes in a diagnostic run).
	CodeMap map[string]string
	// MaxExpansions caps the patterns one PETRARCH pattern may expand into
	// through multi-word synset members (default 64).
	MaxExpansions int
}

// VerbStats counts what a verb conversion did.
type VerbStats struct {
	Blocks, Verbs, Patterns int // read
	Written                 int // dyad patterns written
	Sets                    int // dyad synonym sets written
	NullCode                int // PETRARCH patterns/verbs with the null code [---], not expressible
	BadCode                 int // dropped: code not accepted (non-CAMEO, letters, "?")
	Reciprocal              int // "A:B" codes: written with A, the B event is lost
	NeedExt                 int // dropped: words before the verb and TriggerExt off
	Compound                int // '%' converted (~sym before the verb, '+' after)
	Skipped                 int // other PETRARCH patterns not written
	Implicit                int // "* +" implicit-target variants written (ImplicitTarget)
}

// ConvertVerbs writes v as a dyad verb-pattern file (docs/PATTERNS.md).
// source names the input in the file's header comment.
func ConvertVerbs(w io.Writer, v *Verbs, source string, opt VerbOptions) (VerbStats, []Warning, error) {
	var st VerbStats
	var warns []Warning
	if opt.MaxExpansions <= 0 {
		opt.MaxExpansions = 64
	}
	if opt.ImplicitReach <= 0 {
		opt.ImplicitReach = 2
	}
	valid := opt.ValidCode
	if valid == nil {
		valid = func(c string) bool {
			// 2-4 digits, or PETRARCH's letter sub-codes such as 174K.
			if n := len(c); n > 2 && c[n-1] >= 'A' && c[n-1] <= 'Z' {
				c = c[:n-1]
			}
			return len(c) >= 2 && len(c) <= 4 && allDigits(c)
		}
	}
	warn := func(line int, format string, a ...any) {
		warns = append(warns, Warning{source, line, fmt.Sprintf(format, a...)})
	}
	// Synonym sets: flattened; single-word members become a dyad set,
	// multi-word members are expanded into separate patterns.
	flat := map[string][][]string{}
	for _, s := range v.Synsets {
		var members [][]string
		var expand func(ms [][]string, depth int)
		expand = func(ms [][]string, depth int) {
			for _, m := range ms {
				if len(m) == 1 && strings.HasPrefix(m[0], "&") && depth < 8 {
					if sub, ok := flat[m[0]]; ok {
						expand(sub, depth+1)
						continue
					}
				}
				lw := make([]string, 0, len(m))
				ok := true
				for _, x := range m {
					if strings.HasPrefix(x, "&") || !isPetrWord(x) || strings.Contains(x, ",") {
						ok = false
						break
					}
					lw = append(lw, strings.ToLower(x))
				}
				if !ok {
					warn(s.Line, "synset %s: member %s mixes words and a synset or has characters dyad patterns cannot hold; skipped", s.Name, strings.Join(m, " "))
					continue
				}
				members = append(members, lw)
			}
		}
		expand(s.Members, 0)
		flat[s.Name] = members
	}
	setName := func(n string) string { return "&" + strings.ReplaceAll(strings.TrimPrefix(n, "&"), "-", "_") }
	var body strings.Builder
	usedSets := map[string]bool{}

	// alternatives of one PETRARCH element: each alternative is a list of
	// dyad pattern tokens.
	alts := func(e Elem, before bool, sym *bool) [][]string {
		switch e.Kind {
		case ElWord:
			if opt.ExactWords {
				return [][]string{{"=" + strings.ToLower(e.Text)}}
			}
			return [][]string{{strings.ToLower(e.Text)}}
		case ElTarget:
			return [][]string{{"+"}}
		case ElSource:
			return [][]string{{"$"}}
		case ElSkip:
			if opt.SkipActors {
				return [][]string{{"^"}}
			}
			return [][]string{{"*"}}
		case ElCompound:
			if before {
				*sym = true
				return [][]string{{}}
			}
			return [][]string{{"+"}}
		case ElSynset:
			ms := flat[e.Text]
			var out [][]string
			single := 0
			for _, m := range ms {
				if len(m) == 1 {
					single++
				} else {
					out = append(out, m)
				}
			}
			if single > 0 {
				usedSets[e.Text] = true
				n := setName(e.Text)
				if opt.ExactWords {
					n = "=" + n
				}
				out = append([][]string{{n}}, out...)
			}
			return out
		}
		return nil
	}
	product := func(lists [][][]string) ([][]string, bool) {
		res := [][]string{{}}
		for _, l := range lists {
			var next [][]string
			for _, r := range res {
				for _, a := range l {
					x := append(append([]string(nil), r...), a...)
					next = append(next, x)
					if len(next) > opt.MaxExpansions {
						return nil, false
					}
				}
			}
			res = next
		}
		return res, true
	}
	// tighten marks the first token of each alternative of an element
	// joined to the one before it by '_' (PETRARCH's "consecutive"); the
	// mark becomes a dyad "a_b" join when the pattern is written.
	tighten := func(l [][]string, e Elem) [][]string {
		if !opt.LooseGaps || !e.Tight {
			return l
		}
		out := make([][]string, len(l))
		for i, a := range l {
			out[i] = append([]string(nil), a...)
			if len(a) > 0 && isJoinable(a[0]) {
				out[i][0] = "_" + a[0]
			}
		}
		return out
	}
	emit := func(code string, pre, post []string, trig string, sym bool) {
		var parts []string
		parts = append(parts, code)
		parts = append(parts, pre...)
		if len(pre) > 0 {
			parts = append(parts, "@"+trig)
		} else {
			parts = append(parts, trig)
		}
		parts = append(parts, post...)
		if sym {
			parts = append(parts, "~sym")
		}
		body.WriteString(joinPattern(parts))
		body.WriteByte('\n')
		st.Written++
		if !opt.ImplicitTarget {
			return
		}
		for _, x := range append(append([]string(nil), pre...), post...) {
			if x == "+" {
				return
			}
		}
		parts = append([]string{code}, parts[1:len(parts)-btoi(sym)]...)
		for k := 0; k < opt.ImplicitReach; k++ {
			parts = append(parts, "*")
		}
		parts = append(parts, "+")
		if sym {
			parts = append(parts, "~sym")
		}
		body.WriteString(joinPattern(parts))
		body.WriteByte('\n')
		st.Written++
		st.Implicit++
	}
	// codeOK resolves a PETRARCH code into a dyad code, or "" (with a
	// warning) when the pattern cannot be written.
	codeOK := func(code string, line int, what string) string {
		if code == "---" {
			st.NullCode++
			warn(line, "%s has the null code [---] (\"no event here\"); dyad patterns cannot block coding, so it is not written", what)
			return ""
		}
		if i := strings.IndexByte(code, ':'); i >= 0 {
			// dyad patterns carry reciprocal codes as CODE:REVERSE.
			st.Reciprocal++
			fwd, rev := code[:i], code[i+1:]
			if m, ok := opt.CodeMap[fwd]; ok {
				fwd = m
			}
			if m, ok := opt.CodeMap[rev]; ok {
				rev = m
			}
			if !valid(fwd) || !valid(rev) {
				st.BadCode++
				warn(line, "%s has code [%s], which is not a pair of event codes dyad accepts; not written", what, code)
				return ""
			}
			return fwd + ":" + rev
		}
		if m, ok := opt.CodeMap[code]; ok {
			code = m
		}
		if !valid(code) {
			st.BadCode++
			warn(line, "%s has code [%s], which is not a CAMEO event code dyad accepts; not written", what, code)
			return ""
		}
		return code
	}
	// The verb heads of each block: a block for an inflected form whose
	// lemma has a block of its own (PETRARCH's MET [031:032] beside MEET
	// [031:031]) is written for that form only.
	headBlock := map[string]int{}
	for bi, b := range v.Blocks {
		for _, vb := range b.Verbs {
			h := strings.ToLower(vb.Words[vb.Head])
			if _, ok := headBlock[h]; !ok {
				headBlock[h] = bi
			}
		}
	}
	formOnly := func(bi int, head string) bool {
		for _, c := range lemmaCandidates(head)[1:] {
			if o, ok := headBlock[c]; ok && o != bi {
				return true
			}
		}
		return false
	}
	for bi, b := range v.Blocks {
		st.Blocks++
		st.Patterns += len(b.Patterns)
		if len(b.Verbs) == 0 {
			continue
		}
		fmt.Fprintf(&body, "\n# --- %s [%s] (%s:%d)\n", b.Name, b.Code, source, b.Line)
		for _, vb := range b.Verbs {
			st.Verbs++
			head := vb.Words[vb.Head]
			cands := lemmaCandidates(head)
			if formOnly(bi, head) {
				cands = cands[:1]
			}
			for _, f := range vb.Forms {
				if vb.Head < len(f) {
					for _, c := range lemmaCandidates(f[vb.Head]) {
						cands = appendUniq(cands, c)
					}
				}
			}
			trig := cands[0]
			if len(cands) > 1 {
				trig = "{" + strings.Join(cands, "|") + "}"
			}
			var mwPre, mwPost []string
			for k, x := range vb.Words {
				switch {
				case k < vb.Head:
					mwPre = append(mwPre, strings.ToLower(x))
				case k > vb.Head:
					mwPost = append(mwPost, strings.ToLower(x))
				}
			}
			code := vb.Code
			if code == "" {
				code = b.Code
			}
			what := fmt.Sprintf("verb %s", strings.Join(vb.Words, "_"))
			if c := codeOK(code, vb.Line, what); c != "" {
				if len(mwPre) > 0 && !opt.TriggerExt {
					st.NeedExt++
					warn(vb.Line, "%s has words before the verb; needs the @trigger extension, not written", what)
				} else {
					emit(c, mwPre, mwPost, trig, symCode(code))
				}
			}
			for _, p := range b.Patterns {
				c := codeOK(p.Code, p.Line, "pattern "+strings.TrimSpace(p.Raw))
				if c == "" {
					continue
				}
				sym := symCode(p.Code)
				var preLists, postLists [][][]string
				gap := func(l [][]string, front bool) [][]string {
					out := make([][]string, len(l))
					for i, a := range l {
						if front {
							out[i] = append([]string{"*"}, a...)
						} else {
							out[i] = append(append([]string(nil), a...), "*")
						}
					}
					return out
				}
				for k, e := range p.Before {
					l := alts(e, true, &sym)
					if k > 0 && p.Before[k-1].Kind != ElCompound {
						l = tighten(l, e)
					}
					if opt.LooseGaps && k > 0 && !e.Tight && e.Kind != ElCompound && p.Before[k-1].Kind != ElCompound {
						l = gap(l, true)
					}
					preLists = append(preLists, l)
				}
				if opt.LooseGaps && len(p.Before) > 0 && !p.VerbTight && len(mwPre) == 0 && p.Before[len(p.Before)-1].Kind != ElCompound {
					preLists[len(preLists)-1] = gap(preLists[len(preLists)-1], false)
				}
				for _, x := range mwPre {
					preLists = append(preLists, [][]string{{x}})
				}
				for _, x := range mwPost {
					postLists = append(postLists, [][]string{{x}})
				}
				for k, e := range p.After {
					l := alts(e, false, &sym)
					if k > 0 || len(mwPost) > 0 {
						// (a first element joined to the verb itself is
						// left loose: the verb may carry particles)
						l = tighten(l, e)
					}
					if opt.LooseGaps && !e.Tight && (k > 0 || len(mwPost) == 0) {
						l = gap(l, true)
					}
					postLists = append(postLists, l)
				}
				if sym {
					st.Compound++
				}
				for _, e := range p.After {
					if e.Kind == ElCompound {
						st.Compound++
					}
				}
				pres, ok1 := product(preLists)
				posts, ok2 := product(postLists)
				if !ok1 || !ok2 || len(pres)*len(posts) > opt.MaxExpansions {
					st.Skipped++
					warn(p.Line, "pattern %s expands into more than %d dyad patterns; not written", strings.TrimSpace(p.Raw), opt.MaxExpansions)
					continue
				}
				for _, pre := range pres {
					if len(pre) > 0 && !opt.TriggerExt {
						st.NeedExt++
						warn(p.Line, "pattern %s has words before the verb; needs the @trigger extension, not written", strings.TrimSpace(p.Raw))
						break
					}
					for _, post := range posts {
						emit(c, pre, post, trig, sym)
					}
				}
			}
		}
	}
	// Header and sets.
	var head strings.Builder
	fmt.Fprintf(&head, "# dyad verb patterns converted from %s (PETRARCH verb dictionary).\n", source)
	head.WriteString("# Triggers list the verb's possible lemmas; multi-word synset members are expanded into separate patterns.\n")
	names := make([]string, 0, len(usedSets))
	for n := range usedSets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var ws []string
		for _, m := range flat[n] {
			if len(m) == 1 {
				ws = append(ws, m[0])
			}
		}
		fmt.Fprintf(&head, "%s = %s\n", setName(n), strings.Join(ws, " | "))
		st.Sets++
	}
	if _, err := io.WriteString(w, head.String()+body.String()); err != nil {
		return st, warns, err
	}
	return st, warns, nil
}

// isJoinable reports whether a pattern token can take part in an "a_b"
// join: a word, {a|b} or &SET.
func isJoinable(t string) bool {
	return t != "" && t != "*" && t != "+" && t != "$" && !strings.HasPrefix(t, "~")
}

// joinPattern writes pattern tokens separated by blanks; a token marked
// with a leading '_' is joined to the one before it when that one can be
// joined, else written loose.
func joinPattern(parts []string) string {
	var b strings.Builder
	prev := ""
	for i, t := range parts {
		if strings.HasPrefix(t, "_") && len(t) > 1 {
			t = t[1:]
			if i > 0 && isJoinable(strings.TrimPrefix(prev, "@")) {
				b.WriteByte('_')
				b.WriteString(t)
				prev = t
				continue
			}
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		prev = t
	}
	return b.String()
}

func appendUniq(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// symCode reports a reciprocal code "A:A": the same event both ways, which
// dyad writes with ~sym.
func symCode(code string) bool {
	i := strings.IndexByte(code, ':')
	return i > 0 && code[:i] == code[i+1:]
}

// Codes returns the event codes of v's verbs and patterns as written,
// reciprocal codes split, without the null code.
func (v *Verbs) Codes() []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		for _, x := range strings.Split(c, ":") {
			if x != "" && x != "---" && !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	for _, b := range v.Blocks {
		add(b.Code)
		for _, vb := range b.Verbs {
			add(vb.Code)
		}
		for _, p := range b.Patterns {
			add(p.Code)
		}
	}
	sort.Strings(out)
	return out
}
