package neo4jload_test

import (
	"context"
	"fmt"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/schema"
)

// Plan groups a graph's rows into statements with a fixed label or type,
// nodes first.
func ExamplePlan() {
	s, _ := ontology.Load(schema.FS)
	g := graph.New(s.Symmetric())
	g.Entities["Person:juma khan"] = &graph.Entity{Key: "Person:juma khan", Type: "Person", Name: "Juma Khan", Mentions: 1}
	g.Entities["Location:ishkamish"] = &graph.Entity{Key: "Location:ishkamish", Type: "Location", Name: "Ishkamish", Mentions: 1}
	g.Articles["a.txt"] = &graph.Article{ID: "a.txt", Mentions: graph.Mentions{{Key: "Location:ishkamish", Count: 1}, {Key: "Person:juma khan", Count: 1}}}
	g.Relations[graph.RelationID{Type: "KILLED_IN_RAID", From: "Person:juma khan", To: "Location:ishkamish"}] = &graph.Relation{Type: "KILLED_IN_RAID", From: "Person:juma khan", To: "Location:ishkamish", Sources: []string{"a.txt"}, Count: 1}
	plan, err := neo4jload.Plan(g, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range plan {
		fmt.Printf("%s: %d rows\n", st.What, len(st.Rows))
	}
	// Output:
	// Location nodes: 1 rows
	// Person nodes: 1 rows
	// Article nodes: 1 rows
	// MENTIONS of Location: 1 rows
	// MENTIONS of Person: 1 rows
	// KILLED_IN_RAID (Person->Location): 1 rows
}

// A Loader writes through any Executor: a *Driver from Open, or a fake.
func ExampleLoader_Load() {
	s, _ := ontology.Load(schema.FS)
	g := graph.New(s.Symmetric())
	g.Entities["Person:juma khan"] = &graph.Entity{Key: "Person:juma khan", Type: "Person", Name: "Juma Khan"}
	fake := &neo4jloadtest.Fake{}
	sum, err := neo4jload.New(fake, s, neo4jload.Options{BatchSize: 500}).Load(context.Background(), g)
	fmt.Println(sum.Entities, sum.Batches, err)
	// Output: 1 1 <nil>
}
