package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/graphload/graphload/internal/apoc"
	"github.com/graphload/graphload/internal/graph"
)

// ArrayDelimiter separates the elements of list columns (string[]) in the
// CSV export: neo4j-admin's default. An element holding it has it replaced
// by ",": the CSV export is the one lossy format for such values.
const ArrayDelimiter = ";"

// Dir receives the files of the CSV export.
type Dir interface {
	Create(name string) (io.Writer, error)
}

// CSVEncoder writes a subgraph as files for 'neo4j-admin database import
// full': nodes_<Label>.csv per entity label and nodes_Article.csv,
// rels_MENTIONS.csv and rels_<TYPE>.csv per relation type, with typed
// headers (key:ID(Entity), :LABEL, mentions:int, aliases:string[], ...), and
// IMPORT.txt with the command that imports them.
type CSVEncoder struct {
	dir Dir
	zw  *zip.Writer
}

// NewCSVEncoder returns an encoder writing the files as one zip archive to w.
func NewCSVEncoder(w io.Writer) *CSVEncoder {
	zw := zip.NewWriter(w)
	return &CSVEncoder{dir: zipDir{zw}, zw: zw}
}

// NewCSVDirEncoder returns an encoder creating the files in d.
func NewCSVDirEncoder(d Dir) *CSVEncoder { return &CSVEncoder{dir: d} }

type zipDir struct{ zw *zip.Writer }

// zipTime is the modification time of every archived file: the same
// subgraph gives the same archive.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func (z zipDir) Create(name string) (io.Writer, error) {
	return z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
}

// CSV headers.
var (
	EntityHeader   = []string{"key:ID(Entity)", ":LABEL", "name", "kind", "aliases:string[]", "mentions:int"}
	ArticleHeader  = []string{"id:ID(Article)", ":LABEL", "title", "date", "url", "source"}
	MentionsHeader = []string{":START_ID(Article)", ":END_ID(Entity)", ":TYPE", "count:int"}
	RelationHeader = []string{":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "count:int", "sources:string[]", "sourceCounts:int[]",
		"evidence:string[]", "evidenceSources:string[]", "offsets:string[]", "firstSeen", "lastSeen"}
)

// Encode writes s.
func (e *CSVEncoder) Encode(s *Subgraph) error {
	var files []string
	var rels []string
	byLabel := map[string][][]string{}
	for _, ent := range s.Entities {
		byLabel[ent.Type] = append(byLabel[ent.Type], []string{ent.Key, ent.Type, ent.Name, ent.Kind, csvList(ent.Aliases), strconv.Itoa(ent.Mentions)})
	}
	for _, l := range sortedKeys(byLabel) {
		name := "nodes_" + l + ".csv"
		if err := e.write(name, EntityHeader, byLabel[l]); err != nil {
			return err
		}
		files = append(files, "--nodes="+name)
	}
	var arts, mentions [][]string
	for _, a := range s.Articles {
		arts = append(arts, []string{a.ID, apoc.ArticleLabel, a.Title, a.Date, a.URL, a.Source})
		for _, m := range a.Mentions {
			mentions = append(mentions, []string{a.ID, m.Key, apoc.MentionsType, strconv.Itoa(m.Count)})
		}
	}
	if len(arts) > 0 {
		if err := e.write("nodes_"+apoc.ArticleLabel+".csv", ArticleHeader, arts); err != nil {
			return err
		}
		files = append(files, "--nodes=nodes_"+apoc.ArticleLabel+".csv")
	}
	if len(mentions) > 0 {
		if err := e.write("rels_"+apoc.MentionsType+".csv", MentionsHeader, mentions); err != nil {
			return err
		}
		rels = append(rels, "--relationships=rels_"+apoc.MentionsType+".csv")
	}
	byType := map[string][][]string{}
	for _, r := range s.Relations {
		byType[r.Type] = append(byType[r.Type], relationRow(r))
	}
	for _, t := range sortedKeys(byType) {
		name := "rels_" + t + ".csv"
		if err := e.write(name, RelationHeader, byType[t]); err != nil {
			return err
		}
		rels = append(rels, "--relationships="+name)
	}
	w, err := e.dir.Create("IMPORT.txt")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "graphload export: %s\n\nImport into an empty, stopped database (Neo4j 5):\n\n"+
		"neo4j-admin database import full neo4j --overwrite-destination --array-delimiter=%q --multiline-fields=true --ignore-empty-strings=true \\\n  %s\n",
		describe(s), ArrayDelimiter, strings.Join(append(files, rels...), " \\\n  "))
	return err
}

func relationRow(r *graph.Relation) []string {
	var ev, evs, offs []string
	for _, x := range r.Evidence {
		ev = append(ev, oneLine(x.Sentence))
		evs = append(evs, x.DocID)
		offs = append(offs, fmt.Sprintf("%s:%d-%d", x.DocID, x.Start, x.End))
	}
	return []string{r.From, r.To, r.Type, strconv.Itoa(r.Count), csvList(r.Sources), sourceCounts(r), csvList(ev), csvList(evs), csvList(offs), r.FirstSeen, r.LastSeen}
}

// sourceCounts lists how many of the count each source supports, parallel
// to the sources; empty when the graph does not say.
func sourceCounts(r *graph.Relation) string {
	if len(r.SourceCounts) == 0 && len(r.Sources) != 1 {
		return ""
	}
	parts := make([]string, len(r.Sources))
	for i := range r.Sources {
		parts[i] = strconv.Itoa(r.SourceCountAt(i))
	}
	return strings.Join(parts, ArrayDelimiter)
}

func (e *CSVEncoder) write(name string, header []string, rows [][]string) error {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	w, err := e.dir.Create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// Close finishes the archive, when writing one.
func (e *CSVEncoder) Close() error {
	if e.zw != nil {
		return e.zw.Close()
	}
	return nil
}

func csvList(list []string) string {
	parts := make([]string, len(list))
	for i, s := range list {
		parts[i] = strings.ReplaceAll(s, ArrayDelimiter, ",")
	}
	return strings.Join(parts, ArrayDelimiter)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
