// Package neo4jloadtest holds test helpers for the loader: a fake Executor,
// the connection to a test server read from the environment, snapshots of
// a database, and generated graphs. Only tests import it.
package neo4jloadtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/ontology"
)

// Call is one statement a Fake received.
type Call struct {
	Cypher string
	Params map[string]any
}

// Fake is an Executor that records its calls, returns Counters for each and
// fails the call number FailAt (1-based) with Err.
type Fake struct {
	mu       sync.Mutex
	Calls    []Call
	Counters neo4jload.Counters
	FailAt   int
	Err      error
}

// ExecuteWrite records the call.
func (f *Fake) ExecuteWrite(ctx context.Context, cypher string, params map[string]any) (neo4jload.Counters, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Calls = append(f.Calls, Call{Cypher: cypher, Params: params})
	if f.FailAt > 0 && len(f.Calls) == f.FailAt {
		return neo4jload.Counters{}, f.Err
	}
	return f.Counters, nil
}

// SkipMessage is what integration tests say when no server is configured.
const SkipMessage = "integration tests skipped: NEO4J_URI is unset; start a server with scripts/neo4j-local start and eval \"$(scripts/neo4j-local env)\""

// Config returns the test server's connection from NEO4J_URI,
// NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE. Without NEO4J_URI the
// test is skipped, loudly, or fails when CI is "true".
func Config(t testing.TB) neo4jload.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but NEO4J_URI is unset: .ci/run must start Neo4j (scripts/neo4j-local start) and export its env before the tests")
		}
		fmt.Fprintln(os.Stderr, "*** "+SkipMessage)
		t.Skip(SkipMessage)
	}
	user := os.Getenv("NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	return neo4jload.Config{URI: uri, Username: user, Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
}

// Open connects to the test server and clears its database; the driver
// closes at the end of the test. The test holds a file lock on the server
// until it ends, so that tests of several packages (go test ./... runs
// them at once) never clear the database under each other.
func Open(t testing.TB) *neo4jload.Driver {
	t.Helper()
	cfg := Config(t)
	lockServer(t)
	ctx := context.Background()
	d, err := neo4jload.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open test server: %v", err)
	}
	t.Cleanup(func() { _ = d.Close(context.Background()) })
	Clear(t, d)
	return d
}

// lockServer takes an exclusive lock shared by every test process of this
// machine, released when the test ends.
func lockServer(t testing.TB) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "graphload-neo4j-test.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatalf("lock file: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock the test server: %v", err)
	}
	t.Cleanup(func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}

// Clear deletes every node and relationship, in batches.
func Clear(t testing.TB, d *neo4jload.Driver) {
	t.Helper()
	ctx := context.Background()
	for {
		rows, err := d.Query(ctx, "MATCH (n) RETURN count(n) AS n", nil)
		if err != nil {
			t.Fatalf("count nodes: %v", err)
		}
		if rows[0]["n"].(int64) == 0 {
			return
		}
		if _, err := d.ExecuteWrite(ctx, "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n", nil); err != nil {
			t.Fatalf("clear database: %v", err)
		}
	}
}

// Snapshot is a database's content as sorted lines, one per node and one
// per relationship, each with all its properties.
type Snapshot struct {
	Nodes         []string
	Relationships []string
	NodeCounts    map[string]int // per label
	RelCounts     map[string]int // per type
}

// Checksum is a SHA-256 over the sorted lines.
func (s Snapshot) Checksum() string {
	h := sha256.New()
	for _, l := range s.Nodes {
		fmt.Fprintln(h, l)
	}
	for _, l := range s.Relationships {
		fmt.Fprintln(h, l)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Take reads the whole database.
func Take(t testing.TB, d *neo4jload.Driver) Snapshot {
	t.Helper()
	ctx := context.Background()
	s := Snapshot{NodeCounts: map[string]int{}, RelCounts: map[string]int{}}
	nodes, err := d.Query(ctx, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", nil)
	if err != nil {
		t.Fatalf("read nodes: %v", err)
	}
	for _, r := range nodes {
		labels := fmt.Sprint(r["labels"])
		for _, l := range r["labels"].([]any) {
			s.NodeCounts[l.(string)]++
		}
		b, _ := json.Marshal(r["props"])
		s.Nodes = append(s.Nodes, labels+" "+string(b))
	}
	rels, err := d.Query(ctx, "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.key, a.id) AS from, coalesce(b.key, b.id) AS to, properties(r) AS props", nil)
	if err != nil {
		t.Fatalf("read relationships: %v", err)
	}
	for _, r := range rels {
		typ := r["type"].(string)
		s.RelCounts[typ]++
		b, _ := json.Marshal(r["props"])
		s.Relationships = append(s.Relationships, fmt.Sprintf("%s %v->%v %s", typ, r["from"], r["to"], b))
	}
	sort.Strings(s.Nodes)
	sort.Strings(s.Relationships)
	return s
}

// RepoRoot returns the module's root folder, found from this file.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Synthetic returns a generated graph of about nEntities entities (Person,
// Organization, Location) and nRelations relations of the schema's types
// between allowed labels, over nDocs articles; each relation has one or two
// sources with evidence, and articles mention the ends of their relations.
// The same arguments give the same graph. Document ids start with prefix.
func Synthetic(s *ontology.Schema, prefix string, nEntities, nRelations, nDocs int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := graph.New(s.Symmetric())
	labels := s.Labels()
	byLabel := map[string][]string{}
	for i := 0; i < nEntities; i++ {
		l := labels[i%len(labels)]
		name := fmt.Sprintf("%s %d", l, i)
		e := &graph.Entity{Key: graph.EntityKey(l, name), Type: l, Name: name}
		if i%7 == 0 {
			e.Aliases = []string{fmt.Sprintf("%s alias %d", l, i)}
		}
		g.Entities[e.Key] = e
		byLabel[l] = append(byLabel[l], e.Key)
	}
	for i := 0; i < nDocs; i++ {
		id := fmt.Sprintf("%s%06d", prefix, i)
		g.Articles[id] = &graph.Article{ID: id, Title: "Article " + id, Date: fmt.Sprintf("2010-%02d-%02d", 1+i%12, 1+i%28)}
	}
	type triple struct{ typ, from, to string }
	var triples []triple
	for _, r := range s.Ontology.Relations {
		for _, f := range r.From {
			for _, t := range r.To {
				if len(byLabel[f]) > 0 && len(byLabel[t]) > 0 {
					triples = append(triples, triple{r.Type, f, t})
				}
			}
		}
	}
	symmetric := map[string]bool{}
	for _, t := range s.Symmetric() {
		symmetric[t] = true
	}
	for tries := 0; len(g.Relations) < nRelations && tries < nRelations*4; tries++ {
		tr := triples[rng.IntN(len(triples))]
		from := byLabel[tr.from][rng.IntN(len(byLabel[tr.from]))]
		to := byLabel[tr.to][rng.IntN(len(byLabel[tr.to]))]
		if from == to {
			continue
		}
		if symmetric[tr.typ] && to < from {
			from, to = to, from
		}
		key := graph.NewRelationID(tr.typ, from, to, symmetric[tr.typ])
		if g.Relations[key] != nil {
			continue
		}
		r := &graph.Relation{Type: tr.typ, From: from, To: to}
		nSrc := 1 + rng.IntN(2)
		for k := 0; k < nSrc; k++ {
			doc := fmt.Sprintf("%s%06d", prefix, rng.IntN(nDocs))
			if len(r.Sources) > 0 && r.Sources[0] == doc {
				continue
			}
			r.Sources = append(r.Sources, doc)
			n := 1 + rng.IntN(3)
			r.Count += n
			start := rng.IntN(5000)
			r.Evidence = append(r.Evidence, graph.Evidence{DocID: doc, Sentence: fmt.Sprintf("%s %s %s (%s).", g.Entities[from].Name, strings.ToLower(tr.typ), g.Entities[to].Name, doc), Span: graph.Span{Start: start, End: start + 80}})
			a := g.Articles[doc]
			a.Mentions.Set(from, a.Mentions.Count(from)+n)
			a.Mentions.Set(to, a.Mentions.Count(to)+n)
			r.FirstSeen = minStr(r.FirstSeen, a.Date)
			r.LastSeen = max(r.LastSeen, a.Date)
		}
		sort.Strings(r.Sources)
		sort.Slice(r.Evidence, func(i, j int) bool {
			a, b := r.Evidence[i], r.Evidence[j]
			if a.DocID != b.DocID {
				return a.DocID < b.DocID
			}
			return a.Start < b.Start
		})
		g.Relations[key] = r
	}
	for _, a := range g.Articles {
		for _, m := range a.Mentions {
			g.Entities[m.Key].Mentions += m.Count
		}
	}
	return g
}

func minStr(a, b string) string {
	if a == "" || b < a {
		return b
	}
	return a
}

// Since formats the time since start for test logs.
func Since(start time.Time) string { return time.Since(start).Round(time.Millisecond).String() }
