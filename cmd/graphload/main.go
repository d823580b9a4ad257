// Command graphload turns articles about militant networks into a knowledge
// graph: extract it to a file, load it into Neo4j, export subgraphs, and
// score extraction against gold annotations.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], systemStreams())
	stop()
	os.Exit(code)
}
