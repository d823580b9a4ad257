package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// streams is where a command reads and writes; tests use buffers.
type streams struct {
	In        io.Reader
	Out       io.Writer
	Err       io.Writer
	ErrIsTerm bool
	Getenv    func(string) string
}

func systemStreams() *streams {
	return &streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrIsTerm: term.IsTerminal(int(os.Stderr.Fd())), Getenv: os.Getenv}
}

// testStreams returns streams over buffers and an environment of env.
func testStreams(env map[string]string) (*streams, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &streams{In: &bytes.Buffer{}, Out: &out, Err: &errb, Getenv: func(k string) string { return env[k] }}, &out, &errb
}

// Exit codes: one table for every command.
const (
	exitOK       = 0
	exitError    = 1 // the command ran and failed
	exitUsage    = 2 // the command line is wrong
	exitNoInput  = 3 // nothing could be read
	exitSkipped  = 4 // --strict and some input was skipped
	exitDatabase = 5 // Neo4j unreachable, refused credentials, or failed
)

// errUsage marks errors in the command line.
var errUsage = errors.New("usage")

type command struct {
	name  string
	short string
	run   func(ctx context.Context, args []string, io *streams) error
}

func commands() []command {
	return []command{
		{"extract", "extract the graph of a corpus to a file", runExtract},
		{"load", "extract (or read) a graph and load it into Neo4j", runLoad},
		{"export", "export a subgraph for a briefing", runExport},
		{"eval", "score extraction against gold annotations", runEval},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: graphload <command> [flags] [PATH...]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'graphload <command> -h' for a command's flags.")
}

func run(ctx context.Context, args []string, io *streams) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(io.Err)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], io)
		return exitCode(err, io)
	}
	fmt.Fprintf(io.Err, "graphload: unknown command %q\n", args[0])
	usage(io.Err)
	return exitUsage
}

// exitCode reports err and maps it to the exit status.
func exitCode(err error, io *streams) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintln(io.Err, "graphload:", err)
	var coded interface{ ExitCode() int }
	switch {
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.As(err, &coded):
		return coded.ExitCode()
	}
	return exitError
}

// codedError carries an exit status.
type codedError struct {
	code int
	err  error
}

func (e *codedError) Error() string { return e.err.Error() }
func (e *codedError) Unwrap() error { return e.err }
func (e *codedError) ExitCode() int { return e.code }

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &codedError{code: code, err: err}
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, io *streams) *flag.FlagSet {
	fs := flag.NewFlagSet("graphload "+name, flag.ContinueOnError)
	fs.SetOutput(io.Err)
	return fs
}

// parseFlags parses args, allowing flags after positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
