// Package conllu reads Universal Dependencies treebanks in CoNLL-U format
// and the UNER IOB2 files that share their layout. It owns nothing but the
// file formats: the tagger, parser and NER trainers and the eval commands
// read their gold data through it.
package conllu

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence (multi-word token ranges and
// empty nodes are skipped; their surface form is kept in Sentence.MultiWord).
type Word struct {
	ID     int // 1-based
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 = root
	Deprel string
	Misc   string
}

// MultiWord is a multi-word token line such as "3-4 don't".
type MultiWord struct {
	First, Last int
	Form        string
}

// Sentence is one sentence with its comments.
type Sentence struct {
	ID        string // "# sent_id"
	Text      string // "# text"
	NewDoc    bool   // a "# newdoc" comment precedes it
	NewPar    bool   // a "# newpar" comment precedes it
	Words     []Word
	MultiWord []MultiWord
	Line      int // line number of the first line of the sentence
}

// Error is a format error with its position.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ReadFile reads every sentence of a CoNLL-U (or IOB2 in CoNLL-U layout) file.
func ReadFile(ctx context.Context, path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(ctx, path, f)
}

// Read parses CoNLL-U from r; name is used in errors. Columns past the
// first are optional, so the four-column IOB2 files of UNER read too:
// there the entity tag is in Lemma (column 3), see NER.
func Read(ctx context.Context, name string, r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	open := false
	lineNo := 0
	flush := func() {
		if open && len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		open = false
	}
	for sc.Scan() {
		lineNo++
		if lineNo%10000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if !open {
			open = true
			cur.Line = lineNo
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(line[1:])
			switch {
			case strings.HasPrefix(c, "sent_id"):
				cur.ID = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(c, "sent_id")), "="))
			case strings.HasPrefix(c, "text ="), strings.HasPrefix(c, "text="):
				cur.Text = strings.TrimSpace(c[strings.IndexByte(c, '=')+1:])
			case strings.HasPrefix(c, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(c, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, &Error{name, lineNo, "expected tab-separated columns"}
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node
		}
		if i := strings.IndexByte(id, '-'); i > 0 {
			a, err1 := strconv.Atoi(id[:i])
			b, err2 := strconv.Atoi(id[i+1:])
			if err1 != nil || err2 != nil {
				return nil, &Error{name, lineNo, fmt.Sprintf("bad token range %q", id)}
			}
			cur.MultiWord = append(cur.MultiWord, MultiWord{a, b, cols[1]})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, &Error{name, lineNo, fmt.Sprintf("bad word id %q", id)}
		}
		w := Word{ID: n, Form: cols[1], Head: -1}
		get := func(i int) string {
			if i < len(cols) {
				return cols[i]
			}
			return ""
		}
		w.Lemma, w.UPOS, w.XPOS, w.Feats = get(2), get(3), get(4), get(5)
		if h := get(6); h != "" && h != "_" {
			w.Head, err = strconv.Atoi(h)
			if err != nil {
				return nil, &Error{name, lineNo, fmt.Sprintf("bad head %q", h)}
			}
		}
		w.Deprel, w.Misc = get(7), get(9)
		cur.Words = append(cur.Words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// Forms returns the word forms of s.
func (s *Sentence) Forms() []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Form
	}
	return f
}

// NER returns the IOB2 entity tags of a UNER sentence (column 3).
func (s *Sentence) NER() []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Lemma
	}
	return f
}
