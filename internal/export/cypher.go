package export

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/graphload/graphload/internal/apoc"
	"github.com/graphload/graphload/internal/graph"
)

// CypherEncoder writes a script for cypher-shell that recreates a subgraph,
// idempotently: every node is MERGEd on its key (entities) or id (articles),
// every relationship on its type and ends, and their properties are SET to
// the subgraph's values, so running it twice changes nothing. Values are
// inlined as Cypher literals (strings single-quoted with quotes, backslashes
// and control characters escaped); labels and relationship types are
// checked to be plain identifiers and quoted with backticks. One statement
// per line, each ending with ";".
type CypherEncoder struct {
	w *bufio.Writer
}

// NewCypherEncoder returns an encoder writing to w.
func NewCypherEncoder(w io.Writer) *CypherEncoder {
	return &CypherEncoder{w: bufio.NewWriterSize(w, 1<<16)}
}

var plainIdentifier = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// Encode writes s.
func (e *CypherEncoder) Encode(s *Subgraph) error {
	w := e.w
	fmt.Fprintf(w, "// graphload export: %s\n", oneLine(strings.ReplaceAll(describe(s), "\n", " ")))
	w.WriteString("// Run with: cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -f FILE.cypher (password from NEO4J_PASSWORD)\n")
	w.WriteString("// Idempotent: nodes are merged on key (entities) and id (articles), relationships on their ends.\n")
	labels := map[string]bool{}
	for _, ent := range s.Entities {
		if !plainIdentifier.MatchString(ent.Type) {
			return fmt.Errorf("entity %s: label %q is not a plain identifier", ent.Key, ent.Type)
		}
		labels[ent.Type] = true
	}
	var ls []string
	for l := range labels {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	for _, l := range ls {
		// The loader's constraint names: running a script on a loaded database adds nothing.
		fmt.Fprintf(w, "CREATE CONSTRAINT entity_%s_key IF NOT EXISTS FOR (n:`%s`) REQUIRE n.key IS UNIQUE;\n", l, l)
	}
	if len(s.Articles) > 0 {
		fmt.Fprintf(w, "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:`%s`) REQUIRE n.id IS UNIQUE;\n", apoc.ArticleLabel)
	}
	for _, ent := range s.Entities {
		fmt.Fprintf(w, "MERGE (n:`%s` {key: %s}) SET n.name = %s, n.aliases = %s, n.mentions = %d", ent.Type,
			CypherString(ent.Key), CypherString(ent.Name), cypherList(ent.Aliases), ent.Mentions)
		if ent.Kind != "" {
			fmt.Fprintf(w, ", n.kind = %s", CypherString(ent.Kind))
		}
		w.WriteString(";\n")
	}
	for _, a := range s.Articles {
		fmt.Fprintf(w, "MERGE (a:`%s` {id: %s})", apoc.ArticleLabel, CypherString(a.ID))
		var sets []string
		for _, p := range []struct{ k, v string }{{"title", a.Title}, {"date", a.Date}, {"url", a.URL}, {"source", a.Source}} {
			if p.v != "" {
				sets = append(sets, "a."+p.k+" = "+CypherString(p.v))
			}
		}
		if len(sets) > 0 {
			w.WriteString(" SET " + strings.Join(sets, ", "))
		}
		w.WriteString(";\n")
	}
	for _, a := range s.Articles {
		for _, m := range a.Mentions {
			ent := s.Entity(m.Key)
			fmt.Fprintf(w, "MATCH (a:`%s` {id: %s}) MATCH (e:`%s` {key: %s}) MERGE (a)-[m:`%s`]->(e) SET m.count = %d;\n",
				apoc.ArticleLabel, CypherString(a.ID), ent.Type, CypherString(m.Key), apoc.MentionsType, m.Count)
		}
	}
	for _, r := range s.Relations {
		if !plainIdentifier.MatchString(r.Type) {
			return fmt.Errorf("relation %s -> %s: type %q is not a plain identifier", r.From, r.To, r.Type)
		}
		from, to := s.Entity(r.From), s.Entity(r.To)
		fmt.Fprintf(w, "MATCH (a:`%s` {key: %s}) MATCH (b:`%s` {key: %s}) MERGE (a)-[r:`%s`]->(b) SET %s;\n",
			from.Type, CypherString(r.From), to.Type, CypherString(r.To), r.Type, relationSets("r", r))
	}
	return nil
}

// Close flushes the output.
func (e *CypherEncoder) Close() error { return e.w.Flush() }

// relationSets renders the provenance of r (apoc.RelationProperties) as
// "v.k = literal" assignments, sorted by property name.
func relationSets(v string, r *graph.Relation) string {
	props := apoc.RelationProperties(r)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, v+"."+k+" = "+cypherValue(props[k]))
	}
	return strings.Join(parts, ", ")
}

func cypherValue(v any) string {
	switch x := v.(type) {
	case string:
		return CypherString(x)
	case int:
		return strconv.Itoa(x)
	case []string:
		return cypherList(x)
	case []int:
		parts := make([]string, len(x))
		for i, n := range x {
			parts[i] = strconv.Itoa(n)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return CypherString(fmt.Sprint(v)) // RelationProperties holds only the types above
}

func cypherList(list []string) string {
	parts := make([]string, len(list))
	for i, s := range list {
		parts[i] = CypherString(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// CypherString returns s as a single-quoted Cypher string literal: quotes and
// backslashes are escaped, and so are control characters (\n, \t, \uXXXX),
// so that the literal stays on one line. Invalid UTF-8 becomes U+FFFD.
func CypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\'':
			b.WriteString(`\'`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r) // utf8.RuneError for invalid bytes: written as U+FFFD
		}
	}
	b.WriteByte('\'')
	return b.String()
}
