package neo4jload

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Reasons a server could not be used; test with errors.Is.
var (
	ErrUnreachable      = errors.New("server unreachable")
	ErrUnauthorized     = errors.New("credentials refused")
	ErrDatabaseNotFound = errors.New("database not found")
)

// ErrInvalidGraph marks a graph (or schema) that cannot be written: a label
// or type outside the schema, a relation whose end is missing. Nothing has
// been written when it is returned.
var ErrInvalidGraph = errors.New("graph cannot be loaded")

// ConnectError says why the server at Addr could not be used. Addr never
// holds credentials.
type ConnectError struct {
	Addr     string // scheme://host:port
	Database string
	Reason   error // ErrUnreachable, ErrUnauthorized, ErrDatabaseNotFound, or nil
	Err      error // the driver's error
}

func (e *ConnectError) Error() string {
	switch e.Reason {
	case ErrUnreachable:
		return fmt.Sprintf("neo4j at %s unreachable (is the server running? check --uri or NEO4J_URI): %v", e.Addr, e.Err)
	case ErrUnauthorized:
		return fmt.Sprintf("neo4j at %s refused the credentials (check --username/NEO4J_USERNAME and NEO4J_PASSWORD or --password-file): %v", e.Addr, e.Err)
	case ErrDatabaseNotFound:
		return fmt.Sprintf("neo4j at %s has no database %q (check --database or NEO4J_DATABASE): %v", e.Addr, e.Database, e.Err)
	}
	return fmt.Sprintf("neo4j at %s: %v", e.Addr, e.Err)
}

// Unwrap gives both the reason and the driver's error to errors.Is and errors.As.
func (e *ConnectError) Unwrap() []error {
	if e.Reason == nil {
		return []error{e.Err}
	}
	return []error{e.Reason, e.Err}
}

// BatchError says which batch failed (after the driver's retries) and which
// documents its rows came from.
type BatchError struct {
	What        string // "Person nodes", "ALLIED_WITH (Organization->Organization)", ...
	First, Last int    // rows [First, Last) of that statement
	Docs        []string
	Err         error
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("write %s, rows %d-%d (documents %s): %v", e.What, e.First, e.Last-1, listDocs(e.Docs, 8), e.Err)
}

func (e *BatchError) Unwrap() error { return e.Err }

// batchDocs returns the sorted distinct documents of a batch's rows.
func batchDocs(rows [][]string) []string {
	set := map[string]bool{}
	for _, r := range rows {
		for _, d := range r {
			set[d] = true
		}
	}
	out := make([]string, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

func listDocs(docs []string, max int) string {
	if len(docs) == 0 {
		return "none"
	}
	if len(docs) <= max {
		return strings.Join(docs, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(docs[:max], ", "), len(docs)-max)
}
