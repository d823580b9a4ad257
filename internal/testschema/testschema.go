// Package testschema loads the built-in schema once for tests of the
// extraction stages.
package testschema

import (
	"sync"
	"testing"

	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/schema"
)

var (
	once   sync.Once
	loaded *ontology.Schema
	err    error
)

// Load returns the built-in schema or fails the test.
func Load(tb testing.TB) *ontology.Schema {
	tb.Helper()
	once.Do(func() { loaded, err = ontology.Load(schema.FS) })
	if err != nil {
		tb.Fatalf("load built-in schema: %v", err)
	}
	return loaded
}
