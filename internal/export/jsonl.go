package export

import (
	"io"

	"github.com/graphload/graphload/internal/apoc"
)

// JSONLEncoder writes a subgraph as APOC JSON lines (apoc.import.json reads
// them back): entities, their source articles with MENTIONS, and the
// relations with their provenance, as 'graphload extract' writes a graph.
type JSONLEncoder struct {
	enc *apoc.Encoder
}

// NewJSONLEncoder returns an encoder writing to w.
func NewJSONLEncoder(w io.Writer) *JSONLEncoder { return &JSONLEncoder{enc: apoc.NewEncoder(w)} }

// Encode writes s.
func (e *JSONLEncoder) Encode(s *Subgraph) error { return e.enc.Encode(s.Graph()) }

// Close flushes the output.
func (e *JSONLEncoder) Close() error { return e.enc.Close() }
