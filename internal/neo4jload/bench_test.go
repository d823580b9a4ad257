package neo4jload_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
)

// subgraph returns the first n relations of g (by type and ends) with their
// entities, their source articles, and those articles' mentions of the
// relations' ends: the same data as g, at a smaller scale.
func subgraph(g *graph.Graph, n int, symmetric []string) *graph.Graph {
	sub := graph.New(symmetric)
	for i, r := range g.SortedRelations() {
		if i == n {
			break
		}
		sub.Relations[graph.NewRelationID(r.Type, r.From, r.To, false)] = r
		for _, k := range []string{r.From, r.To} {
			sub.Entities[k] = g.Entities[k]
			for _, doc := range r.Sources {
				a := sub.Articles[doc]
				if a == nil {
					c := *g.Articles[doc]
					c.Mentions = nil
					a = &c
					sub.Articles[doc] = a
				}
				a.Mentions.Set(k, g.Articles[doc].Mentions.Count(k))
			}
		}
	}
	return sub
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkLoad loads a generated graph (default 100k entities, 300k
// relations over 20k articles) with batched UNWIND statements, then a
// subset (default 20k relations) one MERGE statement (and one transaction)
// per row, and reports both rates in relationships per second (ontology
// relationships and MENTIONS, over the whole load: nodes included) and
// their ratio. Sizes: GRAPHLOAD_BENCH_ENTITIES, _RELATIONS, _DOCS, _PER_ROW, _BATCH.
//
//	go test ./internal/neo4jload -run '^$' -bench BenchmarkLoad -benchtime 1x -timeout 60m
func BenchmarkLoad(b *testing.B) {
	d := neo4jloadtest.Open(b)
	s := testSchema(b)
	g := neo4jloadtest.Synthetic(s, "bench-", envInt("GRAPHLOAD_BENCH_ENTITIES", 100000),
		envInt("GRAPHLOAD_BENCH_RELATIONS", 300000), envInt("GRAPHLOAD_BENCH_DOCS", 20000), 1)
	perRow := envInt("GRAPHLOAD_BENCH_PER_ROW", 20000)
	batch := envInt("GRAPHLOAD_BENCH_BATCH", neo4jload.DefaultBatchSize)
	sub := subgraph(g, perRow, s.Symmetric())
	mentions := func(g *graph.Graph) int {
		n := 0
		for _, a := range g.Articles {
			n += len(a.Mentions)
		}
		return n
	}
	b.Logf("batched: %d entities, %d articles, %d relations, %d mentions; per row: %d entities, %d relations, %d mentions",
		len(g.Entities), len(g.Articles), len(g.Relations), mentions(g), len(sub.Entities), len(sub.Relations), mentions(sub))
	ctx := context.Background()
	var batched, single float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		neo4jloadtest.Clear(b, d)
		b.StartTimer()
		stages := map[string]time.Duration{}
		var order []string
		var last time.Duration
		sum, err := neo4jload.New(d, s, neo4jload.Options{BatchSize: batch, OnProgress: func(p neo4jload.Progress) {
			if _, ok := stages[p.Stage]; !ok {
				order = append(order, p.Stage)
			}
			stages[p.Stage] += p.Elapsed - last
			last = p.Elapsed
		}}).Load(ctx, g)
		for _, st := range order {
			b.Logf("  %-40s %s", st, stages[st].Round(time.Millisecond))
		}
		require.NoError(b, err)
		batched = sum.RelationshipsPerSecond()
		b.Logf("batched (%d rows per transaction): %d relationships in %s: %.0f relationships/s; %d nodes and %d relationships created, %d properties set",
			batch, sum.Relationships(), sum.Elapsed.Round(time.Millisecond), batched, sum.NodesCreated, sum.RelationshipsCreated, sum.PropertiesSet)

		b.StopTimer()
		neo4jloadtest.Clear(b, d)
		b.StartTimer()
		sum, err = neo4jload.New(d, s, neo4jload.Options{BatchSize: 1}).Load(ctx, sub)
		require.NoError(b, err)
		single = sum.RelationshipsPerSecond()
		b.Logf("one statement per row: %d relationships in %s: %.0f relationships/s", sum.Relationships(), sum.Elapsed.Round(time.Millisecond), single)
	}
	b.ReportMetric(batched, "rels/s-batched")
	b.ReportMetric(single, "rels/s-per-row-subset")
	b.ReportMetric(batched/single, "ratio")
	b.Logf("ratio batched / per row: %.1f", batched/single)
}
