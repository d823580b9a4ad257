// Package export selects a subgraph of a *graph.Graph (the neighbourhood of
// an entity, filtered by relation type, label, article date and support) and
// encodes it in the formats analysts use: APOC JSON lines, GraphML, a
// cypher-shell script, neo4j-admin import CSV, Graphviz DOT, SVG, a Markdown
// briefing and a self-contained interactive HTML page.
//
// Its input is a graph, whether read from a file written by 'graphload
// extract' or back from Neo4j; its output is bytes, the same for the same
// graph and selection. Every encoder has the shape NewXEncoder(w io.Writer),
// Encode(*Subgraph), Close() error.
package export

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/graphload/graphload/internal/graph"
)

// DateLayout is the layout of --since, --until and article dates.
const DateLayout = "2006-01-02"

// Selection says which part of a graph to export. The zero value selects
// every relation and the entities they join.
type Selection struct {
	// Around names the focus entity: its name, an alias or its key, folded
	// as graph.FoldName folds names (case, hyphens, diacritics do not count).
	Around string
	// Hops is how far from the focus to go (0: the focus alone). Only
	// with Around.
	Hops int
	// Types keeps only relations of these types (nil: all).
	Types []string
	// Labels keeps only entities with these labels (nil: all). The focus is
	// always kept, whatever its label.
	Labels []string
	// Since and Until (YYYY-MM-DD, inclusive) keep the relations seen in
	// articles dated within the window: those whose [FirstSeen, LastSeen]
	// overlaps it. Relations without any dated article are left out when
	// either is set.
	Since, Until string
	// MinSources keeps only relations backed by at least this many articles.
	MinSources int
	// Limit caps the number of entities (0: no cap): the focus first, then
	// by degree within the selection (highest first), then name, then key.
	Limit int
}

// Subgraph is a selected part of a graph, sorted, ready to encode.
type Subgraph struct {
	Selection Selection
	// Focus is the entity named by Selection.Around, nil without it.
	Focus *graph.Entity
	// Entities are sorted by key.
	Entities []*graph.Entity
	// Relations join two entities of the subgraph, sorted by type, from,
	// to; their evidence is sorted by document and offset.
	Relations []*graph.Relation
	// Articles are the sources of the relations, sorted by id; their
	// Mentions hold only the entities of the subgraph.
	Articles []*graph.Article
	// Undated counts the relations left out by Since/Until for lack of a
	// dated article.
	Undated int

	symmetric map[string]bool
	byKey     map[string]*graph.Entity
	articles  map[string]*graph.Article
	degree    map[string]int
}

// Entity returns the entity of the subgraph with key k, or nil.
func (s *Subgraph) Entity(k string) *graph.Entity { return s.byKey[k] }

// Article returns the article with id, or nil.
func (s *Subgraph) Article(id string) *graph.Article { return s.articles[id] }

// Degree is the number of relations of the subgraph that touch entity k.
func (s *Subgraph) Degree(k string) int { return s.degree[k] }

// Symmetric reports whether relations of type t have no direction.
func (s *Subgraph) Symmetric(t string) bool { return s.symmetric[t] }

// Ranked returns the entities by degree (highest first), then name, then key.
func (s *Subgraph) Ranked() []*graph.Entity {
	out := append([]*graph.Entity(nil), s.Entities...)
	sort.SliceStable(out, func(i, j int) bool { return rankLess(out[i], out[j], s.degree) })
	return out
}

func rankLess(a, b *graph.Entity, degree map[string]int) bool {
	if degree[a.Key] != degree[b.Key] {
		return degree[a.Key] > degree[b.Key]
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.Key < b.Key
}

// Graph returns the subgraph as a *graph.Graph (for the APOC encoder).
func (s *Subgraph) Graph() *graph.Graph {
	var sym []string
	for t := range s.symmetric {
		sym = append(sym, t)
	}
	g := graph.New(sym)
	for _, e := range s.Entities {
		g.Entities[e.Key] = e
	}
	for _, r := range s.Relations {
		g.Relations[graph.NewRelationID(r.Type, r.From, r.To, s.symmetric[r.Type])] = r
	}
	for _, a := range s.Articles {
		g.Articles[a.ID] = a
	}
	return g
}

// ErrSelection marks a selection that cannot be applied (a bad date, a
// negative count); the command reports it as a usage error.
var ErrSelection = errors.New("invalid selection")

// Check returns an error wrapping ErrSelection when sel cannot be applied.
func (sel Selection) Check() error {
	for _, d := range []struct{ flag, v string }{{"since", sel.Since}, {"until", sel.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(DateLayout, d.v); err != nil {
			return fmt.Errorf("%w: --%s %q is not a date like 2012-06-30", ErrSelection, d.flag, d.v)
		}
	}
	switch {
	case sel.Since != "" && sel.Until != "" && sel.Until < sel.Since:
		return fmt.Errorf("%w: --until %s is before --since %s", ErrSelection, sel.Until, sel.Since)
	case sel.Hops < 0:
		return fmt.Errorf("%w: --hops must be 0 or more", ErrSelection)
	case sel.MinSources < 0:
		return fmt.Errorf("%w: --min-sources must be 0 or more", ErrSelection)
	case sel.Limit < 0:
		return fmt.Errorf("%w: --limit must be 0 (no limit) or more", ErrSelection)
	}
	return nil
}

// Select applies sel to g. symmetric names the relation types without
// direction. An unknown Around gives a *NotFoundError.
func Select(g *graph.Graph, sel Selection, symmetric []string) (*Subgraph, error) {
	if err := sel.Check(); err != nil {
		return nil, err
	}
	s := &Subgraph{Selection: sel, symmetric: map[string]bool{}, byKey: map[string]*graph.Entity{},
		articles: map[string]*graph.Article{}, degree: map[string]int{}}
	for _, t := range symmetric {
		s.symmetric[t] = true
	}
	if sel.Around != "" {
		focus, _, err := Resolve(g, sel.Around)
		if err != nil {
			return nil, err
		}
		s.Focus = focus
	}
	types := set(sel.Types)
	labels := set(sel.Labels)
	isFocus := func(k string) bool { return s.Focus != nil && s.Focus.Key == k }
	labelOK := func(k string) bool {
		e := g.Entities[k]
		return e != nil && (isFocus(k) || len(labels) == 0 || labels[e.Type])
	}

	// The relations that pass the filters.
	var edges []*graph.Relation
	for _, r := range g.SortedRelations() {
		if len(types) > 0 && !types[r.Type] {
			continue
		}
		if !labelOK(r.From) || !labelOK(r.To) || len(r.Sources) < sel.MinSources {
			continue
		}
		if sel.Since != "" || sel.Until != "" {
			first, last := r.FirstSeen, r.LastSeen
			if first == "" {
				first = last
			}
			if last == "" {
				last = first
			}
			if first == "" {
				s.Undated++
				continue
			}
			if (sel.Since != "" && last < sel.Since) || (sel.Until != "" && first > sel.Until) {
				continue
			}
		}
		edges = append(edges, r)
	}

	// The entities: the neighbourhood of the focus, or every end.
	nodes := map[string]bool{}
	if s.Focus != nil {
		adj := map[string][]string{}
		for _, r := range edges {
			adj[r.From] = append(adj[r.From], r.To)
			adj[r.To] = append(adj[r.To], r.From)
		}
		nodes[s.Focus.Key] = true
		frontier := []string{s.Focus.Key}
		for hop := 0; hop < sel.Hops && len(frontier) > 0; hop++ {
			var next []string
			for _, k := range frontier {
				for _, n := range adj[k] {
					if !nodes[n] {
						nodes[n] = true
						next = append(next, n)
					}
				}
			}
			frontier = next
		}
	} else {
		for _, r := range edges {
			nodes[r.From], nodes[r.To] = true, true
		}
	}

	induced := func() []*graph.Relation {
		var out []*graph.Relation
		for _, r := range edges {
			if nodes[r.From] && nodes[r.To] {
				out = append(out, r)
			}
		}
		return out
	}
	rels := induced()
	if sel.Limit > 0 && len(nodes) > sel.Limit {
		degree := degrees(rels)
		ranked := make([]*graph.Entity, 0, len(nodes))
		for k := range nodes {
			ranked = append(ranked, g.Entities[k])
		}
		sort.Slice(ranked, func(i, j int) bool {
			if fi, fj := isFocus(ranked[i].Key), isFocus(ranked[j].Key); fi != fj {
				return fi
			}
			return rankLess(ranked[i], ranked[j], degree)
		})
		nodes = map[string]bool{}
		for _, e := range ranked[:sel.Limit] {
			nodes[e.Key] = true
		}
		rels = induced()
	}

	for k := range nodes {
		e := g.Entities[k]
		s.Entities = append(s.Entities, e)
		s.byKey[k] = e
	}
	sort.Slice(s.Entities, func(i, j int) bool { return s.Entities[i].Key < s.Entities[j].Key })
	s.degree = degrees(rels)
	sources := map[string]bool{}
	for _, r := range rels {
		c := *r
		c.Evidence = append([]graph.Evidence(nil), r.Evidence...)
		sort.SliceStable(c.Evidence, func(i, j int) bool {
			a, b := c.Evidence[i], c.Evidence[j]
			if a.DocID != b.DocID {
				return a.DocID < b.DocID
			}
			return a.Start < b.Start
		})
		c.Sources = append([]string(nil), r.Sources...)
		sort.Strings(c.Sources)
		s.Relations = append(s.Relations, &c)
		for _, d := range c.Sources {
			sources[d] = true
		}
	}
	for id := range sources {
		a := g.Articles[id]
		if a == nil {
			a = &graph.Article{ID: id} // a source whose article node is missing
		}
		c := *a
		c.Mentions = nil
		for _, m := range a.Mentions {
			if nodes[m.Key] {
				c.Mentions = append(c.Mentions, m)
			}
		}
		s.Articles = append(s.Articles, &c)
		s.articles[id] = &c
	}
	sort.Slice(s.Articles, func(i, j int) bool { return s.Articles[i].ID < s.Articles[j].ID })
	return s, nil
}

func degrees(rels []*graph.Relation) map[string]int {
	d := map[string]int{}
	for _, r := range rels {
		d[r.From]++
		if r.To != r.From {
			d[r.To]++
		}
	}
	return d
}

func set(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

// NotFoundError says that no entity goes by Name, with the closest names.
type NotFoundError struct {
	Name        string
	Suggestions []string // "Name (Label)", closest first
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no entity is named %q", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; closest names: " + strings.Join(e.Suggestions, ", ")
	}
	return msg
}

// Resolve finds the entity that name names: its key, its name or one of
// its aliases, folded (case, hyphens, periods, diacritics and a leading
// "the" do not count), then compacted (spacing, doubled letters). When
// several match, a match on the name wins over one on an alias, then the
// entity with the most mentions, then the lowest key; the others are
// returned too. No match gives a *NotFoundError with the closest names by
// edit distance.
func Resolve(g *graph.Graph, name string) (*graph.Entity, []*graph.Entity, error) {
	if e, ok := g.Entities[name]; ok {
		return e, nil, nil
	}
	folded := graph.FoldName(name)
	for _, fold := range []func(string) string{graph.FoldName, graph.CompactName} {
		q := fold(name)
		type hit struct {
			e      *graph.Entity
			byName bool
		}
		var hits []hit
		for _, e := range g.SortedEntities() {
			if fold(e.Name) == q {
				hits = append(hits, hit{e, true})
				continue
			}
			for _, a := range e.Aliases {
				if fold(a) == q {
					hits = append(hits, hit{e, false})
					break
				}
			}
		}
		if len(hits) == 0 || q == "" {
			continue
		}
		sort.SliceStable(hits, func(i, j int) bool {
			a, b := hits[i], hits[j]
			if a.byName != b.byName {
				return a.byName
			}
			if a.e.Mentions != b.e.Mentions {
				return a.e.Mentions > b.e.Mentions
			}
			return a.e.Key < b.e.Key
		})
		var others []*graph.Entity
		for _, h := range hits[1:] {
			others = append(others, h.e)
		}
		return hits[0].e, others, nil
	}
	return nil, nil, &NotFoundError{Name: name, Suggestions: suggest(g, folded, 5)}
}

// suggest returns the n names closest to the folded query q.
func suggest(g *graph.Graph, q string, n int) []string {
	type cand struct {
		text string
		dist int
		e    *graph.Entity
	}
	var cands []cand
	for _, e := range g.SortedEntities() {
		best := cand{dist: -1, e: e}
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			f := graph.FoldName(s)
			d := levenshtein(q, f)
			if q != "" && strings.Contains(f, q) {
				d = min(d, 1)
			}
			if best.dist < 0 || d < best.dist {
				best.dist, best.text = d, s
			}
		}
		cands = append(cands, best)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.e.Mentions != b.e.Mentions {
			return a.e.Mentions > b.e.Mentions
		}
		return a.e.Key < b.e.Key
	})
	var out []string
	for _, c := range cands[:min(n, len(cands))] {
		s := fmt.Sprintf("%s (%s)", c.e.Name, c.e.Type)
		if c.text != c.e.Name {
			s = fmt.Sprintf("%s (%s, %s)", c.text, c.e.Name, c.e.Type)
		}
		out = append(out, s)
	}
	return out
}

// levenshtein is the edit distance between a and b, in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
