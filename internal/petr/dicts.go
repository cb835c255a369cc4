package petr

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kinds of dictionary files, recognised by name: *verbs*.txt, *actors*.txt,
// *agents*.txt, *discards*.txt.
const (
	KindVerbs    = "verbs"
	KindActors   = "actors"
	KindAgents   = "agents"
	KindDiscards = "discards"
)

// FileKind returns the dictionary kind of a file name, or "".
func FileKind(path string) string {
	b := strings.ToLower(filepath.Base(path))
	for _, k := range []string{KindVerbs, KindActors, KindAgents, KindDiscards} {
		if strings.Contains(b, "."+k) || strings.HasPrefix(b, k) {
			return k
		}
	}
	return ""
}

// IsPetrarch2 reports whether a verb file name marks PETRARCH-2 syntax
// ("...verbs.2.0.txt").
func IsPetrarch2(path string) bool {
	return strings.Contains(strings.ToLower(filepath.Base(path)), ".2.0")
}

// Dicts is a set of PETRARCH dictionaries read from files.
type Dicts struct {
	Verbs    []*Verbs
	Actors   []*Actors
	Agents   []*Agents
	Discards []*Discards
	Files    map[*Verbs]string // verb file names, for headers
	Names    []string          // every file read, in order
	Warnings []Warning
}

// LoadFiles reads dictionary files; a directory stands for the
// dictionary files in it whose names FileKind recognises. Files whose kind
// cannot be told from the name are an error.
func LoadFiles(ctx context.Context, paths []string) (*Dicts, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			if FileKind(p) == "" {
				return nil, fmt.Errorf("%s: cannot tell the dictionary kind from the name (want *verbs*, *actors*, *agents* or *discards* in it)", p)
			}
			files = append(files, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var in []string
		for _, e := range ents {
			if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".txt") && FileKind(e.Name()) != "" {
				in = append(in, filepath.Join(p, e.Name()))
			}
		}
		sort.Strings(in)
		files = append(files, in...)
	}
	d := &Dicts{Files: map[*Verbs]string{}}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := d.Add(f, bytes.NewReader(b)); err != nil {
			return nil, err
		}
	}
	if len(d.Names) == 0 {
		return nil, fmt.Errorf("no PETRARCH dictionary files found in %s", strings.Join(paths, ", "))
	}
	return d, nil
}

// Add reads one dictionary of the kind its name says.
func (d *Dicts) Add(name string, r io.Reader) error {
	if d.Files == nil {
		d.Files = map[*Verbs]string{}
	}
	switch FileKind(name) {
	case KindVerbs:
		read := ReadVerbs
		if IsPetrarch2(name) {
			read = ReadVerbs2
		}
		v, err := read(name, r)
		if err != nil {
			return err
		}
		d.Verbs = append(d.Verbs, v)
		d.Files[v] = name
		d.Warnings = append(d.Warnings, v.Warnings...)
	case KindActors:
		a, err := ReadActors(name, r)
		if err != nil {
			return err
		}
		d.Actors = append(d.Actors, a)
		d.Warnings = append(d.Warnings, a.Warnings...)
	case KindAgents:
		a, err := ReadAgents(name, r)
		if err != nil {
			return err
		}
		d.Agents = append(d.Agents, a)
		d.Warnings = append(d.Warnings, a.Warnings...)
	case KindDiscards:
		x, err := ReadDiscards(name, r)
		if err != nil {
			return err
		}
		d.Discards = append(d.Discards, x)
		d.Warnings = append(d.Warnings, x.Warnings...)
	default:
		return fmt.Errorf("%s: cannot tell the dictionary kind from the name", name)
	}
	d.Names = append(d.Names, name)
	return nil
}

// AllDiscards merges the discard lists.
func (d *Dicts) AllDiscards() *Discards {
	out := &Discards{}
	for _, x := range d.Discards {
		out.Discards = append(out.Discards, x.Discards...)
	}
	return out
}

// Converted lists the files written by Convert.
type Converted struct {
	ActorFiles   []string
	PatternFiles []string
	DiscardFile  string
	Actors       ActorStats
	Verbs        VerbStats
	Warnings     []Warning
}

// Convert writes the dictionaries in dyad's formats into dir:
// petr.actors (actors and agents merged), one NAME.patterns per verb file,
// and petr.discards.
func (d *Dicts) Convert(ctx context.Context, dir string, opt VerbOptions) (*Converted, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	out := &Converted{}
	if len(d.Actors) > 0 || len(d.Agents) > 0 {
		acts := &Actors{}
		for _, a := range d.Actors {
			acts.Actors = append(acts.Actors, a.Actors...)
		}
		ags := &Agents{}
		for _, a := range d.Agents {
			ags.Agents = append(ags.Agents, a.Agents...)
		}
		var buf bytes.Buffer
		var srcs []string
		for _, n := range d.Names {
			if k := FileKind(n); k == KindActors || k == KindAgents {
				srcs = append(srcs, filepath.Base(n))
			}
		}
		st, ws, err := ConvertActors(&buf, acts, ags, strings.Join(srcs, ", "))
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, "petr.actors")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
		out.ActorFiles = append(out.ActorFiles, p)
		out.Actors = st
		out.Warnings = append(out.Warnings, ws...)
	}
	for _, v := range d.Verbs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		src := filepath.Base(d.Files[v])
		st, ws, err := ConvertVerbs(&buf, v, src, opt)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, strings.TrimSuffix(src, filepath.Ext(src))+".patterns")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
		out.PatternFiles = append(out.PatternFiles, p)
		out.Verbs = addStats(out.Verbs, st)
		out.Warnings = append(out.Warnings, ws...)
	}
	if len(d.Discards) > 0 {
		var buf bytes.Buffer
		if err := d.AllDiscards().WriteList(&buf, "PETRARCH discard lists"); err != nil {
			return nil, err
		}
		p := filepath.Join(dir, "petr.discards")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
		out.DiscardFile = p
	}
	return out, nil
}

func addStats(a, b VerbStats) VerbStats {
	a.Blocks += b.Blocks
	a.Verbs += b.Verbs
	a.Patterns += b.Patterns
	a.Written += b.Written
	a.Sets += b.Sets
	a.NullCode += b.NullCode
	a.BadCode += b.BadCode
	a.Reciprocal += b.Reciprocal
	a.NeedExt += b.NeedExt
	a.Compound += b.Compound
	a.Skipped += b.Skipped
	a.Implicit += b.Implicit
	return a
}
