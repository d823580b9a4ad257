// Package neo4jread reads the graph that 'graphload load' stored in Neo4j
// back into a *graph.Graph: entity nodes (key, name, kind, aliases,
// mentions), Article nodes, MENTIONS and the ontology's relationships with
// their provenance (count, sources, sourceCounts, evidence, evidenceSources,
// offsets, firstSeen, lastSeen), so that a subgraph selected from the database is the
// one selected from the file the database was loaded from.
//
// It runs read queries through Querier; neo4jload.Driver, which holds every
// call into the Neo4j driver, is one. The whole stored graph is read (four
// queries, their records held in memory): export selects from it in Go, by
// the same code as from a file.
package neo4jread

import (
	"context"
	"fmt"
	"sort"

	"github.com/graphload/graphload/internal/graph"
)

// Querier runs one read query and returns its records as maps from column
// to value (strings, int64, []any, nil).
type Querier interface {
	Query(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error)
}

// Schema names the labels and relation types to read.
type Schema struct {
	Labels    []string // entity labels
	Relations []string // relation types
	Symmetric []string // relation types without direction
}

// Queries read the stored graph; labels and types are parameters.
const (
	EntitiesQuery = "MATCH (n) WHERE n.key IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels)\n" +
		"RETURN labels(n) AS labels, n.key AS key, n.name AS name, n.kind AS kind, n.aliases AS aliases, n.mentions AS mentions"
	ArticlesQuery = "MATCH (a:Article) RETURN a.id AS id, a.title AS title, a.date AS date, a.url AS url, a.source AS source"
	MentionsQuery = "MATCH (a:Article)-[m:MENTIONS]->(n) WHERE n.key IS NOT NULL\n" +
		"RETURN a.id AS article, n.key AS key, m.count AS count"
	RelationsQuery = "MATCH (a)-[r]->(b) WHERE type(r) IN $types AND a.key IS NOT NULL AND b.key IS NOT NULL\n" +
		"RETURN type(r) AS type, a.key AS from, b.key AS to, r.count AS count, r.sources AS sources, r.evidence AS evidence,\n" +
		"  r.evidenceSources AS evidenceSources, r.offsets AS offsets, r.sourceCounts AS sourceCounts, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen"
)

// Read returns the graph stored in the database q reads.
func Read(ctx context.Context, q Querier, s Schema) (*graph.Graph, error) {
	g := graph.New(s.Symmetric)
	labels := map[string]bool{}
	for _, l := range s.Labels {
		labels[l] = true
	}
	rows, err := q.Query(ctx, EntitiesQuery, map[string]any{"labels": anyList(s.Labels)})
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	for _, r := range rows {
		e := &graph.Entity{Key: str(r["key"]), Name: str(r["name"]), Kind: str(r["kind"]), Aliases: strs(r["aliases"]), Mentions: num(r["mentions"])}
		for _, l := range strs(r["labels"]) {
			if labels[l] {
				e.Type = l
				break
			}
		}
		if len(e.Aliases) == 0 {
			e.Aliases = nil
		}
		sort.Strings(e.Aliases)
		g.Entities[e.Key] = e
	}
	rows, err = q.Query(ctx, ArticlesQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	for _, r := range rows {
		a := &graph.Article{ID: str(r["id"]), Title: str(r["title"]), Date: str(r["date"]), URL: str(r["url"]), Source: str(r["source"])}
		g.Articles[a.ID] = a
	}
	rows, err = q.Query(ctx, MentionsQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("read mentions: %w", err)
	}
	for _, r := range rows {
		if a := g.Articles[str(r["article"])]; a != nil {
			a.Mentions.Set(str(r["key"]), num(r["count"]))
		}
	}
	rows, err = q.Query(ctx, RelationsQuery, map[string]any{"types": anyList(s.Relations)})
	if err != nil {
		return nil, fmt.Errorf("read relations: %w", err)
	}
	symmetric := map[string]bool{}
	for _, t := range s.Symmetric {
		symmetric[t] = true
	}
	for _, r := range rows {
		rel := &graph.Relation{Type: str(r["type"]), From: str(r["from"]), To: str(r["to"]), Count: num(r["count"]),
			Sources: strs(r["sources"]), FirstSeen: str(r["firstSeen"]), LastSeen: str(r["lastSeen"])}
		if counts, ok := r["sourceCounts"].([]any); ok && len(counts) == len(rel.Sources) {
			rel.SourceCounts = make([]int, len(counts))
			for i, c := range counts {
				rel.SourceCounts[i] = num(c)
			}
		}
		rel.SortSources()
		sents, docs, offs := strs(r["evidence"]), strs(r["evidenceSources"]), strs(r["offsets"])
		for i, s := range sents {
			ev := graph.Evidence{Sentence: s}
			if i < len(docs) {
				ev.DocID = docs[i]
			}
			if i < len(offs) {
				ev.Span = ParseOffset(offs[i])
			}
			rel.Evidence = append(rel.Evidence, ev)
		}
		if _, ok := g.Entities[rel.From]; !ok {
			continue
		}
		if _, ok := g.Entities[rel.To]; !ok {
			continue
		}
		if symmetric[rel.Type] && rel.To < rel.From {
			rel.From, rel.To = rel.To, rel.From
		}
		g.Relations[graph.NewRelationID(rel.Type, rel.From, rel.To, symmetric[rel.Type])] = rel
	}
	return g, nil
}

// ParseOffset reads "doc:start-end" as stored in a relationship's offsets.
func ParseOffset(s string) graph.Span {
	var sp graph.Span
	i := len(s) - 1
	for i >= 0 && s[i] != ':' {
		i--
	}
	if _, err := fmt.Sscanf(s[i+1:], "%d-%d", &sp.Start, &sp.End); err != nil {
		return graph.Span{}
	}
	return sp
}

func anyList(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

func strs(v any) []string {
	switch l := v.(type) {
	case []string:
		return append([]string(nil), l...)
	case []any:
		out := make([]string, 0, len(l))
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
