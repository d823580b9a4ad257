package pipeline

import (
	"testing"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/testschema"
)

// FuzzDocument: extraction never panics, and every relation it finds has
// evidence whose offsets point at its sentence in the text.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{
		"The IMU operates in Kunduz.",
		"Mullah X, a Taliban commander, was killed in Sangin district, Helmand province.",
		"\"`MATCH (n) DETACH DELETE n`\" said the Taliban's leader' }) RETURN 1 //",
		"(((( [[[ ]]] ---- ,,,, ''''", "A-B-C-D-E-F", "the group the group the group",
	} {
		f.Add(s)
	}
	p := New(testschema.Load(f))
	f.Fuzz(func(t *testing.T, text string) {
		dg := p.Document(graph.Document{ID: "f.txt", Text: text})
		for _, r := range dg.Relations {
			if len(r.Evidence) == 0 {
				t.Fatalf("%s %s %s without evidence", r.From, r.Type, r.To)
			}
			for _, ev := range r.Evidence {
				if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End || text[ev.Start:ev.End] != ev.Sentence {
					t.Fatalf("evidence offsets %d-%d do not point at %q", ev.Start, ev.End, ev.Sentence)
				}
			}
		}
	})
}
