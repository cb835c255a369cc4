package cli

import (
	"context"
	"fmt"
)

// TODO(owner of this file): replace with the real command.
func runEvalPetr(ctx context.Context, env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "dyad: eval_petr is not built yet")
	return 1
}
