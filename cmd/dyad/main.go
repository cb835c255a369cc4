// Command dyad turns news reports into coded political event data.
// It only wires: all behaviour lives in internal/.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/dyad-events/dyad/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
