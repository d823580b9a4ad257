package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// GraphMLEncoder writes a subgraph as GraphML 1.1 (valid against the GraphML
// XSD) for Gephi, yEd and Cytoscape: one node per entity and one edge per
// relation, with a <key> for every property. Articles are not nodes here:
// each edge carries its sources and evidence as properties.
//
// GraphML has no list type, so list properties are strings: aliases,
// sources, sourceCounts, evidenceSources and offsets joined with "; ", and evidence with
// one sentence per line (sentences may hold semicolons). name is repeated
// as label, and the relation type as label on edges: Gephi shows "label".
type GraphMLEncoder struct {
	w *bufio.Writer
}

// NewGraphMLEncoder returns an encoder writing to w.
func NewGraphMLEncoder(w io.Writer) *GraphMLEncoder {
	return &GraphMLEncoder{w: bufio.NewWriterSize(w, 1<<16)}
}

// ListSep joins list properties in GraphML, and in DOT tooltips.
const ListSep = "; "

type gmlKey struct{ id, domain, typ string }

var gmlKeys = []gmlKey{
	{"label", "node", "string"}, {"name", "node", "string"}, {"key", "node", "string"},
	{"labels", "node", "string"}, {"kind", "node", "string"}, {"aliases", "node", "string"},
	{"mentions", "node", "int"}, {"degree", "node", "int"}, {"focus", "node", "boolean"},
	{"type", "edge", "string"}, {"elabel", "edge", "string"}, {"count", "edge", "int"},
	{"sources", "edge", "string"}, {"sourceCounts", "edge", "string"}, {"evidence", "edge", "string"}, {"evidenceSources", "edge", "string"},
	{"offsets", "edge", "string"}, {"firstSeen", "edge", "string"}, {"lastSeen", "edge", "string"},
}

// Encode writes s.
func (e *GraphMLEncoder) Encode(s *Subgraph) error {
	w := e.w
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd">` + "\n")
	fmt.Fprintf(w, "  <desc>%s</desc>\n", xmlText("graphload export: "+describe(s)))
	for _, k := range gmlKeys {
		name := k.id
		if k.id == "elabel" {
			name = "label"
		}
		fmt.Fprintf(w, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, name, k.typ)
	}
	fmt.Fprintf(w, "  <graph id=\"G\" edgedefault=\"directed\" parse.nodes=\"%d\" parse.edges=\"%d\" parse.nodeids=\"canonical\" parse.edgeids=\"canonical\" parse.order=\"nodesfirst\">\n",
		len(s.Entities), len(s.Relations))
	ids := map[string]string{}
	for i, ent := range s.Entities {
		id := "n" + strconv.Itoa(i)
		ids[ent.Key] = id
		fmt.Fprintf(w, "    <node id=%q>\n", id)
		data(w, "label", ent.Name)
		data(w, "name", ent.Name)
		data(w, "key", ent.Key)
		data(w, "labels", ":"+ent.Type)
		if ent.Kind != "" {
			data(w, "kind", ent.Kind)
		}
		if len(ent.Aliases) > 0 {
			data(w, "aliases", strings.Join(ent.Aliases, ListSep))
		}
		data(w, "mentions", strconv.Itoa(ent.Mentions))
		data(w, "degree", strconv.Itoa(s.Degree(ent.Key)))
		data(w, "focus", strconv.FormatBool(s.Focus != nil && s.Focus.Key == ent.Key))
		w.WriteString("    </node>\n")
	}
	for i, r := range s.Relations {
		dir := ""
		if s.Symmetric(r.Type) {
			dir = ` directed="false"`
		}
		fmt.Fprintf(w, "    <edge id=\"e%d\" source=%q target=%q%s>\n", i, ids[r.From], ids[r.To], dir)
		data(w, "type", r.Type)
		data(w, "elabel", r.Type)
		data(w, "count", strconv.Itoa(r.Count))
		data(w, "sources", strings.Join(r.Sources, ListSep))
		if sc := sourceCounts(r); sc != "" {
			data(w, "sourceCounts", strings.ReplaceAll(sc, ArrayDelimiter, ListSep))
		}
		var ev, evs, offs []string
		for _, x := range r.Evidence {
			ev = append(ev, oneLine(x.Sentence))
			evs = append(evs, x.DocID)
			offs = append(offs, fmt.Sprintf("%s:%d-%d", x.DocID, x.Start, x.End))
		}
		data(w, "evidence", strings.Join(ev, "\n"))
		data(w, "evidenceSources", strings.Join(evs, ListSep))
		data(w, "offsets", strings.Join(offs, ListSep))
		if r.FirstSeen != "" {
			data(w, "firstSeen", r.FirstSeen)
		}
		if r.LastSeen != "" {
			data(w, "lastSeen", r.LastSeen)
		}
		w.WriteString("    </edge>\n")
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return nil
}

// Close flushes the output.
func (e *GraphMLEncoder) Close() error { return e.w.Flush() }

func data(w *bufio.Writer, key, v string) {
	fmt.Fprintf(w, "      <data key=%q>%s</data>\n", key, xmlText(v))
}

// xmlText escapes s for XML character data; characters XML cannot hold
// become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// oneLine folds line breaks inside a sentence into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
