package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/graphload/graphload/internal/document"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/testschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// facts lists "Type:name" entities and "from -TYPE-> to" relations by name.
func facts(dg graph.DocGraph) (ents, rels []string) {
	name := map[string]string{}
	for _, e := range dg.Entities {
		name[e.Key] = e.Name
		ents = append(ents, e.Type+":"+e.Name)
	}
	for _, r := range dg.Relations {
		rels = append(rels, fmt.Sprintf("%s -%s-> %s", name[r.From], r.Type, name[r.To]))
	}
	sort.Strings(ents)
	sort.Strings(rels)
	return
}

// These texts are written for the tests: new names, new places, the same
// kinds of sentences as the sources graphload reads.
func TestDocumentFacts(t *testing.T) {
	p := New(testschema.Load(t))
	tests := []struct {
		name      string
		text      string
		wantEnts  []string
		wantRels  []string
		forbidden []string
	}{
		{
			name:     "raid with a named facilitator",
			text:     "During an operation in Sabari district, Khowst province, today, an Afghan and coalition security force killed Haqqani Network facilitator, Gul Zaman Wardak. Zaman supplied weapons to fighters.",
			wantEnts: []string{"Location:Sabari", "Organization:Haqqani Network", "Person:Gul Zaman Wardak"},
			wantRels: []string{"Gul Zaman Wardak -KILLED_IN_RAID-> Sabari", "Gul Zaman Wardak -MEMBER_OF-> Haqqani Network", "Sabari -LOCATED_IN-> Khost"},
		},
		{
			name:     "acronym defined and reused",
			text:     "The Islamic Jihad Union (IJU) is a key ally of the Taliban. The IJU operates in Paktia province and in North Waziristan.",
			wantRels: []string{"Islamic Jihad Union -ALLIED_WITH-> Taliban", "Islamic Jihad Union -OPERATES_IN-> North Waziristan"},
		},
		{
			name:     "leader and founder",
			text:     "TTP leader Hakimullah Mehsud met commanders in Orakzai. Lashkar-e-Taiba, founded in 1987 by Hafiz Muhammad Saeed, trains militants.",
			wantRels: []string{"Hafiz Muhammad Saeed -FOUNDED-> Lashkar-e-Taiba", "Hakimullah Mehsud -LEADER_OF-> Tehrik-i-Taliban Pakistan"},
		},
		{
			name:      "a leader is a member, not the head",
			text:      "The strike killed Qari Abdul Basit, a senior Islamic Jihad Union leader, in Mir Ali.",
			wantRels:  []string{"Qari Abdul Basit -MEMBER_OF-> Islamic Jihad Union"},
			forbidden: []string{"Qari Abdul Basit -LEADER_OF-> Islamic Jihad Union"},
		},
		{
			name:     "rivalry",
			text:     "Officials in Nangarhar describe a rivalry between the Taliban and the Islamic State Khorasan Province.",
			wantRels: []string{"Islamic State Khorasan Province -RIVAL_OF-> Taliban"},
		},
		{
			name:     "prose that mentions donations is content",
			text:     "Lashkar-e-Taiba was founded by Hafiz Muhammad Saeed. Its charity wing raised donations across Punjab.",
			wantRels: []string{"Hafiz Muhammad Saeed -FOUNDED-> Lashkar-e-Taiba"},
		},
		{
			name:      "page furniture adds nothing",
			text:      "The Taliban operate in Kunar.\nSupport our reporting with a donation today.\nTags: , ,\nIraq\nSyria\nBoko Haram\nYemen",
			forbidden: []string{"Organization:Boko Haram", "Location:Iraq", "Location:Syria"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, rels := facts(p.Document(graph.Document{ID: "t.txt", Text: tt.text}))
			for _, e := range tt.wantEnts {
				assert.Contains(t, ents, e)
			}
			for _, r := range tt.wantRels {
				assert.Contains(t, rels, r)
			}
			for _, f := range tt.forbidden {
				assert.NotContains(t, append(ents, rels...), f)
			}
		})
	}
}

// Every relationship on the development corpus and the held-out sets has
// evidence that names both of its endpoints (a mention of each in the
// evidence sentences).
func TestEvidenceHoldsBothEndpoints(t *testing.T) {
	s := testschema.Load(t)
	p := New(s)
	corpora := []string{"corpus", "heldout/corpus", "heldout2/corpus", "heldout3/corpus", "heldout4/corpus", "heldout5/corpus", "heldout6/corpus", "heldout7/corpus", "heldout8/corpus", "heldout9/corpus", "heldout10/corpus", "heldout11/corpus", "heldout12/corpus", "heldout13/corpus", "heldout14/corpus", "heldout15/corpus", "heldout16/corpus", "heldout17/corpus", "heldout18/corpus", "heldout19/corpus", "heldout20/corpus", "heldout22/corpus", "heldout23/corpus", "heldout25/corpus", "heldout28/corpus", "heldout27/corpus", "heldout29/corpus", "heldout31/corpus", "heldout32/corpus", "heldout35/corpus", "heldout40/corpus", "heldout41/corpus", "heldout42/corpus"}
	for _, c := range corpora {
		t.Run(c, func(t *testing.T) {
			g, _, err := p.Run(context.Background(), []string{"../../fixtures/" + c}, Options{})
			require.NoError(t, err)
			require.NotEmpty(t, g.Relations)
			for _, r := range g.SortedRelations() {
				require.NotEmpty(t, r.Evidence, "%s %s %s", r.From, r.Type, r.To)
				joined := strings.ToLower(evidenceText(r))
				assert.True(t, namesIn(joined, g.Entities[r.From]), "%s -%s-> %s: evidence does not name %s: %q", r.From, r.Type, r.To, r.From, joined)
				assert.True(t, namesIn(joined, g.Entities[r.To]), "%s -%s-> %s: evidence does not name %s: %q", r.From, r.Type, r.To, r.To, joined)
			}
		})
	}
}

func evidenceText(r *graph.Relation) string {
	var b strings.Builder
	for _, e := range r.Evidence {
		b.WriteString(e.Sentence)
		b.WriteString("\n")
	}
	return b.String()
}

// namesIn reports whether text holds the entity's name or an alias (as
// written): an anaphor's antecedent sentence is part of the evidence.
func namesIn(text string, e *graph.Entity) bool {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if strings.Contains(text, strings.ToLower(n)) {
			return true
		}
	}
	return false
}

// Extracting the same text twice gives the same graph: no map order may
// decide between candidates (held-out set 17 has two men a bare "Wazir"
// could stand for).
func TestExtractionIsDeterministic(t *testing.T) {
	s := testschema.Load(t)
	p := New(s)
	var first []string
	for run := 0; run < 8; run++ {
		g, _, err := p.Run(context.Background(), []string{"../../fixtures/heldout17/corpus"}, Options{Workers: 1})
		require.NoError(t, err)
		var got []string
		for _, r := range g.SortedRelations() {
			got = append(got, r.From+" "+r.Type+" "+r.To)
		}
		if run == 0 {
			first = got
			continue
		}
		require.Equal(t, first, got, "run %d", run)
	}
}

// The graph does not depend on the number of workers.
func TestWorkersDoNotChangeTheGraph(t *testing.T) {
	p := New(testschema.Load(t))
	one, _, err := p.Run(context.Background(), []string{"../../fixtures/corpus"}, Options{Workers: 1})
	require.NoError(t, err)
	many, _, err := p.Run(context.Background(), []string{"../../fixtures/corpus"}, Options{Workers: 8})
	require.NoError(t, err)
	assert.Equal(t, one.SortedEntities(), many.SortedEntities())
	assert.Equal(t, one.SortedRelations(), many.SortedRelations())
}

func TestFailingDocumentIsSkipped(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "The IMU is active in Kunduz.", "b.txt": "The Taliban hold Baghlan.", "c.txt": "ISAF raided a compound in Khost."} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	p := New(testschema.Load(t))
	p.extract = func(d graph.Document) graph.DocGraph {
		if d.ID == "b.txt" {
			var none []int
			_ = none[len(d.Text)] // an extractor bug: index out of range
		}
		return p.Document(d)
	}
	var skips []document.Skip
	g, st, err := p.Run(context.Background(), []string{dir}, Options{Workers: 2, OnSkip: func(s document.Skip) { skips = append(skips, s) }})
	require.NoError(t, err, "one failing document does not stop the run")
	assert.Equal(t, 2, st.Documents)
	assert.Equal(t, 1, st.Skipped)
	require.Len(t, skips, 1)
	assert.Equal(t, "b.txt", skips[0].Path)
	assert.Contains(t, skips[0].Reason, "extraction failed")
	assert.Len(t, g.SortedArticles(), 2)
}

func TestOnDocumentSeesEachDocumentInOrder(t *testing.T) {
	p := New(testschema.Load(t))
	var seen []string
	g, _, err := p.Run(context.Background(), []string{"../../fixtures/corpus"}, Options{Workers: 2, OnDocument: func(dg graph.DocGraph) {
		seen = append(seen, dg.Article.ID)
	}})
	require.NoError(t, err)
	var merged []string
	for _, a := range g.SortedArticles() {
		merged = append(merged, a.ID)
	}
	assert.Len(t, seen, 5)
	assert.ElementsMatch(t, merged, seen)
	assert.True(t, sort.StringsAreSorted(seen), "in the order read: %v", seen)
}

func TestETA(t *testing.T) {
	st := Stats{Bytes: 25, TotalBytes: 100, Elapsed: 10 * time.Second}
	assert.Equal(t, 30*time.Second, st.ETA())
	assert.Zero(t, Stats{}.ETA())
}
