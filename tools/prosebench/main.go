// Command prosebench runs the prose v2 NLP pipeline (tokens, sentences,
// named entities) over the articles of a JSON-lines file, to compare
// graphload's whole-process throughput with a general-purpose Go NLP
// library's on the same text. It is a measuring tool, kept in a module of
// its own so that the product does not depend on prose.
//
//	go run . articles.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/jdkato/prose/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: prosebench articles.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	start := time.Now()
	var bytes, docs, ents int
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			continue
		}
		doc, err := prose.NewDocument(rec.Text)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		ents += len(doc.Entities())
		bytes += len(rec.Text)
		docs++
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(os.Stderr, "prose v2: %d documents, %d bytes, %d entities in %.2fs: %.1f KB/s\n", docs, bytes, ents, secs, float64(bytes)/1e3/secs)
}
