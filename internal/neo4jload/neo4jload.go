// Package neo4jload writes a *graph.Graph into Neo4j: it sets up the schema
// (a uniqueness constraint per entity label and on Article.id, a full-text
// index over names and aliases), then merges entity nodes, Article nodes,
// MENTIONS relationships and the ontology's relationships in batched
// `UNWIND $rows AS row MERGE ...` statements, one managed transaction per
// batch, nodes before relationships.
//
// Its output is the database state and a Summary. Loading is idempotent and
// keyed by article: every node and relationship keeps its provenance per
// source document (sources plus a parallel list of counts), and merging
// first drops the contribution of the articles being loaded, then adds the
// new one, so an article loaded again replaces itself instead of counting
// twice, and a second corpus adds to the first without losing its provenance.
//
// All calls into the Neo4j driver sit in driver.go behind Executor; the rest
// of the package is pure and testable with a fake executor.
package neo4jload

import (
	"context"
	"fmt"
	"time"

	"github.com/graphload/graphload/internal/graph"
)

// DefaultBatchSize is the number of rows written per transaction.
const DefaultBatchSize = 1000

// Executor runs one Cypher statement in a managed write transaction
// (retried by the driver on transient errors) and returns its counters.
type Executor interface {
	ExecuteWrite(ctx context.Context, cypher string, params map[string]any) (Counters, error)
}

// Schema is the allow-list of labels and relationship types that may be
// written into Cypher text; *ontology.Schema satisfies it.
type Schema interface {
	IsLabel(string) bool
	IsRelation(string) bool
	Labels() []string
}

// Counters are the update counters of the driver's result summaries.
type Counters struct {
	NodesCreated         int
	RelationshipsCreated int
	PropertiesSet        int
	LabelsAdded          int
	IndexesAdded         int
	ConstraintsAdded     int
}

// Add sums o into c.
func (c *Counters) Add(o Counters) {
	c.NodesCreated += o.NodesCreated
	c.RelationshipsCreated += o.RelationshipsCreated
	c.PropertiesSet += o.PropertiesSet
	c.LabelsAdded += o.LabelsAdded
	c.IndexesAdded += o.IndexesAdded
	c.ConstraintsAdded += o.ConstraintsAdded
}

// Progress is reported after every batch.
type Progress struct {
	Stage   string // what the batch wrote: "Person nodes", "MENTIONS", ...
	Done    int    // rows written so far, over all stages
	Total   int    // rows to write
	Elapsed time.Duration
}

// Options tune a Loader.
type Options struct {
	// BatchSize is the number of rows per transaction; 0 means
	// DefaultBatchSize. Batches run one after the other: concurrent
	// relationship batches deadlock on shared nodes (measured: 5x slower).
	BatchSize  int
	OnProgress func(Progress)
}

// Summary says what a load did.
type Summary struct {
	Counters      // summed over every statement
	Entities  int // entity rows merged
	Articles  int // Article rows merged
	Mentions  int // MENTIONS rows merged
	Relations int // ontology relationship rows merged
	Batches   int // transactions committed
	Elapsed   time.Duration
}

// Relationships is the number of relationship rows merged.
func (s Summary) Relationships() int { return s.Mentions + s.Relations }

// RelationshipsPerSecond is the relationship rows merged per second.
func (s Summary) RelationshipsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Relationships()) / s.Elapsed.Seconds()
}

// Loader writes graphs through an Executor.
type Loader struct {
	exec   Executor
	schema Schema
	opt    Options
}

// New returns a loader writing through exec with the labels and types of schema.
func New(exec Executor, schema Schema, opt Options) *Loader {
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	return &Loader{exec: exec, schema: schema, opt: opt}
}

// Setup creates the constraints and the full-text index when they do not
// exist yet, and waits until they are online.
func (l *Loader) Setup(ctx context.Context) (Counters, error) {
	stmts, err := SchemaStatements(l.schema)
	if err != nil {
		return Counters{}, fmt.Errorf("%w: %w", ErrInvalidGraph, err)
	}
	var total Counters
	for _, s := range stmts {
		c, err := l.exec.ExecuteWrite(ctx, s, nil)
		if err != nil {
			return total, fmt.Errorf("schema set-up: %w", err)
		}
		total.Add(c)
	}
	return total, nil
}

// Load sets up the schema, then merges g: entity nodes, Article nodes,
// MENTIONS, then the ontology relationships. The whole plan is checked
// against the schema before anything is written.
func (l *Loader) Load(ctx context.Context, g *graph.Graph) (Summary, error) {
	start := time.Now()
	var sum Summary
	plan, err := Plan(g, l.schema)
	if err != nil {
		return sum, fmt.Errorf("%w: %w", ErrInvalidGraph, err)
	}
	c, err := l.Setup(ctx)
	sum.Counters.Add(c)
	if err != nil {
		sum.Elapsed = time.Since(start)
		return sum, err
	}
	total := 0
	for _, st := range plan {
		total += len(st.Rows)
	}
	done := 0
	for _, st := range plan {
		for first := 0; first < len(st.Rows); first += l.opt.BatchSize {
			if err := ctx.Err(); err != nil {
				sum.Elapsed = time.Since(start)
				return sum, err
			}
			last := min(first+l.opt.BatchSize, len(st.Rows))
			c, err := l.exec.ExecuteWrite(ctx, st.Cypher, map[string]any{"rows": st.Rows[first:last]})
			if err != nil {
				sum.Elapsed = time.Since(start)
				return sum, &BatchError{What: st.What, First: first, Last: last, Docs: batchDocs(st.Docs[first:last]), Err: err}
			}
			sum.Counters.Add(c)
			sum.Batches++
			n := last - first
			switch st.Kind {
			case KindEntities:
				sum.Entities += n
			case KindArticles:
				sum.Articles += n
			case KindMentions:
				sum.Mentions += n
			case KindRelations:
				sum.Relations += n
			}
			done += n
			if l.opt.OnProgress != nil {
				l.opt.OnProgress(Progress{Stage: st.What, Done: done, Total: total, Elapsed: time.Since(start)})
			}
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}
