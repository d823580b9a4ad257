package neo4jload

import (
	"testing"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/testschema"
)

// FuzzPlanKeepsTextOutOfCypher: whatever the names, aliases and evidence
// are, the Cypher texts of a load are the same as for plain ones: user text
// only ever travels as parameters.
func FuzzPlanKeepsTextOutOfCypher(f *testing.F) {
	for _, s := range []string{"Taliban", "x'}) DETACH DELETE n //", "`Person`", "\"; MATCH (n) RETURN n", "$rows", "\\u0027"} {
		f.Add(s, s)
	}
	s := testschema.Load(f)
	build := func(name, evidence string) *graph.Graph {
		g := graph.New(s.Symmetric())
		g.Add(graph.DocGraph{
			Article: graph.Article{ID: name + ".txt", Title: name, Mentions: graph.Mentions{{Key: "Organization:o", Count: 1}, {Key: "Person:" + name, Count: 1}}},
			Entities: []graph.Entity{
				{Key: "Person:" + name, Type: "Person", Name: name, Aliases: []string{name}, Mentions: 1},
				{Key: "Organization:o", Type: "Organization", Name: "o", Mentions: 1},
			},
			Relations: []graph.Relation{{Type: "MEMBER_OF", From: "Person:" + name, To: "Organization:o", Count: 1,
				Sources: []string{name + ".txt"}, Evidence: []graph.Evidence{{DocID: name + ".txt", Sentence: evidence}}}},
		})
		return g
	}
	plain, err := Plan(build("a", "b"), s)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name, evidence string) {
		got, err := Plan(build(name, evidence), s)
		if err != nil {
			t.Fatalf("plan: %v", err)
		}
		if len(got) != len(plain) {
			t.Fatalf("%d statements, want %d", len(got), len(plain))
		}
		for i := range got {
			if got[i].Cypher != plain[i].Cypher {
				t.Fatalf("statement %d's Cypher depends on the data:\n%s", i, got[i].Cypher)
			}
		}
	})
}
