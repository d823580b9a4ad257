package neo4jload_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
)

// fakeSchema allows exactly the labels and types it lists.
type fakeSchema struct {
	labels []string
	types  []string
}

func (f fakeSchema) IsLabel(l string) bool    { return contains(f.labels, l) }
func (f fakeSchema) IsRelation(t string) bool { return contains(f.types, t) }
func (f fakeSchema) Labels() []string         { return f.labels }

func TestCheckLabelAndType(t *testing.T) {
	s := fakeSchema{
		labels: []string{"Person", "Location", "Bad`Label", "lower"},
		types:  []string{"KILLED_IN_RAID", "BAD-TYPE", "X]->() DETACH DELETE n //"},
	}
	tests := []struct {
		name    string
		label   string
		typ     string
		wantErr bool
	}{
		{"allowed label and type", "Person", "KILLED_IN_RAID", false},
		{"label not in schema", "Weapon", "KILLED_IN_RAID", true},
		{"type not in schema", "Person", "LOVES", true},
		{"label in schema but not an identifier", "Bad`Label", "KILLED_IN_RAID", true},
		{"lower-case label", "lower", "KILLED_IN_RAID", true},
		{"type with a dash", "Person", "BAD-TYPE", true},
		{"type with injected Cypher", "Person", "X]->() DETACH DELETE n //", true},
		{"empty label", "", "KILLED_IN_RAID", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cypher, err := neo4jload.RelationCypher(s, tc.typ, tc.label, "Location")
			if tc.wantErr {
				require.Error(t, err)
				assert.Empty(t, cypher)
				return
			}
			require.NoError(t, err)
			assert.Contains(t, cypher, "MATCH (a:`"+tc.label+"` {key: row.from})")
			assert.Contains(t, cypher, "MERGE (a)-[r:`"+tc.typ+"`]->(b)")
		})
	}
}

func TestStatementsUseParameters(t *testing.T) {
	s := testSchema(t)
	ent, err := neo4jload.EntityCypher(s, "Person")
	require.NoError(t, err)
	men, err := neo4jload.MentionsCypher(s, "Location")
	require.NoError(t, err)
	rel, err := neo4jload.RelationCypher(s, "ALLIED_WITH", "Organization", "Organization")
	require.NoError(t, err)
	for name, c := range map[string]string{"entity": ent, "mentions": men, "relation": rel, "article": neo4jload.ArticleCypher()} {
		t.Run(name, func(t *testing.T) {
			assert.True(t, strings.HasPrefix(c, "UNWIND $rows AS row\n"), c)
			assert.Equal(t, 1, strings.Count(c, "$"), "one parameter, $rows: every value comes from a row")
		})
	}
	_, err = neo4jload.EntityCypher(s, "Article")
	assert.Error(t, err, "Article is not an entity label")
}

func TestSchemaStatements(t *testing.T) {
	stmts, err := neo4jload.SchemaStatements(testSchema(t))
	require.NoError(t, err)
	all := strings.Join(stmts, "\n")
	for _, l := range []string{"Location", "Organization", "Person"} {
		assert.Contains(t, all, "CREATE CONSTRAINT entity_"+l+"_key IF NOT EXISTS FOR (n:`"+l+"`) REQUIRE n.key IS UNIQUE")
	}
	assert.Contains(t, all, "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE")
	assert.Contains(t, all, "CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:`Location`|`Organization`|`Person`) ON EACH [n.name, n.aliases]")
	for _, st := range stmts {
		if strings.HasPrefix(st, "CREATE") {
			assert.Contains(t, st, "IF NOT EXISTS")
		}
	}

	_, err = neo4jload.SchemaStatements(fakeSchema{labels: []string{"Person", "Evil`) DROP"}})
	assert.Error(t, err)
	_, err = neo4jload.SchemaStatements(fakeSchema{})
	assert.Error(t, err)
}

func TestSplitCount(t *testing.T) {
	ev := func(docs ...string) []graph.Evidence {
		var out []graph.Evidence
		for _, d := range docs {
			out = append(out, graph.Evidence{DocID: d})
		}
		return out
	}
	tests := []struct {
		name     string
		total    int
		sources  []string
		evidence []graph.Evidence
		want     []neo4jload.Contribution
	}{
		{"no source", 3, nil, nil, nil},
		{"one source takes all", 4, []string{"a"}, ev("a"), []neo4jload.Contribution{{Doc: "a", N: 4}}},
		{"one each", 2, []string{"b", "a"}, ev("a", "b"), []neo4jload.Contribution{{Doc: "a", N: 1}, {Doc: "b", N: 1}}},
		{"remainder by evidence", 4, []string{"a", "b"}, ev("a", "b", "b", "b"), []neo4jload.Contribution{{Doc: "a", N: 1}, {Doc: "b", N: 3}}},
		{"rest to the first source", 6, []string{"a", "b"}, ev("a", "b"), []neo4jload.Contribution{{Doc: "a", N: 5}, {Doc: "b", N: 1}}},
		{"fewer counts than sources", 1, []string{"a", "b"}, nil, []neo4jload.Contribution{{Doc: "a", N: 1}, {Doc: "b", N: 0}}},
		{"duplicate sources", 2, []string{"a", "a"}, nil, []neo4jload.Contribution{{Doc: "a", N: 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := neo4jload.SplitCount(tc.total, tc.sources, tc.evidence)
			assert.Equal(t, tc.want, got)
			sum := 0
			for _, c := range got {
				sum += c.N
			}
			if len(tc.sources) > 0 {
				assert.Equal(t, tc.total, sum, "the split sums to the count")
			}
		})
	}
}

// smallGraph: two articles, three entities, two relations.
func smallGraph() *graph.Graph {
	g := graph.New([]string{"ALLIED_WITH"})
	add := func(e graph.Entity) { g.Entities[e.Key] = &e }
	add(graph.Entity{Key: "Person:juma khan", Type: "Person", Name: "Juma Khan", Mentions: 3})
	add(graph.Entity{Key: "Location:ishkamish", Type: "Location", Kind: "district", Name: "Ishkamish", Mentions: 1})
	add(graph.Entity{Key: "Organization:imu", Type: "Organization", Name: "Islamic Movement of Uzbekistan", Aliases: []string{"IMU"}, Mentions: 2})
	g.Articles["d2"] = &graph.Article{ID: "d2", Title: "Two", Mentions: graph.Mentions{{Key: "Organization:gone", Count: 1}, {Key: "Organization:imu", Count: 2}, {Key: "Person:juma khan", Count: 2}}}
	g.Articles["d1"] = &graph.Article{ID: "d1", Date: "2010-05-01", Mentions: graph.Mentions{{Key: "Location:ishkamish", Count: 1}, {Key: "Person:juma khan", Count: 1}}}
	g.Relations[graph.RelationID{Type: "KILLED_IN_RAID", From: "Person:juma khan", To: "Location:ishkamish"}] = &graph.Relation{Type: "KILLED_IN_RAID", From: "Person:juma khan", To: "Location:ishkamish",
		Sources: []string{"d1"}, Count: 1, Evidence: []graph.Evidence{{DocID: "d1", Sentence: "Juma Khan was killed in Ishkamish.", Span: graph.Span{Start: 5, End: 40}}}, FirstSeen: "2010-05-01", LastSeen: "2010-05-01"}
	g.Relations[graph.RelationID{Type: "MEMBER_OF", From: "Person:juma khan", To: "Organization:imu"}] = &graph.Relation{Type: "MEMBER_OF", From: "Person:juma khan", To: "Organization:imu",
		Sources: []string{"d1", "d2"}, Count: 3, Evidence: []graph.Evidence{{DocID: "d2", Sentence: "Juma Khan of the IMU.", Span: graph.Span{Start: 0, End: 21}}}}
	return g
}

func TestPlan(t *testing.T) {
	plan, err := neo4jload.Plan(smallGraph(), testSchema(t))
	require.NoError(t, err)
	var whats []string
	var kinds []neo4jload.Kind
	for _, st := range plan {
		whats = append(whats, st.What)
		kinds = append(kinds, st.Kind)
		assert.Len(t, st.Docs, len(st.Rows), st.What)
	}
	assert.Equal(t, []string{
		"Location nodes", "Organization nodes", "Person nodes", "Article nodes",
		"MENTIONS of Location", "MENTIONS of Organization", "MENTIONS of Person",
		"KILLED_IN_RAID (Person->Location)", "MEMBER_OF (Person->Organization)",
	}, whats)
	assert.IsNonDecreasing(t, kinds, "nodes before relationships")

	byWhat := map[string]neo4jload.Statement{}
	for _, st := range plan {
		byWhat[st.What] = st
	}
	person := byWhat["Person nodes"].Rows[0]
	assert.Equal(t, "Person:juma khan", person["key"])
	assert.Equal(t, []string{"d1", "d2"}, person["docs"])
	assert.Equal(t, []map[string]any{{"doc": "d1", "n": 1}, {"doc": "d2", "n": 2}}, person["contrib"])
	assert.Nil(t, person["kind"], "an empty kind is null, so a stored kind stays")
	assert.Equal(t, "district", byWhat["Location nodes"].Rows[0]["kind"])
	assert.Equal(t, []string{"IMU"}, byWhat["Organization nodes"].Rows[0]["aliases"])

	arts := byWhat["Article nodes"]
	require.Len(t, arts.Rows, 2)
	assert.Equal(t, "d1", arts.Rows[0]["id"])
	assert.Equal(t, map[string]any{"date": "2010-05-01"}, arts.Rows[0]["props"])
	assert.Equal(t, map[string]any{"title": "Two"}, arts.Rows[1]["props"])

	assert.Len(t, byWhat["MENTIONS of Organization"].Rows, 1, "a mention of an entity not in the graph is dropped")
	assert.Equal(t, map[string]any{"article": "d2", "key": "Organization:imu", "count": 2}, byWhat["MENTIONS of Organization"].Rows[0])

	kill := byWhat["KILLED_IN_RAID (Person->Location)"].Rows[0]
	assert.Equal(t, []string{"d1"}, kill["docs"])
	assert.Equal(t, []map[string]any{{"doc": "d1", "n": 1}}, kill["contrib"])
	assert.Equal(t, []map[string]any{{"doc": "d1", "start": 5, "sentence": "Juma Khan was killed in Ishkamish.", "offset": "d1:5-40"}}, kill["evidence"])
	assert.Equal(t, "2010-05-01", kill["firstSeen"])
	member := byWhat["MEMBER_OF (Person->Organization)"].Rows[0]
	assert.Equal(t, []string{"d1", "d2"}, member["docs"])
	assert.Nil(t, member["firstSeen"])
	assert.Equal(t, []string{"d1", "d2"}, byWhat["MEMBER_OF (Person->Organization)"].Docs[0])
}

func TestPlanRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(g *graph.Graph)
		want string
	}{
		{"entity label not in schema", func(g *graph.Graph) {
			g.Entities["Weapon:ak47"] = &graph.Entity{Key: "Weapon:ak47", Type: "Weapon", Name: "AK-47"}
		}, `label "Weapon"`},
		{"label with Cypher in it", func(g *graph.Graph) {
			g.Entities["x"] = &graph.Entity{Key: "x", Type: "Person`) DETACH DELETE (n", Name: "x"}
		}, "is not an entity label"},
		{"relation type not in schema", func(g *graph.Graph) {
			g.Relations[graph.RelationID{Type: "LOVES", From: "Person:juma khan", To: "Organization:imu"}] = &graph.Relation{Type: "LOVES", From: "Person:juma khan", To: "Organization:imu", Sources: []string{"d1"}, Count: 1}
		}, `relationship type "LOVES"`},
		{"relation endpoint missing", func(g *graph.Graph) {
			g.Relations[graph.RelationID{Type: "MEMBER_OF", From: "Person:nobody", To: "Organization:imu"}] = &graph.Relation{Type: "MEMBER_OF", From: "Person:nobody", To: "Organization:imu", Count: 1}
		}, "endpoint not in graph"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := smallGraph()
			tc.edit(g)
			_, err := neo4jload.Plan(g, testSchema(t))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)

			fake := &neo4jloadtest.Fake{}
			_, err = neo4jload.New(fake, testSchema(t), neo4jload.Options{}).Load(context.Background(), g)
			assert.ErrorIs(t, err, neo4jload.ErrInvalidGraph, "not a database error")
			assert.Empty(t, fake.Calls, "nothing is written when the plan is rejected")
		})
	}
}

func TestLoadBatches(t *testing.T) {
	s := testSchema(t)
	schemaStmts, err := neo4jload.SchemaStatements(s)
	require.NoError(t, err)
	plan, err := neo4jload.Plan(smallGraph(), s)
	require.NoError(t, err)
	tests := []struct {
		name      string
		batchSize int
		batches   int
	}{
		{"one row per batch", 1, 3 + 2 + 4 + 2},
		{"two rows per batch", 2, 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1},
		{"default batch size", 0, len(plan)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := &neo4jloadtest.Fake{Counters: neo4jload.Counters{NodesCreated: 1, RelationshipsCreated: 2, PropertiesSet: 3}}
			var progress []neo4jload.Progress
			sum, err := neo4jload.New(fake, s, neo4jload.Options{BatchSize: tc.batchSize, OnProgress: func(p neo4jload.Progress) {
				progress = append(progress, p)
			}}).Load(context.Background(), smallGraph())
			require.NoError(t, err)
			require.Len(t, fake.Calls, len(schemaStmts)+tc.batches)
			for i, st := range schemaStmts {
				assert.Equal(t, st, fake.Calls[i].Cypher, "schema set-up first")
			}
			assert.Equal(t, tc.batches, sum.Batches)
			assert.Equal(t, 3, sum.Entities)
			assert.Equal(t, 2, sum.Articles)
			assert.Equal(t, 4, sum.Mentions)
			assert.Equal(t, 2, sum.Relations)
			calls := len(fake.Calls)
			assert.Equal(t, neo4jload.Counters{NodesCreated: calls, RelationshipsCreated: 2 * calls, PropertiesSet: 3 * calls}, sum.Counters)
			require.Len(t, progress, tc.batches)
			last := progress[len(progress)-1]
			assert.Equal(t, last.Total, last.Done)
			assert.Equal(t, 11, last.Total)
			for _, c := range fake.Calls[len(schemaStmts):] {
				rows := c.Params["rows"].([]map[string]any)
				assert.NotEmpty(t, rows)
				if tc.batchSize > 0 {
					assert.LessOrEqual(t, len(rows), tc.batchSize)
				}
			}
		})
	}
}

func TestLoadBatchError(t *testing.T) {
	s := testSchema(t)
	n, err := neo4jload.SchemaStatements(s)
	require.NoError(t, err)
	cause := errors.New("server gone")
	fake := &neo4jloadtest.Fake{FailAt: len(n) + 3 + 1 + 3 + 2, Err: cause} // the MEMBER_OF batch
	_, err = neo4jload.New(fake, s, neo4jload.Options{}).Load(context.Background(), smallGraph())
	require.Error(t, err)
	var be *neo4jload.BatchError
	require.ErrorAs(t, err, &be)
	assert.ErrorIs(t, err, cause)
	assert.Equal(t, "MEMBER_OF (Person->Organization)", be.What)
	assert.Equal(t, []string{"d1", "d2"}, be.Docs)
	assert.Contains(t, err.Error(), "documents d1, d2")

	fake = &neo4jloadtest.Fake{FailAt: 1, Err: cause}
	_, err = neo4jload.New(fake, s, neo4jload.Options{}).Load(context.Background(), smallGraph())
	assert.ErrorContains(t, err, "schema set-up")
	assert.Len(t, fake.Calls, 1, "nothing written after a failed set-up")
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fake := &neo4jloadtest.Fake{}
	s := testSchema(t)
	n, _ := neo4jload.SchemaStatements(s)
	_, err := neo4jload.New(fake, s, neo4jload.Options{}).Load(ctx, smallGraph())
	assert.ErrorIs(t, err, context.Canceled)
	assert.Len(t, fake.Calls, len(n), "no batch after cancellation")
}

func TestConnectErrorNamesAddressOnly(t *testing.T) {
	tests := []struct {
		name   string
		uri    string
		reason error
		want   string
	}{
		{"unreachable", "bolt://user:s3cret@db.example:7687", neo4jload.ErrUnreachable, "neo4j at bolt://db.example:7687 unreachable"},
		{"unauthorized", "neo4j+s://abc.databases.neo4j.io", neo4jload.ErrUnauthorized, "refused the credentials"},
		{"no database", "bolt://127.0.0.1:7687", neo4jload.ErrDatabaseNotFound, `has no database "x"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := error(&neo4jload.ConnectError{Addr: neo4jload.Addr(tc.uri), Database: "x", Reason: tc.reason, Err: errors.New("driver says no")})
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "s3cret")
			assert.ErrorIs(t, err, tc.reason)
		})
	}
	assert.Equal(t, "(invalid URI)", neo4jload.Addr("::not a uri"))
}
