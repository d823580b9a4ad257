// Package pipeline wires graphload's stages in their fixed order:
// documents → sentences → mentions → entities → relations → one merged graph.
// It is the only package that knows all the stages.
package pipeline

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/graphload/graphload/internal/document"
	"github.com/graphload/graphload/internal/entities"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/internal/relations"
	"github.com/graphload/graphload/internal/segment"
)

// Pipeline extracts graphs from documents with one schema.
type Pipeline struct {
	schema *ontology.Schema
	rules  segment.Rules
	ents   *entities.Extractor
	rels   *relations.Extractor
	// extract is Document; tests replace it to make an extractor fail
	extract func(graph.Document) graph.DocGraph
}

// New builds the stages from a schema.
func New(s *ontology.Schema) *Pipeline {
	abbr := map[string]bool{}
	for _, a := range s.Lexicon.Abbreviations {
		abbr[strings.ToLower(strings.TrimSuffix(a, "."))] = true
	}
	ents := entities.New(s)
	return &Pipeline{
		schema: s,
		rules: segment.Rules{
			Abbreviations:     abbr,
			FurnitureLines:    patterns(s.FurnitureLines),
			FurnitureBios:     patterns(s.FurnitureBios),
			FurnitureHeads:    patterns(s.FurnitureHeads),
			MenuMinLines:      s.Lexicon.Furniture.TrailingMenuMinLines,
			MenuMaxWords:      s.Lexicon.Furniture.TrailingMenuMaxWords,
			MaxFurnitureBytes: s.Lexicon.Furniture.MaxParagraphBytes,
		},
		ents: ents,
		rels: relations.New(s, ents),
	}
}

func patterns(ps []ontology.Pattern) []segment.Pattern {
	out := make([]segment.Pattern, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// Schema returns the schema the pipeline was built with.
func (p *Pipeline) Schema() *ontology.Schema { return p.schema }

// Document extracts one document's graph. It is pure and safe to call from
// many goroutines.
func (p *Pipeline) Document(doc graph.Document) graph.DocGraph {
	sents := segment.Split(doc.Text, p.rules)
	found := p.ents.Extract(sents)
	rels := p.rels.Extract(relations.Input{Doc: doc, Sentences: sents, Mentions: found.Mentions, Entities: found.Entities})
	keys := make([]string, 0, len(found.Mentions))
	for _, m := range found.Mentions {
		if !m.Anaphor {
			keys = append(keys, m.EntityKey)
		}
	}
	art := graph.Article{ID: doc.ID, Title: doc.Title, Date: doc.Date, URL: doc.URL, Source: doc.Source, Mentions: graph.CountMentions(keys)}
	out := graph.DocGraph{Article: art, Relations: rels, Entities: make([]graph.Entity, 0, len(found.Entities))}
	for _, e := range found.Entities {
		out.Entities = append(out.Entities, *e)
	}
	return out
}

// Extract extracts one document like Document, turning a failure of the
// extractor into an error: one document it cannot read must not stop a run.
func (p *Pipeline) Extract(doc graph.Document) (dg graph.DocGraph, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extraction failed: %v", r)
		}
	}()
	if p.extract != nil {
		return p.extract(doc), nil
	}
	return p.Document(doc), nil
}

// Options tune a run.
type Options struct {
	Workers  int   // documents extracted at once; 0 means all cores
	MaxBytes int64 // files over this are skipped; 0 means document.DefaultMaxBytes
	OnSkip   func(document.Skip)
	// OnDocument, when set, is called with each document's own graph, in the
	// order documents are merged, before the merge.
	OnDocument func(graph.DocGraph)
	// OnProgress, when set, is called after each document with the totals so far.
	OnProgress func(Stats)
}

// Stats counts what a run did.
type Stats struct {
	Files      int
	Documents  int
	Skipped    int
	Bytes      int64 // text extracted so far
	TotalBytes int64 // the size of the input files, for an estimate of the time left
	Elapsed    time.Duration
}

// ETA estimates the time left from the bytes done so far.
func (s Stats) ETA() time.Duration {
	if s.Bytes == 0 || s.TotalBytes <= s.Bytes {
		return 0
	}
	return time.Duration(float64(s.Elapsed) * float64(s.TotalBytes-s.Bytes) / float64(s.Bytes))
}

// Run reads every article under paths and returns their merged graph. The
// graph is the same whatever the number of workers: documents are merged in
// the order they were read.
func (p *Pipeline) Run(ctx context.Context, paths []string, opt Options) (*graph.Graph, Stats, error) {
	start := time.Now()
	var st Stats
	var mu sync.Mutex
	reader := &document.Reader{MaxBytes: opt.MaxBytes, OnSkip: func(s document.Skip) {
		mu.Lock()
		st.Skipped++
		mu.Unlock()
		if opt.OnSkip != nil {
			opt.OnSkip(s)
		}
	}}
	files, err := reader.Files(paths)
	if err != nil {
		return nil, st, err
	}
	st.Files = len(files)
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			st.TotalBytes += info.Size()
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}

	type job struct {
		seq int
		doc graph.Document
	}
	type result struct {
		seq int
		dg  graph.DocGraph
		n   int64
		id  string
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, workers*2)
	results := make(chan result, workers*2)
	readErr := make(chan error, 1)

	go func() {
		defer close(jobs)
		seen := document.NewDedup()
		seq := 0
		for _, f := range files {
			err := reader.Read(ctx, f, seen, func(d graph.Document) error {
				select {
				case jobs <- job{seq: seq, doc: d}:
					seq++
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			if err != nil {
				readErr <- fmt.Errorf("read %s: %w", f, err)
				return
			}
		}
		readErr <- nil
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				dg, err := p.Extract(j.doc)
				r := result{seq: j.seq, dg: dg, n: int64(len(j.doc.Text)), id: j.doc.ID, err: err}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	g := graph.New(p.schema.Symmetric())
	pending := map[int]result{}
	next := 0
	for r := range results {
		pending[r.seq] = r
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if cur.err != nil {
				reader.OnSkip(document.Skip{Path: cur.id, Reason: cur.err.Error()})
				continue
			}
			if opt.OnDocument != nil {
				opt.OnDocument(cur.dg)
			}
			g.Add(cur.dg)
			st.Documents++
			st.Bytes += cur.n
			if opt.OnProgress != nil {
				mu.Lock()
				snap := st
				mu.Unlock()
				snap.Elapsed = time.Since(start)
				opt.OnProgress(snap)
			}
		}
	}
	if err := <-readErr; err != nil {
		return nil, st, err
	}
	if err := ctx.Err(); err != nil {
		return nil, st, err
	}
	st.Elapsed = time.Since(start)
	return g, st, nil
}
