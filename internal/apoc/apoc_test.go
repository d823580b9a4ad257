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

// TestPropertiesInKeyOrder checks that every line is written as if its
// properties were a map, which encoding/json writes with sorted keys: the
// encoder's property structs must list their fields in that order, and
// leave out what the maps left out.
func TestPropertiesInKeyOrder(t *testing.T) {
	g := sample()
	g.Add(graph.DocGraph{
		Article: graph.Article{ID: "b.txt", Title: "<U>", Date: "2013-01-02", URL: "https://example.org/?a=1&b=2", Source: "Dawn",
			Mentions: graph.Mentions{{Key: "Organization:imu", Count: 1}, {Key: "Person:x", Count: 2}}},
		Entities: []graph.Entity{{Key: "Organization:imu", Type: "Organization", Name: "IMU", Mentions: 1},
			{Key: "Person:x", Type: "Person", Name: "X", Aliases: []string{"Mr X"}, Mentions: 2}},
		Relations: []graph.Relation{
			{Type: "ALLIED_WITH", From: "Organization:taliban", To: "Organization:imu", Count: 2, Sources: []string{"b.txt"},
				FirstSeen: "2013-01-02", LastSeen: "2013-01-02",
				Evidence: []graph.Evidence{{DocID: "b.txt", Sentence: "A & B.", Span: graph.Span{Start: 1, End: 7}}}},
			{Type: "MEMBER_OF", From: "Person:x", To: "Organization:imu", Count: 1, Sources: []string{"b.txt"}},
		},
	})
	out := encode(t, g)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 11, "3 entities, 2 articles, 4 MENTIONS, 2 relations")
	for _, line := range lines {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m))
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(struct {
			Type       any            `json:"type"`
			ID         any            `json:"id"`
			Label      any            `json:"label,omitempty"`
			Labels     any            `json:"labels,omitempty"`
			Start      any            `json:"start,omitempty"`
			End        any            `json:"end,omitempty"`
			Properties map[string]any `json:"properties"`
		}{m["type"], m["id"], m["label"], m["labels"], m["start"], m["end"], m["properties"].(map[string]any)}))
		assert.Equal(t, line, strings.TrimSpace(b.String()))
	}
	assert.Contains(t, out, `"properties":{"count":3,"evidence":["The IMU fights alongside the \"Taliban\".","A & B."],"evidenceSources":["a.txt","b.txt"],"firstSeen":"2013-01-02","lastSeen":"2013-01-02","offsets":["a.txt:10-49","b.txt:1-7"],"sourceCounts":[1,2],"sources":["a.txt","b.txt"]}`)
	assert.Contains(t, out, `"properties":{"date":"2013-01-02","id":"b.txt","source":"Dawn","title":"<U>","url":"https://example.org/?a=1&b=2"}`)
}
