// Package browser holds end-to-end tests in headless Chromium (Debian's
// chromium, driven over the DevTools protocol with chromedp): the HTML
// export opened from disk with the network cut off, and Neo4j Browser at the
// local server running a query of cypher/ with the style of
// browser/graphload.grass. Screenshots are saved under $GRAPHLOAD_ARTIFACTS
// (or the test's temporary folder) and their paths logged. Without chromium
// (or, for Neo4j Browser, without NEO4J_URI) the tests skip loudly, and fail
// when CI=true.
package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/export"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/neo4jload"
	"github.com/graphload/graphload/internal/neo4jload/neo4jloadtest"
	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/internal/pipeline"
	"github.com/graphload/graphload/schema"
)

func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// skipOrFail skips loudly, or fails when CI is "true".
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but " + msg)
	}
	fmt.Fprintln(os.Stderr, "*** skipped: "+msg)
	t.Skip(msg)
}

// chromium returns a chromedp context over a fresh headless Chromium whose
// network goes to a closed port (a dead proxy), except the hosts of bypass
// ("<-loopback>": not even the loopback addresses; "": no proxy at all).
func chromium(t *testing.T, bypass string) context.Context {
	t.Helper()
	path := os.Getenv("GRAPHLOAD_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		skipOrFail(t, "chromium not found at "+path+": apt-get install -y chromium (or set GRAPHLOAD_CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	if bypass != "" {
		opts = append(opts, chromedp.Flag("proxy-server", "http://127.0.0.1:9"), chromedp.Flag("proxy-bypass-list", bypass))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	_, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1"))
	require.NoError(t, err, "start chromium")
	return ctx
}

// artefact saves a screenshot and logs where.
func artefact(t *testing.T, name string, png []byte) string {
	t.Helper()
	dir := os.Getenv("GRAPHLOAD_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, png, 0o644))
	t.Logf("screenshot: %s", p)
	return p
}

func fixtureGraph(t *testing.T) (*graph.Graph, *ontology.Schema) {
	t.Helper()
	s, err := ontology.Load(schema.FS)
	require.NoError(t, err)
	g, _, err := pipeline.New(s).Run(context.Background(), []string{filepath.Join(root(), "fixtures", "corpus")}, pipeline.Options{})
	require.NoError(t, err)
	return g, s
}

// requests records the URLs the page asks for.
type requests struct {
	mu   sync.Mutex
	urls []string
}

func (r *requests) listen(t *testing.T, ctx context.Context) {
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			r.mu.Lock()
			r.urls = append(r.urls, e.Request.URL)
			r.mu.Unlock()
		}
	}))
}

func TestHTMLExportOffline(t *testing.T) {
	ctx := chromium(t, "<-loopback>")
	g, s := fixtureGraph(t)
	sub, err := export.Select(g, export.Selection{Around: "IMU", Hops: 2}, s.Symmetric())
	require.NoError(t, err)
	page := filepath.Join(t.TempDir(), "imu.html")
	f, err := os.Create(page)
	require.NoError(t, err)
	enc := export.NewHTMLEncoder(f)
	require.NoError(t, enc.Encode(sub))
	require.NoError(t, enc.Close())
	require.NoError(t, f.Close())

	var reqs requests
	reqs.listen(t, ctx)
	_, err = chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	require.NoError(t, err)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(tctx,
		chromedp.Navigate("file://"+page),
		chromedp.Poll[chromedp.Void](`document.body.dataset.ready === "true"`),
	))
	nodes, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#canvas g.node").length`))
	require.NoError(t, err)
	assert.Equal(t, len(sub.Entities), nodes, "one node drawn per entity")
	edges, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#canvas g.edge").length`))
	require.NoError(t, err)
	assert.Equal(t, len(sub.Relations), edges)

	// Click the focus: its relations, with their evidence and sources, fill the panel.
	require.NoError(t, chromedp.Do(tctx,
		chromedp.Click(chromedp.CSS(`g.node[data-key="Organization:islamic movement of uzbekistan"] circle`)),
		chromedp.WaitVisible(chromedp.CSS(`#details blockquote.evidence`)),
	))
	details, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(`#details`)))
	require.NoError(t, err)
	assert.Contains(t, details, "Islamic Movement of Uzbekistan")
	assert.Contains(t, details, "Also known as: IMU")
	assert.Contains(t, details, "The IMU continues to maintain a close working relationship with al Qaeda, the Taliban, and the Haqqani Network.")
	assert.Contains(t, details, "001_af273c92927760be.txt")
	png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	artefact(t, "html-export-imu.png", png)

	// Click an edge: its own evidence. The click is dispatched on the edge
	// itself: a mouse click at its centre may land on a node drawn over it.
	_, err = chromedp.Run(tctx, chromedp.Evaluate[bool](`document.querySelector("#canvas g.edge path.hit").dispatchEvent(new MouseEvent("click", {bubbles: true}))`))
	require.NoError(t, err)
	edge, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(`#details h2`)))
	require.NoError(t, err)
	assert.Contains(t, edge, sub.Relations[0].Type)

	reqs.mu.Lock()
	defer reqs.mu.Unlock()
	require.NotEmpty(t, reqs.urls)
	for _, u := range reqs.urls {
		assert.True(t, strings.HasPrefix(u, "file://") || strings.HasPrefix(u, "data:"), "the page fetched %s", u)
	}
}

// neighbourhood counts the entities one relation away from the group that
// goes by name (itself included), and the organizations among them, as
// cypher/01_neighbours_of_a_group.cypher returns them.
func neighbourhood(g *graph.Graph, name string) (nodes, orgs int) {
	var group string
	for key, e := range g.Entities {
		if e.Type != graph.Organization {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.EqualFold(n, name) {
				group = key
			}
		}
	}
	seen := map[string]bool{group: true}
	for _, r := range g.SortedRelations() {
		switch group {
		case r.From:
			seen[r.To] = true
		case r.To:
			seen[r.From] = true
		}
	}
	for key := range seen {
		if e := g.Entities[key]; e != nil && e.Type == graph.Organization {
			orgs++
		}
	}
	return len(seen), orgs
}

// TestNeo4jBrowser loads fixtures/corpus into the local server, opens Neo4j
// Browser, connects, applies browser/graphload.grass with :style, runs
// cypher/01_neighbours_of_a_group.cypher and waits for the graph view; then
// plays browser/guide.html from a local web server.
func TestNeo4jBrowser(t *testing.T) {
	if os.Getenv("NEO4J_URI") == "" {
		skipOrFail(t, "NEO4J_URI is unset: scripts/neo4j-local start && eval \"$(scripts/neo4j-local env)\"")
	}
	cfg := neo4jloadtest.Config(t)
	d := neo4jloadtest.Open(t) // holds the test server's lock, clears the database
	g, s := fixtureGraph(t)
	_, err := neo4jload.New(d, s, neo4jload.Options{}).Load(context.Background(), g)
	require.NoError(t, err)

	u, err := url.Parse(cfg.URI)
	require.NoError(t, err)
	httpURL := os.Getenv("NEO4J_HTTP_URL")
	if httpURL == "" {
		port := os.Getenv("NEO4J_HTTP_PORT") // as scripts/neo4j-local reads it
		if port == "" {
			port = "7474"
		}
		httpURL = "http://" + u.Hostname() + ":" + port
	}
	// The guide, served from localhost (Browser's default allow-list for
	// remote guides is "guides.neo4j.com, localhost") with CORS.
	guide := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Logf("guide server: %s %s (origin %q)", r.Method, r.URL, r.Header.Get("Origin"))
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Headers", "*")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.ServeFile(w, r, filepath.Join(root(), "browser", "guide.html"))
	}))
	defer guide.Close()
	guideURL := strings.Replace(guide.URL, "127.0.0.1", "localhost", 1) + "/guide.html"

	ctx := chromium(t, "127.0.0.1;localhost")
	tctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	query, err := os.ReadFile(filepath.Join(root(), "cypher", "01_neighbours_of_a_group.cypher"))
	require.NoError(t, err)
	grass, err := os.ReadFile(filepath.Join(root(), "browser", "graphload.grass"))
	require.NoError(t, err)

	_, _ = chromedp.Call(tctx, cdplog.Enable, cdp.Empty{})
	_ = chromedp.Listen(tctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok {
			t.Logf("browser log: %s %s", e.Entry.Level, e.Entry.Text)
		}
	})
	page := httpURL + "/browser/" // the connect form proposes the server's own Bolt address
	// Connect through the form; a fresh page and another try when the
	// first attempt does not get through (the server may be busy with
	// another test's transactions).
	for attempt := 1; ; attempt++ {
		require.NoError(t, chromedp.Do(tctx,
			chromedp.Navigate(page),
			chromedp.WaitVisible(chromedp.CSS(`input[data-testid="password"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[data-testid="username"]`), cfg.Username),
			chromedp.SendKeys(chromedp.CSS(`input[data-testid="password"]`), cfg.Password),
			chromedp.Click(chromedp.CSS(`button[data-testid="connect"]`)),
		))
		_, err = chromedp.Run(tctx, chromedp.Poll[chromedp.Void](`document.body.innerText.includes("You are connected as user")`,
			chromedp.WithPollingTimeout(20*time.Second)))
		if err == nil || attempt == 3 {
			break
		}
		t.Logf("connect attempt %d did not get through; trying again", attempt)
	}
	if err != nil {
		png, _ := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		artefact(t, "neo4j-browser-connect-failed.png", png)
	}
	require.NoError(t, err, "Browser connects")
	// A command goes into the editor as one inserted text (as a paste
	// does: typing it key by key would trigger the editor's auto-closing
	// brackets), then Run.
	run := func(cmd string) {
		t.Helper()
		require.NoError(t, chromedp.Do(tctx, chromedp.Click(chromedp.CSS(`[data-testid="activeEditor"] .monaco-editor`))))
		_, err := chromedp.Call(tctx, input.InsertText, input.InsertTextParams{Text: cmd})
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(tctx, chromedp.Click(chromedp.CSS(`button[data-testid="editor-Run"]`))))
	}
	run(":style " + strings.Join(strings.Fields(string(grass)), " "))
	run(string(query))
	_, err = chromedp.Run(tctx, chromedp.Poll[bool](`document.querySelectorAll('svg g.node, svg .node').length >= 5`,
		chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		png, _ := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		artefact(t, "neo4j-browser-failed.png", png)
	}
	require.NoError(t, err, "the graph view shows nodes")
	time.Sleep(3 * time.Second) // let the force layout settle for the picture
	shown, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll('svg g.node, svg .node').length`))
	require.NoError(t, err)
	t.Logf("graph view shows %d nodes", shown)
	png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	artefact(t, "neo4j-browser-neighbours.png", png)
	text, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(`[data-testid="stream"]`)))
	require.NoError(t, err)
	// the counts the query must show, worked out from the graph loaded
	nodes, orgs := neighbourhood(g, "IMU")
	require.Greater(t, nodes, 5)
	assert.Contains(t, text, fmt.Sprintf("Organization (%d)", orgs))
	assert.Contains(t, text, fmt.Sprintf("Displaying %d nodes", nodes))

	run(":play " + guideURL)
	_, err = chromedp.Run(tctx, chromedp.Poll[bool](`document.body.innerText.includes("the graph at a glance")`, chromedp.WithPollingTimeout(30*time.Second)))
	time.Sleep(2 * time.Second)
	png, _ = chromedp.Run(tctx, chromedp.FullScreenshot(100))
	artefact(t, "neo4j-browser-guide.png", png)
	require.NoError(t, err, "Browser plays the guide from %s", guideURL)
}
