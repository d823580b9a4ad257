// Package ontology reads graphload's schema: the ontology (entity and relation
// types with their cues), the lexicon and the gazetteers, from YAML files in
// an fs.FS (the embedded default or a --schema folder), and checks them.
// Its output, a *Schema, is read-only configuration for the extraction stages.
package ontology

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Cue says how one relation is signalled in text.
type Cue struct {
	How          string   `yaml:"how"`
	Objects      string   `yaml:"objects"` // "first": only the list right after the cue, whatever the relation says
	Phrases      []string `yaml:"phrases"`
	Roles        []string `yaml:"roles"`
	DefiniteOnly bool     `yaml:"definite_only"`
	ObjectGap    int      `yaml:"object_gap"`  // over the relation's object_gap
	ActiveOnly   bool     `yaml:"active_only"` // verb: a passive verb between subject and cue drops the subject
	// PlaceRelation: role cues also relate the person to the place of the
	// office ("the Taliban's shadow governor for Nangarhar, X")
	PlaceRelation string `yaml:"place_relation"`
	// Unless: event cues do not fire where one of these phrases stands in
	// the clause ("killed by a roadside bomb" is no raid)
	Unless []string `yaml:"unless"`
	// Local: an event cue needs no operation around it when its own clause
	// names the place ("arrested X at his home in Isfara")
	Local bool `yaml:"local"`
	// Topic: a passive cue with no object before it takes the group the
	// paragraph is about ("Command passed to his deputy, X")
	Topic bool `yaml:"topic"`
	// PartnersOnly: a together cue relates only the partners after it to the
	// places ("raids against the Haqqani Network in Khost": the raiders are
	// not said to be based there)
	PartnersOnly bool `yaml:"partners_only"`
	// PreviousPlaces: a cue whose clause names no place takes the places of
	// the sentence before it in the paragraph ("A bomb killed four in
	// Buleda. The BLA claimed responsibility.")
	PreviousPlaces bool `yaml:"previous_places"`
	// Route: a move's places after "from", "through" or "via" are where
	// it came from or passed, not where the mover operates
	Route bool `yaml:"route"`
	// ObjectsInside: the objects stand in the cue's gap ("has used the
	// katcha of Ghotki as a safe haven")
	ObjectsInside bool `yaml:"objects_inside"`
}

// RelationType is one relation of the ontology.
type RelationType struct {
	Type      string   `yaml:"type"`
	From      []string `yaml:"from"`
	To        []string `yaml:"to"`
	Symmetric bool     `yaml:"symmetric"`
	Objects   string   `yaml:"objects"`    // "all": every allowed mention of the clause after the cue
	ObjectGap int      `yaml:"object_gap"` // how many words may stand between a cue and its object; 0 means 8
	// PropagateVia: where one sentence relates X to Y by this relation and X
	// to Z by one of these, Z relates to Y too ("X, a Haqqani commander who
	// runs cells in Logar": the Haqqani Network operates in Logar)
	PropagateVia []string `yaml:"propagate_via"`
	// Implies: where this relation joins entities of the given kinds, the
	// other relation holds too (two militant groups that target each
	// other are rivals)
	Implies []Implication `yaml:"implies"`
	// ExceptFromKinds: entities of these kinds never start the relation
	// ("ISAF operates in Kunduz" is no fact about militant networks)
	ExceptFromKinds []string `yaml:"except_from_kinds"`
	Cues            []Cue    `yaml:"cues"`
}

// Excludes reports whether an entity of the kind may not start the relation.
func (r *RelationType) Excludes(fromKind string) bool {
	for _, k := range r.ExceptFromKinds {
		if k == fromKind {
			return true
		}
	}
	return false
}

// Implication is one relation that follows from another between entities
// of the given kinds ("" matches any kind).
type Implication struct {
	Relation string `yaml:"relation"`
	FromKind string `yaml:"from_kind"`
	ToKind   string `yaml:"to_kind"`
}

// EntityType is one entity label with the kinds that refine it.
type EntityType struct {
	Kinds []string `yaml:"kinds"`
}

// Ontology is ontology.yaml.
type Ontology struct {
	EntityTypes  map[string]EntityType `yaml:"entity_types"`
	Relations    []RelationType        `yaml:"relations"`
	EventContext []string              `yaml:"event_context"`
	// LocationNesting lists the location kinds from the most specific.
	LocationNesting []string `yaml:"location_nesting"`
}

// Furniture says what page furniture looks like.
type Furniture struct {
	LinePatterns         []string `yaml:"line_patterns"`
	BioPatterns          []string `yaml:"bio_patterns"`
	ListHeadings         []string `yaml:"list_headings"`
	TrailingMenuMinLines int      `yaml:"trailing_menu_min_lines"`
	TrailingMenuMaxWords int      `yaml:"trailing_menu_max_words"`
	MaxParagraphBytes    int      `yaml:"max_paragraph_bytes"`
}

// Lexicon is lexicon.yaml.
type Lexicon struct {
	Stopwords          []string            `yaml:"stopwords"`
	NameConnectors     []string            `yaml:"name_connectors"`
	NameFinalWords     []string            `yaml:"name_final_words"`
	NameFinalGiven     []string            `yaml:"name_final_given"`
	NameNouns          []string            `yaml:"name_nouns"`
	Directions         []string            `yaml:"directions"`
	DirectionNouns     []string            `yaml:"direction_nouns"`
	Demonyms           map[string]string   `yaml:"demonyms"`
	Ethnonyms          []string            `yaml:"ethnonyms"`
	LocationHeads      map[string]string   `yaml:"location_heads"`
	NamedLocHeads      map[string]string   `yaml:"named_location_heads"`
	AliasLocHeads      []string            `yaml:"alias_location_heads"`
	OrganizationHeads  []string            `yaml:"organization_heads"`
	OrganizationPrefix []string            `yaml:"organization_prefixes"`
	MilitantHeads      []string            `yaml:"militant_heads"`
	SpeechVerbs        []string            `yaml:"speech_verbs"`
	PersonNouns        []string            `yaml:"person_nouns"`
	GivenNameSuffixes  []string            `yaml:"given_name_suffixes"`
	SurnameSuffixes    []string            `yaml:"surname_suffixes"`
	DemotingModifiers  []string            `yaml:"demoting_modifiers"`
	FunctionWords      []string            `yaml:"function_words"`
	IrregularVerbs     []string            `yaml:"irregular_verbs"`
	TransitiveVerbs    []string            `yaml:"transitive_verbs"`
	MemberNouns        []string            `yaml:"member_nouns"`
	KinNouns           []string            `yaml:"kin_nouns"`
	PlainAdverbs       []string            `yaml:"plain_adverbs"`
	ContentNouns       []string            `yaml:"content_nouns"`
	Subordinators      []string            `yaml:"subordinators"`
	ClauseOpeners      []string            `yaml:"clause_openers"`
	Attendants         []string            `yaml:"attendants"`
	OffshootNouns      []string            `yaml:"offshoot_nouns"`
	DescribingVerbs    []string            `yaml:"describing_verbs"`
	Copulas            []string            `yaml:"copulas"`
	SeatNouns          []string            `yaml:"seat_nouns"`
	RouteNouns         []string            `yaml:"route_nouns"`
	HoldingNouns       []string            `yaml:"holding_nouns"`
	FollowerNouns      []string            `yaml:"follower_nouns"`
	OrganizationNouns  []string            `yaml:"organization_nouns"`
	UnitNouns          []string            `yaml:"unit_nouns"`
	MeansNouns         []string            `yaml:"means_nouns"`
	GroupNouns         []string            `yaml:"group_nouns"`
	AgentVerbs         []string            `yaml:"agent_verbs"`
	CommonNameElements []string            `yaml:"common_name_elements"`
	PlaceKindPrefer    []string            `yaml:"place_kind_preference"`
	Anaphora           map[string][]string `yaml:"anaphora"`
	Abbreviations      []string            `yaml:"abbreviations"`
	Furniture          Furniture           `yaml:"furniture"`
}

// Place is a gazetteer location.
type Place struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	In      string   `yaml:"in"`
	Aliases []string `yaml:"aliases"`
}

// Org is a gazetteer organization.
type Org struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Aliases []string `yaml:"aliases"`
	// Claims are names of another group that stand for this one in a
	// document that also names this one ("Daesh" in a story about IS-K).
	Claims []string `yaml:"claims"`
	// Short names stand for this group in a document that names it in full
	// and no other group with the same short name ("the Jaish" beside
	// Jaish-e-Mohammed).
	Short []string `yaml:"short"`
}

// Figure is a gazetteer person.
type Figure struct {
	Name     string   `yaml:"name"`
	Aliases  []string `yaml:"aliases"`
	MemberOf string   `yaml:"member_of"`
}

type gazetteerFile struct {
	Locations       []Place  `yaml:"locations"`
	Organizations   []Org    `yaml:"organizations"`
	Persons         []Figure `yaml:"persons"`
	GivenNames      []string `yaml:"given_names"`
	ReligiousTitles []string `yaml:"religious_titles"`
	OfficeTitles    []string `yaml:"office_titles"`
}

// Schema is the whole checked configuration.
type Schema struct {
	Ontology  Ontology
	Lexicon   Lexicon
	Locations []Place
	Orgs      []Org
	Persons   []Figure

	GivenNames      map[string]bool // folded
	ReligiousTitles map[string]bool // folded
	OfficeTitles    map[string]bool // folded

	FurnitureLines []Pattern
	FurnitureBios  []Pattern
	// FurnitureHeads head lists of story titles ("Related").
	FurnitureHeads []Pattern

	relations map[string]*RelationType
}

// Load reads and checks a schema folder: ontology.yaml, lexicon.yaml and
// every gazetteer/*.yaml.
func Load(fsys fs.FS) (*Schema, error) {
	s := &Schema{
		GivenNames:      map[string]bool{},
		ReligiousTitles: map[string]bool{},
		OfficeTitles:    map[string]bool{},
		relations:       map[string]*RelationType{},
	}
	if err := readYAML(fsys, "ontology.yaml", &s.Ontology); err != nil {
		return nil, err
	}
	if err := readYAML(fsys, "lexicon.yaml", &s.Lexicon); err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "gazetteer/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list gazetteers: %w", err)
	}
	sort.Strings(files)
	for _, f := range files {
		var g gazetteerFile
		if err := readYAML(fsys, f, &g); err != nil {
			return nil, err
		}
		s.Locations = append(s.Locations, g.Locations...)
		s.Orgs = append(s.Orgs, g.Organizations...)
		s.Persons = append(s.Persons, g.Persons...)
		addFolded(s.GivenNames, g.GivenNames)
		addFolded(s.ReligiousTitles, g.ReligiousTitles)
		addFolded(s.OfficeTitles, g.OfficeTitles)
	}
	for _, p := range s.Lexicon.Furniture.LinePatterns {
		pat, err := compilePattern(p)
		if err != nil {
			return nil, fmt.Errorf("lexicon.yaml: furniture pattern %q: %w", p, err)
		}
		s.FurnitureLines = append(s.FurnitureLines, pat)
	}
	for _, p := range s.Lexicon.Furniture.BioPatterns {
		pat, err := compilePattern(p)
		if err != nil {
			return nil, fmt.Errorf("lexicon.yaml: bio pattern %q: %w", p, err)
		}
		s.FurnitureBios = append(s.FurnitureBios, pat)
	}
	for _, p := range s.Lexicon.Furniture.ListHeadings {
		pat, err := compilePattern(p)
		if err != nil {
			return nil, fmt.Errorf("lexicon.yaml: list heading %q: %w", p, err)
		}
		s.FurnitureHeads = append(s.FurnitureHeads, pat)
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return s, nil
}

func readYAML(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read schema %s: %w", name, err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse schema %s: %w", path.Clean(name), err)
	}
	return nil
}

func addFolded(set map[string]bool, words []string) {
	for _, w := range words {
		set[strings.ToLower(strings.TrimSuffix(w, "."))] = true
	}
}

// Pattern is a compiled furniture pattern. A pattern written with a leading
// (?i) is compiled without it and matched against lower-cased text.
type Pattern struct {
	Re     *regexp.Regexp
	Lower  bool
	prefix string // a literal every match starts with, sought before the matcher runs
}

// Match reports whether the pattern matches line; lower is line in lower case.
func (p Pattern) Match(line, lower string) bool {
	text := line
	if p.Lower {
		text = lower
	}
	if p.prefix != "" && !strings.Contains(text, p.prefix) {
		return false
	}
	return p.Re.MatchString(text)
}

func compilePattern(p string) (Pattern, error) {
	lower := strings.HasPrefix(p, "(?i)")
	re, err := regexp.Compile(strings.TrimPrefix(p, "(?i)"))
	if err != nil {
		return Pattern{}, err
	}
	prefix, _ := re.LiteralPrefix()
	return Pattern{Re: re, Lower: lower, prefix: prefix}, nil
}

var typeName = regexp.MustCompile(`^[A-Z][A-Za-z]*$`)
var relName = regexp.MustCompile(`^[A-Z][A-Z_]*$`)

var engines = map[string]bool{"possessive": true, "raid": true, "mutual": true, "together": true, "attributive": true, "verb": true, "passive": true, "between": true, "compound": true, "role": true, "event": true, "strike": true, "apposition": true, "containment": true, "succession": true, "section": true, "roster": true}

func (s *Schema) check() error {
	var errs []error
	if len(s.Ontology.EntityTypes) == 0 {
		errs = append(errs, errors.New("ontology.yaml: no entity_types"))
	}
	for t := range s.Ontology.EntityTypes {
		if !typeName.MatchString(t) {
			errs = append(errs, fmt.Errorf("ontology.yaml: entity type %q is not a valid label", t))
		}
	}
	for i := range s.Ontology.Relations {
		r := &s.Ontology.Relations[i]
		if !relName.MatchString(r.Type) {
			errs = append(errs, fmt.Errorf("ontology.yaml: relation type %q is not a valid relationship type", r.Type))
			continue
		}
		if s.relations[r.Type] != nil {
			errs = append(errs, fmt.Errorf("ontology.yaml: relation %s defined twice", r.Type))
		}
		s.relations[r.Type] = r
		for _, t := range append(append([]string{}, r.From...), r.To...) {
			if _, ok := s.Ontology.EntityTypes[t]; !ok {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s names unknown entity type %q", r.Type, t))
			}
		}
		for _, c := range r.Cues {
			if !engines[c.How] {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s: unknown cue kind %q", r.Type, c.How))
			}
		}
	}
	for _, k := range s.Ontology.LocationNesting {
		if !s.hasKind("Location", k) {
			errs = append(errs, fmt.Errorf("ontology.yaml: location_nesting names %q, not a Location kind", k))
		}
	}
	// names that point at other relations, once every relation is known
	for _, r := range s.Ontology.Relations {
		for _, v := range r.PropagateVia {
			if s.relations[v] == nil {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s: propagate_via names unknown relation %q", r.Type, v))
			}
		}
		for _, k := range r.ExceptFromKinds {
			if !s.anyKind(r.From, k) {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s: except_from_kinds %q is no kind of its start", r.Type, k))
			}
		}
		for _, im := range r.Implies {
			target := s.relations[im.Relation]
			if target == nil {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s: implies names unknown relation %q", r.Type, im.Relation))
				continue
			}
			if !s.anyKind(r.From, im.FromKind) || !s.anyKind(r.To, im.ToKind) {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s: implies %s for kinds %q -> %q, not kinds of its endpoints", r.Type, im.Relation, im.FromKind, im.ToKind))
			}
		}
		for _, c := range r.Cues {
			if c.PlaceRelation != "" && s.relations[c.PlaceRelation] == nil {
				errs = append(errs, fmt.Errorf("ontology.yaml: relation %s: place_relation names unknown relation %q", r.Type, c.PlaceRelation))
			}
		}
	}
	for _, p := range s.Locations {
		if p.Name == "" || !s.hasKind("Location", p.Kind) {
			errs = append(errs, fmt.Errorf("gazetteer: location %q has kind %q, not one of the ontology's", p.Name, p.Kind))
		}
	}
	for _, o := range s.Orgs {
		if o.Name == "" || !s.hasKind("Organization", o.Kind) {
			errs = append(errs, fmt.Errorf("gazetteer: organization %q has kind %q, not one of the ontology's", o.Name, o.Kind))
		}
	}
	return errors.Join(errs...)
}

// anyKind reports whether kind is "" or a kind of one of the types.
func (s *Schema) anyKind(types []string, kind string) bool {
	if kind == "" {
		return true
	}
	for _, t := range types {
		if s.hasKind(t, kind) {
			return true
		}
	}
	return false
}

func (s *Schema) hasKind(typ, kind string) bool {
	for _, k := range s.Ontology.EntityTypes[typ].Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Relation returns the relation type named t, or nil.
func (s *Schema) Relation(t string) *RelationType { return s.relations[t] }

// IsLabel reports whether l is an entity label of the ontology: the
// allow-list for labels written into Cypher.
func (s *Schema) IsLabel(l string) bool {
	_, ok := s.Ontology.EntityTypes[l]
	return ok
}

// IsRelation reports whether t is a relation type of the ontology: the
// allow-list for relationship types written into Cypher.
func (s *Schema) IsRelation(t string) bool { return s.relations[t] != nil }

// Labels returns the entity labels, sorted.
func (s *Schema) Labels() []string {
	out := make([]string, 0, len(s.Ontology.EntityTypes))
	for t := range s.Ontology.EntityTypes {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Symmetric returns the relation types whose direction does not matter.
func (s *Schema) Symmetric() []string {
	var out []string
	for _, r := range s.Ontology.Relations {
		if r.Symmetric {
			out = append(out, r.Type)
		}
	}
	return out
}

// Allows reports whether relation t may join an entity of type from to one of type to.
func (r *RelationType) Allows(from, to string) bool {
	return contains(r.From, from) && contains(r.To, to)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
