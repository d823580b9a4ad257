package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const corpus = "../../fixtures/corpus"

func TestExtractWritesAPOCLines(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph.jsonl")
	io, stdout, stderr := testStreams(nil)
	code := run(context.Background(), []string{"extract", "--output", out, corpus}, io)
	require.Equal(t, exitOK, code, stderr.String())
	assert.Empty(t, stdout.String(), "data goes to the file, nothing to stdout")
	assert.Contains(t, stderr.String(), "extracted 5 documents (0 skipped")

	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	labels := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var obj struct {
			Type   string   `json:"type"`
			Labels []string `json:"labels"`
			Label  string   `json:"label"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &obj))
		if obj.Type == "node" {
			labels[obj.Labels[0]]++
		} else {
			labels[obj.Label]++
		}
	}
	assert.Equal(t, 5, labels["Article"])
	for _, l := range []string{"Person", "Organization", "Location", "MENTIONS", "ALLIED_WITH", "OPERATES_IN", "LOCATED_IN"} {
		assert.Positive(t, labels[l], l)
	}
}

func TestExtractToStdoutIsStable(t *testing.T) {
	var outputs []string
	for _, workers := range []string{"1", "2"} {
		io, stdout, stderr := testStreams(nil)
		code := run(context.Background(), []string{"extract", "--workers", workers, "--output", "-", corpus}, io)
		require.Equal(t, exitOK, code, stderr.String())
		outputs = append(outputs, stdout.String())
	}
	assert.NotEmpty(t, outputs[0])
	assert.Equal(t, outputs[0], outputs[1], "the same corpus gives the same bytes whatever the number of workers")
}

func TestExtractCommandLine(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(empty, 0o755))
	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("\x00\x01binary"), 0o644))
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("The Taliban operate in Kunar province."), 0o644))
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStderr string
	}{
		{"no output", []string{"extract", corpus}, exitUsage, "needs --output"},
		{"no path", []string{"extract", "--output", "-"}, exitUsage, "at least one PATH"},
		{"unknown format", []string{"extract", "--format", "xml", "--output", "-", corpus}, exitUsage, "unknown --format"},
		{"unknown flag", []string{"extract", "--nope", "--output", "-", corpus}, exitUsage, "flag provided but not defined"},
		{"nothing readable", []string{"extract", "--output", "-", empty}, exitNoInput, "no document could be read"},
		{"a skipped file is named", []string{"extract", "--output", "-", bad, good}, exitOK, "skip " + bad + ": binary file"},
		{"strict fails on a skip", []string{"extract", "--strict", "--output", "-", bad, good}, exitSkipped, "--strict"},
		{"unknown command", []string{"extrakt"}, exitUsage, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, stderr := testStreams(nil)
			code := run(context.Background(), tt.args, io)
			assert.Equal(t, tt.code, code, stderr.String())
			assert.Contains(t, stderr.String(), tt.wantStderr)
		})
	}
}

func TestExtractFailureLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "graph.jsonl")
	require.NoError(t, os.WriteFile(out, []byte("old\n"), 0o644))
	io, _, _ := testStreams(nil)
	code := run(context.Background(), []string{"extract", "--output", out, filepath.Join(dir, "missing")}, io)
	assert.Equal(t, exitNoInput, code)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old\n", string(b), "a failed run leaves the earlier file in place")
	matches, _ := filepath.Glob(filepath.Join(dir, ".graph.jsonl.tmp-*"))
	assert.Empty(t, matches, "no temporary file is left behind")
}
