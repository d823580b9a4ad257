package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/graphload/graphload/internal/apoc"
	"github.com/graphload/graphload/internal/document"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/internal/pipeline"
	"github.com/graphload/graphload/internal/sink"
	"github.com/graphload/graphload/schema"
)

// extractOptions are the flags shared by commands that extract a corpus.
type extractOptions struct {
	SchemaDir string
	Format    string
	Output    string
	Workers   int
	MaxBytes  int64
	Quiet     bool
	Strict    bool
	Paths     []string
}

func (o *extractOptions) register(fs interface {
	StringVar(*string, string, string, string)
	IntVar(*int, string, int, string)
	Int64Var(*int64, string, int64, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&o.SchemaDir, "schema", "", "schema folder (ontology.yaml, lexicon.yaml, gazetteer/); default: the built-in schema")
	fs.IntVar(&o.Workers, "workers", 0, "documents extracted at once (default: all cores)")
	fs.Int64Var(&o.MaxBytes, "max-bytes", document.DefaultMaxBytes, "skip files (and JSON lines) larger than this")
	fs.BoolVar(&o.Quiet, "quiet", false, "no progress on stderr")
	fs.BoolVar(&o.Strict, "strict", false, "exit non-zero when any input was skipped")
}

func parseExtract(args []string, io *streams) (*extractOptions, error) {
	o := &extractOptions{}
	fs := newFlags("extract", io)
	o.register(fs)
	fs.StringVar(&o.Format, "format", "jsonl", "output format: jsonl (APOC JSON lines)")
	fs.StringVar(&o.Output, "output", "", "output file, or - for standard output (required)")
	fs.Usage = func() {
		fmt.Fprintln(io.Err, "usage: graphload extract [--schema DIR] [--format jsonl] --output FILE PATH...")
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	o.Paths = paths
	if o.Output == "" {
		return nil, fmt.Errorf("%w: extract needs --output FILE (or - for standard output)", errUsage)
	}
	if o.Format != "jsonl" {
		return nil, fmt.Errorf("%w: unknown --format %q (extract writes jsonl; see 'graphload export' for others)", errUsage, o.Format)
	}
	if len(o.Paths) == 0 {
		return nil, fmt.Errorf("%w: extract needs at least one PATH (a folder or files)", errUsage)
	}
	return o, nil
}

func runExtract(ctx context.Context, args []string, io *streams) error {
	o, err := parseExtract(args, io)
	if err != nil {
		return err
	}
	defer limitMemory(defaultMemoryLimit, io.Getenv)()
	g, _, err := extractCorpus(ctx, o, io, nil)
	if err != nil {
		return err
	}
	return writeGraph(o.Output, g, io)
}

// loadSchema reads the schema from dir, or the built-in one.
func loadSchema(dir string) (*ontology.Schema, error) {
	var fsys fs.FS = schema.FS
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	s, err := ontology.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return s, nil
}

// extractCorpus runs the pipeline over o.Paths with progress and a summary on stderr.
// extractCorpus extracts the corpus o names into one graph; onDoc, when not
// nil, sees each document's own graph first.
func extractCorpus(ctx context.Context, o *extractOptions, io *streams, onDoc func(*ontology.Schema, graph.DocGraph)) (*graph.Graph, *ontology.Schema, error) {
	s, err := loadSchema(o.SchemaDir)
	if err != nil {
		return nil, nil, err
	}
	p := pipeline.New(s)
	prog := newProgress(io, o.Quiet)
	skipped := 0
	opt := pipeline.Options{
		Workers:  o.Workers,
		MaxBytes: o.MaxBytes,
		OnSkip: func(sk document.Skip) {
			skipped++
			prog.clear()
			fmt.Fprintf(io.Err, "skip %s\n", sk)
		},
		OnProgress: prog.update,
	}
	if onDoc != nil {
		opt.OnDocument = func(dg graph.DocGraph) { onDoc(s, dg) }
	}
	g, st, err := p.Run(ctx, o.Paths, opt)
	prog.clear()
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(io.Err, "extracted %d documents (%d skipped, %.1f MB) into %d entities and %d relations in %s\n",
		st.Documents, st.Skipped, float64(st.Bytes)/1e6, len(g.Entities), len(g.Relations), st.Elapsed.Round(time.Millisecond))
	if st.Documents == 0 {
		return nil, nil, withCode(exitNoInput, errors.New("no document could be read"))
	}
	if o.Strict && st.Skipped > 0 {
		return nil, nil, withCode(exitSkipped, fmt.Errorf("--strict: %d inputs skipped", st.Skipped))
	}
	return g, s, nil
}

// writeGraph writes g as APOC JSON lines to path ("-": standard output),
// atomically: a failed run leaves any earlier file in place.
func writeGraph(path string, g *graph.Graph, io *streams) error {
	return sink.WriteFile(path, io.Out, func(w sink.Writer) error {
		enc := apoc.NewEncoder(w)
		if err := enc.Encode(g); err != nil {
			return err
		}
		return enc.Close()
	})
}
