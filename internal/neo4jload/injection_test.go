package neo4jload_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
)

// Names and evidence written as Cypher are stored as they are, and change
// nothing else in the database.
func TestIntegrationCypherInjection(t *testing.T) {
	d := neo4jloadtest.Open(t)
	neo4jloadtest.Clear(t, d)
	s := testSchema(t)
	load(t, d, s, extract(t, s, corpusFiles(t)...))
	before := neo4jloadtest.Take(t, d)

	hostile := []string{
		`x"}) MATCH (n) DETACH DELETE n //`,
		"x`) DETACH DELETE n; CREATE (:Pwned {by: 'name'}) //",
		`'}) WITH 1 AS x MATCH (n) SET n.pwned = true RETURN x //`,
		`$rows} ) CALL db.clearQueryCaches() //`,
		"Robert'); DROP TABLE Students;--",
		`\u0027 OR 1=1 \\ "quoted" {braces} [brackets]`,
	}
	g := graph.New(s.Symmetric())
	var ents []graph.Entity
	for _, h := range hostile {
		ents = append(ents, graph.Entity{Key: "Person:injection " + h, Type: "Person", Name: h, Aliases: []string{h + " alias"}, Mentions: 1})
	}
	ents = append(ents, graph.Entity{Key: "Organization:injection target", Type: "Organization", Name: "Injection Target", Mentions: 1})
	var rels []graph.Relation
	for _, e := range ents[:len(hostile)] {
		rels = append(rels, graph.Relation{Type: "MEMBER_OF", From: e.Key, To: "Organization:injection target", Count: 1,
			Sources: []string{"injection.txt"}, SourceCounts: []int{1},
			Evidence: []graph.Evidence{{DocID: "injection.txt", Sentence: e.Name + " MERGE (x:Evil) RETURN x", Span: graph.Span{Start: 0, End: 10}}}})
	}
	var mentions graph.Mentions
	for _, e := range ents {
		mentions.Set(e.Key, 1)
	}
	g.Add(graph.DocGraph{Article: graph.Article{ID: "injection.txt", Title: `"}) DETACH DELETE n //`, Mentions: mentions}, Entities: ents, Relations: rels})
	load(t, d, s, g)

	after := neo4jloadtest.Take(t, d)
	// everything that was there is still there, unchanged
	for _, n := range before.Nodes {
		assert.Contains(t, after.Nodes, n)
	}
	for _, r := range before.Relationships {
		assert.Contains(t, after.Relationships, r)
	}
	// and exactly what was loaded was added
	assert.Len(t, after.Nodes, len(before.Nodes)+len(ents)+1)
	assert.Len(t, after.Relationships, len(before.Relationships)+len(rels)+len(ents))
	assert.Zero(t, after.NodeCounts["Pwned"]+after.NodeCounts["Evil"], "no label came from the data")
	for _, n := range after.Nodes {
		assert.NotContains(t, n, `"pwned":true`)
	}

	// the names, aliases and evidence are stored verbatim
	for _, h := range hostile {
		rows, err := d.Query(context.Background(),
			"MATCH (p:Person {name: $name})-[r:MEMBER_OF]->(:Organization {name: 'Injection Target'}) RETURN p.aliases AS aliases, r.evidence AS evidence",
			map[string]any{"name": h})
		require.NoError(t, err)
		require.Len(t, rows, 1, h)
		assert.Equal(t, []any{h + " alias"}, rows[0]["aliases"])
		assert.Equal(t, []any{h + " MERGE (x:Evil) RETURN x"}, rows[0]["evidence"])
	}
	rows, err := d.Query(context.Background(), "MATCH (a:Article {id: 'injection.txt'}) RETURN a.title AS title", nil)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.True(t, strings.HasPrefix(rows[0]["title"].(string), `"})`))
}
