package document

import (
	"bytes"
	"context"
	"testing"
	"unicode/utf8"

	"github.com/graphload/graphload/internal/graph"
)

// FuzzParseText: any bytes give a document of valid UTF-8 or a reason, never a panic.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"", "plain text", "---\ntitle: x\n---\nbody", "---\n: : :\n---\n", "\xff\xfe\x00", "\xef\xbb\xbf---\ndate: 2012-01-01\n---\nA"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, reason := ParseText("f.txt", b)
		if reason != "" {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("invalid UTF-8 in a document's text")
		}
		if d.Text == "" {
			t.Fatalf("an empty document without a reason")
		}
	})
}

// FuzzJSONL: any JSON-lines bytes are read line by line; bad lines are
// skipped with a reason, good ones become documents with an id and text.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"x"}` + "\n", "not json\n", `{"text":"no id"}`, "\n\n", `{"id":"a","text":"\u0000"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r := &Reader{MaxBytes: 1 << 12, OnSkip: func(Skip) {}}
		err := r.readJSONL(context.Background(), "f.jsonl", bytes.NewReader(b), 1<<12, NewDedup(), func(d graph.Document) error {
			if d.ID == "" || d.Text == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("bad document %+v", d)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("read: %v", err)
		}
	})
}
