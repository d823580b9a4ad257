package main

// Tests of 'graphload export' against a real Neo4j (scripts/neo4j-local
// start, then eval "$(scripts/neo4j-local env)"); skipped loudly without
// one, failing when CI=true. Each holds the test server's lock and clears
// the database first, as the loader's integration tests do.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/export"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
)

// TestExportIntegrationSameAsFile loads fixtures/corpus with the loader,
// then exports IMU, two hops, in every format from Neo4j and from the file
// the database was loaded from: the bytes are the same.
func TestExportIntegrationSameAsFile(t *testing.T) {
	cfg := neo4jloadtest.Config(t)
	neo4jloadtest.Open(t)
	graphFile := fixtureGraph(t)
	io, _, errb := testStreams(serverEnv(cfg))
	require.Equal(t, exitOK, run(context.Background(), []string{"load", "--from", graphFile}, io), errb.String())

	imu := imuSubgraph(t, graphFile)
	selections := [][]string{
		{"--around", "IMU", "--hops", "2"},
		{"--around", "Takhar", "--hops", "3", "--types", "KILLED_IN_RAID,CAPTURED_IN_RAID,LOCATED_IN"},
		{"--labels", "Organization", "--min-sources", "2"},
		{"--around", "Taliban", "--hops", "2", "--limit", "8"},
	}
	for _, sel := range selections {
		for _, format := range export.Formats {
			t.Run(strings.Join(sel, " ")+" "+format, func(t *testing.T) {
				args := append(append([]string{}, sel...), "--format", format)
				fromFile, _ := exportBytes(t, nil, append([]string{"--from", graphFile}, args...)...)
				fromDB, stderr := exportBytes(t, serverEnv(cfg), args...)
				assert.Contains(t, stderr, "from bolt://")
				assert.Equal(t, string(fromFile), string(fromDB))
				if sel[1] == "IMU" {
					formatCheck[format](t, fromDB, len(imu.Entities))
				}
			})
		}
	}
	t.Run("unknown name", func(t *testing.T) {
		io, _, errb := testStreams(serverEnv(cfg))
		assert.Equal(t, exitError, run(context.Background(), []string{"export", "--around", "Islamic Movement of Uzbekistn", "--output", filepath.Join(t.TempDir(), "x")}, io))
		assert.Contains(t, errb.String(), "closest names: Islamic Movement of Uzbekistan (Organization)")
	})
}

// cypherStatements splits a script written by the cypher encoder.
func cypherStatements(script string) []string {
	var out []string
	for _, line := range strings.Split(script, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "//") {
			out = append(out, strings.TrimSuffix(line, ";"))
		}
	}
	return out
}

func runScript(t *testing.T, d *neo4jload.Driver, script string) {
	t.Helper()
	for _, st := range cypherStatements(script) {
		_, err := d.ExecuteWrite(context.Background(), st, nil)
		require.NoError(t, err, st)
	}
}

// TestExportIntegrationCypherScript runs the cypher export against an empty
// Neo4j: it recreates the subgraph's counts, and a second run changes nothing.
func TestExportIntegrationCypherScript(t *testing.T) {
	d := neo4jloadtest.Open(t)
	graphFile := fixtureGraph(t)
	script, _ := exportBytes(t, nil, "--from", graphFile, "--around", "IMU", "--hops", "2", "--format", "cypher")

	sub := imuSubgraph(t, graphFile)
	wantNodes := map[string]int{"Article": len(sub.Articles)}
	for _, e := range sub.Entities {
		wantNodes[e.Type]++
	}
	wantRels := map[string]int{}
	for _, r := range sub.Relations {
		wantRels[r.Type]++
	}
	for _, a := range sub.Articles {
		wantRels["MENTIONS"] += len(a.Mentions)
	}

	runScript(t, d, string(script))
	first := neo4jloadtest.Take(t, d)
	assert.Equal(t, wantNodes, first.NodeCounts)
	assert.Equal(t, wantRels, first.RelCounts)
	runScript(t, d, string(script))
	assert.Equal(t, first.Checksum(), neo4jloadtest.Take(t, d).Checksum(), "idempotent: a second run changes nothing")
}

// TestExportIntegrationCypherLiterals round-trips names full of quotes,
// backticks, backslashes and Cypher syntax through the script and Neo4j.
func TestExportIntegrationCypherLiterals(t *testing.T) {
	d := neo4jloadtest.Open(t)
	nasty := []string{
		`O'Reilly "the Quote" \ backslash`,
		"`backtick` and ``double``",
		"'}) MATCH (n) DETACH DELETE n //",
		"line\nbreak\ttab \u0007bell",
		`\u0041 is not A; \' neither`,
		"日本語 and émigré — dash",
	}
	s, err := loadSchema("")
	require.NoError(t, err)
	g := graph.New(s.Symmetric())
	var keys []string
	for i, name := range nasty {
		e := &graph.Entity{Key: graph.EntityKey("Organization", name) + strings.Repeat("!", i), Type: "Organization", Name: name, Aliases: []string{name + " alias"}, Mentions: i}
		g.Entities[e.Key] = e
		keys = append(keys, e.Key)
	}
	for i := 1; i < len(keys); i++ {
		r := &graph.Relation{Type: "ALLIED_WITH", From: keys[0], To: keys[i], Count: 1, Sources: []string{"doc'1.txt"},
			Evidence: []graph.Evidence{{DocID: "doc'1.txt", Sentence: nasty[i], Span: graph.Span{Start: i, End: i + 1}}}}
		if r.To < r.From {
			r.From, r.To = r.To, r.From
		}
		g.Relations[graph.NewRelationID(r.Type, r.From, r.To, true)] = r
	}
	g.Articles["doc'1.txt"] = &graph.Article{ID: "doc'1.txt", Title: nasty[3], Mentions: graph.Mentions{{Key: keys[0], Count: 1}}}
	sub, err := export.Select(g, export.Selection{}, s.Symmetric())
	require.NoError(t, err)
	var script strings.Builder
	enc := export.NewCypherEncoder(&script)
	require.NoError(t, enc.Encode(sub))
	require.NoError(t, enc.Close())

	runScript(t, d, script.String())
	rows, err := d.Query(context.Background(), "MATCH (n:Organization) RETURN n.key AS key, n.name AS name, n.aliases AS aliases", nil)
	require.NoError(t, err)
	require.Len(t, rows, len(nasty), "nothing was deleted or added by the names")
	for _, r := range rows {
		e := g.Entities[r["key"].(string)]
		require.NotNil(t, e, r["key"])
		assert.Equal(t, e.Name, r["name"])
		assert.Equal(t, []any{e.Name + " alias"}, r["aliases"])
	}
	rows, err = d.Query(context.Background(), "MATCH ()-[r:ALLIED_WITH]->() RETURN r.evidence AS ev ORDER BY r.evidence[0]", nil)
	require.NoError(t, err)
	assert.Len(t, rows, len(nasty)-1)
	titles, err := d.Query(context.Background(), "MATCH (a:Article) RETURN a.id AS id, a.title AS title", nil)
	require.NoError(t, err)
	require.Len(t, titles, 1)
	assert.Equal(t, "doc'1.txt", titles[0]["id"])
	assert.Equal(t, nasty[3], titles[0]["title"])
}

// TestCypherStarterQueries runs every query of cypher/ against
// fixtures/corpus, loaded by the loader: each returns rows.
func TestCypherStarterQueries(t *testing.T) {
	cfg := neo4jloadtest.Config(t)
	d := neo4jloadtest.Open(t)
	io, _, errb := testStreams(serverEnv(cfg))
	require.Equal(t, exitOK, run(context.Background(), []string{"load", "../../fixtures/corpus"}, io), errb.String())
	files, err := filepath.Glob("../../cypher/*.cypher")
	require.NoError(t, err)
	require.Len(t, files, 6)
	want := map[string]string{ // a value each query must return, from fixtures/corpus
		"03_raids_per_province.cypher":           "Takhar",
		"04_shortest_path_between_people.cypher": "",
		"05_evidence_behind_an_edge.cypher":      "killed Islamic Movement of Uzbekistan facilitator, Juma Khan.",
		"06_fulltext_search_names.cypher":        "Tahir Yuldashev",
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			rows, err := d.Query(context.Background(), string(b), nil)
			require.NoError(t, err)
			require.NotEmpty(t, rows)
			if w := want[filepath.Base(f)]; w != "" {
				assert.Contains(t, fmt.Sprint(rows), w)
			}
		})
	}
}
