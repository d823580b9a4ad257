package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// SVG picture size, in pixels.
const (
	SVGWidth  = 1200
	SVGHeight = 800
)

// SVGEncoder draws a subgraph as an SVG picture for a slide, laid out in Go
// (no Graphviz): nodes coloured by label and sized by degree, the focus
// ringed, edges labelled with their type (arrows for directed types), a
// legend of the labels, and <title> tooltips with aliases and sources.
type SVGEncoder struct {
	w *bufio.Writer
}

// NewSVGEncoder returns an encoder writing to w.
func NewSVGEncoder(w io.Writer) *SVGEncoder { return &SVGEncoder{w: bufio.NewWriterSize(w, 1<<16)} }

// drawnEdge is a relation's geometry: a straight or curved path and where
// its label goes.
type drawnEdge struct {
	Path   string
	LX, LY float64
}

// edgeGeometry computes the path of every relation of s (by index), curving
// relations that share their two ends apart and stopping at the target's rim.
func edgeGeometry(s *Subgraph, pos map[string]point) []drawnEdge {
	type pair struct{ a, b string }
	groups := map[pair][]int{}
	for i, r := range s.Relations {
		p := pair{r.From, r.To}
		if p.b < p.a {
			p = pair{p.b, p.a}
		}
		groups[p] = append(groups[p], i)
	}
	out := make([]drawnEdge, len(s.Relations))
	for p, idx := range groups {
		for j, i := range idx {
			r := s.Relations[i]
			a, b := pos[r.From], pos[r.To]
			offset := (float64(j) - float64(len(idx)-1)/2) * 36
			if r.From != p.a { // keep the bend on one side for both directions
				offset = -offset
			}
			dx, dy := b.X-a.X, b.Y-a.Y
			d := math.Max(math.Hypot(dx, dy), 1e-9)
			nx, ny := -dy/d, dx/d
			c := point{(a.X+b.X)/2 + nx*offset, (a.Y+b.Y)/2 + ny*offset}
			// Stop at the target's rim, seen from the control point.
			rad := nodeRadius(s.Degree(r.To)) + 2
			ex, ey := b.X-c.X, b.Y-c.Y
			ed := math.Max(math.Hypot(ex, ey), 1e-9)
			end := point{round1(b.X - ex/ed*rad), round1(b.Y - ey/ed*rad)}
			lx := round1(0.25*a.X + 0.5*c.X + 0.25*b.X)
			ly := round1(0.25*a.Y + 0.5*c.Y + 0.25*b.Y)
			out[i] = drawnEdge{
				Path: fmt.Sprintf("M%s %s Q%s %s %s %s", num(a.X), num(a.Y), num(round1(c.X)), num(round1(c.Y)), num(end.X), num(end.Y)),
				LX:   lx, LY: ly,
			}
		}
	}
	return out
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Encode writes s.
func (e *SVGEncoder) Encode(s *Subgraph) error {
	w := e.w
	pos := layout(s, SVGWidth, SVGHeight, 70)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif">`+"\n",
		SVGWidth, SVGHeight, SVGWidth, SVGHeight)
	fmt.Fprintf(w, "<title>%s</title>\n", xmlText("graphload export: "+describe(s)))
	w.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#7f7f7f"/></marker></defs>` + "\n")
	fmt.Fprintf(w, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", SVGWidth, SVGHeight)
	title := describe(s)
	if f := filters(s.Selection); f != "" {
		title += " (" + f + ")"
	}
	fmt.Fprintf(w, `<text x="%d" y="28" text-anchor="middle" font-size="18" fill="#222">%s</text>`+"\n", SVGWidth/2, xmlText(title))
	w.WriteString(`<g class="edges" fill="none" stroke="#9a9a9a" stroke-width="1.4">` + "\n")
	geo := edgeGeometry(s, pos)
	for i, r := range s.Relations {
		marker := ` marker-end="url(#arrow)"`
		if s.Symmetric(r.Type) {
			marker = ""
		}
		fmt.Fprintf(w, `<path d="%s"%s><title>%s</title></path>`+"\n", geo[i].Path, marker,
			xmlText(fmt.Sprintf("%s %s %s: count %d, sources %s", s.Entity(r.From).Name, r.Type, s.Entity(r.To).Name, r.Count, strings.Join(r.Sources, ListSep))))
	}
	w.WriteString("</g>\n")
	w.WriteString(`<g class="edge-labels" font-size="9" fill="#555" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">` + "\n")
	for i, r := range s.Relations {
		fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", num(geo[i].LX), num(geo[i].LY), xmlText(r.Type))
	}
	w.WriteString("</g>\n")
	w.WriteString(`<g class="nodes" font-size="12" text-anchor="middle">` + "\n")
	// Draw low-degree nodes first, so that hubs and their names stay on top.
	order := s.Ranked()
	for i := len(order) - 1; i >= 0; i-- {
		ent := order[i]
		p := pos[ent.Key]
		rad := nodeRadius(s.Degree(ent.Key))
		stroke := `stroke="#ffffff" stroke-width="1.5"`
		if s.Focus != nil && s.Focus.Key == ent.Key {
			stroke = `stroke="#111111" stroke-width="3"`
		}
		fmt.Fprintf(w, `<g class="node"><circle cx="%s" cy="%s" r="%s" fill="%s" %s><title>%s</title></circle>`,
			num(p.X), num(p.Y), num(rad), LabelColor(ent.Type), stroke, xmlText(ent.Name+": "+tooltip(ent.Type, ent.Kind, ent.Aliases)))
		fmt.Fprintf(w, `<text x="%s" y="%s" fill="#111" stroke="#ffffff" stroke-width="3" paint-order="stroke">%s</text></g>`+"\n",
			num(p.X), num(round1(p.Y+rad+13)), xmlText(ent.Name))
	}
	w.WriteString("</g>\n")
	w.WriteString(`<g class="legend" font-size="12">` + "\n")
	for i, l := range presentLabels(s) {
		y := 56 + 20*i
		fmt.Fprintf(w, `<circle cx="24" cy="%d" r="7" fill="%s"/><text x="38" y="%d">%s</text>`+"\n", y, LabelColor(l), y+4, xmlText(l))
	}
	w.WriteString("</g>\n</svg>\n")
	return nil
}

// Close flushes the output.
func (e *SVGEncoder) Close() error { return e.w.Flush() }

// presentLabels lists the labels of the entities of s, sorted.
func presentLabels(s *Subgraph) []string {
	seen := map[string]bool{}
	for _, e := range s.Entities {
		seen[e.Type] = true
	}
	return sortedKeys(seen)
}
