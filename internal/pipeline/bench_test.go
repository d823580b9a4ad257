package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/testschema"
)

// corpusDocs reads the development corpus.
func corpusDocs(b *testing.B) []graph.Document {
	files, err := filepath.Glob("../../fixtures/corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	var docs []graph.Document
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, graph.Document{ID: filepath.Base(f), Text: string(text)})
	}
	return docs
}

// BenchmarkDocument measures extraction on one core: the corpus repeated
// to about 4 MB per iteration. Read MB/s from the output.
func BenchmarkDocument(b *testing.B) {
	p := New(testschema.Load(b))
	docs := corpusDocs(b)
	var size int64
	var batch []graph.Document
	for i := 0; size < 4<<20; i++ {
		d := docs[i%len(docs)]
		d.ID = fmt.Sprintf("%d-%s", i, d.ID)
		batch = append(batch, d)
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range batch {
			p.Document(d)
		}
	}
}

// BenchmarkRun measures the whole pipeline (reading, extraction on all
// cores, merging) over a folder of the corpus repeated to about 4 MB.
func BenchmarkRun(b *testing.B) {
	p := New(testschema.Load(b))
	docs := corpusDocs(b)
	dir := b.TempDir()
	var size int64
	for i := 0; size < 4<<20; i++ {
		d := docs[i%len(docs)]
		// a distinct last line, so the reader does not drop copies as duplicates
		text := d.Text + fmt.Sprintf("\nCopy %d.", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(text))
	}
	for _, workers := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				if _, _, err := p.Run(context.Background(), []string{dir}, Options{Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
