package neo4jread

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/graph"
)

// fake answers each query with fixed rows, as the driver returns them.
type fake struct {
	rows   map[string][]map[string]any
	params map[string]map[string]any
	err    error
}

func (f *fake) Query(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	if f.params == nil {
		f.params = map[string]map[string]any{}
	}
	f.params[cypher] = params
	return f.rows[cypher], f.err
}

func TestRead(t *testing.T) {
	f := &fake{rows: map[string][]map[string]any{
		EntitiesQuery: {
			{"labels": []any{"Organization"}, "key": "Organization:taliban", "name": "Taliban", "kind": "militant_group", "aliases": []any{}, "mentions": int64(5)},
			{"labels": []any{"Organization"}, "key": "Organization:islamic movement of uzbekistan", "name": "Islamic Movement of Uzbekistan", "kind": nil, "aliases": []any{"IMU"}, "mentions": int64(9)},
		},
		ArticlesQuery: {{"id": "a.txt", "title": "T", "date": "2012-01-01", "url": nil, "source": nil}},
		MentionsQuery: {{"article": "a.txt", "key": "Organization:taliban", "count": int64(2)}},
		RelationsQuery: {{"type": "ALLIED_WITH", "from": "Organization:taliban", "to": "Organization:islamic movement of uzbekistan", "count": int64(3),
			"sources": []any{"a.txt"}, "evidence": []any{"S."}, "evidenceSources": []any{"a.txt"}, "offsets": []any{"a.txt:10-12"}, "firstSeen": "2012-01-01", "lastSeen": nil},
			{"type": "ALLIED_WITH", "from": "Organization:taliban", "to": "Organization:missing", "count": int64(1)}},
	}}
	g, err := Read(context.Background(), f, Schema{Labels: []string{"Location", "Organization", "Person"}, Relations: []string{"ALLIED_WITH"}, Symmetric: []string{"ALLIED_WITH"}})
	require.NoError(t, err)
	require.Len(t, g.Entities, 2)
	imu := g.Entities["Organization:islamic movement of uzbekistan"]
	assert.Equal(t, &graph.Entity{Key: imu.Key, Type: "Organization", Name: "Islamic Movement of Uzbekistan", Aliases: []string{"IMU"}, Mentions: 9}, imu)
	assert.Nil(t, g.Entities["Organization:taliban"].Aliases)
	assert.Equal(t, graph.Mentions{{Key: "Organization:taliban", Count: 2}}, g.Articles["a.txt"].Mentions)
	require.Len(t, g.Relations, 1, "relations to unknown entities are skipped")
	for _, r := range g.Relations {
		assert.Equal(t, "Organization:islamic movement of uzbekistan", r.From, "symmetric ends ordered as graph.Add orders them")
		assert.Equal(t, []graph.Evidence{{DocID: "a.txt", Sentence: "S.", Span: graph.Span{Start: 10, End: 12}}}, r.Evidence)
		assert.Equal(t, "2012-01-01", r.FirstSeen)
		assert.Equal(t, "", r.LastSeen)
	}
	assert.Equal(t, []any{"Location", "Organization", "Person"}, f.params[EntitiesQuery]["labels"], "labels are parameters")
	assert.Equal(t, []any{"ALLIED_WITH"}, f.params[RelationsQuery]["types"])
}

func TestReadError(t *testing.T) {
	_, err := Read(context.Background(), &fake{err: errors.New("boom")}, Schema{})
	assert.ErrorContains(t, err, "read entities: boom")
}

func TestParseOffset(t *testing.T) {
	tests := map[string]graph.Span{"a.txt:10-12": {Start: 10, End: 12}, "dir:x.txt:1-2": {Start: 1, End: 2}, "bad": {}, "a:1": {}}
	for in, want := range tests {
		assert.Equal(t, want, ParseOffset(in), in)
	}
}
