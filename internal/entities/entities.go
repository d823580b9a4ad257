// Package entities finds the people, organizations and places a document
// names and resolves them to entities: one per real-world thing within the
// document, keyed so that the same thing gets the same key in every document.
//
// Input: a document's sentences with their tokens (package segment).
// Output: mentions with byte offsets and the entities they name.
//
// Names come from the gazetteers (schema/gazetteer) and from the shape of the
// text: "X district", "Lashkar-e-X", "Long Name (ACR)", "a commander named X",
// "X, a former lawmaker", given names, titles. Later references resolve to
// earlier ones: an acronym to its definition, a surname to the full name, and
// "the group" or "this group" to the organization it stands for.
package entities

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
)

// Extractor finds entities. It is safe for concurrent use: Extract keeps its
// state per call.
type Extractor struct {
	s          *ontology.Schema
	ix         *index
	stop       map[string]bool
	nameFinal  map[string]bool // stopwords that may end a name ("Gul Jan")
	finalGiven map[string]bool // given names that end names ("Zarin Gul")
	nameNouns  map[string]bool // stopwords that go on a name ("National Security")
	connectors map[string]bool
	routeNouns map[string]bool // "the Khost-Gardez road" names a road, not the places
	kin        map[string]bool // "Son of Fazal Rabbani" is no name
	// subordinators open a clause before the main one ("When X was killed, ...")
	subordinators map[string]bool
	directions    map[string]bool
	dirNouns      map[string]bool
	demonyms      map[string]string
	locHeads      map[string]string
	namedHeads    map[string]string // capitalised heads in a place's name ("Orangi Town")
	aliasHeads    map[string]bool   // heads whose phrase is an alias ("Zerkoh valley")
	orgHeads      map[string]bool
	orgPrefixes   map[string]bool
	militant      map[string]bool
	speech        map[string]bool
	// clauseOpeners: words after which "he" opens a clause ("and he", "that he")
	clauseOpeners map[string]bool
	personNouns   map[string]bool
	anaphRecent   map[string]bool
	anaphTopic    map[string]bool
	anaphHeads    map[string]bool
	locNames      []string // folded gazetteer location names, for near-miss spellings
	ethnonyms     map[string]bool
	lastWords     map[string]entry // distinctive last word of one organization's name ("Ansarullah")
	firstWords    map[string]entry // first word of exactly one organization's name ("Haqqani")
	locByFolded   map[string]entry
	groupNouns    map[string]bool // nouns that make a distinctive first word the group
	agentVerbs    map[string]bool // passives whose agent is a person
	commonNames   map[string]bool // name parts too common to stand for one person
	kindPrefer    map[string]int  // the place kind an ambiguous name means first
	// claims: by entity key, the folded names of another group that stand
	// for this one where the document names it too ("Daesh" for IS-K)
	claims map[string]map[string]bool
	// shorts: by folded short name ("jaish"), the keys of the groups it may
	// stand for, and their kinds
	shorts map[string][]entry
}

// Result is what Extract finds in one document.
type Result struct {
	Mentions []graph.Mention // in text order
	Entities map[string]*graph.Entity
}

// New builds an extractor from a schema.
func New(s *ontology.Schema) *Extractor {
	set := graph.FoldedSet
	x := &Extractor{
		s:             s,
		stop:          set(s.Lexicon.Stopwords),
		nameFinal:     set(s.Lexicon.NameFinalWords),
		finalGiven:    set(s.Lexicon.NameFinalGiven),
		nameNouns:     set(s.Lexicon.NameNouns),
		connectors:    set(s.Lexicon.NameConnectors),
		routeNouns:    set(s.Lexicon.RouteNouns),
		kin:           graph.FoldedSet(s.Lexicon.KinNouns),
		subordinators: graph.FoldedSet(s.Lexicon.Subordinators),
		directions:    set(s.Lexicon.Directions),
		dirNouns:      set(s.Lexicon.DirectionNouns),
		demonyms:      map[string]string{},
		locHeads:      map[string]string{},
		namedHeads:    s.Lexicon.NamedLocHeads,
		aliasHeads:    set(s.Lexicon.AliasLocHeads),
		orgHeads:      set(s.Lexicon.OrganizationHeads),
		orgPrefixes:   set(s.Lexicon.OrganizationPrefix),
		militant:      set(s.Lexicon.MilitantHeads),
		speech:        set(s.Lexicon.SpeechVerbs),
		clauseOpeners: set(s.Lexicon.ClauseOpeners),
		personNouns:   set(s.Lexicon.PersonNouns),
		ethnonyms:     set(s.Lexicon.Ethnonyms),
		anaphRecent:   map[string]bool{},
		anaphTopic:    map[string]bool{},
		anaphHeads:    map[string]bool{},
		locByFolded:   map[string]entry{},
		groupNouns:    set(s.Lexicon.GroupNouns),
		agentVerbs:    set(s.Lexicon.AgentVerbs),
		commonNames:   set(s.Lexicon.CommonNameElements),
		kindPrefer:    map[string]int{},
	}
	x.claims = map[string]map[string]bool{}
	x.shorts = map[string][]entry{}
	for _, o := range s.Orgs {
		for _, n := range o.Short {
			f := graph.FoldName(n)
			x.shorts[f] = append(x.shorts[f], entry{Name: o.Name, Type: graph.Organization, Kind: o.Kind})
		}
		for _, c := range o.Claims {
			k := graph.EntityKey(graph.Organization, x.untitled(o.Name))
			if x.claims[k] == nil {
				x.claims[k] = map[string]bool{}
			}
			x.claims[k][graph.FoldName(c)] = true
		}
	}
	for i, k := range s.Lexicon.PlaceKindPrefer {
		x.kindPrefer[k] = i
	}
	for d, c := range s.Lexicon.Demonyms {
		x.demonyms[graph.FoldWord(d)] = c
	}
	for h, k := range s.Lexicon.LocationHeads {
		x.locHeads[graph.FoldWord(h)] = k
	}
	for kind, phrases := range s.Lexicon.Anaphora {
		for _, p := range phrases {
			f := graph.FoldName(p)
			if p != "" && strings.HasPrefix(strings.ToLower(p), "the ") {
				f = "the " + f
			}
			if kind == "recent" {
				x.anaphRecent[f] = true
			} else {
				x.anaphTopic[f] = true
			}
			w := strings.Fields(f)
			x.anaphHeads[w[len(w)-1]] = true
		}
	}
	x.ix = newIndex(s, x.stop)
	x.firstWords = firstWordsOf(s, x)
	x.lastWords = lastWordsOf(s, x)
	for _, p := range s.Locations {
		k := graph.FoldName(p.Name)
		if _, dup := x.locByFolded[k]; !dup {
			x.locNames = append(x.locNames, k)
		}
		x.locByFolded[k] = entry{Type: graph.Location, Kind: p.Kind, Name: p.Name, In: p.In}
	}
	sort.Strings(x.locNames)
	return x
}

// Contains reports whether the gazetteer places the location keyed inner
// (an entity key) inside the one keyed outer.
func (x *Extractor) Contains(outer, inner string) bool {
	return x.ix.Contains(strings.TrimPrefix(outer, graph.Location+":"), strings.TrimPrefix(inner, graph.Location+":"))
}

// officeWord reports whether w names an office ("Officer", "Commissioner").
func (x *Extractor) officeWord(w string) bool {
	f := graph.FoldWord(w)
	return x.s.OfficeTitles[f] || f == "officer" || f == "officers" || f == "commissioner" || f == "inspector"
}

// untitled returns a person's name without its leading religious titles
// when two words or more remain ("Mullah Ghulam Farooq" and "Ghulam Farooq"
// are one person; "Mawlawi Saifudin" keeps the title it is known by).
func (x *Extractor) untitled(name string) string {
	w := strings.Fields(name)
	k := 0
	for k < len(w) && x.s.ReligiousTitles[graph.FoldWord(w[k])] {
		k++
	}
	if len(w)-k >= 2 {
		return strings.Join(w[k:], " ")
	}
	return name
}

// DirectlyIn reports whether the gazetteer puts the place keyed inner right
// inside the one keyed outer.
func (x *Extractor) DirectlyIn(outer, inner string) bool {
	o := strings.TrimPrefix(outer, graph.Location+":")
	return o != strings.TrimPrefix(inner, graph.Location+":") && containsString(x.ix.parents[strings.TrimPrefix(inner, graph.Location+":")], o)
}

// Placed reports whether the gazetteer knows where the place keyed inner lies.
func (x *Extractor) Placed(inner string) bool {
	return len(x.ix.parents[strings.TrimPrefix(inner, graph.Location+":")]) > 0
}

// doc is the state of one Extract call.
type doc struct {
	x        *Extractor
	sents    []graph.Sentence
	covered  [][]bool
	folded   [][]string        // folded word of each token, per sentence
	mentions [][]graph.Mention // per sentence
	entities map[string]*graph.Entity
	acronyms map[string]string // acronym as written -> entity key
	// lowered: the folded words the document writes in lower case somewhere,
	// built when first asked for
	lowered map[string]bool
}

// lowerCase reports whether the document writes the folded word w (or its
// singular) in lower case somewhere: such a word is no one's name.
func (d *doc) lowerCase(w string) bool {
	if d.lowered == nil {
		d.lowered = map[string]bool{}
		for si, s := range d.sents {
			for k, t := range s.Tokens {
				if t.Word && !capitalised(t.Text) {
					d.lowered[d.folded[si][k]] = true
				}
			}
		}
	}
	return d.lowered[w] || len(w) > 3 && strings.HasSuffix(w, "s") && d.lowered[w[:len(w)-1]]
}

// Extract finds the entities of one document.
func (x *Extractor) Extract(sents []graph.Sentence) Result {
	d := &doc{x: x, sents: sents, entities: map[string]*graph.Entity{}, acronyms: map[string]string{}}
	d.covered = make([][]bool, len(sents))
	d.folded = make([][]string, len(sents))
	d.mentions = make([][]graph.Mention, len(sents))
	for i, s := range sents {
		d.covered[i] = make([]bool, len(s.Tokens))
		d.folded[i] = make([]string, len(s.Tokens))
		for k, t := range s.Tokens {
			if t.Word {
				d.folded[i][k] = graph.FoldWord(t.Text)
			}
		}
	}
	d.each(d.gazetteer)
	d.each(d.attributiveOrganizations)
	d.each(d.definitions)
	d.each(d.acronymUses)
	d.each(d.directionalCountries)
	d.each(d.headedLocations)
	d.each(d.shapedOrganizations)
	// acronyms of names only their shape made organizations: "Kyrgyzstan's
	// State Committee for National Security (GKNB)"
	d.each(d.definitions)
	d.each(d.acronymUses)
	d.each(d.people)
	d.each(d.nearPlaces)
	d.each(d.namedGroups)
	d.each(d.aliases)
	d.each(d.nicknames)
	d.shortNames()
	surnames := d.surnameIndex()
	d.each(func(si int) { d.surnames(si, surnames) })
	d.each(d.anaphora)
	d.each(d.pronouns)
	d.claimNames()
	d.each(d.shortGroupNames)

	var out Result
	out.Entities = d.entities
	for si := range d.mentions {
		ms := d.mentions[si]
		sort.Slice(ms, func(a, b int) bool { return ms[a].First < ms[b].First })
		out.Mentions = append(out.Mentions, ms...)
	}
	return out
}

// each runs a pass over the content sentences.
func (d *doc) each(pass func(si int)) {
	for si := range d.sents {
		if !d.sents[si].Furniture {
			pass(si)
		}
	}
}

// add records a mention of tokens [first, last) of sentence si.
func (d *doc) add(si, first, last int, typ, kind, name string, anaphor bool, key string) string {
	toks := d.sents[si].Tokens
	start, end := toks[first].Start, toks[last-1].End
	text := d.sents[si].Text[start-d.sents[si].Start : end-d.sents[si].Start]
	if key == "" {
		key = graph.EntityKey(typ, name)
		// "the Mullah Dadullah Front" is "the Dadullah Front"
		if typ == graph.Person || typ == graph.Organization {
			key = graph.EntityKey(typ, d.x.untitled(name))
		}
	}
	for i := first; i < last; i++ {
		d.covered[si][i] = true
	}
	e := d.entities[key]
	if e == nil && !anaphor {
		// copies: slices of the text would keep the whole document in memory
		e = &graph.Entity{Key: strings.Clone(key), Type: typ, Kind: kind, Name: strings.Clone(name)}
		d.entities[key] = e
	}
	if e != nil {
		typ, kind = e.Type, e.Kind
		if !anaphor {
			e.Mentions++
			if surface := cleanSurface(text); graph.FoldName(surface) != "" && surface != e.Name && !containsString(e.Aliases, surface) {
				e.Aliases = append(e.Aliases, strings.Clone(surface))
				sort.Strings(e.Aliases)
			}
			if e.Kind == "" {
				e.Kind = kind
			}
		}
	}
	d.mentions[si] = append(d.mentions[si], graph.Mention{
		Span: graph.Span{Start: start, End: end}, Text: text, Sentence: si,
		First: first, Last: last, EntityKey: key, Type: typ, Kind: kind, Anaphor: anaphor,
	})
	return key
}

// cleanSurface turns a written form into an alias: brackets and line breaks out,
// curly apostrophes straight, spaces single.
func cleanSurface(s string) string {
	return strings.Join(strings.Fields(surfaceReplacer.Replace(s)), " ")
}

var surfaceReplacer = strings.NewReplacer("[", "", "]", "", "’", "'", "‘", "'")

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// gazetteer marks every gazetteer name of sentence si, longest first.
func (d *doc) gazetteer(si int) {
	toks := d.sents[si].Tokens
	for i := 0; i < len(toks); i++ {
		end, vars := d.x.ix.match(toks, d.folded[si], i, d.covered[si])
		if len(vars) == 0 {
			continue
		}
		// "Kara-Bak" is not Bak: the name began before a hyphen; but in "the
		// Mastung-Kalat belt" a place joins a place (a road between two,
		// "the Khost-Gardez road", places neither)
		if i >= 2 && toks[i-1].Text == "-" && toks[i-1].End == toks[i].Start && toks[i-2].End == toks[i-1].Start && toks[i-2].Word && capitalised(toks[i-2].Text) {
			if prev := d.mentionCovering(si, i-2); prev == nil || prev.Type != graph.Location || prev.Last != i-1 || !allOfType(vars, graph.Location) ||
				end < len(toks) && d.x.routeNouns[d.folded[si][end]] {
				continue
			}
		}
		// "Dand-e Ghori" is not Dand: the name goes on past a hyphen and a connector
		if end+2 < len(toks) && toks[end].Text == "-" && toks[end].Start == toks[end-1].End &&
			d.x.connectors[d.folded[si][end+1]] && toks[end+2].Word && capitalised(toks[end+2].Text) {
			i = end - 1
			continue
		}
		// "Commander Nazir Jan" is not the Commander Nazir of the gazetteer:
		// a person's name that goes on names someone else
		if allOfType(vars, graph.Person) && end < len(toks) && toks[end].Word && toks[end].Start == toks[end-1].End+1 && capitalised(toks[end].Text) {
			// "the Mullah Dadullah Front": a group named after him, not
			// the man ("the Haqqani Network" is in the gazetteer)
			if w := d.folded[si][end]; (!d.x.stop[w] || d.x.nameFinal[w] || d.x.orgHeads[w]) && !d.covered[si][end] {
				i = end - 1
				continue
			}
		}
		// "Tehreek-e-Taliban Islami" is not the TTP: a prefix-shaped group
		// name that goes on names another group
		if allOfType(vars, graph.Organization) && d.x.orgPrefixes[d.folded[si][i]] && end < len(toks) && toks[end].Word && toks[end].Start == toks[end-1].End+1 &&
			capitalised(toks[end].Text) && !d.x.stop[d.folded[si][end]] && !d.covered[si][end] && !d.x.orgHeads[d.folded[si][end]] &&
			!(end+1 < len(toks) && toks[end+1].Word && capitalised(toks[end+1].Text)) && !titleCased(toks) { // not a title-cased headline
			if _, next := d.x.ix.match(toks, d.folded[si], end, d.covered[si]); len(next) == 0 {
				i = end - 1
				continue
			}
		}
		v := d.choose(vars, toks, end)
		// "to establish an Islamic state in Central Asia": a common noun
		// phrase with an article, not the group's name
		if v.Type == graph.Organization && i > 0 && (d.folded[si][i-1] == "a" || d.folded[si][i-1] == "an") &&
			toks[end-1].Word && !capitalised(toks[end-1].Text) && (end >= len(toks) || !toks[end].Word || d.x.stop[d.folded[si][end]]) {
			i = end - 1
			continue
		}
		// "Achin's Mohmand Valley", "the Nawa Pass", "the Mohmand valley of
		// Achin": a capitalised head, or a valley of another place, names a
		// place of its own
		if v.Type == graph.Location && end < len(toks) {
			kind := d.x.namedHeads[toks[end].Text]
			if kind == "" && d.x.aliasHeads[graph.FoldWord(toks[end].Text)] && end+2 < len(toks) &&
				strings.EqualFold(toks[end+1].Text, "of") && capitalised(toks[end+2].Text) {
				kind = d.x.locHeads[graph.FoldWord(toks[end].Text)]
			}
			if kind != "" {
				d.add(si, i, end+1, graph.Location, kind, joinTokens(toks[i:end+1]), false, "")
				i = end
				continue
			}
		}
		d.add(si, i, end, v.Type, v.Kind, v.Name, false, "")
		i = end - 1
	}
}

// titleCased reports whether a sentence is a headline in title case: most
// of its words of four letters or more are capitalised ("Tajik Court Jails
// 11 Over Alleged Jamaat Ansarullah Cell").
func titleCased(toks []graph.Token) bool {
	long, upper := 0, 0
	for _, t := range toks {
		if !t.Word || len(t.Text) < 4 {
			continue
		}
		long++
		if capitalised(t.Text) {
			upper++
		}
	}
	return long >= 4 && upper*5 >= long*4
}

// claimNames gives a group the mentions of another group's name it claims
// where the document names it too: "Daesh" in a story about ISKP is ISKP.
func (d *doc) claimNames() {
	for key, names := range d.x.claims {
		e := d.entities[key]
		if e == nil {
			continue
		}
		for si := range d.mentions {
			for i := range d.mentions[si] {
				m := &d.mentions[si][i]
				if m.Anaphor || m.EntityKey == key || m.Type != graph.Organization || !names[graph.FoldName(m.Text)] {
					continue
				}
				if src := d.entities[m.EntityKey]; src != nil {
					if src.Mentions--; src.Mentions <= 0 {
						delete(d.entities, m.EntityKey)
					}
				}
				m.EntityKey = key
				e.Mentions++
				if surface := cleanSurface(m.Text); surface != e.Name && !containsString(e.Aliases, surface) {
					e.Aliases = append(e.Aliases, surface)
					sort.Strings(e.Aliases)
				}
			}
		}
	}
}

// shortGroupNames reads a group's short name ("the Jaish", "Lashkar") as
// the group when the document names it in full and names no other group
// that goes by it.
func (d *doc) shortGroupNames(si int) {
	toks := d.sents[si].Tokens
	for i, t := range toks {
		if d.covered[si][i] || !t.Word || !capitalised(t.Text) {
			continue
		}
		cands := d.x.shorts[graph.FoldName(t.Text)]
		if len(cands) == 0 {
			continue
		}
		// "Jaish-e-Mohammed" is not "Jaish" then a name: the word must stand alone
		if i+1 < len(toks) && toks[i+1].Text == "-" || i > 0 && toks[i-1].Text == "-" {
			continue
		}
		// "the Salarzai Lashkar", a tribal militia: a name of its own
		if i > 1 && toks[i-1].Word && capitalised(toks[i-1].Text) {
			continue
		}
		var named []entry
		for _, c := range cands {
			if d.entities[graph.EntityKey(graph.Organization, d.x.untitled(c.Name))] != nil {
				named = append(named, c)
			}
		}
		if len(named) != 1 {
			continue
		}
		d.add(si, i, i+1, graph.Organization, named[0].Kind, named[0].Name, false, graph.EntityKey(graph.Organization, d.x.untitled(named[0].Name)))
	}
}

// allOfType reports whether every gazetteer entry a span can name is of
// the type.
func allOfType(vars []variant, typ string) bool {
	for _, v := range vars {
		if v.Type != typ {
			return false
		}
	}
	return true
}

// choose picks among the gazetteer entries a span can name, by the words around it.
func (d *doc) choose(vars []variant, toks []graph.Token, end int) variant {
	headKind := d.x.headAfter(toks, end)
	next := ""
	if n := nextWord(toks, end); n >= 0 {
		next = graph.FoldWord(toks[n].Text)
	}
	rank := func(v variant) int {
		r := 0
		switch v.Type {
		case graph.Location:
			r = 20
			if headKind != "" {
				r = 0
				if v.Kind == headKind {
					r = -5
				}
			}
			r += d.x.kindPrefer[v.Kind]
		case graph.Organization:
			r = 10
			if headKind != "" {
				r = 30
			}
		case graph.Person:
			r = 25
			if d.x.personNouns[next] || d.x.speech[next] {
				r = 5
			}
		}
		if !v.acronym && v.wordCount > 1 {
			r -= 1
		}
		return r
	}
	best := vars[0]
	for _, v := range vars[1:] {
		if rank(v) < rank(best) {
			best = v
		}
	}
	return best
}

// headAfter returns the location kind given by a head noun right after
// token end ("Argo district", "Daht-e Archi [district]"), or "".
func (x *Extractor) headAfter(toks []graph.Token, end int) string {
	n := end
	for n < len(toks) && (toks[n].Text == "[" || toks[n].Text == "(") {
		n++
	}
	if n < len(toks) && toks[n].Word {
		return x.locHeads[graph.FoldWord(toks[n].Text)]
	}
	return ""
}

func nextWord(toks []graph.Token, i int) int {
	for ; i < len(toks); i++ {
		if toks[i].Word {
			return i
		}
	}
	return -1
}

func prevWord(toks []graph.Token, i int) int {
	for i--; i >= 0; i-- {
		if toks[i].Word {
			return i
		}
	}
	return -1
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// mentionAt returns the mention of sentence si that ends at token end, if any.
func (d *doc) mentionEndingAt(si, end int) *graph.Mention {
	for i := range d.mentions[si] {
		if d.mentions[si][i].Last == end {
			return &d.mentions[si][i]
		}
	}
	return nil
}

// definitions reads "Long Name (ACR)" and "Name [Other Name] (A/B)": the
// acronyms and bracketed names become aliases of the organization they follow.
func (d *doc) definitions(si int) {
	toks := d.sents[si].Tokens
	for i := 0; i < len(toks); i++ {
		if toks[i].Text != "(" && toks[i].Text != "[" {
			continue
		}
		closer := ")"
		if toks[i].Text == "[" {
			closer = "]"
		}
		j := i + 1
		for j < len(toks) && toks[j].Text != closer && j-i < 12 {
			j++
		}
		if j >= len(toks) || toks[j].Text != closer || j == i+1 {
			continue
		}
		prev := d.mentionEndingAt(si, i)
		inner := toks[i+1 : j]
		if closer == ")" {
			acrs := splitAcronyms(toks, i+1, j)
			if len(acrs) == 0 {
				continue
			}
			key := ""
			switch {
			case prev != nil && prev.Type == graph.Organization && !prev.Anaphor:
				key = prev.EntityKey
			case prev == nil:
				// an unknown long name whose initials spell the acronym
				if first, ok := d.initialsMatch(toks, i, acrs[0].Text); ok && !d.x.personNouns[graph.FoldWord(toks[i-1].Text)] && !d.x.officeWord(toks[i-1].Text) {
					name := joinTokens(toks[first:i])
					key = d.add(si, first, i, graph.Organization, d.x.orgKind(toks[first:i]), name, false, "")
				}
			}
			if key == "" {
				continue
			}
			for _, a := range acrs {
				d.acronyms[a.Text] = key
				if !d.anyCovered(si, a.First, a.Last) {
					d.add(si, a.First, a.Last, graph.Organization, "", "", false, key)
				} else if m := d.mentionCovering(si, a.First); m != nil && m.EntityKey != key && m.Type == graph.Organization {
					// the gazetteer read the acronym as another group's: the definition wins here
					if old := d.entities[m.EntityKey]; old != nil && !m.Anaphor {
						if old.Mentions--; old.Mentions <= 0 {
							delete(d.entities, m.EntityKey)
						}
					}
					m.EntityKey = key
					if e := d.entities[key]; e != nil && !m.Anaphor {
						e.Mentions++
					}
				}
			}
			i = j
			continue
		}
		// a bracketed other name right after an organization: a translation
		if prev != nil && prev.Type == graph.Organization && allCapitalised(inner) && len(inner) >= 2 && !d.anyCovered(si, i+1, j) {
			d.add(si, i+1, j, graph.Organization, "", "", false, prev.EntityKey)
			// the acronyms that may follow belong to the same organization
			if j+1 < len(toks) && toks[j+1].Text == "(" {
				k := j + 2
				for k < len(toks) && toks[k].Text != ")" && k-j < 10 {
					k++
				}
				if k < len(toks) && toks[k].Text == ")" {
					for _, a := range splitAcronyms(toks, j+2, k) {
						if !d.anyCovered(si, a.First, a.Last) {
							d.acronyms[a.Text] = prev.EntityKey
							d.add(si, a.First, a.Last, graph.Organization, "", "", false, prev.EntityKey)
						} else {
							d.acronyms[a.Text] = prev.EntityKey
						}
					}
					i = k
				}
			}
		}
	}
}

type acronymSpan struct {
	Text        string
	First, Last int // token indexes relative to the sentence
}

// splitAcronyms reads "IMU" or "IMU/O'zIH" in tokens [from, to) of a sentence.
func splitAcronyms(toks []graph.Token, from, to int) []acronymSpan {
	var out []acronymSpan
	for k := from; k < to; k++ {
		t := toks[k]
		if !t.Word {
			if t.Text == "/" || t.Text == "," {
				continue
			}
			return nil
		}
		if !isAcronym(t.Text) {
			return nil
		}
		out = append(out, acronymSpan{Text: t.Text, First: k, Last: k + 1})
	}
	return out
}

func (d *doc) anyCovered(si, a, b int) bool {
	for i := a; i < b; i++ {
		if d.covered[si][i] {
			return true
		}
	}
	return false
}

// initialsMatch finds the capitalised run before token i whose initials
// (skipping connectors like "of") spell acr.
func (d *doc) initialsMatch(toks []graph.Token, i int, acr string) (int, bool) {
	letters := []rune(strings.ToUpper(strings.ReplaceAll(acr, "'", "")))
	k := len(letters) - 1
	j := i - 1
	for j >= 0 && k >= 0 {
		t := toks[j]
		switch {
		case !t.Word && t.Text == "-":
		case !t.Word:
			return 0, false
		case d.x.connectors[graph.FoldWord(t.Text)] && !capitalised(t.Text):
		case capitalised(t.Text):
			if []rune(t.Text)[0] != letters[k] {
				return 0, false
			}
			k--
		default:
			return 0, false
		}
		j--
	}
	if k >= 0 {
		return 0, false
	}
	return j + 1, i-(j+1) >= 2
}

func joinTokens(toks []graph.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// acronymUses marks the bare uses of acronyms the document defined.
func (d *doc) acronymUses(si int) {
	toks := d.sents[si].Tokens
	for i, t := range toks {
		if d.covered[si][i] || !t.Word {
			continue
		}
		if key, ok := d.acronyms[t.Text]; ok {
			d.add(si, i, i+1, graph.Organization, "", "", false, key)
		}
	}
}

// orgKind guesses the kind of an organization from the words of its name.
func (x *Extractor) orgKind(toks []graph.Token) string {
	kind := "other"
	for _, t := range toks {
		w := graph.FoldWord(t.Text)
		switch {
		case x.militant[w] || x.orgPrefixes[w]:
			return "militant_group"
		case w == "army" || w == "police" || w == "corps" || w == "forces" || w == "force" || w == "command":
			kind = "security_force"
		case w == "party":
			kind = "political_party"
		case w == "journal" || w == "radio" || w == "news" || w == "times" || w == "post" || w == "tv":
			kind = "media"
		case w == "ministry" || w == "government":
			kind = "government"
		}
	}
	return kind
}
