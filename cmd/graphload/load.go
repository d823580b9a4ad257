package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"github.com/graphload/graphload/internal/apoc"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/ontology"
)

// Connection defaults, under the names Neo4j's own tools use.
const (
	defaultURI      = "bolt://127.0.0.1:7687"
	defaultUsername = "neo4j"
	defaultDatabase = "neo4j"
)

var uriSchemes = map[string]bool{"bolt": true, "bolt+s": true, "bolt+ssc": true, "neo4j": true, "neo4j+s": true, "neo4j+ssc": true}

// loadOptions are the flags of 'graphload load'.
type loadOptions struct {
	extractOptions
	connOptions
	From      string
	BatchSize int
}

func parseLoad(args []string, io *streams) (*loadOptions, error) {
	o := &loadOptions{}
	fs := newFlags("load", io)
	o.extractOptions.register(fs)
	fs.StringVar(&o.From, "from", "", "load a graph written by 'graphload extract' (APOC JSON lines, - for standard input) instead of extracting PATHs")
	o.connOptions.register(fs, "Neo4j URI: bolt://, bolt+s://, neo4j://, neo4j+s://")
	fs.IntVar(&o.BatchSize, "batch-size", neo4jload.DefaultBatchSize, "rows written per transaction")
	fs.Usage = func() {
		fmt.Fprintln(io.Err, "usage: graphload load [flags] PATH...")
		fmt.Fprintln(io.Err, "       graphload load [flags] --from graph.jsonl")
		fmt.Fprintln(io.Err, "The password comes from NEO4J_PASSWORD or --password-file, never from the command line.")
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	o.Paths = paths
	switch {
	case o.From != "" && len(o.Paths) > 0:
		return nil, fmt.Errorf("%w: load takes PATHs to extract or --from FILE, not both", errUsage)
	case o.From == "" && len(o.Paths) == 0:
		return nil, fmt.Errorf("%w: load needs PATHs to extract (folders or files) or --from FILE", errUsage)
	case o.BatchSize <= 0:
		return nil, fmt.Errorf("%w: --batch-size must be positive", errUsage)
	}
	if err := o.connOptions.resolve(io, ""); err != nil {
		return nil, err
	}
	return o, nil
}

// checkURI accepts the driver's schemes and refuses credentials in the URI,
// without ever repeating the URI (it might hold a password).
func checkURI(uri string) error {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%w: --uri (or NEO4J_URI) is not a URI like %s", errUsage, defaultURI)
	}
	if u.User != nil {
		return fmt.Errorf("%w: --uri (or NEO4J_URI) holds credentials: put them in NEO4J_USERNAME and NEO4J_PASSWORD (or --password-file)", errUsage)
	}
	if !uriSchemes[u.Scheme] {
		return fmt.Errorf("%w: --uri scheme %q: use bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc", errUsage, u.Scheme)
	}
	return nil
}

func firstSet(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func runLoad(ctx context.Context, args []string, io *streams) error {
	o, err := parseLoad(args, io)
	if err != nil {
		return err
	}
	addr := neo4jload.Addr(o.URI)
	// Connect first: a wrong address or password fails in seconds, not
	// after a long extraction.
	drv, err := neo4jload.Open(ctx, o.config())
	if err != nil {
		return databaseError(ctx, err)
	}
	defer drv.Close(context.WithoutCancel(ctx))

	var g *graph.Graph
	var s *ontology.Schema
	if o.From != "" {
		if s, err = loadSchema(o.SchemaDir); err != nil {
			return err
		}
		if g, err = readGraph(o.From, s, io); err != nil {
			return err
		}
	} else if g, s, err = extractCorpus(ctx, &o.extractOptions, io, nil); err != nil {
		return err
	}

	prog := newLoadProgress(io, o.Quiet)
	sum, err := neo4jload.New(drv, s, neo4jload.Options{BatchSize: o.BatchSize, OnProgress: prog.update}).Load(ctx, g)
	prog.clear()
	if err != nil {
		if errors.Is(err, neo4jload.ErrInvalidGraph) {
			return err
		}
		return databaseError(ctx, fmt.Errorf("load into %s (database %s): %w", addr, o.Database, err))
	}
	nodes := sum.Entities + sum.Articles
	fmt.Fprintf(io.Err, "loaded %d entities, %d articles, %d mentions and %d relations into %s (database %s) in %s: "+
		"%d nodes and %d relationships created, %d nodes and %d relationships updated, %d properties set, %.0f relationships/s\n",
		sum.Entities, sum.Articles, sum.Mentions, sum.Relations, addr, o.Database, sum.Elapsed.Round(time.Millisecond),
		sum.NodesCreated, sum.RelationshipsCreated, nodes-sum.NodesCreated, sum.Relationships()-sum.RelationshipsCreated,
		sum.PropertiesSet, sum.RelationshipsPerSecond())
	return nil
}

// databaseError gives err the database exit status, unless the command was
// interrupted.
func databaseError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return err
	}
	return withCode(exitDatabase, err)
}

// readGraph reads a graph written by 'graphload extract' ("-": standard input).
func readGraph(path string, s *ontology.Schema, ios *streams) (*graph.Graph, error) {
	var r io.Reader = ios.In
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, withCode(exitNoInput, fmt.Errorf("--from: %w", err))
		}
		defer f.Close()
		r = f
	}
	g, err := apoc.Decode(r, s.Symmetric())
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	fmt.Fprintf(ios.Err, "read %d entities, %d articles and %d relations from %s\n", len(g.Entities), len(g.Articles), len(g.Relations), path)
	return g, nil
}

// loadProgress prints a one-line status on stderr, only when it is a terminal.
type loadProgress struct {
	w       io.Writer
	on      bool
	last    time.Time
	printed bool
}

func newLoadProgress(ios *streams, quiet bool) *loadProgress {
	return &loadProgress{w: ios.Err, on: ios.ErrIsTerm && !quiet}
}

func (p *loadProgress) update(pr neo4jload.Progress) {
	if !p.on || (time.Since(p.last) < 200*time.Millisecond && pr.Done < pr.Total) {
		return
	}
	p.last = time.Now()
	secs := max(pr.Elapsed.Seconds(), 1e-9)
	fmt.Fprintf(p.w, "\r\033[Kloading %s: %d/%d rows (%.0f%%), %.0f rows/s", pr.Stage, pr.Done, pr.Total,
		100*float64(pr.Done)/float64(max(pr.Total, 1)), float64(pr.Done)/secs)
	p.printed = true
}

func (p *loadProgress) clear() {
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
		p.printed = false
	}
}
