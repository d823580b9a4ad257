package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphload/graphload/internal/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var symmetric = []string{"ALLIED_WITH", "RIVAL_OF"}

// sample is a small dated graph whose names hold quotes, backslashes,
// backticks, Cypher and Markdown syntax and a line break.
func sample() *graph.Graph {
	g := graph.New(symmetric)
	ents := []graph.Entity{
		{Key: "Organization:islamic movement of uzbekistan", Type: "Organization", Kind: "militant_group", Name: "Islamic Movement of Uzbekistan", Aliases: []string{"IMU", "O'zbekiston Islomiy Harakati"}, Mentions: 9},
		{Key: "Organization:taliban", Type: "Organization", Kind: "militant_group", Name: "Taliban", Mentions: 5},
		{Key: "Organization:haqqani network", Type: "Organization", Kind: "militant_group", Name: "Haqqani Network", Mentions: 2},
		{Key: "Person:abu `tick` o'reilly", Type: "Person", Name: "Abu `Tick` O'Reilly \\ \"the Quote\"", Aliases: []string{"'}) DETACH DELETE n //", "x|y *z* <b>"}, Mentions: 3},
		{Key: "Person:juma khan", Type: "Person", Name: "Juma Khan", Mentions: 2},
		{Key: "Location:takhar", Type: "Location", Kind: "province", Name: "Takhar", Mentions: 4},
		{Key: "Location:ishkamish", Type: "Location", Kind: "district", Name: "Ishkamish", Mentions: 2},
		{Key: "Location:kunduz", Type: "Location", Kind: "province", Name: "Kunduz", Mentions: 1},
	}
	for i := range ents {
		e := ents[i]
		g.Entities[e.Key] = &e
	}
	arts := []graph.Article{
		{ID: "a.txt", Title: "Raid in \"Takhar\"", Date: "2011-05-02", URL: "https://example.org/a?x=1&y=<2>", Mentions: graph.Mentions{{Key: "Location:ishkamish", Count: 2}, {Key: "Location:takhar", Count: 2}, {Key: "Organization:islamic movement of uzbekistan", Count: 3}, {Key: "Person:juma khan", Count: 2}}},
		{ID: "b.txt", Title: "Allies", Date: "2012-01-10", Mentions: graph.Mentions{{Key: "Organization:haqqani network", Count: 2}, {Key: "Organization:islamic movement of uzbekistan", Count: 4}, {Key: "Organization:taliban", Count: 3}, {Key: "Person:abu `tick` o'reilly", Count: 3}}},
		{ID: "c.txt", Mentions: graph.Mentions{{Key: "Location:kunduz", Count: 1}, {Key: "Organization:islamic movement of uzbekistan", Count: 2}, {Key: "Organization:taliban", Count: 2}}},
	}
	for i := range arts {
		a := arts[i]
		g.Articles[a.ID] = &a
	}
	ev := func(doc, s string, start int) graph.Evidence {
		return graph.Evidence{DocID: doc, Sentence: s, Span: graph.Span{Start: start, End: start + len(s)}}
	}
	rels := []graph.Relation{
		{Type: "ALLIED_WITH", From: "Organization:islamic movement of uzbekistan", To: "Organization:taliban", Count: 3, Sources: []string{"b.txt", "c.txt"}, SourceCounts: []int{2, 1}, FirstSeen: "2012-01-10", LastSeen: "2012-01-10",
			Evidence: []graph.Evidence{ev("c.txt", "The IMU fights with the Taliban.", 5), ev("b.txt", "The IMU; a key ally of the \"Taliban\".", 40)}},
		{Type: "ALLIED_WITH", From: "Organization:haqqani network", To: "Organization:taliban", Count: 1, Sources: []string{"b.txt"}, FirstSeen: "2012-01-10", LastSeen: "2012-01-10",
			Evidence: []graph.Evidence{ev("b.txt", "The Taliban and the Haqqani Network.", 90)}},
		{Type: "MEMBER_OF", From: "Person:juma khan", To: "Organization:islamic movement of uzbekistan", Count: 1, Sources: []string{"a.txt"}, FirstSeen: "2011-05-02", LastSeen: "2011-05-02",
			Evidence: []graph.Evidence{ev("a.txt", "IMU facilitator Juma Khan.", 200)}},
		{Type: "LEADER_OF", From: "Person:abu `tick` o'reilly", To: "Organization:islamic movement of uzbekistan", Count: 2, Sources: []string{"b.txt"}, FirstSeen: "2012-01-10", LastSeen: "2012-01-10",
			Evidence: []graph.Evidence{ev("b.txt", "Its emir, Abu `Tick` O'Reilly \\ \"the Quote\",\nleads it.", 300)}},
		{Type: "KILLED_IN_RAID", From: "Person:juma khan", To: "Location:ishkamish", Count: 1, Sources: []string{"a.txt"}, FirstSeen: "2011-05-02", LastSeen: "2011-05-02",
			Evidence: []graph.Evidence{ev("a.txt", "Juma Khan was killed in Ishkamish.", 250)}},
		{Type: "LOCATED_IN", From: "Location:ishkamish", To: "Location:takhar", Count: 1, Sources: []string{"a.txt"}, FirstSeen: "2011-05-02", LastSeen: "2011-05-02",
			Evidence: []graph.Evidence{ev("a.txt", "Ishkamish district, Takhar province.", 10)}},
		{Type: "OPERATES_IN", From: "Organization:islamic movement of uzbekistan", To: "Location:kunduz", Count: 1, Sources: []string{"c.txt"},
			Evidence: []graph.Evidence{ev("c.txt", "The IMU operates in Kunduz.", 60)}},
	}
	for i := range rels {
		r := rels[i]
		g.Relations[graph.NewRelationID(r.Type, r.From, r.To, r.Type == "ALLIED_WITH")] = &r
	}
	return g
}

func names(s *Subgraph) []string {
	var out []string
	for _, e := range s.Entities {
		out = append(out, e.Name)
	}
	sort.Strings(out)
	return out
}

func TestSelect(t *testing.T) {
	imu, tal, haq, abu, juma, takhar, ish, kunduz := "Islamic Movement of Uzbekistan", "Taliban", "Haqqani Network", "Abu `Tick` O'Reilly \\ \"the Quote\"", "Juma Khan", "Takhar", "Ishkamish", "Kunduz"
	tests := []struct {
		name    string
		sel     Selection
		want    []string
		rels    int
		undated int
	}{
		{"alias, one hop", Selection{Around: "IMU", Hops: 1}, []string{abu, imu, juma, kunduz, tal}, 4, 0},
		{"case and hyphens do not count", Selection{Around: "islamic-movement-of-UZBEKISTAN", Hops: 1}, []string{abu, imu, juma, kunduz, tal}, 4, 0},
		{"apostrophe folded", Selection{Around: "ozbekiston islomiy harakati", Hops: 0}, []string{imu}, 0, 0},
		{"key", Selection{Around: "Person:juma khan", Hops: 1}, []string{ish, imu, juma}, 2, 0},
		{"two hops", Selection{Around: "Juma Khan", Hops: 2}, []string{abu, ish, imu, juma, kunduz, takhar, tal}, 6, 0},
		{"hops 0", Selection{Around: "Taliban"}, []string{tal}, 0, 0},
		{"types", Selection{Around: "IMU", Hops: 2, Types: []string{"ALLIED_WITH"}}, []string{haq, imu, tal}, 2, 0},
		{"labels keep the focus", Selection{Around: "Takhar", Hops: 3, Labels: []string{"Person"}}, []string{takhar}, 0, 0},
		{"labels", Selection{Around: "IMU", Hops: 2, Labels: []string{"Organization"}}, []string{haq, imu, tal}, 2, 0},
		{"min sources", Selection{Around: "IMU", Hops: 2, MinSources: 2}, []string{imu, tal}, 1, 0},
		{"since leaves out undated", Selection{Around: "IMU", Hops: 1, Since: "2012-01-01"}, []string{abu, imu, tal}, 2, 1},
		{"until", Selection{Around: "IMU", Hops: 3, Until: "2011-12-31"}, []string{ish, imu, juma, takhar}, 3, 1},
		{"window without overlap", Selection{Around: "IMU", Hops: 3, Since: "2013-01-01", Until: "2014-01-01"}, []string{imu}, 0, 1},
		{"limit by degree then name", Selection{Around: "Kunduz", Hops: 3, Limit: 3}, []string{imu, juma, kunduz}, 2, 0},
		{"everything", Selection{}, []string{abu, haq, ish, imu, juma, kunduz, takhar, tal}, 7, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Select(sample(), tc.sel, symmetric)
			require.NoError(t, err)
			assert.Equal(t, tc.want, names(s))
			assert.Len(t, s.Relations, tc.rels)
			assert.Equal(t, tc.undated, s.Undated)
			for _, r := range s.Relations {
				require.NotNil(t, s.Entity(r.From))
				require.NotNil(t, s.Entity(r.To))
				for _, d := range r.Sources {
					assert.NotNil(t, s.Article(d), "source %s is an article of the subgraph", d)
				}
			}
			for _, a := range s.Articles {
				for _, m := range a.Mentions {
					assert.NotNil(t, s.Entity(m.Key), "mentions only entities of the subgraph")
				}
			}
		})
	}
}

func TestSelectEvidenceSorted(t *testing.T) {
	s, err := Select(sample(), Selection{Around: "Taliban", Hops: 1, Types: []string{"ALLIED_WITH"}}, symmetric)
	require.NoError(t, err)
	for _, r := range s.Relations {
		for i := 1; i < len(r.Evidence); i++ {
			assert.LessOrEqual(t, r.Evidence[i-1].DocID, r.Evidence[i].DocID)
		}
	}
	assert.Equal(t, []string{"Taliban", "Haqqani Network", "Islamic Movement of Uzbekistan"}, func() []string {
		var out []string
		for _, e := range s.Ranked() {
			out = append(out, e.Name)
		}
		return out
	}(), "ranked by degree, then name")
}

func TestSelectErrors(t *testing.T) {
	tests := []struct {
		name string
		sel  Selection
		want string
	}{
		{"bad date", Selection{Since: "2012-13-01"}, "not a date"},
		{"until before since", Selection{Since: "2012-02-01", Until: "2012-01-01"}, "before"},
		{"negative hops", Selection{Around: "IMU", Hops: -1}, "--hops"},
		{"negative limit", Selection{Limit: -1}, "--limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Select(sample(), tc.sel, symmetric)
			require.ErrorIs(t, err, ErrSelection)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestResolveUnknownSuggests(t *testing.T) {
	tests := []struct {
		query, first string
	}{
		{"Islamic Movement of Uzbekistn", "Islamic Movement of Uzbekistan (Organization)"},
		{"IMV", "IMU (Islamic Movement of Uzbekistan, Organization)"},
		{"Haqqani", "Haqqani Network (Organization)"},
		{"Talibans", "Taliban (Organization)"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			_, err := Select(sample(), Selection{Around: tc.query, Hops: 1}, symmetric)
			var nf *NotFoundError
			require.ErrorAs(t, err, &nf)
			require.NotEmpty(t, nf.Suggestions)
			assert.Equal(t, tc.first, nf.Suggestions[0])
			assert.Contains(t, err.Error(), fmt.Sprintf("no entity is named %q", tc.query))
		})
	}
}

func TestResolvePrefersNameThenMentions(t *testing.T) {
	g := sample()
	g.Entities["Person:imu"] = &graph.Entity{Key: "Person:imu", Type: "Person", Name: "Imu", Mentions: 1}
	e, others, err := Resolve(g, "IMU")
	require.NoError(t, err)
	assert.Equal(t, "Person:imu", e.Key, "a match on the name beats a match on an alias")
	require.Len(t, others, 1)
	assert.Equal(t, "Organization:islamic movement of uzbekistan", others[0].Key)
}

func encode(t *testing.T, format string, s *Subgraph) []byte {
	t.Helper()
	var b bytes.Buffer
	enc, err := NewEncoder(format, &b)
	require.NoError(t, err)
	require.NoError(t, enc.Encode(s))
	require.NoError(t, enc.Close())
	return b.Bytes()
}

// TestGolden encodes the sample around IMU (two hops) in every format and
// compares with testdata/golden (go test -update rewrites them); a second
// selection and encoding must give the same bytes.
func TestGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			s, err := Select(sample(), Selection{Around: "IMU", Hops: 2}, symmetric)
			require.NoError(t, err)
			got := encode(t, format, s)
			s2, err := Select(sample(), Selection{Around: "IMU", Hops: 2}, symmetric)
			require.NoError(t, err)
			assert.Equal(t, got, encode(t, format, s2), "stable: the same selection gives the same bytes")
			path := filepath.Join("testdata", "golden", "imu."+format)
			if format == "csv" {
				path += ".zip"
			}
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./internal/export -update to create the golden files")
			assert.Equal(t, string(want), string(got))
		})
	}
}

// missingTool skips loudly, or fails when CI is "true".
func missingTool(t *testing.T, tool, install string) {
	t.Helper()
	msg := fmt.Sprintf("%s not found: install it (%s)", tool, install)
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but " + msg)
	}
	fmt.Fprintln(os.Stderr, "*** skipped: "+msg)
	t.Skip(msg)
}

func TestGraphMLValidatesAgainstXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		missingTool(t, "xmllint", "apt-get install -y libxml2-utils")
	}
	xsd := filepath.Join("testdata", "graphml", "graphml.xsd")
	tests := []Selection{{Around: "IMU", Hops: 2}, {}, {Around: "Kunduz", Hops: 0}}
	for i, sel := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s, err := Select(sample(), sel, symmetric)
			require.NoError(t, err)
			file := filepath.Join(t.TempDir(), "g.graphml")
			require.NoError(t, os.WriteFile(file, encode(t, "graphml", s), 0o644))
			out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, file).CombinedOutput()
			assert.NoError(t, err, string(out))
			assert.Contains(t, string(out), "validates")
		})
	}
	t.Run("the schema rejects a dangling edge", func(t *testing.T) {
		s, err := Select(sample(), Selection{Around: "IMU", Hops: 1}, symmetric)
		require.NoError(t, err)
		bad := strings.Replace(string(encode(t, "graphml", s)), `target="n0"`, `target="n999"`, 1)
		file := filepath.Join(t.TempDir(), "bad.graphml")
		require.NoError(t, os.WriteFile(file, []byte(bad), 0o644))
		out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, file).CombinedOutput()
		assert.Error(t, err, string(out))
	})
}

func TestGraphMLKeys(t *testing.T) {
	s, err := Select(sample(), Selection{Around: "IMU", Hops: 2}, symmetric)
	require.NoError(t, err)
	out := string(encode(t, "graphml", s))
	for _, k := range gmlKeys {
		assert.Contains(t, out, fmt.Sprintf("<key id=%q for=%q", k.id, k.domain))
	}
	assert.Contains(t, out, `<data key="aliases">IMU; O&#39;zbekiston Islomiy Harakati</data>`, "lists joined with '; '")
	assert.Contains(t, out, `directed="false"`, "symmetric relations are undirected")
}

func TestCSVHeaders(t *testing.T) {
	s, err := Select(sample(), Selection{Around: "IMU", Hops: 2}, symmetric)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(encode(t, "csv", s)), int64(len(encode(t, "csv", s))))
	require.NoError(t, err)
	files := map[string][][]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if strings.HasSuffix(f.Name, ".csv") {
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			require.NoError(t, err, f.Name)
			files[f.Name] = rows
		} else {
			assert.Contains(t, string(b), "neo4j-admin database import full")
		}
	}
	tests := []struct {
		file   string
		header []string
		rows   int
	}{
		{"nodes_Organization.csv", []string{"key:ID(Entity)", ":LABEL", "name", "kind", "aliases:string[]", "mentions:int"}, 3},
		{"nodes_Person.csv", EntityHeader, 2},
		{"nodes_Location.csv", EntityHeader, 2},
		{"nodes_Article.csv", []string{"id:ID(Article)", ":LABEL", "title", "date", "url", "source"}, 3},
		{"rels_MENTIONS.csv", []string{":START_ID(Article)", ":END_ID(Entity)", ":TYPE", "count:int"}, 10},
		{"rels_ALLIED_WITH.csv", []string{":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "count:int", "sources:string[]", "sourceCounts:int[]", "evidence:string[]", "evidenceSources:string[]", "offsets:string[]", "firstSeen", "lastSeen"}, 2},
		{"rels_KILLED_IN_RAID.csv", RelationHeader, 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			rows, ok := files[tc.file]
			require.True(t, ok, "file %s written", tc.file)
			assert.Equal(t, tc.header, rows[0])
			assert.Len(t, rows[1:], tc.rows)
			for _, r := range rows[1:] {
				assert.Len(t, r, len(tc.header))
				if tc.header[1] == ":LABEL" || tc.header[2] == ":TYPE" {
					col := 1
					if tc.header[2] == ":TYPE" {
						col = 2
					}
					assert.Regexp(t, `^[A-Z][A-Za-z_]*$`, r[col])
				}
			}
		})
	}
	imu := files["nodes_Organization.csv"][2]
	assert.Equal(t, "IMU;O'zbekiston Islomiy Harakati", imu[4], "arrays joined with ;")
	allied := files["rels_ALLIED_WITH.csv"][2]
	assert.Equal(t, "The IMU, a key ally of the \"Taliban\".;The IMU fights with the Taliban.", allied[6], "a ; inside an element becomes a comma")
}

func TestCSVFolder(t *testing.T) {
	s, err := Select(sample(), Selection{Around: "IMU", Hops: 1}, symmetric)
	require.NoError(t, err)
	d := dirMap{}
	enc := NewCSVDirEncoder(d)
	require.NoError(t, enc.Encode(s))
	require.NoError(t, enc.Close())
	assert.Equal(t, []string{"IMPORT.txt", "nodes_Article.csv", "nodes_Location.csv", "nodes_Organization.csv", "nodes_Person.csv",
		"rels_ALLIED_WITH.csv", "rels_LEADER_OF.csv", "rels_MEMBER_OF.csv", "rels_MENTIONS.csv", "rels_OPERATES_IN.csv"}, sortedKeys(d))
}

type dirMap map[string]*bytes.Buffer

func (d dirMap) Create(name string) (io.Writer, error) {
	d[name] = &bytes.Buffer{}
	return d[name], nil
}

func TestHTMLIsSelfContained(t *testing.T) {
	g := sample()
	g.Entities["Person:juma khan"].Name = "Juma </script><script>alert(1)</script>"
	s, err := Select(g, Selection{Around: "IMU", Hops: 2}, symmetric)
	require.NoError(t, err)
	page := string(encode(t, "html", s))
	assert.Equal(t, 2, strings.Count(page, "</script>"), "the data cannot close its script element")
	assert.Contains(t, page, `Content-Security-Policy" content="default-src 'none'`)
	for _, bad := range []string{"<script src", "<link", "@import", "url(http", "fetch(", "XMLHttpRequest", "src=\"http"} {
		assert.NotContains(t, page, bad)
	}
	assert.Contains(t, page, `"nodes":[`)
}

func TestCypherStringEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `'plain'`},
		{`O'Reilly`, `'O\'Reilly'`},
		{`back\slash`, `'back\\slash'`},
		{"two\nlines\ttab\r", `'two\nlines\ttab\r'`},
		{"`tick`", "'`tick`'"},
		{"nul\x00bell\x07", `'nul\u0000bell\u0007'`},
		{"bad \xff byte", "'bad \uFFFD byte'"},
		{"'}) DETACH DELETE n //", `'\'}) DETACH DELETE n //'`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, CypherString(tc.in))
			assert.NotContains(t, CypherString(tc.in), "\n")
		})
	}
}

// unquoteCypher reads a literal as Cypher does (the escapes CypherString uses).
func unquoteCypher(t testing.TB, lit string) string {
	require.True(t, len(lit) >= 2 && lit[0] == '\'' && lit[len(lit)-1] == '\'', lit)
	body := lit[1 : len(lit)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\'' {
			t.Fatalf("unescaped quote in %s", lit)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch body[i] {
		case '\'', '\\':
			b.WriteByte(body[i])
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			var r rune
			_, err := fmt.Sscanf(body[i+1:i+5], "%04X", &r)
			require.NoError(t, err)
			b.WriteRune(r)
			i += 4
		default:
			t.Fatalf("unknown escape \\%c in %s", body[i], lit)
		}
	}
	return b.String()
}

func FuzzCypherString(f *testing.F) {
	for _, s := range []string{"", "a'b", `\'`, "`", "\n\r\t\x00", "MATCH (n) DETACH DELETE n", "é ü 日本", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lit := CypherString(s)
		assert.NotContains(t, lit, "\n")
		want := string([]rune(s)) // each invalid byte becomes U+FFFD
		assert.Equal(t, want, unquoteCypher(t, lit))
	})
}
