package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad/internal/code"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/petr"
)

const dictHelp = `Usage: dyad dict SUBCOMMAND [flags] [args]

Work with event-coding dictionaries from other coders. SUBCOMMAND is:
  convert   convert PETRARCH/TABARI dictionaries into dyad's formats
            dyad dict convert --out petr-dyad ../shared/data/petrarch/
`

const dictConvertUsage = `Usage: dyad dict convert [flags] DIR|FILE...

Convert PETRARCH/TABARI dictionaries into dyad's formats. The kind of each
file is told by its name: *verbs*, *actors*, *agents*, *discards* (a
directory stands for the *.txt dictionaries in it; a verbs file named
*.2.0.* is read in PETRARCH-2 syntax). Writes into --out:
  petr.actors       actors and agents (docs/ACTORS.md), for --actors
  NAME.patterns     one verb-pattern file per verbs file (docs/PATTERNS.md), for --patterns
  petr.discards     the discard list, one "LEVEL<TAB>PHRASE" a line
Everything the conversion drops or approximates is listed on stderr with
file:line (use --quiet for the counts only).

Examples:
  dyad dict convert --out petr-dyad ../shared/data/petrarch/PETR.Validate.verbs.txt \
      ../shared/data/petrarch/PETR.Validate.actors.txt ../shared/data/petrarch/PETR.Validate.agents.txt
  dyad dict convert --out petr-dyad --trigger-ext off ../shared/data/petrarch/PETR.Validate.verbs.txt
  dyad code --actors petr-dyad/petr.actors --patterns petr-dyad/PETR.Validate.verbs.patterns --custom-codes article.txt
  dyad code --dicts ../shared/data/petrarch/ article.txt    (converts at start, discards included)

Flags:
`

func runDict(ctx context.Context, env *Env, args []string) int {
	return subcommands(ctx, env, "dict", args, map[string]func(context.Context, *Env, []string) int{
		"convert": runDictConvert,
	}, dictHelp)
}

// triggerExtSupported reports whether dyad's pattern parser accepts the
// `@trigger` extension (words before the trigger).
func triggerExtSupported() bool {
	_, err := code.ParsePatterns("probe", strings.NewReader("010 said @tell\n"), nil)
	return err == nil
}

// verbOptions resolves --trigger-ext (auto, on, off) into conversion options
// checking codes against the ontology.
func verbOptions(ont *ontology.Ontology, ext string, loose, implicit, custom bool) (petr.VerbOptions, error) {
	opt := petr.VerbOptions{LooseGaps: loose, ImplicitTarget: implicit}
	if !custom {
		opt.ValidCode = func(c string) bool { _, ok := ont.Event(c); return ok }
	}
	switch ext {
	case "auto":
		opt.TriggerExt = triggerExtSupported()
	case "on":
		opt.TriggerExt = true
	case "off":
	default:
		return opt, fmt.Errorf("--trigger-ext %q: want auto, on or off", ext)
	}
	return opt, nil
}

func runDictConvert(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "dict convert", dictConvertUsage)
	out := fs.String("out", "petr-dyad", "output `DIR` (created if missing)")
	ext := fs.String("trigger-ext", "auto", "write patterns with words before the verb using @trigger: auto (if the engine supports it), on, off")
	quiet := fs.Bool("quiet", false, "print only the summary, not each warning")
	implicit := fs.Bool("implicit-target", true, "also write each pattern without a target as a variant ending in \"* +\" (PETRARCH's first-actor-in-the-verb-phrase target)")
	loose := fs.Bool("loose-gaps", true, "write PETRARCH's blank connectors between pattern words as '*' gaps (other words may come between)")
	skipActors := fs.Bool("skip-actors", false, "write PETRARCH's ^ (skip a noun phrase) as dyad's ^ rather than a '*' gap")
	exact := fs.Bool("exact-words", false, "write the words of patterns (not the verb) as =word, matched as written without lemmas, as PETRARCH does")
	cameoOnly := fs.Bool("cameo-only", false, "drop patterns whose event code is not a CAMEO code (by default they are kept; code with them using dyad code --custom-codes)")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "dyad dict convert: give dictionary files or directories (see --help)")
		return 2
	}
	ont, err := ontology.Load()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad dict convert: %v\n", err)
		return 1
	}
	opt, err := verbOptions(ont, *ext, *loose, *implicit, !*cameoOnly)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad dict convert: %v\n", err)
		return 2
	}
	opt.ExactWords = *exact
	opt.SkipActors = *skipActors
	d, err := petr.LoadFiles(ctx, fs.Args())
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad dict convert: %v\n", err)
		return 1
	}
	conv, err := d.Convert(ctx, *out, opt)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad dict convert: %v\n", err)
		return 1
	}
	warns := append(append([]petr.Warning(nil), d.Warnings...), conv.Warnings...)
	if !*quiet {
		for _, w := range warns {
			fmt.Fprintf(env.Stderr, "warning: %s\n", w)
		}
	}
	for _, f := range conv.ActorFiles {
		fmt.Fprintf(env.Stdout, "wrote %s\n", filepath.ToSlash(f))
	}
	for _, f := range conv.PatternFiles {
		fmt.Fprintf(env.Stdout, "wrote %s\n", filepath.ToSlash(f))
	}
	if conv.DiscardFile != "" {
		fmt.Fprintf(env.Stdout, "wrote %s\n", filepath.ToSlash(conv.DiscardFile))
	}
	printConvSummary(env, conv, len(warns), opt.TriggerExt)
	return 0
}

func printConvSummary(env *Env, conv *petr.Converted, warnings int, ext bool) {
	a, v := conv.Actors, conv.Verbs
	fmt.Fprintf(env.Stdout, "actors: %d read -> %d country, %d igo/org, %d person entries, %d institutions; %d null actors dropped, %d multi-code actors (org entries with also codes), %d names with blank connectors\n",
		a.Actors, a.Countries, a.IGOs, a.Persons, a.Insts, a.NullActors, a.MultiCode, a.LooseNames)
	fmt.Fprintf(env.Stdout, "agents: %d read -> %d agent entries; %d prefix (CODE~) agents written as prefix words\n", a.Agents, a.AgentEntries, a.PrefixAgents)
	fmt.Fprintf(env.Stdout, "verbs: %d blocks, %d verbs, %d patterns read -> %d dyad patterns, %d sets (@trigger extension %s); dropped: %d null-code, %d non-CAMEO code, %d need @trigger, %d other; %d reciprocal codes written as CODE:REVERSE\n",
		v.Blocks, v.Verbs, v.Patterns, v.Written, v.Sets, onOff(ext), v.NullCode, v.BadCode, v.NeedExt, v.Skipped, v.Reciprocal)
	fmt.Fprintf(env.Stdout, "%d warnings\n", warnings)
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
