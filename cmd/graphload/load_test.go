package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/neo4jload"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
	return p
}

func TestParseLoad(t *testing.T) {
	pwFile := writeFile(t, "pw", "from-file\r\nsecond line ignored\n")
	env := map[string]string{"NEO4J_URI": "neo4j+s://abc.databases.neo4j.io", "NEO4J_USERNAME": "analyst", "NEO4J_PASSWORD": "from-env", "NEO4J_DATABASE": "graph"}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    loadOptions // compared on the connection fields, paths and batch size
		wantErr string
		usage   bool
	}{
		{name: "defaults", args: []string{"corpus"}, env: map[string]string{"NEO4J_PASSWORD": "pw"},
			want: loadOptions{connOptions: connOptions{URI: defaultURI, Username: "neo4j", Database: "neo4j", password: "pw"}, BatchSize: neo4jload.DefaultBatchSize}},
		{name: "environment", args: []string{"corpus"}, env: env,
			want: loadOptions{connOptions: connOptions{URI: "neo4j+s://abc.databases.neo4j.io", Username: "analyst", Database: "graph", password: "from-env"}, BatchSize: neo4jload.DefaultBatchSize}},
		{name: "flags over environment", env: env,
			args: []string{"corpus", "--uri", "bolt+s://db:7687", "--username", "u", "--database", "d", "--batch-size", "50", "--password-file", pwFile},
			want: loadOptions{connOptions: connOptions{URI: "bolt+s://db:7687", Username: "u", Database: "d", password: "from-file"}, BatchSize: 50}},
		{name: "from a file", args: []string{"--from", "g.jsonl"}, env: map[string]string{"NEO4J_PASSWORD": "pw"},
			want: loadOptions{connOptions: connOptions{URI: defaultURI, Username: "neo4j", Database: "neo4j", password: "pw"}, From: "g.jsonl", BatchSize: neo4jload.DefaultBatchSize}},
		{name: "no --password flag", args: []string{"corpus", "--password", "hunter22"}, env: env, wantErr: "flag provided but not defined: -password", usage: true},
		{name: "no password", args: []string{"corpus"}, wantErr: "no password", usage: true},
		{name: "empty password file", args: []string{"corpus", "--password-file", writeFile(t, "empty", "\n")}, wantErr: "no password", usage: true},
		{name: "missing password file", args: []string{"corpus", "--password-file", "/nonexistent/pw"}, env: env, wantErr: "read --password-file"},
		{name: "paths and --from", args: []string{"corpus", "--from", "g.jsonl"}, env: env, wantErr: "not both", usage: true},
		{name: "nothing to load", args: nil, env: env, wantErr: "needs PATHs", usage: true},
		{name: "bad batch size", args: []string{"corpus", "--batch-size", "0"}, env: env, wantErr: "--batch-size", usage: true},
		{name: "unknown scheme", args: []string{"corpus", "--uri", "http://127.0.0.1:7474"}, env: env, wantErr: `scheme "http"`, usage: true},
		{name: "not a URI", args: []string{"corpus", "--uri", "127.0.0.1"}, env: env, wantErr: "not a URI", usage: true},
		{name: "credentials in the URI", args: []string{"corpus"}, env: map[string]string{"NEO4J_URI": "bolt://neo4j:hunter22@db:7687", "NEO4J_PASSWORD": "x"},
			wantErr: "holds credentials", usage: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, _, errb := testStreams(tc.env)
			o, err := parseLoad(tc.args, io)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error()+errb.String(), tc.wantErr)
				assert.Equal(t, tc.usage, errors.Is(err, errUsage), "usage error")
				assert.NotContains(t, err.Error(), "hunter22")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want.URI, o.URI)
			assert.Equal(t, tc.want.Username, o.Username)
			assert.Equal(t, tc.want.Database, o.Database)
			assert.Equal(t, tc.want.BatchSize, o.BatchSize)
			assert.Equal(t, tc.want.From, o.From)
			assert.Equal(t, tc.want.password, o.password)
		})
	}
	t.Run("help", func(t *testing.T) {
		io, _, errb := testStreams(nil)
		_, err := parseLoad([]string{"-h"}, io)
		assert.ErrorIs(t, err, flag.ErrHelp)
		assert.Contains(t, errb.String(), "--password-file")
		assert.Contains(t, errb.String(), "-schema", "the extract flags are shared")
	})
}

// A failing load never prints the password, whichever way it came.
func TestLoadNeverPrintsPassword(t *testing.T) {
	const secret = "s3cret-Pa55word-9f2"
	pwFile := writeFile(t, "pw", secret+"\n")
	graphFile := writeFile(t, "g.jsonl", "")
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		want string
	}{
		{"unreachable, password from env", []string{"load", "--uri", "bolt://127.0.0.1:1", "--from", graphFile},
			map[string]string{"NEO4J_PASSWORD": secret}, exitDatabase, "bolt://127.0.0.1:1 unreachable"},
		{"unreachable, password from file", []string{"load", "--uri", "neo4j://127.0.0.1:1", "--password-file", pwFile, "../../fixtures/corpus"},
			nil, exitDatabase, "neo4j://127.0.0.1:1 unreachable"},
		{"password in the URI", []string{"load", "--from", graphFile},
			map[string]string{"NEO4J_URI": "bolt://neo4j:" + secret + "@127.0.0.1:1", "NEO4J_PASSWORD": secret}, exitUsage, "holds credentials"},
		{"password on the command line", []string{"load", "--password", secret, "--from", graphFile},
			nil, exitUsage, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, out, errb := testStreams(tc.env)
			start := time.Now()
			code := run(context.Background(), tc.args, io)
			assert.Equal(t, tc.code, code, errb.String())
			assert.Less(t, time.Since(start), 15*time.Second)
			assert.Contains(t, errb.String(), tc.want)
			assert.NotContains(t, out.String(), secret)
			assert.NotContains(t, errb.String(), secret)
		})
	}
}
