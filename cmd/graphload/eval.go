package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/graphload/graphload/internal/eval"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
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

// scoringRules are the eval rules of a schema: every relation type scored,
// symmetric ones either way.
func scoringRules(s *ontology.Schema) eval.Rules {
	rules := eval.Rules{Scored: map[string]bool{}, Symmetric: map[string]bool{}}
	for _, r := range s.Ontology.Relations {
		rules.Scored[r.Type] = true
		rules.Symmetric[r.Type] = r.Symmetric
	}
	return rules
}

// runEval scores extraction per document (each document's own graph)
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
	// per document: each document's own graph against its own gold, scored as
	// the corpus run extracts it (each document is extracted once)
	byDoc := map[string]int{}
	for i, gd := range golds {
		byDoc[gd.Document] = i
		byDoc[filepath.Base(gd.Document)] = i
	}
	perDocResults := make([]*eval.Result, len(golds))
	var rules eval.Rules
	onDoc := func(s *ontology.Schema, dg graph.DocGraph) {
		i, ok := byDoc[dg.Article.ID]
		if !ok {
			return
		}
		if rules.Scored == nil {
			rules = scoringRules(s)
		}
		one := graph.New(s.Symmetric())
		one.Add(dg)
		r := eval.Score(golds[i], one, rules)
		perDocResults[i] = &r
	}
	g, s, err := extractCorpus(ctx, &o.extractOptions, io, onDoc)
	if err != nil {
		return err
	}
	rules = scoringRules(s)
	var perDoc eval.Result
	for i, gd := range golds {
		r := perDocResults[i]
		if r == nil {
			fmt.Fprintf(io.Out, "%s\n  not among the documents read\n", gd.Document)
			continue
		}
		perDoc.Add(*r)
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
