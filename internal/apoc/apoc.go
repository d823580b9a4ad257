// Package apoc writes and reads graphs as APOC JSON lines, the format of
// Neo4j's apoc.export.json (re-importable with apoc.import.json): one
// {"type":"node",...} or {"type":"relationship",...} object per line.
//
// Entity nodes carry key, name, aliases, kind and mentions; Article nodes
// carry id, title, date, url and source and MENTIONS their entities; every
// ontology relationship carries sources, evidence, evidenceSources, offsets,
// count, firstSeen and lastSeen.
package apoc

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/graphload/graphload/internal/graph"
)

// ArticleLabel and MentionsType name the provenance part of the graph.
const (
	ArticleLabel = graph.ArticleLabel
	MentionsType = graph.MentionsType
)

// Node is one node line.
type Node struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Labels     []string       `json:"labels"`
	Properties map[string]any `json:"properties"`
}

// Ref is a relationship's end.
type Ref struct {
	ID     string   `json:"id"`
	Labels []string `json:"labels"`
}

// Relationship is one relationship line.
type Relationship struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Label      string         `json:"label"`
	Start      Ref            `json:"start"`
	End        Ref            `json:"end"`
	Properties map[string]any `json:"properties"`
}

// Encoder writes a graph as APOC JSON lines.
type Encoder struct {
	w *bufio.Writer
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: bufio.NewWriterSize(w, 1<<16)} }

// Encode writes g: entities by key, then articles by id, then relationships;
// ids are positions in that order, so the same graph gives the same bytes.
func (e *Encoder) Encode(g *graph.Graph) error {
	enc := json.NewEncoder(e.w)
	enc.SetEscapeHTML(false)
	labels := map[string][]string{ArticleLabel: {ArticleLabel}}
	labelsOf := func(l string) []string {
		if labels[l] == nil {
			labels[l] = []string{l}
		}
		return labels[l]
	}
	// one of each line and set of properties, filled again for every line:
	// a large graph has millions of lines
	node := &nodeLine{Type: "node"}
	rel := &relationshipLine{Type: "relationship"}
	var entity entityProps
	var article articleProps
	var mentions mentionsProps
	var relation relationProps

	ents := g.SortedEntities()
	index := make(map[string]int, len(ents)) // entity key -> node id
	node.Properties = &entity
	for n, ent := range ents {
		index[ent.Key] = n
		aliases := ent.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		entity = entityProps{Aliases: aliases, Key: ent.Key, Kind: ent.Kind, Mentions: ent.Mentions, Name: ent.Name}
		node.ID, node.Labels = strconv.Itoa(n), labelsOf(ent.Type)
		if err := enc.Encode(node); err != nil {
			return fmt.Errorf("write node %s: %w", ent.Key, err)
		}
	}
	arts := g.SortedArticles()
	node.Properties, node.Labels = &article, labelsOf(ArticleLabel)
	for i, a := range arts {
		article = articleProps{Date: a.Date, ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL}
		node.ID = strconv.Itoa(len(ents) + i)
		if err := enc.Encode(node); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
	}
	ref := func(key string) (Ref, bool) {
		n, ok := index[key]
		if !ok {
			return Ref{}, false
		}
		return Ref{ID: strconv.Itoa(n), Labels: labelsOf(ents[n].Type)}, true
	}
	r := 0
	rel.Label, rel.Properties = MentionsType, &mentions
	for i, a := range arts {
		rel.Start = Ref{ID: strconv.Itoa(len(ents) + i), Labels: labelsOf(ArticleLabel)}
		for _, m := range a.Mentions {
			end, ok := ref(m.Key)
			if !ok {
				continue
			}
			rel.ID, rel.End, mentions.Count = strconv.Itoa(r), end, m.Count
			r++
			if err := enc.Encode(rel); err != nil {
				return fmt.Errorf("write mention %s: %w", a.ID, err)
			}
		}
	}
	rel.Properties = &relation
	for _, gr := range g.SortedRelations() {
		from, okF := ref(gr.From)
		to, okT := ref(gr.To)
		if !okF || !okT {
			return fmt.Errorf("relation %s %s -> %s: endpoint not in graph", gr.Type, gr.From, gr.To)
		}
		rel.ID, rel.Label, rel.Start, rel.End = strconv.Itoa(r), gr.Type, from, to
		relation.set(gr)
		if err := enc.Encode(rel); err != nil {
			return fmt.Errorf("write relation %s: %w", gr.Type, err)
		}
		r++
	}
	return nil
}

// nodeLine and relationshipLine are Node and Relationship as written, with
// their properties in structs rather than maps: no map to build and sort per
// line. The fields of the property structs are in the order of their JSON
// names, the order in which encoding/json writes a map's keys.
type nodeLine struct {
	Type       string   `json:"type"`
	ID         string   `json:"id"`
	Labels     []string `json:"labels"`
	Properties any      `json:"properties"`
}

type relationshipLine struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Label      string `json:"label"`
	Start      Ref    `json:"start"`
	End        Ref    `json:"end"`
	Properties any    `json:"properties"`
}

type entityProps struct {
	Aliases  []string `json:"aliases"`
	Key      string   `json:"key"`
	Kind     string   `json:"kind,omitempty"`
	Mentions int      `json:"mentions"`
	Name     string   `json:"name"`
}

type articleProps struct {
	Date   string `json:"date,omitempty"`
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
}

type mentionsProps struct {
	Count int `json:"count"`
}

type relationProps struct {
	Count           int      `json:"count"`
	Evidence        []string `json:"evidence"`
	EvidenceSources []string `json:"evidenceSources"`
	FirstSeen       string   `json:"firstSeen,omitempty"`
	LastSeen        string   `json:"lastSeen,omitempty"`
	Offsets         []string `json:"offsets"`
	SourceCounts    []int    `json:"sourceCounts,omitempty"`
	Sources         []string `json:"sources"`
}

// set makes p the properties of rel, reusing p's slices.
func (p *relationProps) set(rel *graph.Relation) {
	p.Count, p.FirstSeen, p.LastSeen, p.Sources = rel.Count, rel.FirstSeen, rel.LastSeen, rel.Sources
	// evidence and its lists are written even when empty: [], not null
	p.Evidence = cleared(p.Evidence)
	p.EvidenceSources = cleared(p.EvidenceSources)
	p.Offsets = cleared(p.Offsets)
	for _, ev := range rel.Evidence {
		p.Evidence = append(p.Evidence, ev.Sentence)
		p.EvidenceSources = append(p.EvidenceSources, ev.DocID)
		p.Offsets = append(p.Offsets, offset(ev))
	}
	// sourceCounts runs parallel to sources: how many of count each article
	// supports; left out when there are no sources
	p.SourceCounts = p.SourceCounts[:0]
	for i := range rel.Sources {
		p.SourceCounts = append(p.SourceCounts, rel.SourceCountAt(i))
	}
}

// cleared returns s emptied, never nil.
func cleared(s []string) []string {
	if s == nil {
		return make([]string, 0, graph.MaxEvidence)
	}
	return s[:0]
}

func offset(ev graph.Evidence) string {
	return ev.DocID + ":" + strconv.Itoa(ev.Start) + "-" + strconv.Itoa(ev.End)
}

// RelationProperties returns the provenance of a relation as Neo4j
// properties (lists of scalars only: Neo4j stores no nested values).
func RelationProperties(rel *graph.Relation) map[string]any {
	var p relationProps
	p.set(rel)
	props := map[string]any{
		"sources": p.Sources, "evidence": p.Evidence, "evidenceSources": p.EvidenceSources,
		"offsets": p.Offsets, "count": p.Count,
	}
	if len(p.SourceCounts) > 0 {
		props["sourceCounts"] = p.SourceCounts
	}
	if p.FirstSeen != "" {
		props["firstSeen"] = p.FirstSeen
	}
	if p.LastSeen != "" {
		props["lastSeen"] = p.LastSeen
	}
	return props
}

// Close flushes what is buffered.
func (e *Encoder) Close() error { return e.w.Flush() }

// Decode reads a graph written by Encoder (or by apoc.export.json with the
// same properties). symmetric names the relation types without direction.
func Decode(r io.Reader, symmetric []string) (*graph.Graph, error) {
	g := graph.New(symmetric)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	keyOf := map[string]string{}     // node id -> entity key
	articleOf := map[string]string{} // node id -> article id
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var head struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal([]byte(text), &head); err != nil {
			return nil, fmt.Errorf("line %d: not a JSON object: %w", line, err)
		}
		switch head.Type {
		case "node":
			var n Node
			if err := json.Unmarshal([]byte(text), &n); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if len(n.Labels) == 0 {
				return nil, fmt.Errorf("line %d: node %s has no label", line, n.ID)
			}
			if n.Labels[0] == ArticleLabel {
				a := &graph.Article{ID: str(n.Properties["id"]), Title: str(n.Properties["title"]), Date: str(n.Properties["date"]),
					URL: str(n.Properties["url"]), Source: str(n.Properties["source"])}
				g.Articles[a.ID] = a
				articleOf[n.ID] = a.ID
				continue
			}
			e := &graph.Entity{Key: str(n.Properties["key"]), Type: n.Labels[0], Kind: str(n.Properties["kind"]),
				Name: str(n.Properties["name"]), Aliases: strs(n.Properties["aliases"]), Mentions: num(n.Properties["mentions"])}
			if e.Key == "" {
				e.Key = graph.EntityKey(e.Type, e.Name)
			}
			g.Entities[e.Key] = e
			keyOf[n.ID] = e.Key
		case "relationship":
			var rel Relationship
			if err := json.Unmarshal([]byte(text), &rel); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if rel.Label == MentionsType {
				if a, ok := g.Articles[articleOf[rel.Start.ID]]; ok {
					a.Mentions.Set(keyOf[rel.End.ID], num(rel.Properties["count"]))
				}
				continue
			}
			from, okF := keyOf[rel.Start.ID]
			to, okT := keyOf[rel.End.ID]
			if !okF || !okT {
				return nil, fmt.Errorf("line %d: relationship %s joins nodes not defined before it", line, rel.ID)
			}
			gr := &graph.Relation{Type: rel.Label, From: from, To: to, Sources: strs(rel.Properties["sources"]),
				Count: num(rel.Properties["count"]), FirstSeen: str(rel.Properties["firstSeen"]), LastSeen: str(rel.Properties["lastSeen"])}
			if counts, ok := rel.Properties["sourceCounts"].([]any); ok && len(counts) == len(gr.Sources) && len(counts) > 1 {
				gr.SourceCounts = make([]int, len(counts))
				for i, c := range counts {
					gr.SourceCounts[i] = num(c)
				}
			}
			sents, docs, offs := strs(rel.Properties["evidence"]), strs(rel.Properties["evidenceSources"]), strs(rel.Properties["offsets"])
			for i, s := range sents {
				ev := graph.Evidence{Sentence: s}
				if i < len(docs) {
					ev.DocID = docs[i]
				}
				if i < len(offs) {
					ev.Span = parseOffset(offs[i])
				}
				gr.Evidence = append(gr.Evidence, ev)
			}
			g.Relations[graph.NewRelationID(gr.Type, gr.From, gr.To, false)] = gr
		default:
			return nil, fmt.Errorf("line %d: unknown type %q", line, head.Type)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read graph: %w", err)
	}
	return g, nil
}

func parseOffset(s string) graph.Span {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return graph.Span{}
	}
	a, b, ok := strings.Cut(s[i+1:], "-")
	if !ok {
		return graph.Span{}
	}
	start, _ := strconv.Atoi(a)
	end, _ := strconv.Atoi(b)
	return graph.Span{Start: start, End: end}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) int {
	switch n := v.(type) {
	case float64:
		return int(n)
	case int:
		return n
	}
	return 0
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
