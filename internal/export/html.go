package export

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
)

//go:embed viewer/viewer.html
var viewerHTML string

//go:embed viewer/viewer.css
var viewerCSS string

//go:embed viewer/viewer.js
var viewerJS string

// HTMLEncoder writes one self-contained HTML page that works offline: an
// interactive network view (pan, zoom, click a node or an edge for its
// evidence and sources) drawn by a small inline script from the subgraph,
// embedded as JSON. Its Content-Security-Policy forbids fetching anything.
type HTMLEncoder struct {
	w *bufio.Writer
}

// NewHTMLEncoder returns an encoder writing to w.
func NewHTMLEncoder(w io.Writer) *HTMLEncoder { return &HTMLEncoder{w: bufio.NewWriterSize(w, 1<<16)} }

type htmlNode struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Label    string   `json:"label"`
	Kind     string   `json:"kind,omitempty"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	Degree   int      `json:"degree"`
	X        float64  `json:"x"`
	Y        float64  `json:"y"`
	R        float64  `json:"r"`
}

type htmlEvidence struct {
	Doc      string `json:"doc"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

type htmlEdge struct {
	Type      string         `json:"type"`
	From      string         `json:"from"`
	To        string         `json:"to"`
	Directed  bool           `json:"directed"`
	Count     int            `json:"count"`
	Sources   []string       `json:"sources"`
	FirstSeen string         `json:"firstSeen,omitempty"`
	LastSeen  string         `json:"lastSeen,omitempty"`
	Evidence  []htmlEvidence `json:"evidence"`
	Path      string         `json:"path"`
	LX        float64        `json:"lx"`
	LY        float64        `json:"ly"`
}

type htmlArticle struct {
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
}

type htmlData struct {
	Title    string                 `json:"title"`
	Subtitle string                 `json:"subtitle"`
	Width    int                    `json:"width"`
	Height   int                    `json:"height"`
	Focus    string                 `json:"focus,omitempty"`
	Colors   map[string]string      `json:"colors"`
	Nodes    []htmlNode             `json:"nodes"`
	Edges    []htmlEdge             `json:"edges"`
	Articles map[string]htmlArticle `json:"articles"`
}

// Encode writes s.
func (e *HTMLEncoder) Encode(s *Subgraph) error {
	pos := layout(s, SVGWidth, SVGHeight, 70)
	geo := edgeGeometry(s, pos)
	d := htmlData{Width: SVGWidth, Height: SVGHeight, Colors: labelColors, Nodes: []htmlNode{}, Edges: []htmlEdge{}, Articles: map[string]htmlArticle{}}
	d.Title = "graphload: " + describe(s)
	if s.Focus != nil {
		d.Title = s.Focus.Name + ": " + describe(s)
		d.Focus = s.Focus.Key
	}
	d.Subtitle = fmt.Sprintf("%s; from %s", filters(s.Selection), plural(len(s.Articles), "article"))
	d.Subtitle = strings.TrimPrefix(d.Subtitle, "; ")
	for _, ent := range s.Entities {
		p := pos[ent.Key]
		aliases := ent.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		d.Nodes = append(d.Nodes, htmlNode{Key: ent.Key, Name: ent.Name, Label: ent.Type, Kind: ent.Kind, Aliases: aliases,
			Mentions: ent.Mentions, Degree: s.Degree(ent.Key), X: p.X, Y: p.Y, R: nodeRadius(s.Degree(ent.Key))})
	}
	for i, r := range s.Relations {
		ev := []htmlEvidence{}
		for _, x := range r.Evidence {
			ev = append(ev, htmlEvidence{Doc: x.DocID, Sentence: oneLine(x.Sentence), Start: x.Start, End: x.End})
		}
		d.Edges = append(d.Edges, htmlEdge{Type: r.Type, From: r.From, To: r.To, Directed: !s.Symmetric(r.Type), Count: r.Count,
			Sources: r.Sources, FirstSeen: r.FirstSeen, LastSeen: r.LastSeen, Evidence: ev, Path: geo[i].Path, LX: geo[i].LX, LY: geo[i].LY})
	}
	for _, a := range s.Articles {
		d.Articles[a.ID] = htmlArticle{Title: a.Title, Date: a.Date, URL: a.URL, Source: a.Source}
	}
	// json.Marshal escapes <, > and &: the data cannot close its <script>.
	js, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode page data: %w", err)
	}
	page := strings.NewReplacer(
		"{{TITLE}}", html.EscapeString(d.Title),
		"{{CSS}}", viewerCSS,
		"{{JS}}", viewerJS,
		"{{DATA}}", string(js),
	).Replace(viewerHTML)
	_, err = e.w.WriteString(page)
	return err
}

// Close flushes the output.
func (e *HTMLEncoder) Close() error { return e.w.Flush() }
