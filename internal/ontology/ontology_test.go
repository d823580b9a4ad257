package ontology

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const entityTypes = `entity_types:
  Person: {kinds: []}
  Organization: {kinds: [militant_group]}
  Location: {kinds: [country, province, district]}
`

func TestLoadChecksTheOntology(t *testing.T) {
	tests := []struct {
		name      string
		relations string
		wantErr   string
	}{
		{"a valid relation", `
location_nesting: [district, province, country]
relations:
  - type: OPERATES_IN
    from: [Organization]
    to: [Location]
    propagate_via: [MEMBER_OF]
    cues: [{how: verb, phrases: [active in]}]
  - type: MEMBER_OF
    from: [Person]
    to: [Organization]
    cues: [{how: role, roles: [commander], place_relation: OPERATES_IN}]
`, ""},
		{"an unknown cue engine", `
relations:
  - {type: ALLIED_WITH, from: [Organization], to: [Organization], cues: [{how: telepathy}]}
`, `unknown cue kind "telepathy"`},
		{"an unknown entity type", `
relations:
  - {type: ALLIED_WITH, from: [Group], to: [Organization]}
`, `unknown entity type "Group"`},
		{"a propagate_via that is no relation", `
relations:
  - {type: OPERATES_IN, from: [Organization], to: [Location], propagate_via: [PART_OF]}
`, `propagate_via names unknown relation "PART_OF"`},
		{"a place_relation that is no relation", `
relations:
  - {type: MEMBER_OF, from: [Person], to: [Organization], cues: [{how: role, roles: [chief], place_relation: BASED_IN}]}
`, `place_relation names unknown relation "BASED_IN"`},
		{"an implied relation that is no relation", `
relations:
  - {type: TARGETED, from: [Organization], to: [Organization], implies: [{relation: FEUDS_WITH}]}
`, `implies names unknown relation "FEUDS_WITH"`},
		{"an implied relation for a kind the endpoints lack", `
relations:
  - {type: RIVAL_OF, from: [Organization], to: [Organization]}
  - {type: TARGETED, from: [Organization], to: [Organization], implies: [{relation: RIVAL_OF, from_kind: province}]}
`, `not kinds of its endpoints`},
		{"an excluded start kind the start types lack", `
relations:
  - {type: OPERATES_IN, from: [Organization], to: [Location], except_from_kinds: [province]}
`, `except_from_kinds "province" is no kind of its start`},
		{"a nesting kind that is not a Location kind", `
location_nesting: [village, district]
relations: []
`, `location_nesting names "village"`},
		{"a relation type Cypher could not carry", `
relations:
  - {type: "ALLIED WITH", from: [Organization], to: [Organization]}
`, "not a valid relationship type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"ontology.yaml": {Data: []byte(entityTypes + tt.relations)},
				"lexicon.yaml":  {Data: []byte("stopwords: [the]\n")},
			}
			s, err := Load(fsys)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.NotNil(t, s.Relation("OPERATES_IN"))
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}
