package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// The project's scorer and the reference scorer (../shared/tools/kgscore)
// print the same corpus-level figures on the development set.
func TestEvalAgreesWithReferenceScorer(t *testing.T) {
	kgscore, err := filepath.Abs("../../../shared/tools/kgscore")
	require.NoError(t, err)
	if _, err := os.Stat(kgscore); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("reference scorer not found at %s: CI runs beside shared/", kgscore)
		}
		t.Skipf("SKIPPED: reference scorer not found at %s", kgscore)
	}
	out := filepath.Join(t.TempDir(), "graph.jsonl")
	io, _, stderr := testStreams(nil)
	require.Equal(t, exitOK, run(context.Background(), []string{"extract", "--output", out, corpus}, io), stderr.String())

	io, stdout, stderr := testStreams(nil)
	require.Equal(t, exitOK, run(context.Background(), []string{"eval", "--gold", "../../fixtures/gold", corpus}, io), stderr.String())
	ours := stdout.String()

	cmd := exec.Command("go", "run", ".", "-gold", filepath.Join(kgscore, "../../gold"), "-pred", out)
	cmd.Dir = kgscore
	ref, err := cmd.CombinedOutput()
	require.NoError(t, err, string(ref))

	assert.Equal(t, lastLine(string(ref)), lastLine(ours))
	// the per-type and total rows agree too
	for _, row := range []string{"entities", "relations"} {
		assert.Contains(t, ours, rowOf(string(ref), row))
	}
}

func rowOf(out, label string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, label+" ") {
			return l
		}
	}
	return "row " + label + " missing"
}

func TestEvalNeedsGold(t *testing.T) {
	io, _, stderr := testStreams(nil)
	assert.Equal(t, exitUsage, run(context.Background(), []string{"eval", corpus}, io))
	assert.Contains(t, stderr.String(), "--gold")
}
