package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/code"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/petr"
	"github.com/dyad-events/dyad/internal/pipeline"
)

const evalPetrUsage = `Usage: dyad eval petr [flags] FILE.xml

Run the PETRARCH unit-test records through dyad. The PETRARCH dictionaries
(default: PETR.Validate.{verbs,actors,agents,discards}.txt beside FILE, or
in --dicts DIR) are converted into dyad's formats in a temporary directory
and a pipeline is built with ONLY those dictionaries (no built-in actors or
patterns). Each record's text is coded as one document dated with the
record's date, after the story- and sentence-level discards are applied.
With --require-dyad (the default, as in PETRARCH's shipped configuration),
produced codings without a target are dropped before comparing. A record
passes when dyad's set of (source, target, event) equals the
expected set; actor codes compare with PETRARCH's "---" (no country)
removed, so "---GOV" = "GOV" and "---" = no target. noevents records pass
with no events; error records must be discarded (story/sentence discards)
or give no events (other errors).

Examples:
  dyad eval petr ../shared/data/petrarch/PETR.UnitTest.records.xml
  dyad eval petr --json ../shared/data/petrarch/PETR.UnitTest.records.xml
  dyad eval petr --trace ../shared/data/petrarch/PETR.UnitTest.records.xml
  dyad eval petr --verbs ../shared/data/petrarch/PETR.Validate.verbs.2.0.txt ../shared/data/petrarch/PETR.UnitTest.records.xml
  dyad eval petr --dicts my-dicts/ --keep converted/ records.xml

Flags:
`

// petrReport is the JSON output of dyad eval petr.
type petrReport struct {
	*petr.Result
	Prefixes    []petr.CategoryResult `json:"id_prefixes"`
	Dicts       []string              `json:"dictionaries"`
	TriggerExt  bool                  `json:"trigger_ext"`
	LooseGaps   bool                  `json:"loose_gaps"`
	RequireDyad bool                  `json:"require_dyad"`
	Conversion  struct {
		Actors   petr.ActorStats `json:"actors"`
		Verbs    petr.VerbStats  `json:"verbs"`
		Warnings int             `json:"warnings"`
	} `json:"conversion"`
}

func runEvalPetr(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "eval petr", evalPetrUsage)
	asJSON := fs.Bool("json", false, "print one JSON object")
	dictDir := fs.String("dicts", "", "`DIR` holding the PETRARCH dictionaries (default: FILE's directory)")
	verbs := fs.String("verbs", "", "verb dictionary `FILE` to use instead of PETR.Validate.verbs.txt (a *.2.0.* name is read as PETRARCH-2)")
	keep := fs.String("keep", "", "write the converted dictionaries into `DIR` and keep them")
	ext := fs.String("trigger-ext", "auto", "convert patterns with words before the verb with @trigger: auto, on, off")
	noModels := fs.Bool("no-models", false, "skip the tagger, parser and NER")
	implicit := fs.Bool("implicit-target", true, "also write each pattern without a target as a variant ending in \"* +\" (PETRARCH's first-actor-in-the-verb-phrase target)")
	loose := fs.Bool("loose-gaps", true, "convert PETRARCH's blank connectors between pattern words into '*' gaps")
	intent := fs.Bool("intent", false, "rewrite stated future actions as CAMEO intentions, as the built-in coder does (PETRARCH's dictionaries code intentions themselves)")
	exact := fs.Bool("exact-words", true, "match the words of PETRARCH patterns (not the verb) as written, without lemmas, as PETRARCH does")
	fileConfig := fs.Bool("file-config", true, "honour the file's <Config option=\"require_dyad\"> settings, which override --require-dyad for the records after them")
	skipActors := fs.Bool("skip-actors", true, "write PETRARCH's ^ as dyad's ^ (skip the next actor) rather than a '*' gap")
	trace := fs.Bool("trace", false, "under each failure, list the produced events with their trigger and rule")
	capGov := fs.Bool("capital-gov", true, "code a capital as its government also where it is the place (\"in Minas Tirith\"), as PETRARCH does; dyad's default codes the place as the country")
	passiveAgent := fs.Bool("passive-needs-agent", true, "read a passive without a \"by\" agent as active, its subject the source, as PETRARCH does; dyad's default makes the subject the target")
	absorb := fs.Bool("absorb", true, "drop events in the adverbial and infinitival clauses of a coded verb, as PETRARCH folds them into the verb above; dyad's default codes both")
	verbForms := fs.Bool("verb-forms", true, "match a verb only in its regular and irregular forms, as PETRARCH generates them (\"departes\" is no form of depart); dyad's default also matches through lemma candidates")
	commas := fs.Bool("commas", true, "drop comma-delimited clauses by length before coding, as PETRARCH does, with its defaults and the file's comma_* <Config> settings")
	needPhrase := fs.Bool("targetless-phrase", true, "keep an event without a target only when its verb has an object or prepositional phrase, as PETRARCH codes only verb phrases holding a noun phrase")
	requireDyad := fs.Bool("require-dyad", true, "drop produced codings without a target before comparing (PETRARCH's require_dyad option, on in its shipped config)")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "dyad eval petr: give one FILE.xml (see --help)")
		return 2
	}
	name := fs.Arg(0)
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "dyad eval petr: %v\n", err)
		return 1
	}
	f, err := os.Open(name)
	if err != nil {
		return fail(err)
	}
	recs, rwarns, err := petr.ReadRecords(name, f)
	f.Close()
	if err != nil {
		return fail(err)
	}
	for _, w := range rwarns {
		fmt.Fprintf(env.Stderr, "warning: %s\n", w)
	}
	dir := *dictDir
	if dir == "" {
		dir = filepath.Dir(name)
	}
	files, err := petrDictFiles(dir, *verbs)
	if err != nil {
		return fail(err)
	}
	d, err := petr.LoadFiles(ctx, files)
	if err != nil {
		return fail(err)
	}
	ont, err := ontology.Load()
	if err != nil {
		return fail(err)
	}
	opt, err := verbOptions(ont, *ext, *loose, *implicit, true)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval petr: %v\n", err)
		return 2
	}
	opt.ExactWords = *exact
	opt.SkipActors = *skipActors
	out := *keep
	if out == "" {
		tmp, err := os.MkdirTemp("", "dyad-petr-")
		if err != nil {
			return fail(err)
		}
		defer os.RemoveAll(tmp)
		out = tmp
	}
	conv, err := d.Convert(ctx, out, opt)
	if err != nil {
		return fail(err)
	}
	p, err := pipeline.New(ctx, pipeline.Options{ActorFiles: conv.ActorFiles, PatternFiles: conv.PatternFiles,
		NoBuiltinActors: true, NoBuiltinPatterns: true, NoModels: *noModels, CustomCodes: true, NoIntent: !*intent})
	if err != nil {
		return fail(fmt.Errorf("building the pipeline from the converted dictionaries: %w", err))
	}
	if *capGov {
		p.Coder = p.Coder.With(code.CapitalAsGovernment())
	}
	if *passiveAgent {
		p.Coder = p.Coder.With(code.PassiveNeedsAgent())
	}
	if *absorb {
		p.Coder = p.Coder.With(code.AbsorbSubordinate())
	}
	if *verbForms {
		p.Coder = p.Coder.With(code.VerbForms())
	}
	if *needPhrase {
		p.Coder = p.Coder.With(code.TargetlessNeedsPhrase())
	}
	base := p.Coder
	discards := d.AllDiscards()
	traces := map[string][]string{}
	res, err := petr.Evaluate(ctx, recs, func(ctx context.Context, rec petr.Record) (petr.Outcome, error) {
		if dc, ok := discards.Match(rec.Text); ok {
			return petr.Outcome{Discarded: dc.Level}, nil
		}
		p.Coder = base
		if *commas {
			p.Coder = base.With(code.CommaClauses(commaLimits(rec)))
		}
		doc := &dyad.Document{ID: rec.ID, Text: rec.Text, Published: rec.Date}
		evs, err := p.Events(ctx, doc)
		if err != nil {
			return petr.Outcome{}, fmt.Errorf("%s:%d: record %s: %w", name, rec.Line, rec.ID, err)
		}
		cs := eventCodings(evs)
		if *trace {
			for _, e := range evs {
				var src, tgt []string
				for _, a := range e.Actor {
					src = append(src, a.Code)
				}
				for _, a := range e.Recipient {
					tgt = append(tgt, a.Code)
				}
				traces[rec.ID] = append(traces[rec.ID], fmt.Sprintf("%s %s>%s %q: %s", e.CAMEO.Code,
					strings.Join(src, "+"), strings.Join(tgt, "+"), e.Evidence.Trigger, e.Evidence.Rule))
			}
		}
		req := *requireDyad
		if v, ok := rec.Option("require_dyad"); ok && *fileConfig {
			req = v
		}
		if req {
			kept := cs[:0]
			for _, c := range cs {
				if c.Target != "" {
					kept = append(kept, c)
				}
			}
			cs = kept
		}
		return petr.Outcome{Codings: cs}, nil
	})
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		rep := petrReport{Result: res, Dicts: files, TriggerExt: opt.TriggerExt, LooseGaps: *loose, RequireDyad: *requireDyad, Prefixes: idPrefixes(recs, res)}
		rep.Conversion.Actors, rep.Conversion.Verbs = conv.Actors, conv.Verbs
		rep.Conversion.Warnings = len(d.Warnings) + len(conv.Warnings)
		return writeJSON(env, rep)
	}
	for _, fl := range res.Failures {
		fmt.Fprintf(env.Stdout, "FAIL %s [%s] %s\n", fl.ID, fl.Category, fl.Text)
		switch {
		case fl.Error != "":
			fmt.Fprintf(env.Stdout, "  expected: discarded (%s)\n", fl.Error)
		case fl.NoEvents && len(fl.Expected) == 0:
			fmt.Fprintf(env.Stdout, "  expected: no events\n")
		default:
			fmt.Fprintf(env.Stdout, "  expected: %s\n", codingList(fl.Expected))
		}
		if fl.Discarded != "" {
			fmt.Fprintf(env.Stdout, "  produced: discarded (%s-level phrase)\n", fl.Discarded)
		} else {
			fmt.Fprintf(env.Stdout, "  produced: %s\n", codingList(fl.Produced))
		}
		for _, t := range traces[fl.ID] {
			fmt.Fprintf(env.Stdout, "    event %s\n", t)
		}
	}
	fmt.Fprintf(env.Stdout, "\n%-10s %7s %7s %9s\n", "category", "records", "passed", "pass_rate")
	for _, c := range res.Categories {
		fmt.Fprintf(env.Stdout, "%-10s %7d %7d %9.3f\n", c.Category, c.Records, c.Passed, c.PassRate)
	}
	fmt.Fprintf(env.Stdout, "%-10s %7d %7d %9.3f\n", "all", res.Records, res.Passed, res.PassRate)
	fmt.Fprintf(env.Stdout, "dictionaries: %s (@trigger extension %s; %d conversion warnings, see dyad dict convert)\n",
		strings.Join(files, ", "), onOff(opt.TriggerExt), len(d.Warnings)+len(conv.Warnings))
	return 0
}

// commaLimits are PETRARCH's comma-clause limits with the record's
// comma_* <Config> settings applied.
func commaLimits(rec petr.Record) code.CommaLimits {
	l := code.PetrarchCommas
	for name, f := range map[string]*int{"comma_min": &l.Min, "comma_max": &l.Max, "comma_bmin": &l.BMin,
		"comma_bmax": &l.BMax, "comma_emin": &l.EMin, "comma_emax": &l.EMax} {
		if v, ok := rec.Config[name]; ok {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				*f = n
			}
		}
	}
	return l
}

// petrDictFiles picks the dictionaries in dir: the PETR.Validate.* files
// when present, else every dictionary file there; verbs overrides the verb
// file.
func petrDictFiles(dir, verbs string) ([]string, error) {
	var files []string
	std := []string{"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"}
	for _, n := range std {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			files = append(files, p)
		}
	}
	if len(files) == 0 {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") && petr.FileKind(e.Name()) != "" {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	if verbs != "" {
		var kept []string
		for _, f := range files {
			if petr.FileKind(f) != petr.KindVerbs {
				kept = append(kept, f)
			}
		}
		files = append(kept, verbs)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no PETRARCH dictionaries in %s", dir)
	}
	return files, nil
}

// eventCodings flattens events into (source, target, event) triples, one
// per actor and recipient; an event without a recipient has target "".
func eventCodings(evs []dyad.Event) []petr.Coding {
	var out []petr.Coding
	for _, ev := range evs {
		for _, a := range ev.Actor {
			if len(ev.Recipient) == 0 {
				out = append(out, petr.Coding{Source: a.Code, Event: ev.CAMEO.Code})
			}
			for _, r := range ev.Recipient {
				out = append(out, petr.Coding{Source: a.Code, Target: r.Code, Event: ev.CAMEO.Code})
			}
		}
	}
	return out
}

func codingList(cs []petr.Coding) string {
	if len(cs) == 0 {
		return "(none)"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		t := c.Target
		if t == "" {
			t = "-"
		}
		parts[i] = c.Source + " " + t + " " + c.Event
	}
	return strings.Join(parts, "; ")
}

// idPrefixes groups the pass counts by the record id's prefix (COMMA,
// PASSIVE, DISCARD, ... cut across the categories).
func idPrefixes(recs []petr.Record, res *petr.Result) []petr.CategoryResult {
	failed := map[string]bool{}
	for _, f := range res.Failures {
		failed[f.ID] = true
	}
	m := map[string]*petr.CategoryResult{}
	for _, r := range recs {
		pre := r.ID
		if i := strings.IndexByte(pre, '-'); i > 0 {
			pre = pre[:i]
		}
		c := m[pre]
		if c == nil {
			c = &petr.CategoryResult{Category: pre}
			m[pre] = c
		}
		c.Records++
		if !failed[r.ID] {
			c.Passed++
		}
	}
	var out []petr.CategoryResult
	for _, c := range m {
		c.PassRate = float64(c.Passed) / float64(c.Records)
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Category < out[j].Category })
	return out
}
