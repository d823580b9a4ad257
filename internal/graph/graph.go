// Package graph holds graphload's domain types: documents, sentences,
// mentions, entities, relations with their evidence, and the merged graph
// built from many documents. It imports no other package of the project;
// every stage speaks in these types.
package graph

import (
	"slices"
	"sort"
	"strings"
)

// Entity types of the ontology. Relation types and kinds live in the schema.
const (
	Person       = "Person"
	Organization = "Organization"
	Location     = "Location"
)

// ArticleLabel and MentionsType name the provenance part of a stored graph:
// the node standing for a document, and its relationship to what it names.
// They are graphload's own, not the schema's.
const (
	ArticleLabel = "Article"
	MentionsType = "MENTIONS"
)

// Document is one article as read from disk.
type Document struct {
	ID     string // file name or the id field of a JSON line
	Title  string
	Date   string // YYYY-MM-DD when known
	URL    string
	Source string
	Text   string
}

// Span is a half-open byte range [Start, End) in a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentence is a sentence of a document with its position and tokens.
type Sentence struct {
	Span
	Text      string
	Paragraph int  // index of the paragraph within the document
	Furniture bool // page furniture: not content, never a source of facts
	Tokens    []Token
}

// Token is a word or a punctuation mark with its byte offsets in the document.
type Token struct {
	Span
	Text string
	Word bool // letters or digits; false for punctuation
}

// Mention is a stretch of text that names an entity.
type Mention struct {
	Span
	Text      string // the surface form as written
	Sentence  int    // index into the document's sentences
	First     int    // index of the first token in the sentence
	Last      int    // index of the token after the mention
	EntityKey string
	Type      string
	Kind      string
	// Anaphor marks "the group", "this network": it points at an entity named
	// elsewhere and adds no alias to it.
	Anaphor bool
}

// Entity is one real-world thing: a person, an organization or a place.
type Entity struct {
	Key      string   // canonical key, stable across documents: Type + ":" + folded name
	Type     string   // Person, Organization or Location
	Kind     string   // refines Type: militant_group, province, ...
	Name     string   // canonical name
	Aliases  []string // other names it goes by in the text, sorted, without Name
	Mentions int      // number of mentions over the corpus
}

// Evidence is one sentence that supports a relation.
type Evidence struct {
	DocID    string `json:"doc"`
	Sentence string `json:"sentence"`
	Span            // the sentence's byte offsets in the document
}

// Relation is a typed edge between two entities with its provenance.
type Relation struct {
	Type     string
	From, To string // entity keys
	// Evidence holds the supporting sentences, at most MaxEvidence of them,
	// in document order; Count counts every supporting mention.
	Evidence []Evidence
	Sources  []string // document ids, sorted (see SortSources)
	Count    int
	// SourceCounts says how many of Count each source article supports, so
	// that a loader can combine provenance per article: SourceCounts[i] is
	// the share of Sources[i]. It is nil while the relation has one source
	// (that source supports all of Count): most relations. Read it with
	// SourceCountAt or SourceCount.
	SourceCounts []int
	FirstSeen    string // earliest article date, when articles have dates
	LastSeen     string
}

// SourceCountAt returns how many of the relation's supporting mentions come
// from the article Sources[i].
func (r *Relation) SourceCountAt(i int) int {
	if r.SourceCounts == nil {
		if len(r.Sources) == 1 {
			return r.Count
		}
		return 0
	}
	if i < len(r.SourceCounts) {
		return r.SourceCounts[i]
	}
	return 0
}

// SourceCount returns how many of the relation's supporting mentions come
// from the article doc. It looks doc up in Sources; use SourceCountAt when
// going through the sources.
func (r *Relation) SourceCount(doc string) int {
	n := 0
	for i, d := range r.Sources {
		if d == doc {
			n += r.SourceCountAt(i)
		}
	}
	return n
}

// SortSources sorts Sources, keeping SourceCounts parallel to them, and
// merges a source listed twice into one.
func (r *Relation) SortSources() {
	increasing := true
	for i := 1; i < len(r.Sources) && increasing; i++ {
		increasing = r.Sources[i-1] < r.Sources[i]
	}
	if increasing {
		return
	}
	if len(r.SourceCounts) != len(r.Sources) {
		sort.Strings(r.Sources)
		r.Sources = slices.Compact(r.Sources)
		return
	}
	sort.Sort(bySource{r})
	n := 0
	for i, d := range r.Sources {
		if n > 0 && d == r.Sources[n-1] {
			r.SourceCounts[n-1] += r.SourceCounts[i]
			continue
		}
		r.Sources[n], r.SourceCounts[n] = d, r.SourceCounts[i]
		n++
	}
	r.Sources, r.SourceCounts = r.Sources[:n], r.SourceCounts[:n]
}

// bySource sorts a relation's sources with their counts.
type bySource struct{ r *Relation }

func (s bySource) Len() int           { return len(s.r.Sources) }
func (s bySource) Less(i, j int) bool { return s.r.Sources[i] < s.r.Sources[j] }
func (s bySource) Swap(i, j int) {
	s.r.Sources[i], s.r.Sources[j] = s.r.Sources[j], s.r.Sources[i]
	s.r.SourceCounts[i], s.r.SourceCounts[j] = s.r.SourceCounts[j], s.r.SourceCounts[i]
}

// Key identifies a relation; symmetric relations are keyed with their ends ordered.
func RelationKey(typ, from, to string, symmetric bool) string {
	if symmetric && to < from {
		from, to = to, from
	}
	return typ + "|" + from + "|" + to
}

// RelationID identifies a relation of a graph: its type and its ends, those
// of a symmetric relation in order. It keys Graph.Relations (a struct, not a
// string like RelationKey, so that a large graph keeps no key strings).
type RelationID struct {
	Type, From, To string
}

// NewRelationID returns the id of a relation; symmetric relations have their
// ends ordered.
func NewRelationID(typ, from, to string, symmetric bool) RelationID {
	if symmetric && to < from {
		from, to = to, from
	}
	return RelationID{Type: typ, From: from, To: to}
}

// Article is the node standing for one document, with the entities it mentions.
type Article struct {
	ID, Title, Date, URL, Source string
	Mentions                     Mentions
}

// MentionCount says how often an article names one entity.
type MentionCount struct {
	Key   string // entity key
	Count int
}

// Mentions counts an article's mentions per entity: sorted by key, each key
// once. It is a slice rather than a map because a corpus keeps one per
// article, and a map costs several times the memory.
type Mentions []MentionCount

// CountMentions counts the entity keys of an article's mentions. It sorts
// keys in place.
func CountMentions(keys []string) Mentions {
	sort.Strings(keys)
	n := 0
	for i, k := range keys {
		if i == 0 || k != keys[i-1] {
			n++
		}
	}
	out := make(Mentions, 0, n)
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			out[len(out)-1].Count++
			continue
		}
		out = append(out, MentionCount{Key: k, Count: 1})
	}
	return out
}

// Count returns how often the article names the entity key.
func (m Mentions) Count(key string) int {
	if i, ok := m.find(key); ok {
		return m[i].Count
	}
	return 0
}

// Set records that the article names the entity key n times.
func (m *Mentions) Set(key string, n int) {
	i, ok := m.find(key)
	if ok {
		(*m)[i].Count = n
		return
	}
	*m = slices.Insert(*m, i, MentionCount{Key: key, Count: n})
}

func (m Mentions) find(key string) (int, bool) {
	return sort.Find(len(m), func(i int) int { return strings.Compare(key, m[i].Key) })
}

// DocGraph is what extraction finds in one document.
type DocGraph struct {
	Article   Article
	Entities  []Entity
	Relations []Relation
}

// MaxEvidence caps the evidence sentences kept per relation.
const MaxEvidence = 5

// Graph is the merged graph of a corpus.
type Graph struct {
	Entities  map[string]*Entity
	Relations map[RelationID]*Relation
	Articles  map[string]*Article
	symmetric map[string]bool
}

// New returns an empty graph; symmetric lists the relation types whose
// direction does not matter (ALLIED_WITH, RIVAL_OF).
func New(symmetric []string) *Graph {
	g := &Graph{
		Entities:  map[string]*Entity{},
		Relations: map[RelationID]*Relation{},
		Articles:  map[string]*Article{},
		symmetric: map[string]bool{},
	}
	for _, s := range symmetric {
		g.symmetric[s] = true
	}
	return g
}

// Add merges one document's graph. Adding the same article twice changes
// nothing: an article's contribution is replaced, never counted twice. The
// graph keeps d.Article's Mentions.
func (g *Graph) Add(d DocGraph) {
	if _, seen := g.Articles[d.Article.ID]; seen {
		return
	}
	for _, e := range d.Entities {
		cur, ok := g.Entities[e.Key]
		if !ok {
			c := e
			c.Aliases = append([]string(nil), e.Aliases...)
			g.Entities[e.Key] = &c
			continue
		}
		cur.Mentions += e.Mentions
		cur.Aliases = mergeStrings(cur.Aliases, e.Aliases)
		// "Mawlawi X" in one article, "X" in the next: both are names of it
		if e.Name != cur.Name {
			cur.Aliases = mergeStrings(cur.Aliases, []string{e.Name})
		}
		if cur.Kind == "" {
			cur.Kind = e.Kind
		}
	}
	a := d.Article
	for i := range a.Mentions {
		a.Mentions[i].Key = g.entityKey(a.Mentions[i].Key)
	}
	g.Articles[a.ID] = &a
	for _, r := range d.Relations {
		cur, ok := g.Relations[NewRelationID(r.Type, r.From, r.To, g.symmetric[r.Type])]
		if !ok {
			c := r
			if g.symmetric[r.Type] && r.To < r.From {
				c.From, c.To = r.To, r.From
			}
			// the graph's copy of an entity key, not the document's: one
			// string per entity however many articles name it
			c.From, c.To = g.entityKey(c.From), g.entityKey(c.To)
			c.Evidence = append([]Evidence(nil), r.Evidence...)
			c.Sources = append([]string(nil), r.Sources...)
			c.SourceCounts = nil
			if len(r.SourceCounts) > 0 && len(r.Sources) > 1 {
				c.SourceCounts = make([]int, len(r.Sources))
				for i := range r.Sources {
					c.SourceCounts[i] = r.SourceCountAt(i)
				}
			}
			g.Relations[RelationID{Type: c.Type, From: c.From, To: c.To}] = &c
			continue
		}
		if cur.SourceCounts == nil {
			counts := make([]int, len(cur.Sources))
			for i := range cur.Sources {
				counts[i] = cur.SourceCountAt(i)
			}
			cur.SourceCounts = counts
		}
		cur.Count += r.Count
		// an article is added once, so its id is new to the relation: append
		// now, sort when the graph is read (merging sorted lists here made a
		// corpus's merge quadratic in the articles a relation appears in)
		for i, src := range r.Sources {
			cur.Sources = append(cur.Sources, src)
			cur.SourceCounts = append(cur.SourceCounts, r.SourceCountAt(i))
		}
		for _, ev := range r.Evidence {
			if len(cur.Evidence) >= MaxEvidence {
				break
			}
			cur.Evidence = append(cur.Evidence, ev)
		}
		cur.FirstSeen = minDate(cur.FirstSeen, r.FirstSeen)
		cur.LastSeen = maxDate(cur.LastSeen, r.LastSeen)
	}
}

// entityKey returns the graph's own copy of an entity key, or k itself when
// the graph has no such entity.
func (g *Graph) entityKey(k string) string {
	if e, ok := g.Entities[k]; ok {
		return e.Key
	}
	return k
}

// SortedEntities returns the entities ordered by key.
func (g *Graph) SortedEntities() []*Entity {
	out := make([]*Entity, 0, len(g.Entities))
	for _, e := range g.Entities {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// SortedRelations returns the relations ordered by type, then ends, each
// with its sources sorted.
func (g *Graph) SortedRelations() []*Relation {
	out := make([]*Relation, 0, len(g.Relations))
	for _, r := range g.Relations {
		r.SortSources()
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	return out
}

// SortedArticles returns the articles ordered by id.
func (g *Graph) SortedArticles() []*Article {
	out := make([]*Article, 0, len(g.Articles))
	for _, a := range g.Articles {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func mergeStrings(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range a {
		set[s] = true
	}
	for _, s := range b {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func minDate(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case b < a:
		return b
	}
	return a
}

func maxDate(a, b string) string {
	if strings.Compare(b, a) > 0 {
		return b
	}
	return a
}
