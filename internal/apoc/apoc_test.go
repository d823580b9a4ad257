package apoc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/graphload/graphload/internal/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample() *graph.Graph {
	g := graph.New([]string{"ALLIED_WITH"})
	g.Add(graph.DocGraph{
		Article: graph.Article{ID: "a.txt", Title: "T", Date: "2012-06-01", Mentions: graph.Mentions{{Key: "Organization:imu", Count: 2}, {Key: "Organization:taliban", Count: 1}}},
		Entities: []graph.Entity{
			{Key: "Organization:imu", Type: "Organization", Kind: "militant_group", Name: "Islamic Movement of Uzbekistan", Aliases: []string{"IMU"}, Mentions: 2},
			{Key: "Organization:taliban", Type: "Organization", Name: "Taliban", Mentions: 1},
		},
		Relations: []graph.Relation{{Type: "ALLIED_WITH", From: "Organization:imu", To: "Organization:taliban", Count: 1, Sources: []string{"a.txt"},
			Evidence: []graph.Evidence{{DocID: "a.txt", Sentence: "The IMU fights alongside the \"Taliban\".", Span: graph.Span{Start: 10, End: 49}}}}},
	})
	return g
}

func encode(t *testing.T, g *graph.Graph) string {
	var b bytes.Buffer
	enc := NewEncoder(&b)
	require.NoError(t, enc.Encode(g))
	require.NoError(t, enc.Close())
	return b.String()
}

func TestEncodeShape(t *testing.T) {
	out := encode(t, sample())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 6, "2 entities, 1 article, 2 MENTIONS, 1 relation")
	var rel Relationship
	require.NoError(t, json.Unmarshal([]byte(lines[5]), &rel))
	assert.Equal(t, "relationship", rel.Type)
	assert.Equal(t, "ALLIED_WITH", rel.Label)
	assert.Equal(t, []string{"Organization"}, rel.Start.Labels)
	assert.Equal(t, []any{"a.txt:10-49"}, rel.Properties["offsets"])
	assert.EqualValues(t, 1, rel.Properties["count"])
	var n Node
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &n))
	assert.Equal(t, "Islamic Movement of Uzbekistan", n.Properties["name"])
	assert.Equal(t, []any{"IMU"}, n.Properties["aliases"])
}

func TestRoundTripIsStable(t *testing.T) {
	first := encode(t, sample())
	g, err := Decode(strings.NewReader(first), []string{"ALLIED_WITH"})
	require.NoError(t, err)
	assert.Equal(t, first, encode(t, g), "decode then encode gives the same bytes")
}

func TestDecodeErrors(t *testing.T) {
	tests := map[string]string{
		"not json":      "{oops",
		"dangling edge": `{"type":"relationship","id":"0","label":"ALLIED_WITH","start":{"id":"1"},"end":{"id":"2"},"properties":{}}`,
		"unknown type":  `{"type":"path"}`,
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(in), nil)
			assert.Error(t, err)
		})
	}
}

func TestSourceCountsRoundTrip(t *testing.T) {
	g := graph.New(nil)
	for _, id := range []string{"a.txt", "b.txt"} {
		n := map[string]int{"a.txt": 2, "b.txt": 1}[id]
		g.Add(graph.DocGraph{
			Article:  graph.Article{ID: id},
			Entities: []graph.Entity{{Key: "Person:x", Type: "Person", Name: "X"}, {Key: "Organization:y", Type: "Organization", Name: "Y"}},
			Relations: []graph.Relation{{Type: "MEMBER_OF", From: "Person:x", To: "Organization:y", Count: n,
				Sources: []string{id}, SourceCounts: []int{n}}},
		})
	}
	out := encode(t, g)
	assert.Contains(t, out, `"sourceCounts":[2,1]`)
	back, err := Decode(strings.NewReader(out), nil)
	require.NoError(t, err)
	for _, r := range back.Relations {
		assert.Equal(t, []string{"a.txt", "b.txt"}, r.Sources)
		assert.Equal(t, []int{2, 1}, r.SourceCounts)
		assert.Equal(t, 3, r.Count)
	}
}
