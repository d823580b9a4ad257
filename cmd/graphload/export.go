package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/export"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jread"
	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/internal/sink"
)

// exportOptions are the flags of 'graphload export'.
type exportOptions struct {
	SchemaDir string
	From      string
	Selection export.Selection
	Format    string
	Output    string
	Quiet     bool

	connOptions
}

func parseExport(args []string, io *streams) (*exportOptions, error) {
	o := &exportOptions{}
	fs := newFlags("export", io)
	var types, labels string
	sel := &o.Selection
	fs.StringVar(&o.SchemaDir, "schema", "", "schema folder (ontology.yaml, ...); default: the built-in schema")
	fs.StringVar(&o.From, "from", "", "read the graph from a file written by 'graphload extract' (- for standard input) instead of Neo4j")
	fs.StringVar(&sel.Around, "around", "", "the focus: a name, an alias or a key (case, hyphens and accents do not count)")
	fs.IntVar(&sel.Hops, "hops", 1, "how many relations away from --around to go")
	fs.StringVar(&types, "types", "", "only these relation types, comma-separated (e.g. ALLIED_WITH,OPERATES_IN)")
	fs.StringVar(&labels, "labels", "", "only entities with these labels, comma-separated (e.g. Person,Organization); the focus is always kept")
	fs.StringVar(&sel.Since, "since", "", "only relations seen in articles dated on or after YYYY-MM-DD (undated relations are left out)")
	fs.StringVar(&sel.Until, "until", "", "only relations seen in articles dated on or before YYYY-MM-DD (undated relations are left out)")
	fs.IntVar(&sel.MinSources, "min-sources", 0, "only relations backed by at least this many articles")
	fs.IntVar(&sel.Limit, "limit", 0, "at most this many entities: the focus, then by degree, then name (0: no limit)")
	fs.StringVar(&o.Format, "format", "", "output format: "+strings.Join(export.Formats, ", ")+" (default: from the --output extension, else jsonl)")
	fs.StringVar(&o.Output, "output", "", "output file, or - for standard output (required); csv: a folder, or a .zip file")
	fs.BoolVar(&o.Quiet, "quiet", false, "no progress on stderr")
	o.connOptions.register(fs, "Neo4j URI, when not --from")
	fs.Usage = func() {
		fmt.Fprintln(io.Err, "usage: graphload export [--around NAME [--hops N]] [filters] --format FORMAT --output FILE [--from graph.jsonl]")
		fmt.Fprintln(io.Err, "Reads the graph from Neo4j (as 'graphload load' connects) or, with --from, from a file written by 'graphload extract'.")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(pos) > 0:
		return nil, fmt.Errorf("%w: export takes no PATH arguments (got %q); use --from FILE or Neo4j", errUsage, pos[0])
	case o.Output == "":
		return nil, fmt.Errorf("%w: export needs --output FILE (or - for standard output)", errUsage)
	case set["hops"] && sel.Around == "":
		return nil, fmt.Errorf("%w: --hops needs --around NAME", errUsage)
	}
	if sel.Around == "" {
		sel.Hops = 0
	}
	sel.Types = splitList(types)
	sel.Labels = splitList(labels)
	if o.Format == "" {
		o.Format = formatFromExt(o.Output)
	}
	if _, err := export.NewEncoder(o.Format, io.Out); err != nil {
		return nil, fmt.Errorf("%w: --format: %v", errUsage, err)
	}
	if err := sel.Check(); err != nil {
		return nil, fmt.Errorf("%w: %s", errUsage, strings.TrimPrefix(err.Error(), export.ErrSelection.Error()+": "))
	}
	if o.From != "" {
		if set["uri"] || set["username"] || set["password-file"] || set["database"] {
			return nil, fmt.Errorf("%w: --from reads a file: the Neo4j flags (--uri, --username, --password-file, --database) do not apply", errUsage)
		}
		return o, nil
	}
	if err := o.connOptions.resolve(io, " (or read a file with --from)"); err != nil {
		return nil, err
	}
	return o, nil
}

// formatFromExt guesses the format from an output name: graph.graphml, brief.md, ...
func formatFromExt(out string) string {
	switch strings.ToLower(filepath.Ext(out)) {
	case ".graphml":
		return "graphml"
	case ".cypher", ".cql":
		return "cypher"
	case ".zip", ".csv":
		return "csv"
	case ".dot", ".gv":
		return "dot"
	case ".svg":
		return "svg"
	case ".md":
		return "md"
	case ".html", ".htm":
		return "html"
	}
	return "jsonl"
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// checkNames refuses types and labels the schema does not know.
func checkNames(sel export.Selection, s *ontology.Schema) error {
	for _, t := range sel.Types {
		if !s.IsRelation(t) {
			return fmt.Errorf("%w: --types: %q is not a relation type of the schema (%s)", errUsage, t, strings.Join(relationTypes(s), ", "))
		}
	}
	for _, l := range sel.Labels {
		if !s.IsLabel(l) {
			return fmt.Errorf("%w: --labels: %q is not an entity label of the schema (%s)", errUsage, l, strings.Join(s.Labels(), ", "))
		}
	}
	return nil
}

func relationTypes(s *ontology.Schema) []string {
	var out []string
	for _, r := range s.Ontology.Relations {
		out = append(out, r.Type)
	}
	sort.Strings(out)
	return out
}

func runExport(ctx context.Context, args []string, io *streams) error {
	o, err := parseExport(args, io)
	if err != nil {
		return err
	}
	s, err := loadSchema(o.SchemaDir)
	if err != nil {
		return err
	}
	if err := checkNames(o.Selection, s); err != nil {
		return err
	}
	var g *graph.Graph
	source := o.From
	if o.From != "" {
		if g, err = readGraph(o.From, s, io); err != nil {
			return err
		}
	} else {
		source = neo4jload.Addr(o.URI) + " (database " + o.Database + ")"
		if g, err = readNeo4j(ctx, o, s); err != nil {
			return err
		}
		fmt.Fprintf(io.Err, "read %d entities, %d articles and %d relations from %s\n", len(g.Entities), len(g.Articles), len(g.Relations), source)
	}
	sub, err := export.Select(g, o.Selection, s.Symmetric())
	var nf *export.NotFoundError
	if errors.As(err, &nf) {
		return fmt.Errorf("--around: %w (in %s)", err, source)
	}
	if err != nil {
		return err
	}
	if sub.Focus != nil && sub.Focus.Name != o.Selection.Around {
		fmt.Fprintf(io.Err, "--around %q: %s (%s)\n", o.Selection.Around, sub.Focus.Name, sub.Focus.Type)
	}
	if err := writeExport(o, sub, io); err != nil {
		return err
	}
	byLabel := map[string]int{}
	for _, e := range sub.Entities {
		byLabel[e.Type]++
	}
	var parts []string
	for _, l := range s.Labels() {
		if byLabel[l] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", byLabel[l], l))
		}
	}
	note := ""
	if sub.Undated > 0 {
		note = fmt.Sprintf(" (%d undated relations left out by --since/--until)", sub.Undated)
	}
	fmt.Fprintf(io.Err, "exported %d entities (%s), %d relations and %d articles as %s to %s%s\n",
		len(sub.Entities), strings.Join(parts, ", "), len(sub.Relations), len(sub.Articles), o.Format, o.Output, note)
	return nil
}

// readNeo4j reads the stored graph; errors carry the database exit status.
func readNeo4j(ctx context.Context, o *exportOptions, s *ontology.Schema) (*graph.Graph, error) {
	drv, err := neo4jload.Open(ctx, o.config())
	if err != nil {
		return nil, databaseError(ctx, err)
	}
	defer drv.Close(context.WithoutCancel(ctx))
	g, err := neo4jread.Read(ctx, drv, neo4jread.Schema{Labels: s.Labels(), Relations: relationTypes(s), Symmetric: s.Symmetric()})
	if err != nil {
		return nil, databaseError(ctx, fmt.Errorf("read from %s (database %s): %w", neo4jload.Addr(o.URI), o.Database, err))
	}
	return g, nil
}

// writeExport writes sub atomically: a failed export leaves any earlier
// output in place. csv writes a folder of files (each replaced atomically)
// or, for a .zip name or -, one archive.
func writeExport(o *exportOptions, sub *export.Subgraph, io *streams) error {
	if o.Format == "csv" && o.Output != "-" && !strings.EqualFold(filepath.Ext(o.Output), ".zip") {
		if err := os.MkdirAll(o.Output, 0o755); err != nil {
			return fmt.Errorf("--output: %w", err)
		}
		d := &memDir{files: map[string]*bytes.Buffer{}}
		enc := export.NewCSVDirEncoder(d)
		if err := enc.Encode(sub); err != nil {
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
		for _, name := range d.names {
			b := d.files[name].Bytes()
			if err := sink.WriteFile(filepath.Join(o.Output, name), io.Out, func(w sink.Writer) error {
				_, err := w.Write(b)
				return err
			}); err != nil {
				return err
			}
		}
		return nil
	}
	return sink.WriteFile(o.Output, io.Out, func(w sink.Writer) error {
		enc, err := export.NewEncoder(o.Format, w)
		if err != nil {
			return err
		}
		if err := enc.Encode(sub); err != nil {
			return err
		}
		return enc.Close()
	})
}

// memDir holds the CSV files until all are written.
type memDir struct {
	files map[string]*bytes.Buffer
	names []string
}

func (d *memDir) Create(name string) (io.Writer, error) {
	if _, ok := d.files[name]; !ok {
		d.names = append(d.names, name)
		d.files[name] = &bytes.Buffer{}
	}
	return d.files[name], nil
}
