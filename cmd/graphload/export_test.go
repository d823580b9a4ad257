package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/apoc"
	"github.com/graphload/graphload/internal/export"
)

// fixtureGraph extracts fixtures/corpus into a graph file, once per test.
func fixtureGraph(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "graph.jsonl")
	io, _, errb := testStreams(nil)
	require.Equal(t, exitOK, run(context.Background(), []string{"extract", "--output", file, "../../fixtures/corpus"}, io), errb.String())
	return file
}

func TestParseExport(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "neo4j+s://db.example:7687", "NEO4J_PASSWORD": "pw", "NEO4J_DATABASE": "graph"}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(t *testing.T, o *exportOptions)
		wantErr string
	}{
		{name: "from a file", args: []string{"--from", "g.jsonl", "--around", "IMU", "--hops", "2", "--output", "-"}, check: func(t *testing.T, o *exportOptions) {
			assert.Equal(t, export.Selection{Around: "IMU", Hops: 2}, o.Selection)
			assert.Equal(t, "jsonl", o.Format)
			assert.Empty(t, o.password)
		}},
		{name: "filters", args: []string{"--from", "g", "--types", "OPERATES_IN, ALLIED_WITH", "--labels", "Person,Organization", "--since", "2010-01-01",
			"--until", "2012-12-31", "--min-sources", "2", "--limit", "10", "--output", "x.md"}, check: func(t *testing.T, o *exportOptions) {
			assert.Equal(t, export.Selection{Types: []string{"ALLIED_WITH", "OPERATES_IN"}, Labels: []string{"Organization", "Person"},
				Since: "2010-01-01", Until: "2012-12-31", MinSources: 2, Limit: 10}, o.Selection)
			assert.Equal(t, "md", o.Format, "format from the extension")
		}},
		{name: "neo4j from the environment", args: []string{"--around", "IMU", "--format", "svg", "--output", "x"}, env: env, check: func(t *testing.T, o *exportOptions) {
			assert.Equal(t, "neo4j+s://db.example:7687", o.URI)
			assert.Equal(t, "graph", o.Database)
			assert.Equal(t, "neo4j", o.Username)
			assert.Equal(t, "pw", o.password)
			assert.Equal(t, 1, o.Selection.Hops, "one hop by default")
		}},
		{name: "password file", args: []string{"--around", "IMU", "--output", "x", "--password-file", writeFile(t, "pw", "secret\n")}, check: func(t *testing.T, o *exportOptions) {
			assert.Equal(t, "secret", o.password)
			assert.Equal(t, defaultURI, o.URI)
		}},
		{name: "no output", args: []string{"--from", "g"}, wantErr: "needs --output"},
		{name: "unknown format", args: []string{"--from", "g", "--format", "pdf", "--output", "x"}, wantErr: `unknown format "pdf"`},
		{name: "hops without around", args: []string{"--from", "g", "--hops", "2", "--output", "x"}, wantErr: "--hops needs --around"},
		{name: "bad date", args: []string{"--from", "g", "--since", "2012-31-01", "--output", "x"}, wantErr: "not a date"},
		{name: "until before since", args: []string{"--from", "g", "--since", "2012-02-01", "--until", "2012-01-01", "--output", "x"}, wantErr: "before"},
		{name: "negative limit", args: []string{"--from", "g", "--limit", "-1", "--output", "x"}, wantErr: "--limit"},
		{name: "no password", args: []string{"--around", "IMU", "--output", "x"}, wantErr: "no password"},
		{name: "no --password flag", args: []string{"--around", "IMU", "--output", "x", "--password", "hunter22"}, env: env, wantErr: "flag provided but not defined: -password"},
		{name: "neo4j flags with --from", args: []string{"--from", "g", "--uri", "bolt://x:1", "--output", "x"}, wantErr: "do not apply"},
		{name: "positional arguments", args: []string{"fixtures/corpus", "--output", "x"}, wantErr: "no PATH"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, _, errb := testStreams(tc.env)
			o, err := parseExport(tc.args, io)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error()+errb.String(), tc.wantErr)
				assert.True(t, errors.Is(err, errUsage), "usage error")
				assert.NotContains(t, err.Error(), "hunter22")
				return
			}
			require.NoError(t, err)
			tc.check(t, o)
		})
	}
	t.Run("help", func(t *testing.T) {
		io, _, errb := testStreams(nil)
		_, err := parseExport([]string{"-h"}, io)
		assert.ErrorIs(t, err, flag.ErrHelp)
		for _, f := range []string{"-around", "-hops", "-types", "-labels", "-since", "-until", "-min-sources", "-limit", "-format", "-output", "-from", "-password-file"} {
			assert.Contains(t, errb.String(), f)
		}
	})
}

// formatCheck says what each format's output for IMU, two hops, must hold.
var formatCheck = map[string]func(t *testing.T, out []byte, nodes int){
	"jsonl": func(t *testing.T, out []byte, nodes int) {
		n := 0
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var line map[string]any
			require.NoError(t, json.Unmarshal(sc.Bytes(), &line))
			if line["type"] == "node" && line["labels"].([]any)[0] != "Article" {
				n++
			}
		}
		assert.Equal(t, nodes, n)
	},
	"graphml": func(t *testing.T, out []byte, nodes int) {
		assert.Equal(t, nodes, bytes.Count(out, []byte("<node id=")))
		assert.Contains(t, string(out), "<data key=\"name\">Islamic Movement of Uzbekistan</data>")
	},
	"cypher": func(t *testing.T, out []byte, nodes int) {
		assert.Equal(t, nodes, bytes.Count(out, []byte("MERGE (n:")))
		assert.Contains(t, string(out), "MERGE (n:`Organization` {key: 'Organization:islamic movement of uzbekistan'})")
	},
	"dot": func(t *testing.T, out []byte, nodes int) {
		assert.Contains(t, string(out), "digraph graphload {")
		assert.Contains(t, string(out), `"Organization:islamic movement of uzbekistan" [label="Islamic Movement of Uzbekistan", fillcolor="#D9534F"`)
	},
	"svg": func(t *testing.T, out []byte, nodes int) {
		assert.Equal(t, nodes, bytes.Count(out, []byte(`<g class="node">`)))
	},
	"md": func(t *testing.T, out []byte, nodes int) {
		assert.True(t, bytes.HasPrefix(out, []byte("# Briefing: Islamic Movement of Uzbekistan\n")))
		assert.Contains(t, string(out), "## Key actors")
		assert.Contains(t, string(out), "| 1 | Islamic Movement of Uzbekistan | Organization |")
		assert.Contains(t, string(out), "> The IMU continues to maintain a close working relationship with al Qaeda, the Taliban, and the Haqqani Network.")
	},
	"html": func(t *testing.T, out []byte, nodes int) {
		assert.Contains(t, string(out), "<!DOCTYPE html>")
		assert.Equal(t, nodes, bytes.Count(out, []byte(`"key":"`)), "one node object per entity")
	},
	"csv": func(t *testing.T, out []byte, nodes int) {
		assert.True(t, bytes.HasPrefix(out, []byte("PK")), "a zip archive")
	},
}

// exportBytes runs export and returns what it wrote.
func exportBytes(t *testing.T, env map[string]string, args ...string) ([]byte, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	if args[len(args)-1] == "csv" {
		out += ".zip" // csv writes a folder otherwise
	}
	io, stdout, errb := testStreams(env)
	code := run(context.Background(), append(append([]string{"export"}, args...), "--output", out), io)
	require.Equal(t, exitOK, code, errb.String())
	assert.Empty(t, stdout.String(), "data goes to --output")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return b, errb.String()
}

// imuSubgraph selects IMU, two hops, from a graph file as export does.
func imuSubgraph(t *testing.T, graphFile string) *export.Subgraph {
	t.Helper()
	s, err := loadSchema("")
	require.NoError(t, err)
	f, err := os.Open(graphFile)
	require.NoError(t, err)
	defer f.Close()
	g, err := apoc.Decode(f, s.Symmetric())
	require.NoError(t, err)
	sub, err := export.Select(g, export.Selection{Around: "IMU", Hops: 2}, s.Symmetric())
	require.NoError(t, err)
	return sub
}

func TestExportEveryFormatFromFile(t *testing.T) {
	graphFile := fixtureGraph(t)
	sub := imuSubgraph(t, graphFile)
	require.Greater(t, len(sub.Entities), 20, "fixtures/corpus has a large neighbourhood around the IMU")
	_, stderr := exportBytes(t, nil, "--from", graphFile, "--around", "IMU", "--hops", "2", "--format", "md")
	assert.Contains(t, stderr, `--around "IMU": Islamic Movement of Uzbekistan (Organization)`)
	assert.Regexp(t, fmt.Sprintf(`exported %d entities \(\d+ Location, \d+ Organization, \d+ Person\), %d relations and 5 articles as md to `, len(sub.Entities), len(sub.Relations)), stderr)
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			out, _ := exportBytes(t, nil, "--from", graphFile, "--around", "IMU", "--hops", "2", "--format", format)
			formatCheck[format](t, out, len(sub.Entities))
			again, _ := exportBytes(t, nil, "--from", graphFile, "--around", "imu", "--hops", "2", "--format", format)
			assert.Equal(t, out, again, "the same bytes on a second run")
		})
	}
}

func TestExportCSVFolder(t *testing.T) {
	graphFile := fixtureGraph(t)
	dir := filepath.Join(t.TempDir(), "csv")
	io, _, errb := testStreams(nil)
	require.Equal(t, exitOK, run(context.Background(), []string{"export", "--from", graphFile, "--around", "IMU", "--format", "csv", "--output", dir}, io), errb.String())
	for _, f := range []string{"nodes_Organization.csv", "nodes_Location.csv", "nodes_Article.csv", "rels_MENTIONS.csv", "rels_ALLIED_WITH.csv", "IMPORT.txt"} {
		assert.FileExists(t, filepath.Join(dir, f))
	}
	b, err := os.ReadFile(filepath.Join(dir, "nodes_Organization.csv"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "key:ID(Entity),:LABEL,name,kind,aliases:string[],mentions:int\n"))
}

func TestExportToStdout(t *testing.T) {
	graphFile := fixtureGraph(t)
	io, out, errb := testStreams(nil)
	require.Equal(t, exitOK, run(context.Background(), []string{"export", "--from", graphFile, "--around", "Taliban", "--hops", "1", "--format", "dot", "--output", "-"}, io), errb.String())
	assert.True(t, strings.HasPrefix(out.String(), "// graphload export:"))
	assert.NotContains(t, out.String(), "exported", "the summary goes to stderr")
}

func TestExportErrors(t *testing.T) {
	graphFile := fixtureGraph(t)
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"unknown name", []string{"--around", "Islamic Movement of Uzbekistn"}, exitError,
			[]string{`no entity is named "Islamic Movement of Uzbekistn"; closest names: Islamic Movement of Uzbekistan (Organization)`}},
		{"unknown acronym", []string{"--around", "IMV"}, exitError, []string{`no entity is named "IMV"`, "IMU (Islamic Movement of Uzbekistan, Organization)"}},
		{"unknown type", []string{"--types", "ALLIED"}, exitUsage, []string{`"ALLIED" is not a relation type of the schema`, "ALLIED_WITH"}},
		{"unknown label", []string{"--labels", "Group"}, exitUsage, []string{`"Group" is not an entity label`}},
		{"missing file", []string{"--from", "/nonexistent/g.jsonl"}, exitNoInput, []string{"--from"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.md")
			args := append([]string{"export", "--from", graphFile, "--output", out}, tc.args...)
			io, stdout, errb := testStreams(nil)
			assert.Equal(t, tc.code, run(context.Background(), args, io), errb.String())
			for _, w := range tc.want {
				assert.Contains(t, errb.String(), w)
			}
			assert.Empty(t, stdout.String())
			assert.NoFileExists(t, out, "no file written")
		})
	}
}
