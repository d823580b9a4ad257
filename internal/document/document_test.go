package document

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphload/graphload/internal/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in, wantReason, wantTitle, wantDate string
	}{
		{"plain", "The IMU is active.", "", "", ""},
		{"front matter", "---\ntitle: Raid\ndate: 2012-06-01\n---\nThe IMU is active.", "", "Raid", "2012-06-01"},
		{"empty", "  \n ", "empty file", "", ""},
		{"binary", "ab\x00cd", "binary file (NUL bytes)", "", ""},
		{"only front matter", "---\ntitle: x\n---\n", "no text after front matter", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, reason := ParseText("f.txt", []byte(tt.in))
			assert.Equal(t, tt.wantReason, reason)
			if reason != "" {
				return
			}
			assert.Equal(t, tt.wantTitle, d.Title)
			assert.Equal(t, tt.wantDate, d.Date)
			assert.Equal(t, len(tt.in), len(d.Text), "front matter is blanked, so offsets still point into the file")
			i := strings.Index(d.Text, "IMU")
			assert.Equal(t, "IMU", tt.in[i:i+3])
		})
	}
}

func TestReaderSkipsAndDedups(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	write("a.txt", "The IMU is active in Kunduz.")
	write("b.md", "The IMU is active in Kunduz.") // same text as a.txt
	write("c.txt", "")
	write("d.jsonl", `{"id":"x1","title":"One","text":"Taliban in Helmand."}`+"\n"+`not json`+"\n"+`{"id":"x2","text":"`+strings.Repeat("a", 200)+`"}`+"\n")
	write("e.bin", "ignored: not an article extension")
	require.NoError(t, os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "link.txt")))

	var skips []string
	r := &Reader{MaxBytes: 100, OnSkip: func(s Skip) { skips = append(skips, filepath.Base(s.Path)+" "+s.Reason) }}
	files, err := r.Files([]string{dir})
	require.NoError(t, err)
	seen := NewDedup()
	var ids []string
	for _, f := range files {
		require.NoError(t, r.Read(context.Background(), f, seen, func(d graph.Document) error {
			ids = append(ids, d.ID)
			return nil
		}))
	}
	assert.Equal(t, []string{"a.txt", "x1"}, ids)
	assert.Len(t, skips, 5, "%v", skips)
	joined := strings.Join(skips, "\n")
	assert.Contains(t, joined, "b.md duplicate")
	assert.Contains(t, joined, "c.txt empty file")
	assert.Contains(t, joined, "d.jsonl:2 not a JSON object")
	assert.Contains(t, joined, "d.jsonl:3 line over the limit")
	assert.Contains(t, joined, "link.txt")
}
