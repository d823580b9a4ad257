package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/graphload/graphload/internal/document"
	"github.com/graphload/graphload/internal/eval"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/pipeline"
)

type evalOptions struct {
	extractOptions
	Gold    string
	Verbose bool
	MinEnt  float64
	MinRel  float64
}

func parseEval(args []string, io *streams) (*evalOptions, error) {
	o := &evalOptions{}
	fs := newFlags("eval", io)
	o.register(fs)
	fs.StringVar(&o.Gold, "gold", "", "folder of gold YAML files (required)")
	fs.BoolVar(&o.Verbose, "v", false, "list every false positive and false negative")
	fs.Float64Var(&o.MinEnt, "min-entity-f1", 0, "exit 1 when corpus entity F1 is below this")
	fs.Float64Var(&o.MinRel, "min-relation-f1", 0, "exit 1 when corpus relation F1 is below this")
	fs.Usage = func() {
		fmt.Fprintln(io.Err, "usage: graphload eval --gold DIR [-v] PATH...")
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	o.Paths = paths
	if o.Gold == "" || len(o.Paths) == 0 {
		return nil, fmt.Errorf("%w: eval needs --gold DIR and at least one PATH", errUsage)
	}
	o.Quiet = true
	return o, nil
}

// runEval scores extraction per document (each document extracted alone)
// and at corpus level (one merged graph), the figure that matters.
func runEval(ctx context.Context, args []string, io *streams) error {
	o, err := parseEval(args, io)
	if err != nil {
		return err
	}
	golds, err := eval.ReadGold(o.Gold)
	if err != nil {
		return err
	}
	g, s, err := extractCorpus(ctx, &o.extractOptions, io)
	if err != nil {
		return err
	}
	rules := eval.Rules{Scored: map[string]bool{}, Symmetric: map[string]bool{}}
	for _, r := range s.Ontology.Relations {
		rules.Scored[r.Type] = true
		rules.Symmetric[r.Type] = r.Symmetric
	}

	// per document: the document's own graph against its own gold
	p := pipeline.New(s)
	docs := map[string]graph.Document{}
	reader := &document.Reader{MaxBytes: o.MaxBytes}
	files, err := reader.Files(o.Paths)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := reader.Read(ctx, f, nil, func(d graph.Document) error { docs[d.ID] = d; return nil }); err != nil {
			return err
		}
	}
	var perDoc eval.Result
	for _, gd := range golds {
		d, ok := docs[gd.Document]
		if !ok {
			d, ok = docs[filepath.Base(gd.Document)]
		}
		if !ok {
			fmt.Fprintf(io.Out, "%s\n  not among the documents read\n", gd.Document)
			continue
		}
		one, err := p.Extract(d)
		if err != nil {
			fmt.Fprintf(io.Out, "%s\n  %v\n", gd.Document, err)
			continue
		}
		dg := graph.New(s.Symmetric())
		dg.Add(one)
		r := eval.Score(gd, dg, rules)
		perDoc.Add(r)
		fmt.Fprintln(io.Out, gd.Document)
		fmt.Fprintln(io.Out, "  "+eval.Line("entities", r.Entities))
		fmt.Fprintln(io.Out, "  "+eval.Line("relations", r.Relations))
	}
	fmt.Fprintln(io.Out, "documents, summed")
	fmt.Fprintln(io.Out, "  "+eval.Line("entities", perDoc.Entities))
	fmt.Fprintln(io.Out, "  "+eval.Line("relations", perDoc.Relations))

	total := eval.Score(eval.Merge(golds, rules), g, rules)
	fmt.Fprintln(io.Out, "corpus (one merged graph)")
	if o.Verbose {
		for _, e := range total.Errors {
			fmt.Fprintln(io.Out, "  "+e)
		}
	}
	var types []string
	for t := range total.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintln(io.Out, eval.Line("  "+t, *total.ByType[t]))
	}
	fmt.Fprintln(io.Out, eval.Line("entities", total.Entities))
	fmt.Fprintln(io.Out, eval.Line("relations", total.Relations))
	_, _, ef := total.Entities.PRF()
	_, _, rf := total.Relations.PRF()
	fmt.Fprintf(io.Out, "entity F1 %.3f, relation F1 %.3f\n", ef, rf)
	if ef < o.MinEnt || rf < o.MinRel {
		return fmt.Errorf("corpus F1 below the bar (entity %.3f < %.3f or relation %.3f < %.3f)", ef, o.MinEnt, rf, o.MinRel)
	}
	return nil
}
