// Package document reads articles from disk: .txt and .md files with
// optional YAML front matter (title, date, url, source), and .jsonl files
// with one article per line (id, title, date, url, source, text).
// Its output is a stream of graph.Document; files it cannot use are
// reported with the reason and skipped, never fatal to the run.
package document

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/graphload/graphload/internal/graph"
	"gopkg.in/yaml.v3"
)

// DefaultMaxBytes is the largest file read unless the caller says otherwise.
const DefaultMaxBytes = 8 << 20

// Skip says why an input was not read.
type Skip struct {
	Path   string
	Reason string
}

func (s Skip) String() string { return s.Path + ": " + s.Reason }

// Reader walks paths and yields documents.
type Reader struct {
	MaxBytes int64 // files larger than this are skipped; 0 means DefaultMaxBytes
	// OnSkip is told about every file or line that is skipped.
	OnSkip func(Skip)
}

// Files lists the readable article files under the given paths, sorted,
// so that a run's order does not depend on the file system.
func (r *Reader) Files(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			r.skip(p, err.Error())
			continue
		}
		if !info.IsDir() {
			if !seen[p] {
				out = append(out, p)
				seen[p] = true
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
			if err != nil {
				r.skip(path, err.Error())
				if de != nil && de.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if de.IsDir() {
				if path != p && strings.HasPrefix(de.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if !Supported(path) {
				return nil
			}
			if !seen[path] {
				out = append(out, path)
				seen[path] = true
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", p, err)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Supported reports whether a file name has an extension the reader takes.
func Supported(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".jsonl", ".ndjson":
		return true
	}
	return false
}

func (r *Reader) skip(path, reason string) {
	if r.OnSkip != nil {
		r.OnSkip(Skip{Path: path, Reason: reason})
	}
}

// Read reads one file and calls emit for each document in it. A document
// whose text was seen before (same bytes) is skipped as a duplicate.
func (r *Reader) Read(ctx context.Context, path string, seen *Dedup, emit func(graph.Document) error) error {
	max := r.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	f, err := os.Open(path)
	if err != nil {
		r.skip(path, err.Error())
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		r.skip(path, err.Error())
		return nil
	}
	if !info.Mode().IsRegular() {
		r.skip(path, "not a regular file")
		return nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".jsonl" || ext == ".ndjson" {
		return r.readJSONL(ctx, path, f, max, seen, emit)
	}
	if info.Size() > max {
		r.skip(path, fmt.Sprintf("%d bytes is over the limit of %d (--max-bytes)", info.Size(), max))
		return nil
	}
	b, err := io.ReadAll(f)
	if err != nil {
		r.skip(path, err.Error())
		return nil
	}
	doc, reason := ParseText(filepath.Base(path), b)
	if reason != "" {
		r.skip(path, reason)
		return nil
	}
	if seen != nil && !seen.First(doc.Text) {
		r.skip(path, "duplicate of an article already read")
		return nil
	}
	return emit(doc)
}

func (r *Reader) readJSONL(ctx context.Context, path string, f io.Reader, max int64, seen *Dedup, emit func(graph.Document) error) error {
	br := bufio.NewReaderSize(f, 1<<16)
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := readLine(br, max)
		if errors.Is(err, io.EOF) && len(b) == 0 {
			return nil
		}
		line++
		where := fmt.Sprintf("%s:%d", path, line)
		if errors.Is(err, errLineTooLong) {
			r.skip(where, fmt.Sprintf("line over the limit of %d bytes (--max-bytes)", max))
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			r.skip(path, err.Error())
			return nil
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var rec struct {
			ID, Title, Date, URL, Source, Text string
		}
		if jerr := json.Unmarshal(b, &rec); jerr != nil {
			r.skip(where, "not a JSON object: "+jerr.Error())
			continue
		}
		if rec.ID == "" {
			rec.ID = fmt.Sprintf("%s#%d", filepath.Base(path), line)
		}
		if strings.TrimSpace(rec.Text) == "" {
			r.skip(where, "no text")
			continue
		}
		if !utf8.ValidString(rec.Text) {
			rec.Text = strings.ToValidUTF8(rec.Text, "\uFFFD")
		}
		doc := graph.Document{ID: rec.ID, Title: rec.Title, Date: normDate(rec.Date), URL: rec.URL, Source: rec.Source, Text: rec.Text}
		if seen != nil && !seen.First(doc.Text) {
			r.skip(where, "duplicate of an article already read")
			continue
		}
		if err := emit(doc); err != nil {
			return err
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line, refusing to hold more than max bytes of it.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(buf)+len(chunk)) > max {
			// drain the rest of the line
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, err
	}
}

// ParseText reads a .txt or .md article: optional YAML front matter between
// "---" lines, then the text. It returns a reason when the bytes are not an
// article (binary, empty).
func ParseText(id string, b []byte) (graph.Document, string) {
	if len(bytes.TrimSpace(b)) == 0 {
		return graph.Document{}, "empty file"
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return graph.Document{}, "binary file (NUL bytes)"
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
		if bytes.Count(b, []byte("\uFFFD"))*20 > len(b) {
			return graph.Document{}, "not text: mostly invalid UTF-8"
		}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	doc := graph.Document{ID: id}
	text := string(b)
	if strings.HasPrefix(text, "---\n") || strings.HasPrefix(text, "---\r\n") {
		rest := text[strings.Index(text, "\n")+1:]
		if end := strings.Index(rest, "\n---"); end >= 0 {
			var fm struct {
				Title, Date, URL, Source string
			}
			if err := yaml.Unmarshal([]byte(rest[:end]), &fm); err == nil {
				doc.Title, doc.Date, doc.URL, doc.Source = fm.Title, normDate(fm.Date), fm.URL, fm.Source
				after := rest[end+4:]
				if i := strings.IndexByte(after, '\n'); i >= 0 {
					after = after[i+1:]
				} else {
					after = ""
				}
				// blank out the front matter so offsets still point into the file
				text = strings.Repeat(" ", len(text)-len(after)) + after
			}
		}
	}
	if strings.TrimSpace(text) == "" {
		return graph.Document{}, "no text after front matter"
	}
	doc.Text = text
	return doc, ""
}

// normDate turns the common date spellings into YYYY-MM-DD; others are kept as written.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04:05", "January 2, 2006", "Jan. 2, 2006", "Jan 2, 2006", "2 January 2006", "02/01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return s
}

// Dedup remembers the texts already read, by hash.
type Dedup struct{ seen map[[32]byte]bool }

// NewDedup returns an empty set.
func NewDedup() *Dedup { return &Dedup{seen: map[[32]byte]bool{}} }

// First reports whether text is seen for the first time, and remembers it.
func (d *Dedup) First(text string) bool {
	h := sha256.Sum256([]byte(strings.TrimSpace(text)))
	if d.seen[h] {
		return false
	}
	d.seen[h] = true
	return true
}
