// Package eval scores an extracted graph against gold annotations written
// by hand (one YAML file per document, see fixtures/gold/README.md), with
// the matching rules of the project's reference scorer: entities match on a
// folded name or alias and their type, relations on their two endpoints and
// type, optional gold entries neither reward nor penalise.
//
// Input: gold files and a *graph.Graph. Output: precision, recall and F1
// for entities and relations, per relation type, with every miss and false hit.
package eval

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/graphload/graphload/internal/graph"
	"gopkg.in/yaml.v3"
)

// Entity is a gold entity.
type Entity struct {
	Name     string   `yaml:"name"`
	Type     string   `yaml:"type"`
	Kind     string   `yaml:"kind"`
	Aliases  []string `yaml:"aliases"`
	Optional bool     `yaml:"optional"`
}

// Relation is a gold relation.
type Relation struct {
	From     string `yaml:"from"`
	Type     string `yaml:"type"`
	To       string `yaml:"to"`
	Optional bool   `yaml:"optional"`
}

// Doc is one gold file.
type Doc struct {
	Document  string     `yaml:"document"`
	Entities  []Entity   `yaml:"entities"`
	Relations []Relation `yaml:"relations"`
}

var scoredTypes = map[string]bool{graph.Person: true, graph.Organization: true, graph.Location: true}

// Rules says which relation types are scored and which are symmetric.
type Rules struct {
	Scored    map[string]bool
	Symmetric map[string]bool
}

// ReadGold reads every *.yaml file of dir, sorted by name.
func ReadGold(dir string) ([]Doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read gold %s: no *.yaml files: %w", dir, fs.ErrNotExist)
	}
	sort.Strings(files)
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read gold: %w", err)
		}
		var d Doc
		if err := yaml.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("read gold %s: %w", f, err)
		}
		if d.Document == "" {
			d.Document = strings.TrimSuffix(filepath.Base(f), ".yaml") + ".txt"
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Merge joins gold documents into one corpus-level gold: entities by name,
// required wherever any document requires them.
func Merge(docs []Doc, r Rules) Doc {
	out := Doc{Document: "corpus"}
	idx := map[string]int{}
	for _, d := range docs {
		for _, e := range d.Entities {
			if i, ok := idx[e.Name]; ok {
				m := &out.Entities[i]
				m.Aliases = append(m.Aliases, e.Aliases...)
				m.Optional = m.Optional && e.Optional
				if m.Type == "any" {
					m.Type = e.Type
				}
				continue
			}
			idx[e.Name] = len(out.Entities)
			e.Aliases = append([]string(nil), e.Aliases...)
			out.Entities = append(out.Entities, e)
		}
	}
	ridx := map[string]int{}
	for _, d := range docs {
		for _, rel := range d.Relations {
			k := r.key(rel.From, rel.Type, rel.To)
			if i, ok := ridx[k]; ok {
				out.Relations[i].Optional = out.Relations[i].Optional && rel.Optional
				continue
			}
			ridx[k] = len(out.Relations)
			out.Relations = append(out.Relations, rel)
		}
	}
	return out
}

func (r Rules) key(from, typ, to string) string {
	if r.Symmetric[typ] && to < from {
		from, to = to, from
	}
	return from + " -[" + typ + "]-> " + to
}

// Norm folds a name the way the scorer matches names: case, quotes,
// hyphens, periods and a leading "the" do not count.
func Norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = normReplacer.Replace(s)
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	return strings.TrimPrefix(s, "the ")
}

var normReplacer = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "`", "'", "-", " ", ".", "", "'", "", "‐", " ", "–", " ")

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// PRF returns precision, recall and F1.
func (c Counts) PRF() (p, r, f float64) {
	if c.TP+c.FP > 0 {
		p = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = float64(c.TP) / float64(c.TP+c.FN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Result is a score with its errors.
type Result struct {
	Entities  Counts
	Relations Counts
	ByType    map[string]*Counts
	Errors    []string // every false positive and false negative, sorted
}

// Add adds o's counts to r.
func (r *Result) Add(o Result) {
	r.Entities.add(o.Entities)
	r.Relations.add(o.Relations)
	if r.ByType == nil {
		r.ByType = map[string]*Counts{}
	}
	for t, c := range o.ByType {
		if r.ByType[t] == nil {
			r.ByType[t] = &Counts{}
		}
		r.ByType[t].add(*c)
	}
}

type node struct {
	id, typ, name string
	aliases       []string
}

type edge struct{ typ, from, to string }

// Score matches graph g against one gold document.
func Score(gold Doc, g *graph.Graph, rules Rules) Result {
	var nodes []node
	for _, e := range g.SortedEntities() {
		if scoredTypes[e.Type] {
			nodes = append(nodes, node{id: e.Key, typ: e.Type, name: e.Name, aliases: e.Aliases})
		}
	}
	var edges []edge
	for _, r := range g.SortedRelations() {
		if rules.Scored[r.Type] {
			edges = append(edges, edge{typ: r.Type, from: r.From, to: r.To})
		}
	}
	return score(gold, nodes, edges, rules)
}

func score(gold Doc, nodes []node, edges []edge, rules Rules) Result {
	res := Result{ByType: map[string]*Counts{}}
	keys := map[string][]int{}
	for i, e := range gold.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := Norm(n)
			keys[k] = append(keys[k], i)
		}
	}
	nodeGold := map[string]int{}
	matched := make([]bool, len(gold.Entities))
	for _, n := range nodes {
		best, bestRank := -1, 99
		for ni, name := range append([]string{n.name}, n.aliases...) {
			for _, gi := range keys[Norm(name)] {
				e := gold.Entities[gi]
				rank := ni * 2
				if e.Type != "any" && e.Type != n.typ {
					rank++
				}
				if ni > 0 {
					rank += 10
				}
				if rank < bestRank {
					best, bestRank = gi, rank
				}
			}
		}
		if best < 0 {
			nodeGold[n.id] = -1
			res.Entities.FP++
			res.Errors = append(res.Errors, fmt.Sprintf("entity FP  %s %q (no such entity in gold)", n.typ, n.name))
			continue
		}
		e := gold.Entities[best]
		nodeGold[n.id] = best
		if e.Optional {
			continue
		}
		if e.Type != "any" && e.Type != n.typ {
			res.Entities.FP++
			res.Errors = append(res.Errors, fmt.Sprintf("entity FP  %s %q (gold says %s)", n.typ, n.name, e.Type))
			continue
		}
		if matched[best] {
			res.Entities.FP++
			res.Errors = append(res.Errors, fmt.Sprintf("entity FP  %s %q (duplicate of %q)", n.typ, n.name, e.Name))
			continue
		}
		matched[best] = true
		res.Entities.TP++
	}
	for i, e := range gold.Entities {
		if !e.Optional && !matched[i] {
			res.Entities.FN++
			res.Errors = append(res.Errors, fmt.Sprintf("entity FN  %s %q", e.Type, e.Name))
		}
	}
	required, optional := map[string]bool{}, map[string]bool{}
	for _, r := range gold.Relations {
		k := rules.key(r.From, r.Type, r.To)
		if r.Optional {
			optional[k] = true
		} else {
			required[k] = true
		}
	}
	bump := func(typ string, c Counts) {
		if res.ByType[typ] == nil {
			res.ByType[typ] = &Counts{}
		}
		res.ByType[typ].add(c)
	}
	found := map[string]bool{}
	for _, r := range edges {
		si, sok := nodeGold[r.from]
		ei, eok := nodeGold[r.to]
		if !sok || !eok || si < 0 || ei < 0 {
			res.Relations.FP++
			bump(r.typ, Counts{FP: 1})
			res.Errors = append(res.Errors, fmt.Sprintf("relation FP %s -[%s]-> %s (an endpoint is not in gold)", r.from, r.typ, r.to))
			continue
		}
		s, e := gold.Entities[si], gold.Entities[ei]
		if s.Optional || e.Optional {
			continue
		}
		k := rules.key(s.Name, r.typ, e.Name)
		switch {
		case found[k]:
		case required[k]:
			found[k] = true
			res.Relations.TP++
			bump(r.typ, Counts{TP: 1})
		case optional[k]:
		default:
			found[k] = true
			res.Relations.FP++
			bump(r.typ, Counts{FP: 1})
			res.Errors = append(res.Errors, "relation FP "+k)
		}
	}
	for k := range required {
		if !found[k] {
			res.Relations.FN++
			typ := k[strings.Index(k, "[")+1 : strings.Index(k, "]")]
			bump(typ, Counts{FN: 1})
			res.Errors = append(res.Errors, "relation FN "+k)
		}
	}
	sort.Strings(res.Errors)
	return res
}

// Line formats one row of a report.
func Line(label string, c Counts) string {
	p, r, f := c.PRF()
	return fmt.Sprintf("%-22s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", label, p, r, f, c.TP, c.FP, c.FN)
}
