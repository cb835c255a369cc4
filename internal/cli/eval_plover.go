package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/eval/plover"
)

const evalPloverUsage = `Usage: dyad eval plover [flags] FILE

Score dyad's events against PLOVER-GSR gold records (JSON). Legacy PLOVER
names in the gold are mapped to current ones (DEMAND->REQUEST,
DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT). Each record's sentence is
coded on its own with the record's date.

Examples:
  dyad eval plover ../shared/data/plover-gsr/plover-gsr-dev.json
  dyad eval plover --json ../shared/data/plover-gsr/plover-gsr-dev.json
  dyad eval plover --misses ../shared/data/plover-gsr/plover-gsr-dev.json

Flags:
`

func runEvalPlover(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "eval plover", evalPloverUsage)
	var pf pipelineFlags
	pf.register(fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	misses := fs.Bool("misses", false, "list the records whose event type was not produced")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "dyad eval plover: give one FILE (see --help)")
		return 2
	}
	name := fs.Arg(0)
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval plover: %v\n", err)
		return 1
	}
	recs, err := plover.Read(name, f)
	f.Close()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval plover: %v\n", err)
		return 1
	}
	p, err := pf.pipeline(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval plover: %v\n", err)
		return 1
	}
	norm := func(code string) string {
		if len(code) >= 3 {
			if c, ok := p.Ontology.Country(code[:3]); ok {
				return c.ISO3
			}
			return code[:3]
		}
		return code
	}
	res, err := plover.Score(ctx, recs, p.Events, norm)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval plover: %s: %v\n", name, err)
		return 1
	}
	if *asJSON {
		return writeJSON(env, res)
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "type\tgold\tfound\taccuracy\tpredicted\t\n")
	for _, t := range res.Types {
		fmt.Fprintf(w, "%s\t%d\t%d\t%.3f\t%d\t\n", t.Type, t.Gold, t.Found, t.Accuracy, t.Predicted)
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "\nrecords %d  event_accuracy %.3f  actor_country_f1 %.3f (P %.3f R %.3f)  recipient_country_f1 %.3f (P %.3f R %.3f)  extras_per_record %.3f  no_event %d\n",
		res.Records, res.EventAccuracy, res.ActorCountryF1, res.ActorCountryP, res.ActorCountryR,
		res.RecipientCountryF1, res.RecipientCountryP, res.RecipientCountryR, res.ExtrasPerRecord, res.NoEventRecords)
	if *misses {
		fmt.Fprintln(env.Stdout)
		for _, m := range res.Misses {
			fmt.Fprintf(env.Stdout, "%s gold=%s got=[%s]\n  %s\n", m.ID, m.Gold, strings.Join(m.Got, " "), m.Text)
		}
	}
	return 0
}
