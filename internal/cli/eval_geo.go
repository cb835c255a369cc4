package cli

import (
	"context"
	"fmt"
)

// TODO(owner of this file): replace with the real command.
func runEvalGeo(ctx context.Context, env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "dyad: eval_geo is not built yet")
	return 1
}
