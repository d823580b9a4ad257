package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSameSeedSameCorpus(t *testing.T) {
	dir := t.TempDir()
	var outs [][]byte
	for _, name := range []string{"a.jsonl", "b.jsonl"} {
		out := filepath.Join(dir, name)
		require.NoError(t, run(context.Background(), []string{"-n", "20", "-seed", "7", "-out", out, "-gold", filepath.Join(dir, name+".gold")}, os.Stderr))
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		outs = append(outs, b)
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, 20, bytes.Count(outs[0], []byte("\n")))
	golds, err := filepath.Glob(filepath.Join(dir, "a.jsonl.gold", "*.yaml"))
	require.NoError(t, err)
	assert.Len(t, golds, 20)

	other := filepath.Join(dir, "c.jsonl")
	require.NoError(t, run(context.Background(), []string{"-n", "20", "-seed", "8", "-out", other}, os.Stderr))
	b, err := os.ReadFile(other)
	require.NoError(t, err)
	assert.NotEqual(t, outs[0], b, "another seed, another corpus")
}
