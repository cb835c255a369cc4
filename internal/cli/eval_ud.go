package cli

import (
	"context"
	"fmt"
)

// TODO(owner of this file): replace with the real command.
func runEvalUD(ctx context.Context, env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "dyad: eval_ud is not built yet")
	return 1
}
