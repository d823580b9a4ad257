package graph

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func docGraph(id, date string, count int) DocGraph {
	return DocGraph{
		Article:  Article{ID: id, Date: date, Mentions: Mentions{{Key: "Organization:imu", Count: 1}}},
		Entities: []Entity{{Key: "Organization:imu", Type: Organization, Name: "IMU", Aliases: []string{"IMU-" + id}, Mentions: 2}},
		Relations: []Relation{{Type: "ALLIED_WITH", From: "Organization:taliban", To: "Organization:imu", Count: count,
			Sources: []string{id}, FirstSeen: date, LastSeen: date,
			Evidence: []Evidence{{DocID: id, Sentence: "s " + id, Span: Span{Start: 0, End: 3}}}}},
	}
}

func TestAddMerges(t *testing.T) {
	g := New([]string{"ALLIED_WITH"})
	g.Add(docGraph("a", "2011-05-01", 2))
	g.Add(docGraph("b", "2010-01-01", 1))
	require.Len(t, g.Relations, 1, "symmetric relations merge whatever their direction")
	var r *Relation
	for _, x := range g.Relations {
		r = x
	}
	assert.Equal(t, "Organization:imu", r.From, "symmetric ends are ordered")
	assert.Equal(t, 3, r.Count)
	assert.Equal(t, []string{"a", "b"}, r.Sources)
	assert.Equal(t, "2010-01-01", r.FirstSeen)
	assert.Equal(t, "2011-05-01", r.LastSeen)
	assert.Len(t, r.Evidence, 2)
	assert.Equal(t, 4, g.Entities["Organization:imu"].Mentions)
	assert.Equal(t, []string{"IMU-a", "IMU-b"}, g.Entities["Organization:imu"].Aliases)
}

// One article names him "Mawlawi Yar Mohammad", the next "Yar Mohammad":
// the node keeps the first as its name and the other as an alias.
func TestAddKeepsAnotherArticlesNameAsAlias(t *testing.T) {
	g := New(nil)
	a := docGraph("a", "", 1)
	a.Entities[0].Name = "Mawlawi Yar Mohammad"
	b := docGraph("b", "", 1)
	b.Entities[0].Name = "Yar Mohammad"
	g.Add(a)
	g.Add(b)
	e := g.Entities["Organization:imu"]
	assert.Equal(t, "Mawlawi Yar Mohammad", e.Name)
	assert.Contains(t, e.Aliases, "Yar Mohammad")
	assert.NotContains(t, e.Aliases, "Mawlawi Yar Mohammad")
}

func TestAddCountsPerSource(t *testing.T) {
	g := New([]string{"ALLIED_WITH"})
	for i, id := range []string{"c", "a", "d", "b"} {
		g.Add(docGraph(id, "", i+1))
	}
	rels := g.SortedRelations()
	require.Len(t, rels, 1)
	r := rels[0]
	assert.Equal(t, []string{"a", "b", "c", "d"}, r.Sources, "sorted when read")
	assert.Equal(t, []int{2, 4, 1, 3}, r.SourceCounts, "the counts follow their sources")
	assert.Equal(t, 10, r.Count)
	assert.Equal(t, 4, r.SourceCount("b"))
	assert.Equal(t, 4, r.SourceCountAt(1))
}

func TestSortSources(t *testing.T) {
	tests := []struct {
		name        string
		in          Relation
		sources     []string
		counts      []int
		countOfLast int
	}{
		{"one source", Relation{Sources: []string{"a"}, Count: 3}, []string{"a"}, nil, 3},
		{"sorted", Relation{Sources: []string{"a", "b"}, SourceCounts: []int{1, 2}, Count: 3}, []string{"a", "b"}, []int{1, 2}, 2},
		{"unsorted", Relation{Sources: []string{"c", "a", "b"}, SourceCounts: []int{3, 1, 2}, Count: 6},
			[]string{"a", "b", "c"}, []int{1, 2, 3}, 3},
		{"a source twice", Relation{Sources: []string{"b", "a", "b"}, SourceCounts: []int{1, 2, 4}, Count: 7},
			[]string{"a", "b"}, []int{2, 5}, 5},
		{"no counts", Relation{Sources: []string{"b", "a", "b"}, Count: 7}, []string{"a", "b"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.in
			r.SortSources()
			assert.Equal(t, tt.sources, r.Sources)
			assert.Equal(t, tt.counts, r.SourceCounts)
			last := len(r.Sources) - 1
			assert.Equal(t, tt.countOfLast, r.SourceCountAt(last))
			assert.Equal(t, tt.countOfLast, r.SourceCount(r.Sources[last]))
		})
	}
}

func TestAddSameArticleTwiceChangesNothing(t *testing.T) {
	g := New(nil)
	g.Add(docGraph("a", "", 2))
	g.Add(docGraph("a", "", 2))
	for _, r := range g.Relations {
		assert.Equal(t, 2, r.Count)
		assert.Len(t, r.Evidence, 1)
	}
	assert.Equal(t, 2, g.Entities["Organization:imu"].Mentions)
}

func TestEvidenceIsCapped(t *testing.T) {
	g := New(nil)
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		g.Add(docGraph(id, "", 1))
	}
	for _, r := range g.Relations {
		assert.Len(t, r.Evidence, MaxEvidence)
		assert.Equal(t, 7, r.Count, "the count keeps every mention beyond the cap")
	}
}

func TestAddKeepsOneCopyOfEachKey(t *testing.T) {
	g := New(nil)
	g.Add(docGraph("a", "", 1))
	// the second article's keys are equal strings in other memory
	d := docGraph("b", "", 1)
	d.Entities[0].Key = strings.Clone(d.Entities[0].Key)
	d.Article.Mentions[0].Key = strings.Clone(d.Article.Mentions[0].Key)
	d.Relations[0].Type = "MEMBER_OF"
	d.Relations[0].To = strings.Clone(d.Relations[0].To)
	g.Add(d)
	key := unsafe.StringData(g.Entities["Organization:imu"].Key)
	assert.Same(t, key, unsafe.StringData(g.Articles["b"].Mentions[0].Key))
	for id, r := range g.Relations {
		assert.Same(t, key, unsafe.StringData(r.To), "%s", r.Type)
		assert.Same(t, key, unsafe.StringData(id.To), "%s: the map's key too", r.Type)
	}
}

func TestFoldName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Dasht-i-Archi", "Dasht-e Archi"},
		{"al Qaeda", "Al-Qaeda"},
		{"O'zIH", "O’zIH"},
		{"The Haqqani Network", "Haqqani network"},
		{"Mazār-i-Sharīf", "Mazar-e Sharif"},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			assert.Equal(t, FoldName(tt.a), FoldName(tt.b))
		})
	}
	assert.NotEqual(t, FoldName("Jalalabad"), FoldName("Jalal-Abad"))
	assert.Equal(t, CompactName("Dashte-e Qala"), CompactName("Dasht-e Qala"))
	assert.Equal(t, CompactName("Burkah"), CompactName("Burka"))
}

func TestCountMentions(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want Mentions
	}{
		{"none", nil, Mentions{}},
		{"one", []string{"Person:a"}, Mentions{{Key: "Person:a", Count: 1}}},
		{"sorted and counted", []string{"Person:b", "Location:x", "Person:b", "Person:a", "Person:b"},
			Mentions{{Key: "Location:x", Count: 1}, {Key: "Person:a", Count: 1}, {Key: "Person:b", Count: 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CountMentions(tt.keys)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(got), cap(got), "no spare capacity")
		})
	}
}

func TestMentionsCountAndSet(t *testing.T) {
	tests := []struct {
		name  string
		start Mentions
		key   string
		n     int
		want  Mentions
	}{
		{"into nothing", nil, "Person:a", 2, Mentions{{Key: "Person:a", Count: 2}}},
		{"before", Mentions{{Key: "Person:b", Count: 1}}, "Person:a", 2,
			Mentions{{Key: "Person:a", Count: 2}, {Key: "Person:b", Count: 1}}},
		{"between", Mentions{{Key: "Person:a", Count: 1}, {Key: "Person:c", Count: 1}}, "Person:b", 4,
			Mentions{{Key: "Person:a", Count: 1}, {Key: "Person:b", Count: 4}, {Key: "Person:c", Count: 1}}},
		{"after", Mentions{{Key: "Person:a", Count: 1}}, "Person:b", 3,
			Mentions{{Key: "Person:a", Count: 1}, {Key: "Person:b", Count: 3}}},
		{"replaces", Mentions{{Key: "Person:a", Count: 1}, {Key: "Person:b", Count: 1}}, "Person:b", 5,
			Mentions{{Key: "Person:a", Count: 1}, {Key: "Person:b", Count: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := append(Mentions(nil), tt.start...)
			m.Set(tt.key, tt.n)
			assert.Equal(t, tt.want, m)
			assert.Equal(t, tt.n, m.Count(tt.key))
			assert.Zero(t, m.Count("Person:zz"), "an entity not named")
		})
	}
}

func TestFoldedSet(t *testing.T) {
	set := FoldedSet([]string{"Shura", "al-Qaeda", "co-founded"})
	assert.Equal(t, map[string]bool{"shura": true, "alqaeda": true, "cofounded": true}, set)
	assert.Empty(t, FoldedSet(nil))
}
