package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// DOTEncoder writes a subgraph as a Graphviz digraph: one node per entity,
// filled with its label's colour, one edge per relation labelled with its
// type (symmetric types without arrow heads); tooltips hold the aliases and
// the sources. Render with: dot -Tsvg (or sfdp for large graphs).
type DOTEncoder struct {
	w *bufio.Writer
}

// NewDOTEncoder returns an encoder writing to w.
func NewDOTEncoder(w io.Writer) *DOTEncoder { return &DOTEncoder{w: bufio.NewWriterSize(w, 1<<16)} }

// Encode writes s.
func (e *DOTEncoder) Encode(s *Subgraph) error {
	w := e.w
	fmt.Fprintf(w, "// graphload export: %s\n", describe(s))
	w.WriteString("digraph graphload {\n")
	fmt.Fprintf(w, "  graph [label=%s, labelloc=t, fontname=\"Helvetica\", overlap=false, splines=true];\n", dotString(describe(s)))
	w.WriteString("  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontcolor=\"white\"];\n")
	w.WriteString("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#7f7f7f\"];\n")
	for _, ent := range s.Entities {
		attrs := []string{"label=" + dotString(ent.Name), "fillcolor=" + dotString(LabelColor(ent.Type)),
			"tooltip=" + dotString(tooltip(ent.Type, ent.Kind, ent.Aliases))}
		if s.Focus != nil && ent.Key == s.Focus.Key {
			attrs = append(attrs, "penwidth=3", "color=\"black\"")
		}
		fmt.Fprintf(w, "  %s [%s];\n", dotString(ent.Key), strings.Join(attrs, ", "))
	}
	for _, r := range s.Relations {
		attrs := []string{"label=" + dotString(r.Type), "tooltip=" + dotString(fmt.Sprintf("%s; count %d; sources: %s", r.Type, r.Count, strings.Join(r.Sources, ListSep)))}
		if s.Symmetric(r.Type) {
			attrs = append(attrs, "dir=none")
		}
		fmt.Fprintf(w, "  %s -> %s [%s];\n", dotString(r.From), dotString(r.To), strings.Join(attrs, ", "))
	}
	w.WriteString("}\n")
	return nil
}

// Close flushes the output.
func (e *DOTEncoder) Close() error { return e.w.Flush() }

func tooltip(typ, kind string, aliases []string) string {
	t := typ
	if kind != "" {
		t += " (" + kind + ")"
	}
	if len(aliases) > 0 {
		t += "; also " + strings.Join(aliases, ListSep)
	}
	return t
}

// dotString quotes s as a DOT string: backslashes and quotes escaped, line
// breaks as \n.
func dotString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
