package neo4jload

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/graph"
)

// ArticleLabel and MentionsType name the provenance part of the graph; they
// are fixed by graphload, not by the schema.
const (
	ArticleLabel = graph.ArticleLabel
	MentionsType = graph.MentionsType
)

// Kind says what a statement writes.
type Kind int

// The kinds of statement, in the order a load runs them.
const (
	KindEntities Kind = iota
	KindArticles
	KindMentions
	KindRelations
)

// Statement is one Cypher text with a fixed label or type and the rows it
// merges, in the order they are written.
type Statement struct {
	Kind   Kind
	What   string // "Person nodes", "MENTIONS of Person", "KILLED_IN_RAID (Person->Location)"
	Cypher string
	Rows   []map[string]any
	Docs   [][]string // the documents each row comes from, for error messages
}

var identifier = regexp.MustCompile(`^[A-Z][A-Za-z_]*$`)

// CheckLabel returns an error unless l is a label of the schema and a plain identifier.
func CheckLabel(s Schema, l string) error {
	if !s.IsLabel(l) || !identifier.MatchString(l) {
		return fmt.Errorf("label %q is not an entity label of the schema", l)
	}
	return nil
}

// CheckType returns an error unless t is a relation type of the schema and a plain identifier.
func CheckType(s Schema, t string) error {
	if !s.IsRelation(t) || !identifier.MatchString(t) {
		return fmt.Errorf("relationship type %q is not a relation of the schema", t)
	}
	return nil
}

// SchemaStatements returns the idempotent schema set-up: a uniqueness
// constraint on key per entity label and on Article.id, the full-text index
// entityNames over name and aliases, and a wait until the indexes are online.
func SchemaStatements(s Schema) ([]string, error) {
	labels := s.Labels()
	if len(labels) == 0 {
		return nil, fmt.Errorf("schema has no entity labels")
	}
	var out []string
	for _, l := range labels {
		if err := CheckLabel(s, l); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT entity_%s_key IF NOT EXISTS FOR (n:`%s`) REQUIRE n.key IS UNIQUE", l, l))
	}
	out = append(out,
		"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:`"+ArticleLabel+"`) REQUIRE n.id IS UNIQUE",
		"CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:`"+strings.Join(labels, "`|`")+"`) ON EACH [n.name, n.aliases]",
		"CALL db.awaitIndexes(300)",
	)
	return out, nil
}

// mergeContrib returns Cypher clauses that end with contrib in scope: the
// per-article contributions of old (parallel lists oldDocs/oldN) without the
// articles of row.docs, plus row.contrib, sorted by document. Loading an
// article again thus replaces its contribution; other articles' stay. carry
// lists the variables the statement needs after it.
//
// The lists are grouped by document (a row's own contribution wins) and
// sorted in a subquery: linear in their length up to the sort. A hub
// (Afghanistan, named by 100,000 articles) stalled the earlier merge, which
// tested list membership and inserted element by element.
func mergeContrib(oldDocs, oldN, carry string) string {
	return "WITH " + carry + ", CASE WHEN " + oldDocs + " IS NULL THEN [] ELSE\n" +
		"    [i IN range(0, size(" + oldDocs + ") - 1) | {doc: " + oldDocs + "[i], n: " + oldN + "[i], fresh: false}] END +\n" +
		"  [c IN row.contrib | {doc: c.doc, n: c.n, fresh: true}] AS allc\n" +
		"CALL {\n" +
		"  WITH allc\n" +
		"  UNWIND allc AS c\n" +
		"  WITH c.doc AS doc, collect(c) AS cs\n" +
		"  WITH doc, [x IN cs WHERE x.fresh] + [x IN cs WHERE NOT x.fresh] AS cs\n" +
		"  ORDER BY doc\n" +
		"  RETURN collect({doc: doc, n: cs[0].n}) AS contrib\n" +
		"}\n"
}

// EntityCypher merges entity nodes of one label on key. name is set when
// the node is created; aliases are a sorted set union; mentions are kept per
// article in sources/sourceMentions and summed.
func EntityCypher(s Schema, label string) (string, error) {
	if err := CheckLabel(s, label); err != nil {
		return "", err
	}
	return "UNWIND $rows AS row\n" +
		"MERGE (n:`" + label + "` {key: row.key})\n" +
		"ON CREATE SET n.name = row.name\n" +
		"WITH n, row, n.sources AS os, n.sourceMentions AS om\n" +
		mergeContrib("os", "om", "n, row") +
		"WITH n, row, contrib,\n" +
		"  CASE WHEN n.aliases IS NULL THEN row.aliases ELSE\n" +
		"    reduce(acc = n.aliases, a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE [x IN acc WHERE x < a] + [a] + [x IN acc WHERE x > a] END) END AS aliases\n" +
		"SET n.kind = coalesce(n.kind, row.kind),\n" +
		"  n.aliases = [a IN aliases WHERE a <> n.name],\n" +
		"  n.sources = [c IN contrib | c.doc],\n" +
		"  n.sourceMentions = [c IN contrib | c.n],\n" +
		"  n.mentions = reduce(t = 0, c IN contrib | t + c.n)", nil
}

// ArticleCypher merges Article nodes on id.
func ArticleCypher() string {
	return "UNWIND $rows AS row\n" +
		"MERGE (a:`" + ArticleLabel + "` {id: row.id})\n" +
		"SET a += row.props"
}

// MentionsCypher merges MENTIONS from Article nodes to entities of one label;
// count is the article's own count, so loading it again sets the same value.
func MentionsCypher(s Schema, label string) (string, error) {
	if err := CheckLabel(s, label); err != nil {
		return "", err
	}
	return "UNWIND $rows AS row\n" +
		"MATCH (a:`" + ArticleLabel + "` {id: row.article})\n" +
		"MATCH (e:`" + label + "` {key: row.key})\n" +
		"MERGE (a)-[m:`" + MentionsType + "`]->(e)\n" +
		"SET m.count = row.count", nil
}

// RelationCypher merges relationships of one type between entities of two
// labels. count is kept per article in sources/sourceCounts and summed;
// evidence (with evidenceSources and offsets) is the union over articles,
// sorted by document and offset and capped at graph.MaxEvidence; firstSeen
// and lastSeen widen.
func RelationCypher(s Schema, typ, from, to string) (string, error) {
	if err := CheckType(s, typ); err != nil {
		return "", err
	}
	for _, l := range []string{from, to} {
		if err := CheckLabel(s, l); err != nil {
			return "", err
		}
	}
	return "UNWIND $rows AS row\n" +
		"MATCH (a:`" + from + "` {key: row.from})\n" +
		"MATCH (b:`" + to + "` {key: row.to})\n" +
		"MERGE (a)-[r:`" + typ + "`]->(b)\n" +
		"WITH r, row, r.sources AS os, r.sourceCounts AS oc,\n" +
		"  coalesce(r.evidence, []) AS oe, coalesce(r.evidenceSources, []) AS oes, coalesce(r.offsets, []) AS oo\n" +
		mergeContrib("os", "oc", "r, row, os, oe, oes, oo") +
		"WITH r, row, contrib,\n" +
		"  CASE WHEN os IS NULL THEN row.evidence ELSE\n" +
		"  reduce(acc = [], e IN [i IN range(0, size(oe) - 1) WHERE NOT oes[i] IN row.docs |\n" +
		"      {doc: oes[i], start: toInteger(split(split(oo[i], ':')[-1], '-')[0]), sentence: oe[i], offset: oo[i]}] + row.evidence |\n" +
		"    [x IN acc WHERE x.doc < e.doc OR (x.doc = e.doc AND x.start <= e.start)] + [e] +\n" +
		"    [x IN acc WHERE x.doc > e.doc OR (x.doc = e.doc AND x.start > e.start)])[0.." + fmt.Sprint(graph.MaxEvidence) + "] END AS ev\n" +
		"SET r.sources = [c IN contrib | c.doc],\n" +
		"  r.sourceCounts = [c IN contrib | c.n],\n" +
		"  r.count = reduce(t = 0, c IN contrib | t + c.n),\n" +
		"  r.evidence = [e IN ev | e.sentence],\n" +
		"  r.evidenceSources = [e IN ev | e.doc],\n" +
		"  r.offsets = [e IN ev | e.offset],\n" +
		"  r.firstSeen = coalesce(CASE WHEN row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END, row.firstSeen),\n" +
		"  r.lastSeen = coalesce(CASE WHEN row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END, row.lastSeen)", nil
}

// Plan turns g into the statements of a load, in order: entity nodes per
// label, Article nodes, MENTIONS per entity label, relationships per type
// and end labels. Every label and type is checked against the schema first.
func Plan(g *graph.Graph, s Schema) ([]Statement, error) {
	perArticle := map[string][]Contribution{} // entity key -> mentions per article
	for _, a := range g.SortedArticles() {
		for _, m := range a.Mentions {
			perArticle[m.Key] = append(perArticle[m.Key], Contribution{Doc: a.ID, N: m.Count})
		}
	}

	var out []Statement
	byLabel := map[string]*Statement{}
	var labels []string
	for _, e := range g.SortedEntities() {
		st := byLabel[e.Type]
		if st == nil {
			cypher, err := EntityCypher(s, e.Type)
			if err != nil {
				return nil, fmt.Errorf("entity %s: %w", e.Key, err)
			}
			st = &Statement{Kind: KindEntities, What: e.Type + " nodes", Cypher: cypher}
			byLabel[e.Type] = st
			labels = append(labels, e.Type)
		}
		contrib := perArticle[e.Key]
		sort.Slice(contrib, func(i, j int) bool { return contrib[i].Doc < contrib[j].Doc })
		docs := docsOf(contrib)
		aliases := append([]string{}, e.Aliases...)
		sort.Strings(aliases)
		aliases = dedup(aliases)
		st.Rows = append(st.Rows, map[string]any{
			"key": e.Key, "name": e.Name, "kind": nullable(e.Kind), "aliases": aliases,
			"docs": docs, "contrib": contribRows(contrib),
		})
		st.Docs = append(st.Docs, docs)
	}
	sort.Strings(labels)
	for _, l := range labels {
		out = append(out, *byLabel[l])
	}

	arts := Statement{Kind: KindArticles, What: ArticleLabel + " nodes", Cypher: ArticleCypher()}
	mentions := map[string]*Statement{}
	for _, a := range g.SortedArticles() {
		props := map[string]any{}
		for k, v := range map[string]string{"title": a.Title, "date": a.Date, "url": a.URL, "source": a.Source} {
			if v != "" {
				props[k] = v
			}
		}
		arts.Rows = append(arts.Rows, map[string]any{"id": a.ID, "props": props})
		arts.Docs = append(arts.Docs, []string{a.ID})
		for _, m := range a.Mentions {
			k := m.Key
			e, ok := g.Entities[k]
			if !ok {
				continue
			}
			st := mentions[e.Type]
			if st == nil {
				cypher, err := MentionsCypher(s, e.Type)
				if err != nil {
					return nil, fmt.Errorf("article %s mentions %s: %w", a.ID, k, err)
				}
				st = &Statement{Kind: KindMentions, What: MentionsType + " of " + e.Type, Cypher: cypher}
				mentions[e.Type] = st
			}
			st.Rows = append(st.Rows, map[string]any{"article": a.ID, "key": k, "count": m.Count})
			st.Docs = append(st.Docs, []string{a.ID})
		}
	}
	if len(arts.Rows) > 0 {
		out = append(out, arts)
	}
	for _, l := range sortedKeys(mentions) {
		out = append(out, *mentions[l])
	}

	rels := map[string]*Statement{}
	for _, r := range g.SortedRelations() {
		from, okF := g.Entities[r.From]
		to, okT := g.Entities[r.To]
		if !okF || !okT {
			return nil, fmt.Errorf("relation %s %s -> %s: endpoint not in graph", r.Type, r.From, r.To)
		}
		group := r.Type + " (" + from.Type + "->" + to.Type + ")"
		st := rels[group]
		if st == nil {
			cypher, err := RelationCypher(s, r.Type, from.Type, to.Type)
			if err != nil {
				return nil, fmt.Errorf("relation %s -> %s: %w", r.From, r.To, err)
			}
			st = &Statement{Kind: KindRelations, What: group, Cypher: cypher}
			rels[group] = st
		}
		contrib := Contributions(r)
		docs := docsOf(contrib)
		evs := append([]graph.Evidence{}, r.Evidence...)
		sort.SliceStable(evs, func(i, j int) bool {
			if evs[i].DocID != evs[j].DocID {
				return evs[i].DocID < evs[j].DocID
			}
			return evs[i].Start < evs[j].Start
		})
		evs = evs[:min(len(evs), graph.MaxEvidence)]
		evidence := make([]map[string]any, 0, len(evs))
		for _, ev := range evs {
			evidence = append(evidence, map[string]any{
				"doc": ev.DocID, "start": ev.Start, "sentence": ev.Sentence,
				"offset": fmt.Sprintf("%s:%d-%d", ev.DocID, ev.Start, ev.End),
			})
		}
		st.Rows = append(st.Rows, map[string]any{
			"from": r.From, "to": r.To, "docs": docs, "contrib": contribRows(contrib), "evidence": evidence,
			"firstSeen": nullable(r.FirstSeen), "lastSeen": nullable(r.LastSeen),
		})
		st.Docs = append(st.Docs, docs)
	}
	for _, k := range sortedKeys(rels) {
		out = append(out, *rels[k])
	}
	return out, nil
}

// Contributions returns each source article's share of a relation's count:
// exact when the graph records it (graph.Relation.SourceCounts, which
// extraction always fills), else apportioned by SplitCount.
func Contributions(r *graph.Relation) []Contribution {
	if len(r.SourceCounts) == 0 && len(r.Sources) != 1 {
		return SplitCount(r.Count, r.Sources, r.Evidence)
	}
	out := make([]Contribution, 0, len(r.Sources))
	for i, d := range r.Sources {
		out = append(out, Contribution{Doc: d, N: r.SourceCountAt(i)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Doc < out[j].Doc })
	n := 0
	for _, c := range out {
		if n > 0 && c.Doc == out[n-1].Doc {
			out[n-1].N += c.N
			continue
		}
		out[n] = c
		n++
	}
	return out[:n]
}

// Contribution is one article's share of a count.
type Contribution struct {
	Doc string
	N   int
}

// SplitCount apportions a relation's count over its sources. The merged
// graph keeps one count per relation, not one per article, so the split is
// exact when there is one source (the common case) and otherwise an
// estimate that is deterministic and sums to total: one per source, then the
// remainder by the evidence each source holds, the rest to the first source.
// Being deterministic, loading the same graph again gives the same split.
func SplitCount(total int, sources []string, evidence []graph.Evidence) []Contribution {
	srcs := append([]string{}, sources...)
	sort.Strings(srcs)
	srcs = dedup(srcs)
	if len(srcs) == 0 {
		return nil
	}
	out := make([]Contribution, len(srcs))
	left := total
	for i, d := range srcs {
		out[i].Doc = d
		if left > 0 {
			out[i].N = 1
			left--
		}
	}
	ev := map[string]int{}
	for _, e := range evidence {
		ev[e.DocID]++
	}
	for i := range out {
		extra := min(max(ev[out[i].Doc]-1, 0), left)
		out[i].N += extra
		left -= extra
	}
	out[0].N += left
	return out
}

func contribRows(cs []Contribution) []map[string]any {
	out := make([]map[string]any, len(cs))
	for i, c := range cs {
		out[i] = map[string]any{"doc": c.Doc, "n": c.N}
	}
	return out
}

func docsOf(cs []Contribution) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Doc
	}
	return out
}

func dedup(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// nullable maps "" to a Cypher null, so that coalesce keeps what is stored.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
