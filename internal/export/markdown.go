package export

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/graph"
)

// MarkdownEncoder writes a briefing: the focus entity, a table of key actors
// ranked by degree within the subgraph, every relation with its evidence
// quotes, source articles and dates, and the list of sources.
type MarkdownEncoder struct {
	w *bufio.Writer
}

// NewMarkdownEncoder returns an encoder writing to w.
func NewMarkdownEncoder(w io.Writer) *MarkdownEncoder {
	return &MarkdownEncoder{w: bufio.NewWriterSize(w, 1<<16)}
}

// Encode writes s.
func (e *MarkdownEncoder) Encode(s *Subgraph) error {
	w := e.w
	if s.Focus != nil {
		fmt.Fprintf(w, "# Briefing: %s\n\n", mdText(s.Focus.Name))
	} else {
		w.WriteString("# Briefing\n\n")
	}
	fmt.Fprintf(w, "*graphload export: %s", mdText(describe(s)))
	if f := filters(s.Selection); f != "" {
		fmt.Fprintf(w, "; %s", mdText(f))
	}
	fmt.Fprintf(w, "; from %s.*\n\n", plural(len(s.Articles), "article"))
	if s.Undated > 0 {
		fmt.Fprintf(w, "%s left out: no dated article supports them.\n\n", plural(s.Undated, "undated relation"))
	}

	if f := s.Focus; f != nil {
		w.WriteString("## Focus\n\n")
		fmt.Fprintf(w, "**%s**: %s", mdText(f.Name), f.Type)
		if f.Kind != "" {
			fmt.Fprintf(w, " (%s)", mdText(f.Kind))
		}
		if len(f.Aliases) > 0 {
			fmt.Fprintf(w, "; also known as %s", mdText(strings.Join(f.Aliases, ", ")))
		}
		fmt.Fprintf(w, "; %s in the corpus; %s in this subgraph.\n\n", plural(f.Mentions, "mention"), plural(s.Degree(f.Key), "relation"))
	}

	w.WriteString("## Key actors\n\n")
	w.WriteString("| # | Name | Label | Kind | Relations here | Mentions |\n|---:|---|---|---|---:|---:|\n")
	for i, ent := range s.Ranked() {
		fmt.Fprintf(w, "| %d | %s | %s | %s | %d | %d |\n", i+1, mdCell(ent.Name), ent.Type, mdCell(ent.Kind), s.Degree(ent.Key), ent.Mentions)
	}
	w.WriteString("\n## Relations\n\n")
	if len(s.Relations) == 0 {
		w.WriteString("None in this selection.\n\n")
	}
	for _, r := range briefingOrder(s) {
		from, to := s.Entity(r.From), s.Entity(r.To)
		fmt.Fprintf(w, "### %s %s %s\n\n", mdText(from.Name), r.Type, mdText(to.Name))
		fmt.Fprintf(w, "Count %d; %s", r.Count, plural(len(r.Sources), "source"))
		switch {
		case r.FirstSeen != "" && r.FirstSeen != r.LastSeen:
			fmt.Fprintf(w, "; first seen %s, last seen %s", r.FirstSeen, r.LastSeen)
		case r.FirstSeen != "":
			fmt.Fprintf(w, "; seen %s", r.FirstSeen)
		default:
			w.WriteString("; articles undated")
		}
		w.WriteString(".\n\n")
		for _, ev := range r.Evidence {
			fmt.Fprintf(w, "> %s\n>\n> %s\n\n", mdText(oneLine(ev.Sentence)), e.cite(s, ev))
		}
		refs := make([]string, len(r.Sources))
		for i, id := range r.Sources {
			refs[i] = e.articleRef(s, id)
		}
		fmt.Fprintf(w, "Sources: %s.\n\n", strings.Join(refs, "; "))
	}

	w.WriteString("## Sources\n\n")
	w.WriteString("| Article | Title | Date | URL |\n|---|---|---|---|\n")
	for _, a := range s.Articles {
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", codeSafe(a.ID), mdCell(a.Title), a.Date, mdCell(a.URL))
	}
	return nil
}

// Close flushes the output.
func (e *MarkdownEncoder) Close() error { return e.w.Flush() }

// cite says where an evidence sentence comes from.
func (e *MarkdownEncoder) cite(s *Subgraph, ev graph.Evidence) string {
	return fmt.Sprintf("(%s, bytes %d-%d)", e.articleRef(s, ev.DocID), ev.Start, ev.End)
}

func (e *MarkdownEncoder) articleRef(s *Subgraph, id string) string {
	ref := "`" + codeSafe(id) + "`"
	if a := s.Article(id); a != nil {
		var extra []string
		if a.Title != "" {
			extra = append(extra, "*"+mdText(a.Title)+"*")
		}
		if a.Date != "" {
			extra = append(extra, a.Date)
		}
		if len(extra) > 0 {
			ref += " " + strings.Join(extra, ", ")
		}
	}
	return ref
}

// briefingOrder puts the relations of the focus first, then the others, each
// part by type and the names of their ends.
func briefingOrder(s *Subgraph) []*graph.Relation {
	out := append([]*graph.Relation(nil), s.Relations...)
	touches := func(r *graph.Relation) bool {
		return s.Focus != nil && (r.From == s.Focus.Key || r.To == s.Focus.Key)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ta, tb := touches(a), touches(b); ta != tb {
			return ta
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if na, nb := s.Entity(a.From).Name, s.Entity(b.From).Name; na != nb {
			return na < nb
		}
		return s.Entity(a.To).Name < s.Entity(b.To).Name
	})
	return out
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, `|`, `\|`, `#`, `\#`)

// mdText escapes the characters Markdown would read as markup.
func mdText(s string) string { return mdEscaper.Replace(oneLine(s)) }

// mdCell is mdText for a table cell.
func mdCell(s string) string { return mdText(s) }

// codeSafe keeps a code span from ending early.
func codeSafe(s string) string { return strings.ReplaceAll(s, "`", "'") }
