package main

// End-to-end tests of 'graphload load' against a real Neo4j (scripts/neo4j-local
// start, then eval "$(scripts/neo4j-local env)"); skipped loudly without one.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/apoc"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
)

// serverEnv is the environment of a load against the test server.
func serverEnv(cfg neo4jload.Config) map[string]string {
	return map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USERNAME": cfg.Username, "NEO4J_PASSWORD": cfg.Password, "NEO4J_DATABASE": cfg.Database}
}

func TestLoadIntegration(t *testing.T) {
	cfg := neo4jloadtest.Config(t)
	d := neo4jloadtest.Open(t)
	ctx := context.Background()
	graphFile := filepath.Join(t.TempDir(), "g.jsonl")

	io, _, errb := testStreams(nil)
	require.Equal(t, exitOK, run(ctx, []string{"extract", "--output", graphFile, "../../fixtures/corpus"}, io), errb.String())
	f, err := os.Open(graphFile)
	require.NoError(t, err)
	s, err := loadSchema("")
	require.NoError(t, err)
	g, err := apoc.Decode(f, s.Symmetric())
	f.Close()
	require.NoError(t, err)

	io, out, errb := testStreams(serverEnv(cfg))
	require.Equal(t, exitOK, run(ctx, []string{"load", "--batch-size", "10", "../../fixtures/corpus"}, io), errb.String())
	assert.Empty(t, out.String(), "load writes nothing to stdout")
	assert.Contains(t, errb.String(), "extracted 5 documents")
	assert.Regexp(t, `loaded \d+ entities, 5 articles, \d+ mentions and \d+ relations into bolt://127\.0\.0\.1:\d+ \(database neo4j\) in [0-9.]+m?s: \d+ nodes and \d+ relationships created`, errb.String())
	first := neo4jloadtest.Take(t, d)
	assert.Equal(t, len(g.Entities)+len(g.Articles), len(first.Nodes))
	for _, r := range g.Relations {
		assert.Positive(t, first.RelCounts[r.Type], r.Type)
	}

	// The same graph again, from the file: nothing changes.
	io, _, errb = testStreams(serverEnv(cfg))
	require.Equal(t, exitOK, run(ctx, []string{"load", "--from", graphFile}, io), errb.String())
	assert.Contains(t, errb.String(), ": 0 nodes and 0 relationships created")
	assert.Equal(t, first.Checksum(), neo4jloadtest.Take(t, d).Checksum())
}

func TestLoadIntegrationErrors(t *testing.T) {
	cfg := neo4jloadtest.Config(t)
	const secret = "Wr0ng-pa55word-71c"
	tests := []struct {
		name string
		env  func(map[string]string)
		want string
	}{
		{"wrong password", func(e map[string]string) { e["NEO4J_PASSWORD"] = secret }, "refused the credentials"},
		{"missing database", func(e map[string]string) { e["NEO4J_DATABASE"] = "nosuchdb" }, `has no database "nosuchdb"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := serverEnv(cfg)
			tc.env(env)
			io, out, errb := testStreams(env)
			code := run(context.Background(), []string{"load", "../../fixtures/corpus"}, io)
			assert.Equal(t, exitDatabase, code, errb.String())
			assert.Contains(t, errb.String(), tc.want)
			assert.NotContains(t, errb.String()+out.String(), secret)
			assert.NotContains(t, errb.String()+out.String(), "NEO4J_PASSWORD="+cfg.Password)
			assert.Equal(t, 1, strings.Count(errb.String(), tc.want), "said once")
			assert.NotContains(t, errb.String(), "extracted", "connection checked before extracting")
		})
	}
}
