// Package relations finds the typed relations between the entities of a
// document, each with the sentences that support it.
//
// Input: a document's sentences and the mentions package entities found in
// them. Output: relations with provenance (document id, sentence text, byte
// offsets, a count of supporting mentions).
//
// Which relations exist, between which types, and which words signal them
// is the schema's business (schema/ontology.yaml); this package holds the
// engines that read each kind of cue: verbs, passives, "between" phrases,
// hyphen compounds, roles, raid events and place containment.
package relations

import (
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
)

// Places answers whether the gazetteer puts one place inside another
// (both given as entity keys).
type Places interface {
	Contains(outer, inner string) bool
	// Placed reports whether the gazetteer knows where the place lies at all.
	Placed(inner string) bool
	// DirectlyIn reports whether the gazetteer puts inner right inside outer.
	DirectlyIn(outer, inner string) bool
}

// Extractor finds relations. It is safe for concurrent use.
type Extractor struct {
	s            *ontology.Schema
	places       Places
	cues         []compiledCue
	firstID      map[string]int        // every cue phrase's first word, numbered for firstBits
	contextFirst map[string][][]string // event context phrases, folded, by first word
	demoting     map[string]bool
	personish    map[string]bool
	kin          map[string]bool // "his son, X": a kinship that describes a person
	plainAdverbs map[string]bool // adverbs without -ly: "long", "still"
	contentNouns map[string]bool // "the sign that ...": nouns with a that-clause
	// subordinators open a clause before the main one ("After X, ...")
	subordinators map[string]bool
	// offshoots: nouns for another group a group owns ("its regional branch")
	offshoots  map[string]bool
	describing map[string]bool // "regarded as", "described as"
	copulas    map[string]bool // "is", "remains", "became"
	seats      map[string]bool // "capital", "headquarters"
	holdings   map[string]bool // "base", "camp", "hideout"
	locHeads   map[string]string
	speech     map[string]bool
	function   map[string]bool // function words: never a qualified noun
	irregular  map[string]bool // past tenses without -ed
	transitive map[string]bool // verbs whose object a name often is
	members    map[string]bool // plural nouns for a group's people
	followers  map[string]bool // nouns that make a name a qualifier of people
	orgNouns   map[string]bool // generic heads after a group's name
	units      map[string]bool // parts of a group
	means      map[string]bool // what a force acts through: "airstrike", "commandos"
	kindRank   map[string]int  // location kinds from the most specific
	// demonyms: "pakistani" -> the key of Pakistan ("the Pakistani city of X")
	demonyms map[string]string
}

type compiledCue struct {
	rel     *ontology.RelationType
	how     string
	phrases [][]string            // folded words; "*" is a gap of up to four words, "**" of up to eight
	byFirst map[string][][]string // the phrases by their first word
	unless  map[string][][]string // phrases that stop the cue, by their first word
	local   bool                  // an event whose clause names the place needs no operation
	objects string                // the cue's own "objects", over the relation's
	roles   map[string]bool
	defOnly bool
	gap     int // the cue's own object gap, over the relation's
	// activeOnly: the subject must act; a passive verb before the cue drops it
	activeOnly bool
	// topic: a passive cue with no object takes the paragraph's group
	topic bool
	// partnersOnly: a together cue relates only its partners to the places
	partnersOnly bool
	// previousPlaces: with no place in its clause, the sentence before's
	previousPlaces bool
	// route: a move's origin and way ("from X", "through Y") are no objects
	route bool
	// objectsInside: a cue whose gap holds its objects ("used + as a base")
	objectsInside bool
	// placeRel: role cues relate the person to the place of the office too
	placeRel *ontology.RelationType
	// firstBits: the IDs of the phrases' first words, to skip a sentence
	// that holds none of them at once
	firstBits []uint64
}

// New compiles the schema's cues.
func New(s *ontology.Schema, places Places) *Extractor {
	x := &Extractor{s: s, places: places, personish: map[string]bool{}, locHeads: map[string]string{}, firstID: map[string]int{}}
	for i := range s.Ontology.Relations {
		r := &s.Ontology.Relations[i]
		for _, c := range r.Cues {
			cc := compiledCue{rel: r, how: c.How, roles: map[string]bool{}, defOnly: c.DefiniteOnly, objects: c.Objects, gap: c.ObjectGap, activeOnly: c.ActiveOnly, topic: c.Topic, partnersOnly: c.PartnersOnly, previousPlaces: c.PreviousPlaces, route: c.Route, objectsInside: c.ObjectsInside}
			if c.PlaceRelation != "" {
				cc.placeRel = s.Relation(c.PlaceRelation)
			}
			cc.byFirst = map[string][][]string{}
			for _, p := range c.Phrases {
				fp := foldPhrase(p)
				if len(fp) == 0 {
					continue
				}
				cc.phrases = append(cc.phrases, fp)
				cc.byFirst[fp[0]] = append(cc.byFirst[fp[0]], fp)
			}
			cc.local = c.Local
			cc.unless = map[string][][]string{}
			for _, p := range c.Unless {
				if fp := foldPhrase(p); len(fp) > 0 {
					cc.unless[fp[0]] = append(cc.unless[fp[0]], fp)
				}
			}
			for _, role := range c.Roles {
				cc.roles[graph.FoldWord(role)] = true
				x.personish[graph.FoldWord(role)] = true // a role is a person noun too
			}
			for w := range cc.byFirst {
				id, ok := x.firstID[w]
				if !ok {
					id = len(x.firstID)
					x.firstID[w] = id
				}
				for len(cc.firstBits) <= id/64 {
					cc.firstBits = append(cc.firstBits, 0)
				}
				cc.firstBits[id/64] |= 1 << (id % 64)
			}
			x.cues = append(x.cues, cc)
		}
	}
	x.contextFirst = map[string][][]string{}
	for _, p := range s.Ontology.EventContext {
		fp := foldPhrase(p)
		if len(fp) > 0 {
			x.contextFirst[fp[0]] = append(x.contextFirst[fp[0]], fp)
		}
	}
	x.demoting = graph.FoldedSet(s.Lexicon.DemotingModifiers)
	for _, w := range s.Lexicon.PersonNouns {
		x.personish[graph.FoldWord(w)] = true
	}
	for h, k := range s.Lexicon.LocationHeads {
		x.locHeads[graph.FoldWord(h)] = k
	}
	x.demonyms = map[string]string{}
	for dem, country := range s.Lexicon.Demonyms {
		x.demonyms[graph.FoldWord(dem)] = graph.EntityKey(graph.Location, country)
	}
	lx := s.Lexicon
	x.speech = graph.FoldedSet(lx.SpeechVerbs)
	x.function = graph.FoldedSet(lx.FunctionWords)
	x.irregular = graph.FoldedSet(lx.IrregularVerbs)
	x.transitive = graph.FoldedSet(lx.TransitiveVerbs)
	x.members = graph.FoldedSet(lx.MemberNouns)
	x.kin = graph.FoldedSet(lx.KinNouns)
	x.plainAdverbs = graph.FoldedSet(lx.PlainAdverbs)
	x.contentNouns = graph.FoldedSet(lx.ContentNouns)
	x.subordinators = graph.FoldedSet(lx.Subordinators)
	x.offshoots = graph.FoldedSet(lx.OffshootNouns)
	x.describing = graph.FoldedSet(lx.DescribingVerbs)
	x.copulas = graph.FoldedSet(lx.Copulas)
	x.seats = graph.FoldedSet(lx.SeatNouns)
	x.holdings = graph.FoldedSet(lx.HoldingNouns)
	x.followers = graph.FoldedSet(lx.FollowerNouns)
	x.orgNouns = graph.FoldedSet(lx.OrganizationNouns)
	x.units = graph.FoldedSet(lx.UnitNouns)
	x.means = graph.FoldedSet(lx.MeansNouns)
	x.kindRank = map[string]int{}
	for i, k := range s.Ontology.LocationNesting {
		x.kindRank[k] = i
	}
	return x
}

func foldPhrase(p string) []string {
	var out []string
	for _, w := range strings.Fields(p) {
		if w == "*" || w == "**" || w == "+" {
			out = append(out, w)
			continue
		}
		if f := graph.FoldWord(w); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Input is one document as the relation engines see it.
type Input struct {
	Doc       graph.Document
	Sentences []graph.Sentence
	Mentions  []graph.Mention // in text order
	Entities  map[string]*graph.Entity
}

// finding is one relation instance found in the text.
type finding struct {
	typ      string
	from, to string
	evidence []int // sentence indexes
}

// doc is the state of one Extract call.
type doc struct {
	x        *Extractor
	in       Input
	bySent   [][]graph.Mention
	words    [][]string // folded token text per sentence
	findings []finding
	// successions: pairs of people one of whom followed the other in an
	// office ("X was succeeded by Y"), by the relation the office is
	successions []succession
	lastOp      int          // sentence of the last operation the document placed, or -1
	context     map[int]bool // whether a sentence speaks of an operation, once worked out
	// datelines: the sentences whose first place names where the story was
	// filed ("PESHAWAR: ...", "KABUL, Afghanistan (March 9, 2012) - ..."),
	// and how many mentions that dateline holds
	datelines map[int]int
	// profiled: the group the document is about (most mentioned), once
	// worked out for section cues; profiledDone says whether it was
	profiled     *graph.Mention
	profiledDone bool
	// sentBits: per sentence, the IDs of the cue first words it holds
	sentBits [][]uint64
}

// Extract finds the relations of one document.
func (x *Extractor) Extract(in Input) []graph.Relation {
	d := &doc{x: x, in: in, bySent: make([][]graph.Mention, len(in.Sentences)), words: make([][]string, len(in.Sentences)), lastOp: -1, context: map[int]bool{}}
	for _, m := range in.Mentions {
		d.bySent[m.Sentence] = append(d.bySent[m.Sentence], m)
	}
	for si, s := range in.Sentences {
		w := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			if t.Word {
				w[i] = graph.FoldWord(t.Text)
			} else {
				w[i] = t.Text
			}
		}
		d.words[si] = w
	}
	d.sentBits = make([][]uint64, len(in.Sentences))
	for si, w := range d.words {
		for _, word := range w {
			if id, ok := x.firstID[word]; ok {
				for len(d.sentBits[si]) <= id/64 {
					d.sentBits[si] = append(d.sentBits[si], 0)
				}
				d.sentBits[si][id/64] |= 1 << (id % 64)
			}
		}
	}
	d.datelines = map[int]int{}
	for si := range in.Sentences {
		if n := d.datelineMentions(si); n > 0 {
			d.datelines[si] = n
		}
	}
	for si, s := range in.Sentences {
		if s.Furniture || len(d.bySent[si]) == 0 {
			continue
		}
		for _, c := range x.cues {
			switch c.how {
			case "verb":
				d.verb(si, c)
			case "attributive":
				d.attributiveCue(si, c)
			case "together":
				d.together(si, c)
			case "mutual":
				d.mutual(si, c)
			case "raid":
				d.raid(si, c)
			case "possessive":
				d.possessiveLeader(si, c)
			case "passive":
				d.passive(si, c)
			case "between":
				d.between(si, c)
			case "compound":
				d.compound(si, c)
			case "role":
				d.role(si, c)
			case "event":
				d.event(si, c)
			case "strike":
				d.strike(si, c)
			case "apposition":
				d.apposition(si, c)
			case "containment":
				d.containment(si, c)
			case "succession":
				d.succession(si, c)
			case "section":
				d.section(si, c)
			case "roster":
				d.roster(si, c)
			}
		}
		if d.hasContext(si) && d.hasLocation(si) {
			d.lastOp = si
		}
	}
	d.inherit()
	d.propagate()
	d.imply()
	return d.collect()
}

// propagate applies the relations' propagate_via rules within one sentence.
func (d *doc) propagate() {
	type at struct {
		from string
		si   int
	}
	// the findings a rule may go through, by subject and sentence
	via := map[at][]finding{}
	main := func(f finding) int { return f.evidence[len(f.evidence)-1] } // the cue's own sentence
	for _, f := range d.findings {
		via[at{f.from, main(f)}] = append(via[at{f.from, main(f)}], f)
	}
	type key struct {
		typ, from, to string
		si            int
	}
	seen := map[key]bool{}
	n := len(d.findings)
	for i := 0; i < n; i++ {
		f := d.findings[i]
		rel := d.x.s.Relation(f.typ)
		if rel == nil || len(rel.PropagateVia) == 0 {
			continue
		}
		for _, g := range via[at{f.from, main(f)}] {
			if !contains(rel.PropagateVia, g.typ) || g.to == f.to {
				continue
			}
			k := key{f.typ, g.to, f.to, main(f)}
			if seen[k] {
				continue
			}
			seen[k] = true
			to, place := d.in.Entities[g.to], d.in.Entities[f.to]
			if to == nil || place == nil || !rel.Allows(to.Type, place.Type) {
				continue
			}
			// an official's whereabouts place no state body ("who headed the
			// NDS office in Takhar and now lives in Dushanbe")
			if to.Kind == "security_force" || to.Kind == "government" {
				continue
			}
			// the evidence of both: the place's, and the tie's ("Its commander
			// for Badakhshan, X" names the group a sentence earlier)
			ev := append([]int(nil), f.evidence...)
			for _, e := range g.evidence {
				if !containsInt(ev, e) {
					ev = append([]int{e}, ev...)
				}
			}
			d.findings = append(d.findings, finding{typ: f.typ, from: g.to, to: f.to, evidence: ev})
		}
	}
}

// imply adds the relations the ontology's implies rules derive from the
// findings, with the same evidence.
func (d *doc) imply() {
	for i, n := 0, len(d.findings); i < n; i++ {
		f := d.findings[i]
		rel := d.x.s.Relation(f.typ)
		if rel == nil {
			continue
		}
		from, to := d.in.Entities[f.from], d.in.Entities[f.to]
		if from == nil || to == nil {
			continue
		}
		for _, im := range rel.Implies {
			target := d.x.s.Relation(im.Relation)
			if target == nil || !target.Allows(from.Type, to.Type) || im.FromKind != "" && im.FromKind != from.Kind || im.ToKind != "" && im.ToKind != to.Kind {
				continue
			}
			d.findings = append(d.findings, finding{typ: target.Type, from: f.from, to: f.to, evidence: f.evidence})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// datelineMentions returns how many places open sentence si as a dateline:
// at the start of a paragraph, capitals or a country after them, then a
// colon, a dash or a bracketed date.
func (d *doc) datelineMentions(si int) int {
	s := d.in.Sentences[si]
	if si > 0 && d.in.Sentences[si-1].Paragraph == s.Paragraph || len(d.bySent[si]) == 0 {
		return 0
	}
	ms := d.bySent[si]
	if ms[0].First != 0 || ms[0].Type != graph.Location || strings.ToUpper(ms[0].Text) != ms[0].Text {
		return 0
	}
	n, end := 1, ms[0].Last
	if len(ms) > 1 && ms[1].Type == graph.Location && ms[1].First == end+1 && d.words[si][end] == "," {
		n, end = 2, ms[1].Last // "KABUL, Afghanistan"
	}
	if end >= len(s.Tokens) {
		return 0
	}
	switch s.Tokens[end].Text {
	case ":", "-", "--", "—", "–", "(":
		return n
	}
	return 0
}

// isDateline reports whether a mention is the place a story was filed from.
func (d *doc) isDateline(si int, m graph.Mention) bool {
	n := d.datelines[si]
	return n > 0 && m.Type == graph.Location && m.Last <= d.bySent[si][n-1].Last
}

// emit records one relation instance after checking its types.
func (d *doc) emit(rel *ontology.RelationType, from, to graph.Mention, sents ...int) {
	if from.EntityKey == to.EntityKey || !rel.Allows(from.Type, to.Type) {
		return
	}
	// "leads ISKP fighters in Deh Bala", "the IJU's fighters were led by X":
	// who leads a unit of a group is a member of it, not its head
	if rel.Type == "LEADER_OF" && to.Type == graph.Organization && d.unitOf(sents[len(sents)-1], to) {
		if m := d.x.s.Relation("MEMBER_OF"); m != nil && m.Allows(from.Type, to.Type) {
			rel = m
		}
	}
	// a place never lies in a more specific one ("most of Zabul outside
	// the provincial capital of Qalat")
	// (regions nest either way, and a city may hold districts: only a
	// province or a country inside a city or a district is refused)
	if from.Type == graph.Location && to.Type == graph.Location && (from.Kind == "province" || from.Kind == "country") && (to.Kind == "city" || to.Kind == "district") {
		return
	}
	// an anaphor ("he", "the network", "the district") names its entity
	// through the sentence that named it last: that sentence is evidence too
	for _, m := range []graph.Mention{from, to} {
		// a mention of another sentence ("Both now fight ..." names the
		// groups of the sentence before): its sentence is evidence too
		if !m.Anaphor {
			if !containsInt(sents, m.Sentence) {
				sents = append([]int{m.Sentence}, sents...)
			}
			continue
		}
		if a, ok := d.antecedentSentence(m); ok && !containsInt(sents, a) {
			sents = append([]int{a}, sents...)
		}
	}
	d.findings = append(d.findings, finding{typ: rel.Type, from: from.EntityKey, to: to.EntityKey, evidence: sents})
}

// antecedentSentence returns the sentence, at or before an anaphor's, that
// last names its entity outright (a profile's "the network" may stand
// sections after the name).
func (d *doc) antecedentSentence(m graph.Mention) (int, bool) {
	for s := m.Sentence; s >= 0; s-- {
		for _, o := range d.bySent[s] {
			if o.EntityKey == m.EntityKey && !o.Anaphor && (s < m.Sentence || o.First < m.First) {
				return s, true
			}
		}
	}
	return 0, false
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// unitOf reports whether an organization's mention names a unit of it:
// "ISKP fighters", "the IJU's fighters", "Taliban units".
func (d *doc) unitOf(si int, m graph.Mention) bool {
	w := d.words[si]
	// "headed a small cell of the ETIM": the unit named before "of"
	if f := m.First - 1; f >= 2 {
		if w[f] == "the" {
			f--
		}
		if f >= 1 && w[f] == "of" && d.x.units[w[f-1]] {
			return true
		}
	}
	k := m.Last
	if k < len(w) && w[k] == "'s" {
		k++
	}
	if k < len(w) && d.x.units[w[k]] {
		return true
	}
	// "commanded LeT's operations in the Neelum Valley", "heads the NRF's
	// foreign relations office": a part of the group's work, not the group
	if k > m.Last {
		for q := k; q < len(w) && q <= k+2; q++ {
			switch w[q] {
			case "operations", "activities", "finances", "office", "committee", "commission", "council", "shura",
				"department", "division", "bureau", "section", "center", "centre", "wing":
				return true
			}
			if !d.in.Sentences[si].Tokens[q].Word || d.inMention(si, q) || d.x.function[w[q]] {
				break
			}
		}
	}
	// "headed the NDS in Takhar": the head of its office in a place
	if a := d.skipAcronym(si, m.Last); k == m.Last && a+1 < len(w) && (w[a] == "in" || w[a] == "for") {
		if l := d.mentionStartingAt(si, a+1, graph.Location); l != nil && l.Kind != "country" {
			return true
		}
	}
	// "the TTP's Bajaur chapter", "a Taliban border unit": up to two
	// qualifying words or a place before the unit
	toks := d.in.Sentences[si].Tokens
	for q, n := k, 0; q < len(w) && n < 2; n++ {
		if l := d.mentionStartingAt(si, q, graph.Location); l != nil {
			q = l.Last
		} else if toks[q].Word && !d.x.function[w[q]] && !d.inMention(si, q) {
			// "the TTP's Bajaur chapter", "KIB's Afghan branch"
			q++
		} else {
			break
		}
		if q < len(w) && d.x.units[w[q]] {
			return true
		}
	}
	// "to head the group in Afghanistan", "led the Taliban in Helmand": a branch
	if k+1 < len(w) && (w[k] == "in" || w[k] == "for") {
		for _, l := range d.bySent[si] {
			if l.Type == graph.Location && (l.First == k+1 || l.First == k+2 && w[k+1] == "the") {
				return true
			}
		}
	}
	// "ISKP's Uzbek-language channels, which are run by X": a part of the
	// group the possessive names (its channels, its media wing)
	if m.Last < len(w) && w[m.Last] == "'s" {
		for q := m.Last + 1; q < len(w) && q <= m.Last+5; q++ {
			t := d.in.Sentences[si].Tokens[q]
			if t.Text == "-" {
				continue // "Uzbek-language channels"
			}
			if !t.Word || d.inMention(si, q) && !d.placeAt(si, q) || d.x.personish[w[q]] || d.x.personish[trimPlural(w[q])] {
				break
			}
			if q+1 < len(w) && (w[q+1] == "," || w[q+1] == "which" || w[q+1] == "that" || w[q+1] == "run" || w[q+1] == "led" || w[q+1] == "headed") && strings.HasSuffix(w[q], "s") {
				return true
			}
		}
	}
	// "a Taliban group commanded by X", "a TTP faction headed by Y": one group of many
	if k < len(w) && d.x.orgNouns[w[k]] && m.First > 0 && (w[m.First-1] == "a" || w[m.First-1] == "an") {
		return true
	}
	// "heads a faction of the Pakistani Taliban"
	f := m.First - 1
	if f >= 0 && w[f] == "the" {
		f--
	}
	return f >= 2 && w[f] == "of" && (d.x.orgNouns[w[f-1]] || d.x.units[w[f-1]]) && (w[f-2] == "a" || w[f-2] == "an" || w[f-2] == "one")
}

// collect merges the findings into relations with provenance.
func (d *doc) collect() []graph.Relation {
	byKey := map[string]*graph.Relation{}
	var keys []string
	// one copy of each evidence sentence, shared by the relations it
	// supports: a slice of the text would keep the whole document in memory
	copies := map[int]string{}
	sentence := func(si int) string {
		c, ok := copies[si]
		if !ok {
			c = strings.Clone(d.in.Sentences[si].Text)
			copies[si] = c
		}
		return c
	}
	for _, f := range d.findings {
		rel := d.x.s.Relation(f.typ)
		if e := d.in.Entities[f.from]; e != nil && rel.Excludes(e.Kind) {
			continue
		}
		k := graph.RelationKey(f.typ, f.from, f.to, rel.Symmetric)
		r := byKey[k]
		if r == nil {
			from, to := f.from, f.to
			if rel.Symmetric && to < from {
				from, to = to, from
			}
			r = &graph.Relation{Type: f.typ, From: from, To: to, Sources: []string{d.in.Doc.ID}, FirstSeen: d.in.Doc.Date, LastSeen: d.in.Doc.Date}
			byKey[k] = r
			keys = append(keys, k)
		}
		r.Count++ // one source: SourceCounts stays nil, Count is its count
		for _, si := range f.evidence {
			if len(r.Evidence) >= graph.MaxEvidence {
				break
			}
			s := d.in.Sentences[si]
			dup := false
			for _, e := range r.Evidence {
				if e.Start == s.Start {
					dup = true
				}
			}
			if !dup {
				r.Evidence = append(r.Evidence, graph.Evidence{DocID: d.in.Doc.ID, Sentence: sentence(si), Span: s.Span})
			}
		}
	}
	sort.Strings(keys)
	out := make([]graph.Relation, 0, len(keys))
	for _, k := range keys {
		r := byKey[k]
		sort.Slice(r.Evidence, func(i, j int) bool { return r.Evidence[i].Start < r.Evidence[j].Start })
		out = append(out, *r)
	}
	return out
}

// matchAt reports whether phrase matches the words of sentence si at token
// i, and where the match ends. Punctuation other than hyphens breaks a phrase.
func (d *doc) matchAt(si, i int, phrase []string) (int, bool) {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	j := i
	for pi := 0; pi < len(phrase); pi++ {
		// a hyphen, or quotes inside a phrase ("works \"hand in hand\" with")
		for j < len(w) && (toks[j].Text == "-" || pi > 0 && isQuote(toks[j].Text)) {
			j++
		}
		if phrase[pi] == "*" || phrase[pi] == "**" || phrase[pi] == "+" {
			if pi+1 >= len(phrase) {
				return j, true
			}
			// up to four words, with the hyphens of a name ("launched
			// Operation Rah-e-Rast against"); "+" takes one at least ("ran +
			// in" is not "ran in the elections"); "**" up to eight ("founded
			// during the anti-Soviet jihad by")
			limit := 4
			if phrase[pi] == "**" {
				limit = 8
			}
			for gap, words := 0, 0; words <= limit && j+gap < len(w); gap++ {
				if phrase[pi] == "+" && words == 0 {
					if !toks[j+gap].Word {
						break
					}
					words++
					continue
				}
				if end, ok := d.matchAt(si, j+gap, phrase[pi+1:]); ok {
					return end, true
				}
				if toks[j+gap].Word {
					words++
				} else if toks[j+gap].Text != "-" {
					break
				}
			}
			return 0, false
		}
		// an adverb may stand inside a phrase: "clashed repeatedly with",
		// "is closely allied with"
		if pi > 0 && j+1 < len(w) && w[j] != phrase[pi] && isAdverb(w[j]) && toks[j].Word {
			j++
		}
		if j >= len(w) || !toks[j].Word || w[j] != phrase[pi] {
			return 0, false
		}
		j++
	}
	return j, true
}

// rolesBetween reports whether tokens [a, b) are role words ("IMU leader
// X", "Taliban senior commander X"), so that the group stands with the person.
func (d *doc) rolesBetween(si, a, b int) bool {
	for k := a; k < b; k++ {
		if w := d.words[si][k]; !d.x.personish[w] && !d.x.demoting[w] {
			return false
		}
	}
	return true
}

// accordingTo reports whether a mention names a source: "according to
// (the) X".
func (d *doc) accordingTo(si int, m graph.Mention) bool {
	w := d.words[si]
	p := m.First - 1
	for p >= 0 && w[p] == "the" {
		p--
	}
	return p >= 1 && w[p] == "to" && w[p-1] == "according"
}

// fronted reports whether a place belongs to the sentence's opening "In
// PLACE, ...".
func (d *doc) fronted(si int, m graph.Mention) bool {
	for _, f := range d.frontedPlaces(si, []string{graph.Location}) {
		if f.First == m.First {
			return true
		}
	}
	return false
}

// isPronoun reports whether a word is a pronoun ("among them X").
func isPronoun(w string) bool {
	switch w {
	case "them", "it", "him", "her", "us", "me", "you", "these", "those", "this", "that", "they", "he", "she", "we":
		return true
	}
	return false
}

// isPreposition reports whether a word governs the name after it.
func isPreposition(w string) bool {
	switch w {
	case "of", "with", "against", "to", "from", "by", "for", "on", "into", "alongside", "between", "among",
		"toward", "towards", "than", "like", "unlike", "besides", "except", "despite", "under", "through",
		"over", "about", "across", "via", "within", "behind", "beyond", "amid", "amongst":
		return true
	}
	return false
}

// isQuote reports whether a token is a quotation mark.
func isQuote(t string) bool {
	switch t {
	case `"`, "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

// isAdverb reports whether a lower-case word is an -ly adverb.
// adverb reports whether w is an adverb: one in -ly or one of the
// lexicon's plain adverbs ("long", "still").
func (x *Extractor) adverb(w string) bool {
	return isAdverb(w) || x.plainAdverbs[w]
}

func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" && w != "early" && w != "family" && w != "italy"
}

// spans returns the cue's spans in sentence si (cueSpans), skipping at once
// a sentence that holds none of its phrases' first words.
func (d *doc) spans(si int, c compiledCue) [][2]int {
	b := d.sentBits[si]
	for i, bits := range c.firstBits {
		if i < len(b) && b[i]&bits != 0 {
			return d.cueSpans(si, c.byFirst)
		}
	}
	return nil
}

// cueSpans returns the [start, end) token ranges where any of the phrases
// (indexed by their first word) occur in sentence si outside mentions.
func (d *doc) cueSpans(si int, byFirst map[string][][]string) [][2]int {
	var out [][2]int
	toks := d.in.Sentences[si].Tokens
	for i := range toks {
		phrases := byFirst[d.words[si][i]]
		if len(phrases) == 0 || !toks[i].Word || d.inMention(si, i) {
			continue
		}
		best := -1
		for _, p := range phrases {
			if end, ok := d.matchAt(si, i, p); ok && end > best {
				best = end
			}
		}
		if best > i {
			out = append(out, [2]int{i, best})
		}
	}
	return out
}

func (d *doc) inMention(si, tok int) bool {
	return d.mentionCovering(si, tok) != nil
}

// mentionCovering returns the first mention of sentence si that holds
// token tok, or nil.
func (d *doc) mentionCovering(si, tok int) *graph.Mention {
	for i := range d.bySent[si] {
		if m := &d.bySent[si][i]; m.First <= tok && tok < m.Last {
			return m
		}
	}
	return nil
}

func (d *doc) hasContext(si int) bool {
	if v, ok := d.context[si]; ok {
		return v
	}
	found := false
	for i, w := range d.words[si] {
		for _, p := range d.x.contextFirst[w] {
			if _, ok := d.matchAt(si, i, p); ok {
				found = true
			}
		}
	}
	d.context[si] = found
	return found
}

func (d *doc) hasLocation(si int) bool {
	for _, m := range d.bySent[si] {
		if m.Type == graph.Location {
			return true
		}
	}
	return false
}

// clauseEnd returns the token index where the clause that contains token i ends.
func (d *doc) clauseEnd(si, i int) int {
	w := d.words[si]
	for j := i; j < len(w); j++ {
		switch w[j] {
		case ";", "but", "while", "whereas", "although", "though", "—":
			return j
		}
	}
	return len(w)
}

// allowed reports whether t is one of types.
func allowed(types []string, t string) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// coordinated reports whether the tokens between two mentions only join them
// in a list: ",", "and", "or", "the", "as well as", "both".
func (d *doc) coordinated(si, from, to int) bool {
	for k := from; k < to; k++ {
		switch d.words[si][k] {
		case ",", "and", "or", "the", "as", "well", "both", "[", "]", "&":
		default:
			return false
		}
	}
	return true
}

// groupAfter returns the first list of mentions of the given types that
// starts within maxGap tokens after token i and before limit.
func (d *doc) groupAfter(si, i, limit, maxGap int, types []string) []graph.Mention {
	var group []graph.Mention
	ms := d.bySent[si]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m.First < i || m.Last > limit {
			continue
		}
		if len(group) == 0 && d.ownsOffshoot(si, m) {
			i = m.Last + 1 // the group it owns is the first of the list
			continue
		}
		if !allowed(types, m.Type) || d.isModifier(si, m) {
			if len(group) > 0 {
				break
			}
			continue
		}
		// "a district of Tajikistan's Khatlon Province": the place possessed
		if m.Type == graph.Location && d.possessive(si, m) && d.mentionStartingAt(si, m.Last+1, graph.Location) != nil {
			continue
		}
		if len(group) == 0 {
			if m.First-i > maxGap {
				return nil
			}
			// "supported by coalition forces, arrested Taliban ...": a comma
			// between the cue and the first object ends the clause, but not
			// after a noun the name is put to ("to form his own faction,
			// Tehreek-e-Taliban Islami")
			for k := i; k < m.First; k++ {
				if d.words[si][k] == ";" || d.words[si][k] == "," && !(k == m.First-1 && k > i && d.x.orgNouns[d.words[si][k-1]] && m.Type == graph.Organization) {
					return nil
				}
			}
			group = append(group, m)
			continue
		}
		prev := group[len(group)-1]
		if !d.coordinated(si, prev.Last, m.First) {
			break
		}
		group = append(group, m)
	}
	return group
}

// isModifier reports whether a mention only modifies the next word, as in
// "the al Qaeda-linked IMU" or "a Pakistan-based group".
func (d *doc) isModifier(si int, m graph.Mention) bool {
	toks := d.in.Sentences[si].Tokens
	return m.Last+1 < len(toks) && toks[m.Last].Text == "-" && toks[m.Last+1].Word && toks[m.Last+1].Start == toks[m.Last].End
}

// objectOfPreposition reports whether the mention is governed by a
// preposition ("with the Taliban", "of al Qaeda").
func (d *doc) objectOfPreposition(si int, m graph.Mention) bool {
	w := d.words[si]
	p := m.First - 1
	// "from the Harakat-ul-Mujahideen (HuM)": the acronym shares its name's place
	if p >= 0 && w[p] == "(" {
		if prev := d.mentionEndingAt(si, p); prev != nil {
			return d.objectOfPreposition(si, *prev)
		}
	}
	if d.preposition(si, m) != "" {
		return true
	}
	for p >= 0 && (w[p] == "the" || w[p] == "both" || w[p] == "its" || w[p] == "their") {
		p--
	}
	// the object of a participle: "meeting Osama bin Laden", "including X"
	if p >= 0 && len(w[p]) > 4 && strings.HasSuffix(w[p], "ing") && d.in.Sentences[si].Tokens[p].Word {
		return true
	}
	return d.governedByVerb(si, m)
}

// preposition returns the preposition that governs a mention ("with the
// Taliban", "of the outlawed LeJ", "against the pro-government Ansarul
// Islam"), or "".
func (d *doc) preposition(si int, m graph.Mention) string {
	p := m.First - 1
	w := d.words[si]
	// "from the Harakat-ul-Mujahideen (HuM)": the acronym shares its name's place
	if p >= 0 && w[p] == "(" {
		if prev := d.mentionEndingAt(si, p); prev != nil {
			return d.preposition(si, *prev)
		}
	}
	for p >= 0 && (w[p] == "the" || w[p] == "both" || w[p] == "its" || w[p] == "their") {
		p--
	}
	// up to three qualifying words after the determiner
	toks := d.in.Sentences[si].Tokens
	for q, n := p, 0; q >= 1 && n < 3 && toks[q].Word && !capitalised(toks[q].Text) && !d.x.function[w[q]] && !isPronoun(w[q]) && !d.inMention(si, q); q-- {
		n++
		r := q - 1
		for r >= 0 && toks[r].Text == "-" {
			r-- // "pro-government"
			q--
		}
		for r >= 0 && w[r] == "the" {
			r--
		}
		if r >= 0 && isPreposition(w[r]) {
			p = r
			break
		}
	}
	if p >= 0 && isPreposition(w[p]) {
		return w[p]
	}
	return ""
}

// governedByVerb reports whether a transitive verb stands before the name in
// its clause, with only a list of objects between ("fought the Karzai
// government and ISAF").
func (d *doc) governedByVerb(si int, m graph.Mention) bool {
	w := d.words[si]
	for k := m.First - 1; k >= 0 && k >= m.First-6; k-- {
		if w[k] == "," || w[k] == ";" {
			return false
		}
		if d.inMention(si, k) {
			continue // another object of the list: "the Karzai government and ISAF"
		}
		if d.x.transitive[w[k]] {
			return true
		}
	}
	return false
}

// subjectBefore returns the subject of a cue at token i: the nearest
// mention before it that is not governed by a preposition, with the members
// of its list. When that mention is of a type the relation does not take
// (a person before "had links with the TTP"), there is no subject; a person
// tied to an organization just before them ("IMU leader X") brings the
// organization along where the relation takes organizations.
func (d *doc) subjectBefore(si, i int, types []string) []graph.Mention {
	ms := d.bySent[si]
	// "the Taliban accuse Tajikistan of sheltering leaders of the NRF": the
	// one accused does the deed, not the accuser
	if w := d.words[si]; i >= 3 && w[i-1] == "of" && strings.HasSuffix(w[i], "ing") {
		for k := i - 2; k >= 0 && k >= i-8; k-- {
			switch w[k] {
			case "accuse", "accused", "accuses", "accusing", "suspect", "suspected", "suspects", "blame", "blamed", "blames":
				for _, m := range ms {
					if m.First > k && m.Last < i && allowed(types, m.Type) {
						return []graph.Mention{m}
					}
				}
				return nil
			}
		}
	}
	// "the NDS said its special forces killed ...", "a group whose fighters
	// operate alongside the Taliban": the group's own people act
	if m, ok := d.possessiveSubject(si, i); ok && allowed(types, m.Type) {
		return []graph.Mention{m}
	}
	// "TTP gunmen shot ...", "Taliban fighters besieged ...": the group
	// whose people act
	if m, ok := d.unitSubject(si, i); ok && allowed(types, m.Type) {
		// "Afghan National Security Forces and ISAF troops targeted ...":
		// the forces named with it
		group := []graph.Mention{m}
		for j := len(ms) - 1; j >= 0; j-- {
			if ms[j].Last <= group[0].First && allowed(types, ms[j].Type) && d.coordinated(si, ms[j].Last, group[0].First) {
				group = append([]graph.Mention{ms[j]}, group...)
			}
		}
		return group
	}
	// "X, an Uzbek from the Fergana Valley who had fought with ...": the
	// relative pronoun stands for the nearest person (or group) before it
	if k := d.relativeBefore(si, i); k >= 0 {
		// "the LeJ al-Alami, a splinter faction that has carried out
		// attacks jointly with ...": the name the apposition describes
		if h := d.appositionHead(si, k); h != nil && allowed(types, h.Type) {
			// "A and B, two clerics who broke away from HuJI": each of them
			group := []graph.Mention{*h}
			for j := len(ms) - 1; j >= 0; j-- {
				if m := ms[j]; m.Last <= group[0].First && m.Type == h.Type && d.coordinated(si, m.Last, group[0].First) {
					group = append([]graph.Mention{m}, group...)
				}
			}
			return group
		}
		// "the BLF, led by Allah Bakhsh Sasoli, whose fighters are strongest
		// in Kech": a group's people, so the group named last
		if w := d.words[si]; w[k] == "whose" && k+1 < len(w) && d.x.units[w[k+1]] && allowed(types, graph.Organization) {
			for j := len(ms) - 1; j >= 0; j-- {
				if m := ms[j]; m.Last <= k && m.Type == graph.Organization && !d.isModifier(si, m) {
					return []graph.Mention{m}
				}
			}
		}
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			if m.Last > k || !allowed(types, m.Type) || d.isModifier(si, m) {
				continue
			}
			// "who" looks back for a person; "which" and "that" only at the
			// name right before them ("the IMU, which declared ...")
			end := k
			for end > 0 && (d.words[si][end-1] == "," || d.words[si][end-1] == ")") {
				end-- // "the Islamic Movement of Uzbekistan (IMU), which"
			}
			if d.words[si][k] == "who" && m.Type == graph.Person || m.Last == end || m.Last == end+1 && d.words[si][end] == ")" {
				return []graph.Mention{m}
			}
			if d.words[si][k] != "who" {
				break
			}
		}
	}
	// reported speech: "X says the IMU operates in Y" makes the IMU the
	// subject, never X
	from := 0
	for k := i - 1; k >= 0; k-- {
		w := d.words[si][k]
		// reported speech, or the start of the clause the cue stands in
		// ("claimed to have killed" is no reported speech)
		// "a group that officials say works with ...": a parenthetical
		// inside a relative clause is no reported speech
		parenthetical := false
		for b := k - 2; b >= 0 && b >= k-4; b-- {
			// "a group that (the committee|officials) say(s) works with ..."
			if d.words[si][b] == "that" || d.words[si][b] == "which" {
				parenthetical = true
				break
			}
			if !d.in.Sentences[si].Tokens[b].Word {
				break
			}
		}
		// "Brohi, he said, had spent a decade in HuJI": a source set off by
		// commas is no clause of its own
		if d.x.speech[w] && k+1 < i && d.words[si][k+1] == "," {
			for b := k - 1; b >= 0 && b >= k-4; b-- {
				if d.words[si][b] == "," {
					parenthetical = true
					break
				}
			}
		}
		if d.reports(si, k) && !parenthetical || w == ";" || w == "," && k+1 < i && (d.words[si][k+1] == "but" || d.words[si][k+1] == "while" || d.words[si][k+1] == "whereas") {
			from = k + 1
			// "told RFE/RL's Tajik Service, known as Radio Ozodi, that
			// fighters ...": the hearer is no subject, the clause starts at "that"
			if d.x.speech[w] {
				for t := k + 1; t < i; t++ {
					// the complementizer follows the verb, a comma or the
					// hearer's name, not a noun ("a group that broke away")
					if d.words[si][t] == "that" && !d.inMention(si, t) && (t == k+1 || d.words[si][t-1] == "," || d.mentionEndingAt(si, t) != nil || d.x.contentNouns[d.words[si][t-1]]) {
						from = t + 1
						break
					}
				}
			}
			break
		}
	}
	// "After Pakistan Army offensives against it in Mohmand, its leaders
	// relocated to ...": an opening subordinate clause holds no subject of
	// the main clause
	if from == 0 {
		from = d.openingClauseEnd(si, i)
	}
	var cands []graph.Mention
	for _, m := range ms {
		// "the Taliban operate in ...": the cue itself follows the name
		qualifier := m.Last < i && d.attributive(si, m)
		// the dateline ("KABUL, Afghanistan (Sept. 22) -") sets no scene
		if m.First >= from && m.Last <= i && !d.isModifier(si, m) && !qualifier && !d.inPredicate(si, m) && !d.inClosedRelative(si, m, i) && !d.inApposition(si, m, i) && !d.accordingTo(si, m) && !d.isDateline(si, m) {
			cands = append(cands, m)
		}
	}
	pick := -1
	scene := false
	for k := len(cands) - 1; k >= 0; k-- {
		if !d.objectOfPreposition(si, d.listHead(si, cands, k)) {
			// a place the relation cannot start from only sets the scene
			// ("an operation across western Kandahar province, targeting ...")
			if cands[k].Type == graph.Location && !allowed(types, graph.Location) {
				// "In Sar-e Pul Province, fighters loyal to IS-K ...": the
				// opening place is no candidate at all
				if !d.fronted(si, cands[k]) {
					scene = true
				}
				continue
			}
			pick = k
			break
		}
	}
	if pick < 0 && scene {
		return nil
	}
	if pick < 0 {
		// every candidate is governed by a preposition ("People loyal to
		// former IMU leader X operate in ..."): the first one of a type the
		// relation takes stands for the clause's subject
		for k := 0; k < len(cands) && pick < 0; k++ {
			// never the source: "According to the NDS statement, X ..."
			if d.accordingTo(si, cands[k]) {
				continue
			}
			if allowed(types, cands[k].Type) || cands[k].Type == graph.Person && allowed(types, graph.Organization) {
				pick = k
			}
		}
		if pick < 0 {
			// "Both now fight alongside the Taliban": the two groups the
			// sentence before named
			if len(cands) == 0 && from == 0 && allowed(types, graph.Organization) {
				return d.bothBefore(si, i)
			}
			return nil
		}
	}
	group := []graph.Mention{cands[pick]}
	for k := pick - 1; k >= 0; k-- {
		end := cands[k].Last
		if end < len(d.words[si]) && d.words[si][end] == ")" {
			end++ // "Lashkar-e-Taiba (LeT) and Jaish-e-Mohammed"
		}
		// "Unlike the IMU, the TTP ...": no partner in the subject
		if !d.coordinated(si, end, group[0].First) || d.opensComparison(si, cands[k]) {
			break
		}
		group = append([]graph.Mention{cands[k]}, group...)
	}
	var out []graph.Mention
	for _, m := range group {
		if allowed(types, m.Type) {
			out = append(out, m)
		}
	}
	if len(group) > 0 && group[0].Type == graph.Person && allowed(types, graph.Organization) {
		for _, m := range ms {
			if m.Type == graph.Organization && m.First >= from && m.Last <= group[0].First && group[0].First-m.Last <= 2 && d.rolesBetween(si, m.Last, group[0].First) {
				out = append(out, m)
			}
		}
	}
	return out
}

// openingClauseEnd returns the token after the comma that closes an
// opening subordinate clause ("After X, ...", "When Y, ...") when token i
// stands after it, else 0.
func (d *doc) openingClauseEnd(si, i int) int {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	k := 0
	for k < len(toks) && !toks[k].Word {
		k++
	}
	if k >= len(w) || !d.x.subordinators[w[k]] {
		return 0
	}
	// "After 2001 Hezb-e-Islami fought ...": a time, and the main clause
	// goes on without a comma
	for t := k + 1; t < len(w) && t <= k+3; t++ {
		if isNumber(w[t]) {
			return 0 // "Since at least 2006 the group has kept ..."
		}
		if d.inMention(si, t) {
			break
		}
	}
	for t := k + 1; t < i; t++ {
		if w[t] == "," {
			return t + 1
		}
	}
	return 0
}

// appositionHead returns the name an apposition before token k describes
// ("the TIP, a mostly Uyghur group that ...": the TIP), when the
// apposition opens with an article and ends with a noun of the name's kind.
func (d *doc) appositionHead(si, k int) *graph.Mention {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	if k < 3 {
		return nil
	}
	noun := trimPlural(w[k-1])
	comma := -1
	for t := k - 1; t >= 1 && t >= k-7; t-- {
		if toks[t].Text == "," {
			comma = t
			break
		}
		// "a North Waziristan faction", "a Taliban affiliate": a place or
		// another group may qualify the noun
		if m := d.mentionCovering(si, t); (toks[t].Word || toks[t].Text == "-") && (m == nil || m.Type == graph.Location || m.Type == graph.Organization && !m.Anaphor) {
			continue
		}
		return nil
	}
	if comma < 0 || comma+2 >= k || !(w[comma+1] == "a" || w[comma+1] == "an" || w[comma+1] == "the" || isNumber(w[comma+1])) {
		return nil // "A and B, two clerics who ...": a number too
	}
	head := d.mentionEndingAt(si, comma)
	if head == nil && w[comma-1] == ")" {
		head = d.mentionEndingAt(si, comma-1)
	}
	if head == nil {
		return nil
	}
	switch head.Type {
	case graph.Organization:
		if !d.x.orgNouns[noun] {
			return nil
		}
	case graph.Person:
		if !d.x.personish[noun] {
			return nil
		}
	default:
		return nil
	}
	return head
}

// reports reports whether the speech verb at token k introduces reported
// speech: not "claimed to have killed", not "has claimed a string of
// attacks" or "claimed responsibility", where the verb takes an object.
func (d *doc) reports(si, k int) bool {
	w := d.words[si]
	if !d.x.speech[w[k]] || d.inMention(si, k) || k+1 >= len(w) {
		return false
	}
	// "claimed bombings of Parachinar's markets": a claim of a deed, unless
	// a clause follows ("claimed that ...", "claimed the TTP had ...")
	if strings.HasPrefix(w[k], "claim") {
		n := k + 1
		if w[n] == "the" {
			n++
		}
		return w[k+1] == "that" || isPronoun(w[k+1]) || n < len(w) && d.mentionStartingAt(si, n, graph.Organization, graph.Person) != nil
	}
	switch w[k+1] {
	case "to":
		return false
	case "a", "an", "responsibility", "credit":
		return w[k] == "told" || w[k] == "tell" || w[k] == "tells"
	}
	return true
}

// bothBefore reads a sentence that opens with "Both" or "The two groups"
// before token i: its subject is the two organizations the sentence before,
// in the same paragraph, named first.
func (d *doc) bothBefore(si, i int) []graph.Mention {
	w := d.words[si]
	k := 0
	switch {
	case len(w) > 0 && w[0] == "both":
		k = 1
		// "Both men spent the 2000s ...": people, not the groups named before
		if len(w) > 1 && (d.x.personish[trimPlural(w[1])] || d.x.members[w[1]] || w[1] == "men" || w[1] == "brothers") {
			return nil
		}
	case len(w) > 2 && w[0] == "the" && w[1] == "two" && (d.x.orgNouns[trimPlural(w[2])] || d.x.orgNouns[w[2]]):
		k = 3
	default:
		return nil
	}
	if k >= i || si == 0 || d.in.Sentences[si-1].Paragraph != d.in.Sentences[si].Paragraph {
		return nil
	}
	var out []graph.Mention
	for _, m := range d.bySent[si-1] {
		if m.Type != graph.Organization || m.Anaphor || d.isModifier(si-1, m) || len(out) == 1 && out[0].EntityKey == m.EntityKey {
			continue
		}
		out = append(out, m)
		if len(out) == 2 {
			return out
		}
	}
	return nil
}

// placeAt reports whether token t lies in a place's mention.
func (d *doc) placeAt(si, t int) bool {
	m := d.mentionCovering(si, t)
	return m != nil && m.Type == graph.Location
}

// unitSubject finds "ORG UNIT" right before token i, with only
// auxiliaries and adverbs between ("TTP gunmen shot", "Taliban fighters
// have besieged"), and returns ORG.
func (d *doc) unitSubject(si, i int) (graph.Mention, bool) {
	w := d.words[si]
	k := i - 1
	for k >= 0 && (d.x.function[w[k]] && w[k] != "and" && w[k] != "," && w[k] != "of" && w[k] != "in" || d.x.adverb(w[k])) {
		k--
	}
	// "fighters of the Balochistan Liberation Army (BLA) stormed ...": the
	// people of the group after "of"
	if k >= 0 && d.inMention(si, k) || k >= 0 && w[k] == ")" {
		e := k
		if w[e] == ")" {
			for e > 0 && w[e] != "(" {
				e--
			}
			e--
		}
		if m := d.mentionEndingAt(si, e+1); m != nil && m.Type == graph.Organization && m.First >= 2 {
			f := m.First - 1
			if w[f] == "the" {
				f--
			}
			if f >= 1 && w[f] == "of" && (d.x.units[w[f-1]] || d.x.means[w[f-1]]) {
				return *m, true
			}
		}
	}
	if k < 1 || !(d.x.units[w[k]] || d.x.means[w[k]]) || d.inMention(si, k) {
		return graph.Mention{}, false
	}
	if m := d.mentionEndingAt(si, k); m != nil && m.Type == graph.Organization {
		return *m, true
	}
	// "NDS special forces", "an ISAF precision airstrike": a word or two
	// between the force and its people or means; "HuJI's Punjabi cadres":
	// a group's, after its possessive
	toks := d.in.Sentences[si].Tokens
	for j := k - 1; j >= 1 && j >= k-2; j-- {
		if w[j] == "'s" {
			if m := d.mentionEndingAt(si, j); m != nil && m.Type == graph.Organization {
				return *m, true
			}
			break
		}
		if !toks[j].Word || d.inMention(si, j) || d.x.function[w[j]] {
			break
		}
		if m := d.mentionEndingAt(si, j); m != nil && m.Type == graph.Organization && m.Kind == "security_force" && !capitalised(toks[j].Text) {
			return *m, true
		}
	}
	return graph.Mention{}, false
}

// possessiveSubject finds "its|their|whose PEOPLE" right before token i,
// with only adverbs and auxiliaries between, and returns the group meant.
func (d *doc) possessiveSubject(si, i int) (graph.Mention, bool) {
	w := d.words[si]
	k := i - 1
	for k >= 0 && (d.x.function[w[k]] && w[k] != "and" && w[k] != "," || d.x.adverb(w[k])) {
		k-- // "had", "have also", "were reportedly"
	}
	// "its fighters imposed their writ over ...": a verb of the people's
	// own (and the cue noun's determiner) between them and the cue
	if k >= 3 && (w[k] == "their" || w[k] == "its") {
		k--
	}
	people := func(x string) bool {
		return d.x.units[x] || d.x.personish[trimPlural(x)] || x == "officers" || x == "personnel" || x == "troops" || x == "leadership"
	}
	if k >= 2 && !people(w[k]) && people(w[k-1]) && d.in.Sentences[si].Tokens[k].Word && !capitalised(d.in.Sentences[si].Tokens[k].Text) && (w[k-2] == "its" || w[k-2] == "their" || w[k-2] == "whose") {
		k--
	}
	n := k // the people: "forces", "special forces", "officers", "fighters"
	for n >= 0 && n >= k-2 && !(w[n] == "its" || w[n] == "their" || w[n] == "whose") {
		if !d.in.Sentences[si].Tokens[n].Word || d.inMention(si, n) {
			return graph.Mention{}, false
		}
		n--
	}
	if n < 0 || n == k || !(w[n] == "its" || w[n] == "their" || w[n] == "whose") ||
		!(d.x.units[w[k]] || d.x.personish[trimPlural(w[k])] || w[k] == "officers" || w[k] == "personnel" || w[k] == "troops" || w[k] == "leadership") {
		return graph.Mention{}, false
	}
	if w[n] == "whose" {
		if m, ok := d.relativeAntecedent(si, n+1, []string{graph.Organization}); ok {
			return m, true
		}
		return graph.Mention{}, false
	}
	return d.itsOrganization(si, n)
}

// inClosedRelative reports whether a mention stands inside a relative
// clause (", which was founded by X after he broke away from Y,") that
// closes before token i: the clause's names are not the main clause's subject.
func (d *doc) inClosedRelative(si int, m graph.Mention, i int) bool {
	w := d.words[si]
	open := -1
	for k := m.First - 1; k >= 1; k-- {
		if w[k] == "," || w[k] == ";" {
			return false
		}
		if (w[k] == "which" || w[k] == "who" || w[k] == "whose") && w[k-1] == "," {
			open = k
			break
		}
		// "a group that Mangal Bagh founded in 2004, controls ...": the
		// name is the subject of an object relative, not of what follows
		if (w[k] == "that" || w[k] == "whom") && k == m.First-1 && !d.x.speech[w[k-1]] {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := m.Last; k < i; k++ {
		if w[k] == "," {
			return true
		}
	}
	return false
}

// inApposition reports whether a mention stands in an apposition closed
// before token i ("The IMU, al Qaeda's longtime ally, has rebuilt ...",
// "by X, a former Taliban minister, to run ..."): it describes the name
// before it and is not the subject of what follows.
func (d *doc) inApposition(si int, m graph.Mention, i int) bool {
	w := d.words[si]
	open := -1
	for k := m.First - 1; k >= 1; k-- {
		if w[k] == "," {
			open = k
			break
		}
		if w[k] == ";" || d.x.function[w[k]] && !isPreposition(w[k]) && w[k] != "the" && w[k] != "a" && w[k] != "an" {
			return false
		}
	}
	// the name described is a group's or a person's ("Its commander for
	// Badakhshan, X, operates ..." describes no place)
	// "His deputy in the LeJ, Dawood Badini, had been picked up": a name
	// right after the comma names the one described before it
	if open < 0 || m.First == open+1 && !d.possessive(si, m) {
		return false
	}
	head := d.mentionEndingAt(si, open)
	if head == nil && w[open-1] == ")" {
		head = d.mentionEndingAt(si, open-1)
	}
	if head == nil || head.Type == graph.Location {
		return false
	}
	// "Unlike the IMU, the TTP is ...": an opening phrase, not a name described
	if d.opensComparison(si, *head) {
		return false
	}
	for k := m.Last; k < i; k++ {
		if w[k] == "," {
			// "the Taliban, the Haqqani Network, and the IMU", "A, B, C and
			// D": a list
			if k+1 >= len(w) || w[k+1] == "and" || w[k+1] == "or" {
				return false
			}
			n := k + 1
			if w[n] == "the" {
				n++
			}
			for _, o := range d.bySent[si] {
				if o.First == n && o.Type == m.Type {
					return false
				}
			}
			return true
		}
	}
	return false
}

// inPredicate reports whether a mention stands in a predicate ("X was the
// senior Taliban leader"), where it is not the subject of what follows.
func (d *doc) inPredicate(si int, m graph.Mention) bool {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	for k := m.First - 1; k >= 0 && k >= m.First-4; k-- {
		switch w[k] {
		case "is", "was", "are", "were", "became", "becomes", "remains", "remained":
			return true
		case "the", "a", "an":
			continue
		}
		if !toks[k].Word || capitalised(toks[k].Text) {
			return false
		}
	}
	return false
}

func capitalised(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z'
	}
	return false
}

// qualifies reports whether a name only qualifies the noun after it
// ("four Fazlullah loyalists", "the Haqqani network").
func (d *doc) qualifies(si int, m graph.Mention) bool {
	toks := d.in.Sentences[si].Tokens
	if m.Last >= len(toks) || !toks[m.Last].Word || capitalised(toks[m.Last].Text) {
		return false
	}
	w := d.words[si][m.Last]
	return d.x.personish[w] || d.x.personish[trimPlural(w)] || d.x.members[w] || d.x.followers[w] ||
		strings.HasSuffix(w, "ists") || strings.HasSuffix(w, "ers") && len(w) > 5
}

// relativeBefore returns the index of "who" (or "which", "that") standing
// right before token i, auxiliaries and adverbs aside; -1 if there is none.
func (d *doc) relativeBefore(si, i int) int {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	verbs := 0
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch w[k] {
		case "who", "which", "that", "whose":
			return k
		case "had", "has", "have", "was", "were", "is", "are", "been", "also", "later", "once",
			"reportedly", "allegedly", "previously", "long", "still", "now", "then", "first":
			continue
		}
		// a verb of the relative clause, and its object's determiner, may stand
		// before the cue: "who directs attacks", "which declared its loyalty to"
		// ("a new group that Pakistani officials describe as ...": a speaker
		// of the relative clause too)
		if verbs < 4 && toks[k].Word && !d.inMention(si, k) && (!capitalised(toks[k].Text) || k+1 < i && !capitalised(toks[k+1].Text)) {
			verbs++
			continue
		}
		return -1
	}
	return -1
}

// attributive reports whether an organization only qualifies the noun after
// it ("a TTP splinter group", "an IJU recruit"), so that it is not the
// subject of what follows.
func (d *doc) attributive(si int, m graph.Mention) bool {
	if m.Type != graph.Organization || m.Anaphor {
		return false
	}
	toks := d.in.Sentences[si].Tokens
	if d.possessive(si, m) {
		return d.ownsOffshoot(si, m)
	}
	if m.Last >= len(toks) || !toks[m.Last].Word {
		return false
	}
	w := d.words[si][m.Last]
	r := []rune(toks[m.Last].Text)
	if len(r) == 0 || r[0] < 'a' || r[0] > 'z' || d.x.verbish(w) || d.x.adverb(w) {
		return false
	}
	// "The Haqqanis maintain close ties": a word with its own object is a verb
	if m.Last+1 < len(toks) {
		switch d.words[si][m.Last+1] {
		case "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "close", "strong", "several", "many", "some":
			return false
		}
	}
	// "IMU fighters operate ...": the group acts through its people; "the
	// Jamaat-e-Islami party" is the party itself
	return !d.x.personish[w] && !d.x.personish[trimPlural(w)] && !d.x.members[w] && !d.x.orgNouns[w]
}

// ownsOffshoot reports whether a possessive group only qualifies another
// group it owns: "the Islamic State's Khorasan branch", "the Islamic
// State's regional branch".
func (d *doc) ownsOffshoot(si int, m graph.Mention) bool {
	if m.Type != graph.Organization || !d.possessive(si, m) {
		return false
	}
	toks := d.in.Sentences[si].Tokens
	k := m.Last + 1
	if n := d.mentionStartingAt(si, k, graph.Organization); n != nil && !n.Anaphor {
		return true
	}
	for ; k < len(toks) && k <= m.Last+3; k++ {
		if d.x.offshoots[d.words[si][k]] {
			return true
		}
		if !toks[k].Word || d.inMention(si, k) && !d.placeAt(si, k) {
			break
		}
	}
	return false
}

// verbish reports whether a lower-case word after a name is more likely
// a verb or a function word than a noun the name qualifies.
func (x *Extractor) verbish(w string) bool {
	if x.function[w] || x.irregular[w] {
		return true
	}
	return len(w) > 2 && (w[len(w)-2:] == "ed" || w[len(w)-1:] == "s" && !(len(w) > 3 && w[len(w)-3:] == "ers"))
}

// isAcronym reports whether a token is written in capitals ("IED", "NDS").
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
		n++
	}
	return n >= 2
}

// listHead returns the first member of the list that cands[k] ends.
func (d *doc) listHead(si int, cands []graph.Mention, k int) graph.Mention {
	// a list holds names of one type: "from Orakzai, Kurram, and Bajaur, and
	// Shahidullah Shahid" does not put the man after "from"
	for k > 0 && cands[k-1].Type == cands[k].Type && d.coordinated(si, cands[k-1].Last, cands[k].First) && !d.opensComparison(si, cands[k-1]) {
		k--
	}
	return cands[k]
}

// opensComparison reports whether m is the object of a sentence's opening
// comparison ("Unlike the IMU, the TTP is ..."): no list or apposition
// runs from it into the main clause.
func (d *doc) opensComparison(si int, m graph.Mention) bool {
	w := d.words[si]
	f := m.First - 1
	if f >= 1 && w[f] == "the" {
		f--
	}
	if f < 0 || !(f == 0 || f == 1 && !d.in.Sentences[si].Tokens[0].Word) {
		return false
	}
	switch w[f] {
	case "unlike", "like", "besides", "beyond", "except", "despite":
		return true
	}
	return false
}
