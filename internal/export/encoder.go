package export

import (
	"fmt"
	"io"
	"strings"
)

// Encoder writes a subgraph in one format.
type Encoder interface {
	Encode(*Subgraph) error
	Close() error
}

// Formats are the names NewEncoder knows, in the order the help lists them.
var Formats = []string{"jsonl", "graphml", "cypher", "csv", "dot", "svg", "md", "html"}

// NewEncoder returns the encoder of format writing to w (csv: a zip
// archive; see NewCSVDirEncoder for a folder).
func NewEncoder(format string, w io.Writer) (Encoder, error) {
	switch format {
	case "jsonl":
		return NewJSONLEncoder(w), nil
	case "graphml":
		return NewGraphMLEncoder(w), nil
	case "cypher":
		return NewCypherEncoder(w), nil
	case "csv":
		return NewCSVEncoder(w), nil
	case "dot":
		return NewDOTEncoder(w), nil
	case "svg":
		return NewSVGEncoder(w), nil
	case "md":
		return NewMarkdownEncoder(w), nil
	case "html":
		return NewHTMLEncoder(w), nil
	}
	return nil, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(Formats, ", "))
}
