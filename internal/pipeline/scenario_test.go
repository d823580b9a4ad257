package pipeline

import (
	"context"
	"testing"

	"github.com/graphload/graphload/internal/eval"
	"github.com/graphload/graphload/internal/testschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScenarios extracts each corpus of fixtures/ and scores the merged
// graph against its gold files, at the bars the project holds itself to.
// The development corpus is the reference scorer's; the held-out sets are
// texts written for the project, with gold, by people who had not seen the
// extractor.
func TestScenarios(t *testing.T) {
	s := testschema.Load(t)
	p := New(s)
	rules := eval.Rules{Scored: map[string]bool{}, Symmetric: map[string]bool{}}
	for _, r := range s.Ontology.Relations {
		rules.Scored[r.Type] = true
		rules.Symmetric[r.Type] = r.Symmetric
	}
	tests := []struct {
		name, corpus, gold string
		minEntity, minRel  float64
	}{
		{"development corpus", "../../fixtures/corpus", "../../fixtures/gold", 0.90, 0.75},
		{"held-out 1", "../../fixtures/heldout/corpus", "../../fixtures/heldout/gold", 0.90, 0.75},
		{"held-out 2", "../../fixtures/heldout2/corpus", "../../fixtures/heldout2/gold", 0.90, 0.75},
		// Sets 3 to 6 were each scored sealed first, then read for misses (see
		// their READMEs); the bars guard today's level a little below it.
		{"held-out 3", "../../fixtures/heldout3/corpus", "../../fixtures/heldout3/gold", 0.90, 0.75},
		{"held-out 4", "../../fixtures/heldout4/corpus", "../../fixtures/heldout4/gold", 0.90, 0.75},
		{"held-out 5", "../../fixtures/heldout5/corpus", "../../fixtures/heldout5/gold", 0.90, 0.75},
		{"held-out 6", "../../fixtures/heldout6/corpus", "../../fixtures/heldout6/gold", 0.90, 0.75},
		{"held-out 7", "../../fixtures/heldout7/corpus", "../../fixtures/heldout7/gold", 0.90, 0.70},
		// Set 8 is sealed: scored first at ab65153, never read for errors.
		{"held-out 8", "../../fixtures/heldout8/corpus", "../../fixtures/heldout8/gold", 0.90, 0.65},
		// Sets 9 to 12 were scored sealed first, then read (their READMEs).
		{"held-out 9", "../../fixtures/heldout9/corpus", "../../fixtures/heldout9/gold", 0.90, 0.75},
		{"held-out 10", "../../fixtures/heldout10/corpus", "../../fixtures/heldout10/gold", 0.90, 0.72},
		{"held-out 11", "../../fixtures/heldout11/corpus", "../../fixtures/heldout11/gold", 0.90, 0.75},
		{"held-out 12", "../../fixtures/heldout12/corpus", "../../fixtures/heldout12/gold", 0.90, 0.72},
		// Sets 13 to 15 were scored sealed with the final extractor of their
		// session; 14 and 15 were read afterwards, 13 was not.
		{"held-out 13", "../../fixtures/heldout13/corpus", "../../fixtures/heldout13/gold", 0.90, 0.72},
		{"held-out 14", "../../fixtures/heldout14/corpus", "../../fixtures/heldout14/gold", 0.90, 0.75},
		{"held-out 15", "../../fixtures/heldout15/corpus", "../../fixtures/heldout15/gold", 0.90, 0.72},
		// Sets 16 and 17: scored sealed at e155d93; 16 was read afterwards.
		{"held-out 16", "../../fixtures/heldout16/corpus", "../../fixtures/heldout16/gold", 0.90, 0.68},
		{"held-out 17", "../../fixtures/heldout17/corpus", "../../fixtures/heldout17/gold", 0.90, 0.72},
		// Sets 18 and 19: scored sealed at c1b093f, read in the next session.
		{"held-out 18", "../../fixtures/heldout18/corpus", "../../fixtures/heldout18/gold", 0.90, 0.75},
		{"held-out 19", "../../fixtures/heldout19/corpus", "../../fixtures/heldout19/gold", 0.90, 0.70},
		// Set 20: scored sealed at 13646b8, then read.
		{"held-out 20", "../../fixtures/heldout20/corpus", "../../fixtures/heldout20/gold", 0.90, 0.72},
		// Set 22: scored sealed at c9d8e3f, then read.
		{"held-out 22", "../../fixtures/heldout22/corpus", "../../fixtures/heldout22/gold", 0.90, 0.72},
		// Sets 23 and 25: scored sealed at 807e73b, then read.
		{"held-out 23", "../../fixtures/heldout23/corpus", "../../fixtures/heldout23/gold", 0.90, 0.68},
		{"held-out 25", "../../fixtures/heldout25/corpus", "../../fixtures/heldout25/gold", 0.90, 0.75},
		// Set 27: scored sealed at 1b7ed18, then read.
		{"held-out 27", "../../fixtures/heldout27/corpus", "../../fixtures/heldout27/gold", 0.90, 0.76},
		// Set 29: scored sealed at 33086ef, then read.
		{"held-out 29", "../../fixtures/heldout29/corpus", "../../fixtures/heldout29/gold", 0.90, 0.70},
		// Sets 31 and 32: scored sealed at e0e679a, then read.
		{"held-out 31", "../../fixtures/heldout31/corpus", "../../fixtures/heldout31/gold", 0.90, 0.72},
		{"held-out 32", "../../fixtures/heldout32/corpus", "../../fixtures/heldout32/gold", 0.90, 0.68},
		// Set 35: scored at 6e79583, then read.
		{"held-out 35", "../../fixtures/heldout35/corpus", "../../fixtures/heldout35/gold", 0.90, 0.75},
		// Sets 40 to 42: scored sealed at 68af39b, then read.
		{"held-out 40", "../../fixtures/heldout40/corpus", "../../fixtures/heldout40/gold", 0.90, 0.64},
		{"held-out 41", "../../fixtures/heldout41/corpus", "../../fixtures/heldout41/gold", 0.90, 0.75},
		{"held-out 42", "../../fixtures/heldout42/corpus", "../../fixtures/heldout42/gold", 0.90, 0.66},
		// Set 28: scored sealed at 58a3775, then read.
		{"held-out 28", "../../fixtures/heldout28/corpus", "../../fixtures/heldout28/gold", 0.90, 0.62},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golds, err := eval.ReadGold(tt.gold)
			require.NoError(t, err)
			g, _, err := p.Run(context.Background(), []string{tt.corpus}, Options{})
			require.NoError(t, err)
			res := eval.Score(eval.Merge(golds, rules), g, rules)
			_, _, ef := res.Entities.PRF()
			_, _, rf := res.Relations.PRF()
			t.Logf("%s: entity F1 %.3f, relation F1 %.3f", tt.name, ef, rf)
			assert.GreaterOrEqual(t, ef, tt.minEntity, "entity F1")
			assert.GreaterOrEqual(t, rf, tt.minRel, "relation F1")
		})
	}
}
