package relations

import (
	"strings"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
)

// verb reads SUBJECT ... cue ... OBJECT.
func (d *doc) verb(si int, c compiledCue) {
	for _, sp := range d.spans(si, c) {
		// "a Taliban affiliate led by X": a participle with its agent is
		// passive, its subject no actor
		if sp[1] < len(d.words[si]) && d.words[si][sp[1]] == "by" && strings.HasSuffix(d.words[si][sp[1]-1], "ed") {
			continue
		}
		// "the NATO-led mission": a compound's participle, no verb
		if toks := d.in.Sentences[si].Tokens; sp[0] > 0 && toks[sp[0]-1].Text == "-" && toks[sp[0]-1].End == toks[sp[0]].Start {
			continue
		}
		var subjects []graph.Mention
		if d.x.orgNouns[trimPlural(d.words[si][sp[0]])] && sp[0]+1 < len(d.words[si]) && d.words[si][sp[0]+1] == "from" {
			// "Lashkar-e-Islam, a militant group from Khyber Agency", "LeI is a
			// group from Khyber": a noun cue describes the name it is put to
			h := d.appositionHead(si, sp[0]+1)
			if h == nil {
				h = d.copulaHead(si, sp[0]+1)
			}
			if h == nil || !allowed(c.rel.From, h.Type) {
				continue
			}
			subjects = []graph.Mention{*h}
		} else if d.reducedRelative(si, sp[0]) {
			// "Lashkar-e-Islam, the militant outfit based in the Tirah
			// valley": the noun is an apposition's, its name the subject
			h := d.appositionHead(si, sp[0])
			if h == nil {
				// "JeM is a militant organization based in Punjab"
				h = d.copulaHead(si, sp[0])
			}
			if h == nil || !allowed(c.rel.From, h.Type) {
				continue
			}
			subjects = []graph.Mention{*h}
		} else if o := d.ofOrganization(si, sp[1], c.rel.From); o != nil {
			// "broke up a cell of the IJU in Surkhandarya": the cell is the
			// IJU's; "X headed a cell of the LeJ in Orangi Town": X's too
			subjects = []graph.Mention{*o}
			if !d.struckNoun(si, sp[0]) {
				for _, s := range d.subjectBefore(si, sp[0], c.rel.From) {
					if s.Type == graph.Person {
						subjects = append(subjects, s)
					}
				}
			}
		} else if d.struckNoun(si, sp[0]) {
			continue
		} else if d.words[si][sp[0]] == "who" {
			// a cue that opens with its relative pronoun ("who broke away
			// from"): what the pronoun stands for
			subjects = d.subjectBefore(si, sp[0]+1, c.rel.From)
		} else {
			subjects = d.subjectBefore(si, sp[0], c.rel.From)
			// "X ran the BLA's operations in Kalat": the group's, and the
			// man's who runs them
			if len(subjects) == 1 && subjects[0].Type == graph.Organization && subjects[0].Last+1 == sp[0] && d.possessive(si, subjects[0]) {
				for _, s := range d.subjectBefore(si, subjects[0].First, c.rel.From) {
					if s.Type == graph.Person {
						subjects = append(subjects, s)
					}
				}
			}
		}
		if len(subjects) == 0 {
			continue
		}
		// "detained 11 people on suspicion of links to ISKP": the suspicion
		// is of those held, not of the force that holds them
		if d.suspicionOf(si, sp[0]) {
			var people []graph.Mention
			for _, s := range subjects {
				if s.Type == graph.Person {
					people = append(people, s)
				}
			}
			subjects = people
		}
		if c.activeOnly {
			subjects = d.agents(si, subjects, sp[0])
		}
		// "has not claimed the attacks in Swat", "never operated in": negated
		subjects = d.affirmed(si, subjects, sp[0])
		objects := d.objectsAfter(si, sp[1], c)
		if len(objects) == 0 && len(subjects) == 1 {
			// "AQIS, which Zawahiri created in 2014": the object stands
			// before the relative clause whose subject does the cue
			if o, ok := d.relativeObject(si, subjects[0], sp[0], c.rel.To); ok {
				objects = []graph.Mention{o}
			}
		}
		if len(objects) > 0 && c.rel.Objects == "all" && c.objects != "first" {
			objects = append(objects, d.frontedPlaces(si, c.rel.To)...)
		}
		if len(objects) == 0 && c.rel.Objects == "all" && c.objects != "first" {
			objects = d.speakerPlaces(si, sp[0], c.rel.To)
		}
		if len(objects) == 0 && c.previousPlaces {
			objects = d.previousPlaces(si, sp[0], c.rel.To)
		}
		// "has used the katcha of Ghotki and Rajanpur as a safe haven": the
		// objects inside the cue's gap
		if len(objects) == 0 && c.objectsInside {
			for _, m := range d.bySent[si] {
				if m.First > sp[0] && m.Last < sp[1] && allowed(c.rel.To, m.Type) {
					objects = append(objects, m)
				}
			}
		}
		for _, s := range subjects {
			for _, o := range objects {
				// a man is placed where the country's province says, a
				// group in the country too
				if s.Type == graph.Person && d.qualifyingCountry(si, o) {
					continue
				}
				d.emit(c.rel, s, o, si)
			}
		}
	}
}

// previousPlaces returns the places of the clause before the cue at token
// i, past a semicolon ("A bomber struck the police headquarters in Pul-e
// Alam; the Taliban claimed responsibility"), else of the sentence before
// when both sit in one paragraph and si names none itself: "Four soldiers
// died in a blast in Buleda on Tuesday. The BLA claimed responsibility."
func (d *doc) previousPlaces(si, i int, types []string) []graph.Mention {
	if !allowed(types, graph.Location) {
		return nil
	}
	for k := i - 1; k > 0; k-- {
		if d.words[si][k] != ";" {
			continue
		}
		var out []graph.Mention
		for _, m := range d.locations(si) {
			if m.Last <= k && !d.isDateline(si, m) {
				out = append(out, m)
			}
		}
		return out
	}
	if si == 0 || d.in.Sentences[si-1].Paragraph != d.in.Sentences[si].Paragraph {
		return nil
	}
	for _, m := range d.bySent[si] {
		if m.Type == graph.Location && !d.isDateline(si, m) {
			return nil
		}
	}
	var out []graph.Mention
	for _, m := range d.locations(si - 1) {
		if !d.isDateline(si-1, m) {
			out = append(out, m)
		}
	}
	return out
}

// reducedRelative reports whether a participle cue at token i describes
// the unnamed noun right before it ("militant groups based in
// Afghanistan"): the clause's subject is that noun, no name before it.
func (d *doc) reducedRelative(si, i int) bool {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	if i < 2 || !strings.HasSuffix(w[i], "ed") && !strings.HasSuffix(w[i], "ing") {
		return false
	}
	n := i - 1
	if !toks[n].Word || capitalised(toks[n].Text) || d.inMention(si, n) || d.x.function[w[n]] || d.x.adverb(w[n]) || strings.HasSuffix(w[n], "ed") || d.x.irregular[w[n]] {
		return false
	}
	// "militants sheltering in Afghanistan": an -ing participle only after
	// people or groups, not "operations targeting the Haqqani Network"
	if strings.HasSuffix(w[i], "ing") {
		noun := trimPlural(w[n])
		if !(d.x.units[w[n]] || d.x.personish[noun] || d.x.orgNouns[noun] || d.x.members[w[n]] || d.x.followers[w[n]]) {
			return false
		}
	}
	// "IMU fighters based in Kunduz": the noun is the named group's people
	switch {
	case w[n] == "been" || w[n] == "be" || w[n] == "being":
		return false // "has been headquartered in"
	case d.inMention(si, n-1) && !d.placeAt(si, n-1), w[n-1] == "its", w[n-1] == "their", w[n-1] == "whose", w[n-1] == "'s", n >= 2 && w[n-2] == "'s":
		return false // "the IMU's fighters worked with", "HuJI's Punjabi cadres worked with": a subject, no relative
	case w[n-1] == "has" || w[n-1] == "have" || w[n-1] == "had" || w[n-1] == "with":
		return false // "AQIS has fighters integrated into Taliban units"
	case isPreposition(w[n-1]) || w[n-1] == "in" || w[n-1] == "at":
		return false // "the Taliban have in turn raided": no noun phrase
	}
	return true
}

// struckNoun reports whether a noun cue at token i is the object of a
// verb that strikes it ("broke up a militant cell in Jalal-Abad",
// "raided a hideout in Bara"): the one who strikes it does not own it.
func (d *doc) struckNoun(si, i int) bool {
	w := d.words[si]
	if !d.x.units[w[i]] && !d.x.holdings[w[i]] {
		return false
	}
	// "has destroyed its networks in Kunduz", "overran the group's
	// compounds in Zabul": the possessive names the owner
	if i > 0 && (w[i-1] == "its" || w[i-1] == "their" || w[i-1] == "'s") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if w[k] == "," {
			return false
		}
		if d.inMention(si, k) {
			continue // "raided an LeT camp": the owner qualifies the noun
		}
		if d.x.transitive[w[k]] || w[k] == "up" && k > 0 && (w[k-1] == "broke" || w[k-1] == "broken" || w[k-1] == "break" || w[k-1] == "breaks") {
			return true
		}
	}
	return false
}

// ofOrganization returns the organization of "of [the] ORG" at token i
// after a noun cue ("a cell of the IJU"), when the relation starts from
// organizations and the cue is a noun (not "part of", "in control of").
func (d *doc) ofOrganization(si, i int, types []string) *graph.Mention {
	w := d.words[si]
	if i >= len(w) || w[i] != "of" || i < 1 {
		return nil
	}
	if noun := w[i-1]; !(d.x.units[noun] || d.x.units[trimPlural(noun)] || d.x.holdings[noun]) {
		return nil
	}
	return d.organizationAfterOf(si, i, types)
}

// organizationAfterOf returns the organization named right after the "of"
// at token i ("of the banned Lashkar-e-Islam").
func (d *doc) organizationAfterOf(si, i int, types []string) *graph.Mention {
	w := d.words[si]
	if i >= len(w) || w[i] != "of" || !allowed(types, graph.Organization) {
		return nil
	}
	n := i + 1
	if n < len(w) && w[n] == "the" {
		n++
	}
	// "hideouts of the banned Lashkar-e-Islam": a qualifying word aside
	if n+1 < len(w) && d.in.Sentences[si].Tokens[n].Word && !capitalised(d.in.Sentences[si].Tokens[n].Text) && !d.inMention(si, n) && !d.x.function[w[n]] {
		if m := d.mentionStartingAt(si, n+1, graph.Organization); m != nil {
			return m
		}
	}
	return d.mentionStartingAt(si, n, graph.Organization)
}

// describedAfter returns the token after a description that opens at
// token i ("the veteran mujahideen commander"): an article, then lower-case
// words ending in a person noun. It returns i if there is none.
func (d *doc) describedAfter(si, i int) int {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	if i >= len(w) || !(w[i] == "the" || w[i] == "a" || w[i] == "an" || w[i] == "his" || w[i] == "its") {
		return i
	}
	for k := i + 1; k < len(w) && k <= i+7; k++ {
		if toks[k].Text == "-" || w[k] == "in" && k > 0 && toks[k-1].Text == "-" {
			continue // "son-in-law"
		}
		if !toks[k].Word || capitalised(toks[k].Text) || d.inMention(si, k) || d.x.function[w[k]] {
			return i
		}
		if d.x.personish[w[k]] || d.x.kin[w[k]] || w[k] == "law" && k >= 2 && toks[k-1].Text == "-" {
			// "his son, Sirajuddin": the name may follow a comma
			n := k + 1
			if n < len(w) && w[n] == "," {
				n++
			}
			if d.mentionStartingAt(si, n, graph.Person) != nil {
				return n
			}
		}
	}
	return i
}

// mainSubjectAfter returns the subject of the main clause after an opening
// participial phrase whose cue is at token i and whose agents end at
// token end: the first mention of the types right after the comma that
// closes the phrase. The cue must open the sentence.
func (d *doc) mainSubjectAfter(si, i, end int, types []string) *graph.Mention {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	for k := 0; k < i; k++ {
		if toks[k].Word {
			return nil // "Founded ..." opens the sentence, only a bullet before
		}
	}
	for k := end; k < len(w) && k < end+25; k++ {
		if w[k] == ";" {
			return nil
		}
		if w[k] != "," {
			continue
		}
		n := k + 1
		if n < len(w) && w[n] == "the" {
			n++
		}
		for _, m := range d.bySent[si] {
			if m.First == n && allowed(types, m.Type) {
				mm := m
				return &mm
			}
		}
	}
	return nil
}

// relativeObject reads an object relative clause, "ORG, which PERSON cue",
// "ORG, a group that PERSON cue": the antecedent is the cue's object. Only
// adverbs and auxiliaries may stand between the subject and the cue at i.
func (d *doc) relativeObject(si int, subject graph.Mention, i int, types []string) (graph.Mention, bool) {
	w := d.words[si]
	// only auxiliaries and adverbs between the subject and the cue
	for t := subject.Last; t < i; t++ {
		if !(d.x.function[w[t]] || isAdverb(w[t])) || w[t] == "," || w[t] == "and" {
			return graph.Mention{}, false
		}
	}
	k := subject.First - 1
	// "the TTP, the movement Baitullah Mehsud founded": "the movement" is
	// itself an anaphor of the group
	if m := d.mentionCovering(si, k); k >= 1 && m != nil && m.Anaphor && m.Last == subject.First && allowed(types, m.Type) && m.Type != subject.Type {
		if h := d.appositionHead(si, m.First+1); h == nil || h.EntityKey == m.EntityKey {
			return *m, true
		}
	}
	if k >= 1 && d.x.orgNouns[w[k]] {
		// "AQIS, the regional branch Ayman al Zawahiri created in 2014": a
		// relative without its pronoun, right after an apposition's noun
		if h := d.appositionHead(si, k+1); h != nil && allowed(types, h.Type) && h.Type != subject.Type {
			return *h, true
		}
	}
	// "which al Qaeda emir Ayman al Zawahiri created": the subject's role may
	// stand before it
	for k >= subject.First-5 && k > 0 && !(w[k] == "which" || w[k] == "that" || w[k] == "whom") {
		if w[k] == "," || !d.in.Sentences[si].Tokens[k].Word || d.x.function[w[k]] {
			return graph.Mention{}, false
		}
		k--
	}
	if k < 1 || !(w[k] == "which" || w[k] == "that" || w[k] == "whom") {
		return graph.Mention{}, false
	}
	end := k - 1
	// "the family network that X built": the name right before the pronoun
	if m := d.mentionEndingAt(si, k); m != nil && w[end] != "," {
		if allowed(types, m.Type) && m.Type != subject.Type {
			return *m, true
		}
		return graph.Mention{}, false
	}
	// "the IMU, a group that ...": the name before the apposition
	if w[end] != "," {
		for t := end; t >= 0 && t >= k-5; t-- {
			if w[t] == "," {
				end = t
				break
			}
			if !d.in.Sentences[si].Tokens[t].Word || capitalised(d.in.Sentences[si].Tokens[t].Text) || d.inMention(si, t) {
				return graph.Mention{}, false
			}
		}
		if w[end] != "," {
			return graph.Mention{}, false
		}
	}
	m := d.mentionEndingAt(si, end)
	if m == nil && end > 0 && w[end-1] == ")" {
		m = d.mentionEndingAt(si, end-1) // "the Islamic Jihad Union (IJU), which"
	}
	if m == nil || !allowed(types, m.Type) || m.Type == subject.Type {
		return graph.Mention{}, false
	}
	return *m, true
}

// affirmed keeps the subjects whose clause up to the cue at token i is not
// negated ("X has not claimed the attacks", "X never operated in").
func (d *doc) affirmed(si int, subjects []graph.Mention, i int) []graph.Mention {
	w := d.words[si]
	var out []graph.Mention
	for _, s := range subjects {
		negated := false
		for k := s.Last; k < i; k++ {
			if w[k] == "not" || w[k] == "never" || w[k] == "nt" || w[k] == "denied" || w[k] == "denies" || w[k] == "deny" {
				negated = true
			}
		}
		if !negated {
			out = append(out, s)
		}
	}
	return out
}

// agents keeps the subjects that act at token i: a passive verb between a
// subject and the cue ("X, who was killed in a raid on a Taliban compound")
// makes the subject the one acted upon.
func (d *doc) agents(si int, subjects []graph.Mention, i int) []graph.Mention {
	w := d.words[si]
	var out []graph.Mention
	for _, s := range subjects {
		passive := false
		for k := s.Last; k+1 < i; k++ {
			if (w[k] == "was" || w[k] == "were" || w[k] == "been") && (strings.HasSuffix(w[k+1], "ed") || d.x.irregular[w[k+1]]) {
				passive = true
			}
		}
		if !passive {
			out = append(out, s)
		}
	}
	return out
}

// frontedPlaces returns the places of an opening "In PLACE, ..." ("In
// Faryab Province, which borders Turkmenistan, Taliban fighters overran two
// checkpoints in Qaramqol district"): what the clause places, it also places
// there.
func (d *doc) frontedPlaces(si int, types []string) []graph.Mention {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	k := 0
	for k < len(toks) && !toks[k].Word {
		k++ // a bullet
	}
	if k >= len(w) || w[k] != "in" || !allowed(types, graph.Location) {
		return nil
	}
	var out []graph.Mention
	for _, m := range d.bySent[si] {
		if m.First <= k {
			continue
		}
		if m.Type != graph.Location || m.Anaphor {
			break
		}
		if len(out) == 0 && m.First != k+1 && !(m.First == k+2 && w[k+1] == "the") {
			break
		}
		// "In Khyber's Tirah valley, ...": the place possessed
		if len(out) > 0 && d.possessive(si, out[len(out)-1]) && m.First == out[len(out)-1].Last+1 {
			out[len(out)-1] = m
			continue
		}
		if len(out) > 0 && !d.coordinated(si, d.skipHead(si, out[len(out)-1].Last), m.First) {
			break
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil
	}
	// the place must close the opening phrase: "In Faryab Province, ...",
	// or the clause's subject follow it at once ("In Nangarhar it competed")
	end := d.skipHead(si, out[len(out)-1].Last)
	if end >= len(w) {
		return nil
	}
	if w[end] != "," && !isPronoun(w[end]) && d.mentionStartingAt(si, end+boolInt(w[end] == "the"), graph.Organization, graph.Person) == nil {
		return nil
	}
	return out
}

// speakerPlaces returns the places of a reporting frame before token i
// ("Police in Zhob district of Balochistan said TTP fighters had set up
// hideouts in the mountains"): officials of a place who report a presence
// with no place of its own report it in their own place. Only the places
// governed by "in" right before the speech verb count.
func (d *doc) speakerPlaces(si, i int, types []string) []graph.Mention {
	if !allowed(types, graph.Location) {
		return nil
	}
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	verb := -1
	for k := i - 1; k > 0; k-- {
		if d.x.speech[w[k]] && !d.inMention(si, k) {
			verb = k
			break
		}
	}
	if verb < 0 {
		return nil
	}
	locs := d.locations(si)
	for n, l := range locs {
		if l.Last > verb {
			break
		}
		p := l.First - 1
		if p >= 0 && w[p] == "the" {
			p--
		}
		if p < 0 || w[p] != "in" {
			continue
		}
		// the speakers are people of the place, not named actors:
		// "Police in", "Local officials in", "Residents in"
		for q := 0; q < p; q++ {
			if d.inMention(si, q) || !toks[q].Word {
				return nil
			}
		}
		list := d.listFrom(si, locs, n)
		// nothing but the places' heads ("district", "of Balochistan",
		// "provinces") between the list and the verb
		end := d.skipHead(si, list[len(list)-1].Last)
		for end < verb && (w[end] == "of" || d.inMention(si, end) || w[end] == "province" || w[end] == "provinces" || w[end] == "district" || w[end] == "districts") {
			end++
		}
		if end != verb {
			return nil
		}
		var out []graph.Mention
		for _, m := range list {
			if !d.isDateline(si, m) {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// objectsAfter returns the objects of a cue ending at token i: the first
// list of mentions of the relation's object types, or, for relations whose
// objects are "all", every such mention of the clause until another actor
// starts a clause of its own.
func (d *doc) objectsAfter(si, i int, c compiledCue) []graph.Mention {
	end := d.clauseEnd(si, i)
	if c.rel.Objects != "all" || c.objects == "first" {
		gap := c.rel.ObjectGap
		if c.gap > 0 {
			gap = c.gap
		}
		if gap <= 0 {
			gap = 8
		}
		group := d.groupAfter(si, i, end, gap, c.rel.To)
		// "led attacks against ANSF checkpoints": the name belongs to a
		// preposition of its own, not to the cue
		if len(group) > 0 && group[0].First > i {
			p := group[0].First - 1
			if p > i && d.words[si][p] == "the" {
				p--
			}
			if p >= i {
				switch d.words[si][p] {
				case "against", "on", "at", "from", "near":
					return nil
				}
			}
		}
		return group
	}
	var objects []graph.Mention
	for _, m := range d.bySent[si] {
		if m.First < i || m.Last > end || m.Last-i > 40 {
			continue
		}
		// another actor starts a clause of its own; one that only qualifies
		// a noun ("attacks against Afghan National Police checkpoints in X",
		// "leads ISKP fighters in X") does not
		// ("commanded the group's fighters in Orakzai": a possessive qualifies too)
		if allowed(c.rel.From, m.Type) && !allowed(c.rel.To, m.Type) && !d.isModifier(si, m) && !d.qualifies(si, m) && !d.attributive(si, m) && !d.objectOfPreposition(si, m) && !d.possessive(si, m) {
			break
		}
		// "..., and Uzbekistan has reinforced its border": a new clause's subject
		if len(objects) > 0 && m.Last < len(d.words[si]) && startsClause(d.words[si][m.Last]) {
			break
		}
		if allowed(c.rel.To, m.Type) && !d.isDateline(si, m) && !(c.route && d.onTheWay(si, i, m.First)) {
			objects = append(objects, m)
		}
	}
	return objects
}

// qualifyingCountry reports whether m is a country that says where the
// place after it lies: "in Afghanistan's Kunar province".
func (d *doc) qualifyingCountry(si int, m graph.Mention) bool {
	if m.Type != graph.Location || m.Kind != "country" || !d.possessive(si, m) {
		return false
	}
	for k := m.Last + 1; k < len(d.words[si]) && k <= m.Last+3; k++ {
		if n := d.mentionStartingAt(si, k, graph.Location); n != nil {
			return true
		}
		if !d.in.Sentences[si].Tokens[k].Word || d.inMention(si, k) {
			return false
		}
	}
	return false
}

// onTheWay reports whether the last preposition between tokens i and k is
// "from", "through" or "via": the place at k is where a move began or
// passed ("entered Pakistan from Afghanistan's Nangarhar province").
func (d *doc) onTheWay(si, i, k int) bool {
	w := d.words[si]
	for n := k - 1; n >= i && n < len(w); n-- {
		switch w[n] {
		case "from", "through", "via":
			return true
		case "to", "into", "in", "across", "toward", "towards", "at", "near", "and", ",":
			return false
		}
	}
	return false
}

// possessiveLeader reads "Rabbani's Jamiat" and "the Junbish-i-Milli of
// General Abdul Rashid Dostum": the person heads the group.
func (d *doc) possessiveLeader(si int, c compiledCue) {
	w := d.words[si]
	ms := d.bySent[si]
	for a := 0; a+1 < len(ms); a++ {
		x, y := ms[a], ms[a+1]
		switch {
		case x.Type == graph.Person && y.Type == graph.Organization && !x.Anaphor &&
			y.First == x.Last+1 && w[x.Last] == "'s":
			d.emit(c.rel, x, y, si)
		case x.Type == graph.Organization && y.Type == graph.Person && !y.Anaphor &&
			(y.First == x.Last+1 || y.First == x.Last+2 && d.x.s.OfficeTitles[w[x.Last+1]]) && w[x.Last] == "of" && x.First > 0 && w[x.First-1] == "the":
			// "the Junbish-i-Milli of General Abdul Rashid Dostum": a title aside
			d.emit(c.rel, y, x, si)
		}
	}
	// "Hizb-i-Islami, Gulbuddin Hekmatyar's faction", "Lashkar-e-Islam,
	// Mangal Bagh's Khyber Agency-based outfit": the apposition names the head
	for _, x := range ms {
		if x.Type != graph.Person || x.Anaphor || !d.possessive(si, x) {
			continue
		}
		for n := x.Last + 1; n < len(w) && n <= x.Last+5; n++ {
			if d.x.orgNouns[w[n]] {
				if head := d.possessiveAppositionHead(si, n); head != nil {
					d.emit(c.rel, x, *head, si)
				}
				break
			}
			if !(d.in.Sentences[si].Tokens[n].Word || w[n] == "-") || d.inMention(si, n) && !d.placeAt(si, n) {
				break
			}
		}
	}
	// "militias loyal to Abdul Rashid Dostum, the first vice president, whose
	// Junbish-e Milli party ...": the person "whose" stands for
	for _, y := range ms {
		if y.Type != graph.Organization || y.First < 1 || w[y.First-1] != "whose" {
			continue
		}
		if x := d.mentionEndingAt(si, y.First-2); x != nil && w[y.First-2] == "," && x.Type == graph.Person && !x.Anaphor {
			d.emit(c.rel, *x, y, si)
			continue
		}
		// past an apposition: "X, the first vice president, whose ...",
		// "X, a dissident commander whose ..."
		k := y.First - 1
		if w[k-1] == "," {
			k--
		}
		if h := d.appositionHead(si, k); h != nil && h.Type == graph.Person {
			d.emit(c.rel, *h, y, si)
		}
	}
}

// mutual reads "ISKP and the Taliban have fought each other", "HIG and
// Jamiat were bitter rivals": the listed subjects relate to one another.
func (d *doc) mutual(si int, c compiledCue) {
	for _, sp := range d.spans(si, c) {
		group := d.subjectBefore(si, sp[0], c.rel.From)
		if listed := d.listedSubjects(si, sp[0], c.rel.From); len(listed) > len(group) {
			group = listed
		}
		for a := 0; a < len(group); a++ {
			for b := a + 1; b < len(group); b++ {
				d.emit(c.rel, group[a], group[b], si)
			}
		}
		if len(group) > 1 {
			d.placeParties(si, c, group, sp[1])
		}
	}
}

// listedSubjects returns the names of the clause before token i that are
// not governed by a preposition: "Rabbani's Jamiat, the Junbish-i-Milli of
// General Dostum and the Shia Hizb-i-Wahdat formed ...". A leading "When ...,"
// clause is left out.
func (d *doc) listedSubjects(si, i int, types []string) []graph.Mention {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	start := 0
	for start < len(toks) && !toks[start].Word {
		start++ // a bullet
	}
	if start >= i {
		return nil
	}
	switch w[start] {
	case "when", "after", "as", "since", "while", "although", "though", "because", "if", "before", "once", "until":
		for k := start + 1; k < i; k++ {
			if w[k] == "," {
				start = k + 1
				break
			}
		}
	}
	var out []graph.Mention
	for _, m := range d.bySent[si] {
		if m.First >= start && m.Last <= i && allowed(types, m.Type) && !d.objectOfPreposition(si, m) && !d.isModifier(si, m) {
			out = append(out, m)
		}
	}
	return out
}

// together reads "X fights alongside the Taliban in Kunduz": the subject
// and the partners after the cue relate to the places that follow them.
func (d *doc) together(si int, c compiledCue) {
	for _, sp := range d.spans(si, c) {
		var actors []graph.Mention
		if !c.partnersOnly {
			actors = d.subjectBefore(si, sp[0], c.rel.From)
		}
		partners := d.groupAfter(si, sp[1], d.clauseEnd(si, sp[1]), 2, c.rel.From)
		if len(partners) == 0 {
			continue
		}
		actors = append(actors, partners...)
		last := d.skipApposition(si, d.skipAcronym(si, partners[len(partners)-1].Last))
		var prev *graph.Mention
		for _, o := range d.objectsAfter(si, last, c) {
			if o.First-last > 3 {
				break
			}
			// a list of places, not a new clause's ("in Afghanistan before
			// returning to Kyrgyzstan")
			if prev != nil && !d.listedPlace(si, d.skipHead(si, prev.Last), o.First) && !d.possessive(si, *prev) {
				break
			}
			for _, a := range actors {
				d.emit(c.rel, a, o, si)
			}
			oo := o
			prev = &oo
			last = o.Last + 2
		}
		// "In Faryab Province, IS-K fighters clashed with the Taliban in
		// Qaysar district", "In Nangarhar it competed with ISKP": the
		// opening place holds the clause too
		for _, o := range d.frontedPlaces(si, c.rel.To) {
			for _, a := range actors {
				d.emit(c.rel, a, o, si)
			}
		}
	}
}

// apposition reads one organization described by its tie to another:
// "the IMU, al Qaeda's longtime Central Asian ally", "the Nusra Front,
// Al-Qaeda's Syrian affiliate", "X, an ally of Y", "al Qaeda's Syrian
// affiliate, the Nusra Front". The cue phrases are the nouns of the tie.
func (d *doc) apposition(si int, c compiledCue) {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	nouns := map[string]bool{}
	for _, p := range c.phrases {
		if len(p) == 1 {
			nouns[p[0]] = true
		}
	}
	// tieNoun returns the token of a cue noun at or up to three qualifying
	// words after k, or -1
	tieNoun := func(k int) int {
		for n := k; n < len(w) && n <= k+3; n++ {
			if nouns[w[n]] && !d.inMention(si, n) {
				return n
			}
			if !toks[n].Word || d.inMention(si, n) || d.x.function[w[n]] {
				return -1
			}
		}
		return -1
	}
	orgAt := func(k int) *graph.Mention {
		if k < len(w) && w[k] == "the" {
			k++
		}
		// "the armed wing of the Lahore-based Jamaat-ud-Dawa": the place
		// that qualifies the name aside
		if l := d.mentionStartingAt(si, k, graph.Location); l != nil && l.Last+1 < len(w) && w[l.Last] == "-" && w[l.Last+1] == "based" {
			k = l.Last + 2
		}
		return d.mentionStartingAt(si, k, c.rel.From...)
	}
	// "Its principal enemy has been SMP", "Their closest ally is the
	// Taliban": the tie of the group "its" stands for
	firstIts := -1
	for k := 0; k+1 < len(w); k++ {
		if w[k] != "its" && w[k] != "their" {
			continue
		}
		if firstIts < 0 {
			firstIts = k // every "its" of the sentence is the same group's
		}
		// "the Dadullah Front and its IMU guests"
		if b := d.mentionStartingAt(si, k+1, c.rel.To...); b != nil && tieNoun(b.Last) >= 0 {
			a, ok := d.orgRightBefore(si, k)
			if !ok {
				a, ok = d.itsOrganization(si, k)
			}
			if ok && allowed(c.rel.From, a.Type) && a.EntityKey != b.EntityKey {
				d.emit(c.rel, a, *b, a.Sentence, si)
			}
			continue
		}
		n := tieNoun(k + 1)
		if n < 0 {
			continue
		}
		// "al Qaeda and its South Asian branch, AQIS", "the Taliban and its
		// allies, the Haqqani Network and the IMU", "the TTP and its allies,
		// including the Hafiz Gul Bahadur group"
		if n+2 < len(w) && w[n+1] == "," {
			if a, ok := d.orgRightBefore(si, k); ok && allowed(c.rel.From, a.Type) {
				from := n + 2
				if w[from] == "including" || w[from] == "notably" || w[from] == "among" && from+1 < len(w) && w[from+1] == "them" {
					for from < len(w) && (w[from] == "including" || w[from] == "notably" || w[from] == "among" || w[from] == "them") {
						from++
					}
				}
				for _, b := range d.groupAfter(si, from, len(w), 1, c.rel.To) {
					if b.EntityKey != a.EntityKey {
						d.emit(c.rel, a, b, si)
					}
				}
				continue
			}
		}
		v := n + 1
		for v < len(w) && (w[v] == "has" || w[v] == "have" || w[v] == "long" || w[v] == "been" || d.x.adverb(w[v])) {
			v++
		}
		if v >= len(w) || !d.x.copulas[w[v]] && w[v-1] != "been" {
			continue
		}
		if !d.x.copulas[w[v]] {
			v-- // "has been": the object follows "been"
		}
		b := orgAt(v + 1)
		if b == nil {
			continue
		}
		if a, ok := d.itsOrganization(si, firstIts); ok && allowed(c.rel.From, a.Type) && a.EntityKey != b.EntityKey {
			d.emit(c.rel, a, *b, a.Sentence, si)
		}
	}
	for _, a := range d.bySent[si] {
		if !allowed(c.rel.From, a.Type) || a.Anaphor {
			continue
		}
		// "B's [mods] NOUN, A"
		if d.possessive(si, a) {
			if n := tieNoun(a.Last + 1); n >= 0 && n+1 < len(w) && w[n+1] == "," {
				if b := orgAt(n + 2); b != nil {
					d.emit(c.rel, *b, a, si)
				}
			} else if n >= 0 {
				// "LeI's main local enemies were A and B"
				if v := d.skipPerfect(si, n+1); v < len(w) && (d.x.copulas[w[v]] || w[v] == "been") {
					for _, b := range d.groupAfter(si, v+1, d.clauseEnd(si, v+1), 1, c.rel.To) {
						d.emit(c.rel, a, b, si)
					}
				}
			}
			continue
		}
		end := d.skipAcronym(si, a.Last)
		// "The Haqqanis remain among al Qaeda's closest allies", "X is Y's
		// main rival", "X has long been one of Y's closest allies": the
		// predicate names the tie
		if v := d.skipPerfect(si, end); v > end {
			end = v // at "been"
		}
		if end < len(w) && (d.x.copulas[w[end]] || w[end] == "been") {
			k := end + 1
			// "X has long been regarded as al Qaeda's closest partner"
			for k+1 < len(w) && (d.x.adverb(w[k]) || w[k] == "widely" || w[k] == "long") {
				k++
			}
			if k+1 < len(w) && d.x.describing[w[k]] && w[k+1] == "as" {
				k += 2
			}
			for k < len(w) && (w[k] == "among" || w[k] == "still" || w[k] == "now" || w[k] == "also" || w[k] == "one" || w[k] == "of") {
				k++
			}
			if b := orgAt(k); b != nil && d.possessive(si, *b) && tieNoun(b.Last+1) >= 0 {
				d.emit(c.rel, a, *b, si)
			}
			continue
		}
		if end >= len(w) || w[end] != "," {
			continue
		}
		k := end + 1
		// "A, B's [mods] NOUN"
		if b := orgAt(k); b != nil && d.possessive(si, *b) {
			if n := tieNoun(b.Last + 1); n >= 0 {
				d.emit(c.rel, a, *b, si)
			}
			continue
		}
		// "A, a|an|the [mods] NOUN of B"
		if k < len(w) && (w[k] == "a" || w[k] == "an" || w[k] == "the") {
			if n := tieNoun(k + 1); n >= 0 && n+1 < len(w) && w[n+1] == "of" {
				if b := orgAt(n + 2); b != nil {
					d.emit(c.rel, a, *b, si)
				}
			}
		}
	}
}

// nounBefore returns the word before token i past adverbs ("the faction
// once run by"), or -1 when it is part of a name.
func (d *doc) nounBefore(si, i int) int {
	w := d.words[si]
	n := i - 1
	for n >= 0 && (d.x.adverb(w[n]) || w[n] == "was" || w[n] == "is" || w[n] == "been") {
		n--
	}
	if n < 0 || d.inMention(si, n) || !d.in.Sentences[si].Tokens[n].Word {
		return -1
	}
	return n
}

// orgNamedAfter returns a group of sentence si or the one before it whose
// name is the person's with a common noun after it ("the Mullah Nazir
// group" for Mullah Nazir).
func (d *doc) orgNamedAfter(si int, p graph.Mention) (graph.Mention, bool) {
	pe := d.in.Entities[p.EntityKey]
	if pe == nil {
		return graph.Mention{}, false
	}
	for s := si; s >= 0 && s >= si-1; s-- {
		for _, m := range d.bySent[s] {
			if m.Type != graph.Organization {
				continue
			}
			if e := d.in.Entities[m.EntityKey]; e != nil && strings.HasPrefix(strings.ToLower(e.Name), strings.ToLower(pe.Name)+" ") {
				return m, true
			}
		}
	}
	return graph.Mention{}, false
}

// afterPossessive reports whether a possessive stands before token k with
// at most two lower-case qualifiers between ("the group's veteran Bajaur
// commander", "JuA's Mohmand commander"), not a verb ("Taliban name Swat
// commander X").
func (d *doc) afterPossessive(si, k int) bool {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	for n := k - 1; n >= 0 && n >= k-3; n-- {
		if w[n] == "'s" {
			return true
		}
		if !toks[n].Word || capitalised(toks[n].Text) || d.x.verbish(w[n]) {
			return false
		}
	}
	return false
}

// placeBetween reports whether a place stands in tokens [a, b): "the LeJ's
// Karachi chief" heads a branch, not the group.
func (d *doc) placeBetween(si, a, b int) bool {
	for k := a; k < b; k++ {
		if d.placeAt(si, k) {
			return true
		}
	}
	return false
}

// suspicionOf reports whether "on suspicion of", "suspected of" or
// "charges of" stands right before token i.
func (d *doc) suspicionOf(si, i int) bool {
	w := d.words[si]
	if i < 2 || w[i-1] != "of" {
		return false
	}
	switch w[i-2] {
	case "suspicion", "suspected", "charges", "charged", "accused", "allegations", "alleged":
		return true
	}
	return false
}

// toOrganization returns the group of "to [the] ORG" at token k ("to AQIS
// emir X", "to the Taliban's emir").
func (d *doc) toOrganization(si, k int) (graph.Mention, bool) {
	w := d.words[si]
	if k >= len(w) || w[k] != "to" {
		return graph.Mention{}, false
	}
	k++
	if k < len(w) && w[k] == "the" {
		k++
	}
	if m := d.mentionStartingAt(si, k, graph.Organization); m != nil && !m.Anaphor {
		return *m, true
	}
	return graph.Mention{}, false
}

// nextDescription returns the token after "and a|an" that follows the
// role at token k within a few words ("the cell's leader and an IJU
// recruiter"), else -1.
func (d *doc) nextDescription(si, k int) int {
	w := d.words[si]
	for n := k; n < len(w) && n <= k+8; n++ {
		if w[n] == "and" && n+1 < len(w) && (w[n+1] == "a" || w[n+1] == "an") && n <= k+3 {
			return n + 2
		}
		// "a firebrand cleric from Bahawalpur who had been the chief
		// ideologue of HuM": a relative clause that gives the role
		if w[n] == "who" {
			j := n + 1
			// "who in 2015 became ISKP's chief": a time aside
			for j < len(w) && j <= n+5 && (w[j] == "had" || w[j] == "has" || w[j] == "have" || w[j] == "once" || w[j] == "earlier" || w[j] == "previously" || w[j] == "also" || w[j] == "later" ||
				w[j] == "in" && j+1 < len(w) && isNumber(w[j+1]) || isNumber(w[j]) || w[j] == "now") {
				j++
			}
			for j < len(w) && (w[j] == "now" || w[j] == "still" || w[j] == "currently") {
				j++
			}
			switch {
			case j+1 < len(w) && (w[j] == "been" || w[j] == "was" || w[j] == "is" || w[j] == "became"):
				j++
			case j+2 < len(w) && (w[j] == "served" || w[j] == "serves") && w[j+1] == "as":
				j += 2
			default:
				return -1
			}
			if j < len(w) && (w[j] == "a" || w[j] == "an" || w[j] == "the") {
				return j + 1
			}
			// "who ... became ISKP's chief": the possessive is the determiner
			if d.possessiveOrgAt(si, j) {
				return j
			}
			return -1
		}
		if w[n] == "," || w[n] == ";" || w[n] == "." {
			break
		}
	}
	return -1
}

// parentheticalSpeech returns the token after ", officials said," opening
// at token j (right after the comma), else j.
func (d *doc) parentheticalSpeech(si, j int) int {
	w := d.words[si]
	for k := j; k < len(w) && k <= j+5; k++ {
		if d.x.speech[w[k]] {
			if k+1 < len(w) && w[k+1] == "," {
				return k + 2
			}
			return j
		}
		if w[k] == "," || d.inMention(si, k) && d.mentionCovering(si, k).Type == graph.Person {
			return j
		}
	}
	return j
}

// skipPerfect returns the token after a perfect's auxiliary and adverbs
// at token k ("has long been"), pointing at "been"; else k.
func (d *doc) skipPerfect(si, k int) int {
	w := d.words[si]
	v := k
	for v < len(w) && (w[v] == "has" || w[v] == "have" || w[v] == "had" || d.x.adverb(w[v])) {
		v++
	}
	if v > k && v < len(w) && w[v] == "been" {
		return v
	}
	return k
}

// listedPlace reports whether tokens [a, b) only join places of one list:
// "in Sabari and in nearby Tani", "in Zabul and in Herat's Shindand".
func (d *doc) listedPlace(si, a, b int) bool {
	if d.coordinated(si, a, b) {
		return true
	}
	joined := false
	for k := a; k < b; k++ {
		switch d.words[si][k] {
		case ",", "and", "or":
			joined = true
		case "in", "the", "nearby", "neighbouring", "neighboring", "adjacent", "also":
		default:
			return false
		}
	}
	return joined
}

// skipApposition returns the token after an apposition that opens at the
// comma at token k ("alongside LeI, the Khyber-based faction led by Mangal
// Bagh, in Nazian"), else k.
func (d *doc) skipApposition(si, k int) int {
	w := d.words[si]
	if k+1 >= len(w) || w[k] != "," || w[k+1] != "a" && w[k+1] != "an" && w[k+1] != "the" {
		return k
	}
	for n := k + 2; n < len(w) && n <= k+15; n++ {
		switch w[n] {
		case ",":
			return n + 1
		case ";", ".", "and", "which", "who", "that":
			return k
		}
	}
	return k
}

// skipAcronym returns the token after a bracketed acronym at token k
// ("the Islamic State Khorasan Province (ISKP) in Achin"), else k.
func (d *doc) skipAcronym(si, k int) int {
	w := d.words[si]
	if k+2 < len(w) && w[k] == "(" && w[k+2] == ")" {
		return k + 3
	}
	return k
}

// relativeAntecedent finds "NAME, which|who ..." before token i with no
// comma between the pronoun and i, and returns NAME.
func (d *doc) relativeAntecedent(si, i int, types []string) (graph.Mention, bool) {
	w := d.words[si]
	for k := i - 1; k > 0; k-- {
		if w[k] == "," || w[k] == ";" {
			return graph.Mention{}, false
		}
		if w[k] != "which" && w[k] != "who" {
			continue
		}
		end := k
		if w[end-1] == "," {
			end--
		}
		for _, m := range d.bySent[si] {
			if m.Last == end && allowed(types, m.Type) {
				return m, true
			}
		}
		// "the Islamic Movement of Uzbekistan (IMU), which": the name before the brackets
		if end >= 3 && w[end-1] == ")" {
			for _, m := range d.bySent[si] {
				if m.Last == end-1 && allowed(types, m.Type) {
					return m, true
				}
			}
		}
		return graph.Mention{}, false
	}
	return graph.Mention{}, false
}

// startsClause reports whether a word after a name makes the name a subject.
func startsClause(w string) bool {
	switch w {
	case "has", "have", "had", "is", "are", "was", "were", "says", "said", "will", "would", "remains", "became":
		return true
	}
	return false
}

// attributiveCue reads "a Haqqani Network stronghold", "IMU fighters in
// Kunduz": the organization right before the cue noun (a possessive or one
// qualifying word may stand between) with the places of the clause after
// it, or else the nearest place before it in the sentence.
func (d *doc) attributiveCue(si int, c compiledCue) {
	w := d.words[si]
	for _, sp := range d.spans(si, c) {
		var subject *graph.Mention
		for _, m := range d.bySent[si] {
			if !allowed(c.rel.From, m.Type) || m.Last > sp[0] {
				continue
			}
			gap := w[m.Last:sp[0]]
			if len(gap) == 0 || len(gap) == 1 && (gap[0] == "'s" || d.in.Sentences[si].Tokens[m.Last].Word && !d.x.verbish(gap[0])) {
				mm := m
				subject = &mm
			}
		}
		if subject == nil {
			// "In Khyber's Tirah valley, security forces cleared several
			// hideouts of the banned Lashkar-e-Islam": the owner after "of",
			// placed where the clause or the opening phrase says
			if o := d.ofOrganization(si, sp[1], c.rel.From); o != nil {
				places := d.objectsAfter(si, o.Last, c)
				if len(places) == 0 {
					places = d.frontedPlaces(si, c.rel.To)
				}
				for _, l := range places {
					d.emit(c.rel, *o, l, si)
				}
				continue
			}
			// "X, a former commander of the TTP in Dera Ismail Khan": the
			// group is there, and so is the man the apposition describes
			if sp[0] > 0 && d.x.personish[w[sp[1]-1]] {
				if o := d.organizationAfterOf(si, sp[1], c.rel.From); o != nil {
					places := d.objectsAfter(si, o.Last, c)
					h := d.appositionHead(si, sp[1])
					for _, l := range places {
						d.emit(c.rel, *o, l, si)
						if h != nil && h.Type == graph.Person && allowed(c.rel.From, h.Type) {
							d.emit(c.rel, *h, l, si)
						}
					}
					continue
				}
			}
			// "the Hafiz Gul Bahadur group, a North Waziristan faction": the
			// apposition's name is in the place that qualifies its noun
			if l := d.mentionEndingAt(si, sp[0]); l != nil && l.Type == graph.Location && allowed(c.rel.To, graph.Location) {
				if h := d.appositionHead(si, sp[1]); h != nil && allowed(c.rel.From, h.Type) {
					d.emit(c.rel, *h, *l, si)
				}
				// "the LeJ's Balochistan chapter": the group's unit in the place
				if o := d.mentionEndingAt(si, l.First-1); o != nil && d.possessive(si, *o) && allowed(c.rel.From, o.Type) {
					d.emit(c.rel, *o, *l, si)
				}
			}
			continue
		}
		subjects := []graph.Mention{*subject}
		for _, m := range d.bySent[si] {
			if m.Last <= subjects[0].First && allowed(c.rel.From, m.Type) && d.coordinated(si, m.Last, subjects[0].First) && m.Last < subjects[0].First {
				subjects = append(subjects, m)
			}
		}
		objects := d.objectsAfter(si, sp[1], c)
		if len(objects) == 0 {
			// "Sangin has long been a Taliban stronghold": the place the
			// predicate describes, a copula between them
			for _, m := range d.bySent[si] {
				if m.Last <= subject.First && allowed(c.rel.To, m.Type) && d.copulaBetween(si, m.Last, subject.First) {
					objects = []graph.Mention{m}
				}
			}
		}
		for _, s := range subjects {
			for _, o := range objects {
				d.emit(c.rel, s, o, si)
			}
		}
	}
}

// copulaBetween reports whether tokens [a, b) hold a copula ("is", "has long
// been", "remains") or a "where" that opens a clause about the place.
func (d *doc) copulaBetween(si, a, b int) bool {
	for k := a; k < b; k++ {
		switch d.words[si][k] {
		case "is", "was", "are", "were", "been", "remains", "remained", "became", "becomes", "where":
			return true
		}
	}
	return false
}

// passive reads OBJECT ... cue ... SUBJECT ("formed in 1998 by X and Y").
func (d *doc) passive(si int, c compiledCue) {
	for _, sp := range d.spans(si, c) {
		subjects := d.groupAfter(si, sp[1], d.clauseEnd(si, sp[1]), 3, c.rel.From)
		if len(subjects) == 0 {
			// "founded by the veteran mujahideen commander X": a description
			// of the agent before the name
			if k := d.describedAfter(si, sp[1]); k > sp[1] {
				subjects = d.groupAfter(si, k, d.clauseEnd(si, sp[1]), 0, c.rel.From)
			}
		}
		if len(subjects) == 0 {
			continue
		}
		// "led by Jalaluddin's son, Sirajuddin Haqqani": the one the kinship names
		if s := subjects[len(subjects)-1]; d.possessive(si, s) {
			for _, m := range d.bySent[si] {
				if m.First > s.Last && m.First <= s.Last+4 && m.Type == s.Type && d.words[si][m.First-1] == "," {
					subjects = []graph.Mention{m}
					break
				}
			}
		}
		// the nearest mention before the cue, passing over organizations that
		// only qualify a noun ("a TTP splinter group headed by X"); in a
		// relative clause, what the pronoun stands for ("the IMU, which ...
		// was later crushed by the Taliban")
		// not across reported speech: "X told Radio Azadi that the attackers
		// were led by Y"
		// nor across a semicolon: "killed in Paktika; the group is now run by X"
		start := 0
		for k := sp[0] - 1; k >= 0; k-- {
			if d.x.speech[d.words[si][k]] && !d.inMention(si, k) || d.words[si][k] == ";" {
				start = k + 1
				break
			}
		}
		var object *graph.Mention
		for _, m := range d.bySent[si] {
			// "KIB's Afghan branch, led by X": the owner of the unit led
			if m.First >= start && m.Last <= sp[0] && allowed(c.rel.To, m.Type) && (!d.attributive(si, m) || d.possessive(si, m)) && !d.isModifier(si, m) && !d.accordingTo(si, m) && !d.isDateline(si, m) {
				mm := m
				object = &mm
			}
		}
		// "the faction once run by X": an unnamed group is the object, not
		// a name before it
		if n := d.nounBefore(si, sp[0]); n >= 0 && (d.x.orgNouns[trimPlural(d.words[si][n])] || d.x.units[d.words[si][n]]) &&
			(object == nil || object.Last < n) && n > 0 && d.words[si][n-1] == "the" {
			object = nil
			if h := d.appositionHead(si, n+1); h != nil && allowed(c.rel.To, h.Type) {
				object = h
			}
		}
		// "The remnant that stayed loyal to the Taliban is now led by X": a
		// name inside a relative clause on an unnamed noun is not what is led
		if object != nil {
			for k := object.First - 1; k > 0 && k >= object.First-8; k-- {
				if w := d.words[si][k]; w == "that" || w == "which" || w == "who" {
					// a relative pronoun (not the "that" of "announced that it
					// was ...", "told interrogators that he ...") after a noun
					nx := d.words[si][k+1]
					relative := !isPronoun(nx) && nx != "the" && nx != "a" && nx != "an" && !d.inMention(si, k+1) && !d.x.speech[d.words[si][k-1]]
					if relative && d.mentionEndingAt(si, k) == nil && d.words[si][k-1] != ")" && d.words[si][k-1] != "," && d.in.Sentences[si].Tokens[k-1].Word && !d.x.function[d.words[si][k-1]] {
						object = nil
					}
					break
				}
			}
		}
		if m, ok := d.relativeAntecedent(si, sp[0], c.rel.To); ok {
			object = &m
		}
		// "the Haqqani network, a Taliban affiliate led by X": the noun the
		// group qualifies is the apposition's name
		if object != nil && object.Last < len(d.words[si]) && d.x.orgNouns[d.words[si][object.Last]] {
			if h := d.appositionHead(si, object.Last+1); h != nil && allowed(c.rel.To, h.Type) {
				object = h
			}
		}
		if object == nil && c.topic {
			// "control of TNSM passed to X": a group inside the cue
			for _, m := range d.bySent[si] {
				if m.First > sp[0] && m.Last < sp[1] && allowed(c.rel.To, m.Type) {
					mm := m
					object = &mm
				}
			}
			// "Following Usmani's death, leadership passed to X": what the
			// person named before held
			if object == nil {
				object = d.heldBy(si, sp[0], c.rel.Type)
			}
			// "Command passed to his deputy, X": the group the paragraph is
			// about (an armed group or a party, not the force that raided it)
			if object == nil {
				if t, ok := d.topicBefore(si); ok && allowed(c.rel.To, t.Type) && d.ledGroup(t) {
					object = &t
				} else if g := d.profiledGroup(); g != nil && allowed(c.rel.To, g.Type) && d.ledGroup(*g) {
					object = g
				}
			}
		}
		if object == nil {
			// "Founded in 1996 by X and Y as an offshoot of the SSP, the LeJ
			// has ...": an opening participle describes the main clause's subject
			object = d.mainSubjectAfter(si, sp[0], subjects[len(subjects)-1].Last, c.rel.To)
		}
		if object == nil {
			continue
		}
		for _, s := range subjects {
			d.emit(c.rel, s, *object, si)
			// "The TTP's Mohmand chapter is headed by X": X is in Mohmand
			if c.placeRel != nil && d.possessive(si, *object) {
				if l := d.mentionStartingAt(si, object.Last+1, graph.Location); l != nil && l.Last < sp[0] && d.unitOf(si, *object) {
					d.emit(c.placeRel, s, *l, si)
				}
			}
		}
	}
}

// between reads "a rivalry between A and B".
func (d *doc) between(si int, c compiledCue) {
	for _, sp := range d.spans(si, c) {
		group := d.groupAfter(si, sp[1], d.clauseEnd(si, sp[1]), 3, c.rel.From)
		for a := 0; a < len(group); a++ {
			for b := a + 1; b < len(group); b++ {
				d.emit(c.rel, group[a], group[b], si)
			}
		}
		if len(group) > 1 {
			d.placeParties(si, c, group, group[len(group)-1].Last)
		}
	}
}

// placeParties relates the parties of a between or mutual cue to the place
// the sentence puts their dealings in, by the cue's place_relation: "In
// Orakzai, clashes between the TTP and JuA ...", "... have been locked in a
// bitter rivalry in Mohmand".
func (d *doc) placeParties(si int, c compiledCue, parties []graph.Mention, after int) {
	if c.placeRel == nil {
		return
	}
	places := d.frontedPlaces(si, c.placeRel.To)
	w := d.words[si]
	end := d.clauseEnd(si, after)
	for k := after; k < end && k < after+8; k++ {
		if w[k] != "in" {
			continue
		}
		o := k + 1
		if o < len(w) && w[o] == "the" {
			o++
		}
		if m := d.mentionStartingAt(si, o, graph.Location); m != nil && !d.isDateline(si, *m) {
			// the place and those listed with it ("in Qarqin and Khamyab districts")
			locs := d.locations(si)
			for i, l := range locs {
				if l.First == m.First {
					places = append(places, d.listFrom(si, locs, i)...)
				}
			}
		}
		break
	}
	for _, p := range parties {
		for _, l := range places {
			d.emit(c.placeRel, p, l, si)
		}
	}
}

// locations returns the place mentions of sentence si.
func (d *doc) locations(si int) []graph.Mention {
	var out []graph.Mention
	for _, m := range d.bySent[si] {
		if m.Type == graph.Location && !m.Anaphor {
			out = append(out, m)
		}
	}
	return out
}

// compound reads "the al Qaeda-linked IMU" and "the Pakistan-based group":
// the mention before the hyphen is the object, the next one the subject.
func (d *doc) compound(si int, c compiledCue) {
	ms := d.bySent[si]
	toks := d.in.Sentences[si].Tokens
	w := d.words[si]
	// "the NRF, the anti-Taliban armed movement", "anti-ISKP Taliban units":
	// a prefix cue before the hyphen; the one described is the apposition's
	// name, else the group right after the noun phrase
	for k, m := range ms {
		if m.First < 2 || toks[m.First-1].Text != "-" || toks[m.First-1].Start != toks[m.First-2].End {
			continue
		}
		hit := false
		for _, p := range c.phrases {
			if len(p) == 1 && p[0] == w[m.First-2] {
				hit = true
			}
		}
		if !hit || !allowed(c.rel.To, m.Type) {
			continue
		}
		var head *graph.Mention
		for n := m.Last; n < len(w) && n <= m.Last+3 && head == nil; n++ {
			if d.x.orgNouns[trimPlural(w[n])] || d.x.units[w[n]] {
				head = d.appositionHead(si, n+1)
			}
		}
		if head == nil && k+1 < len(ms) && ms[k+1].First == m.Last && allowed(c.rel.From, ms[k+1].Type) {
			head = &ms[k+1] // "anti-ISKP Taliban units"
		}
		if head != nil && allowed(c.rel.From, head.Type) {
			d.emit(c.rel, *head, m, si)
		}
	}
	for k, m := range ms {
		if !d.isModifier(si, m) || !allowed(c.rel.To, m.Type) && !allowed(c.rel.From, m.Type) {
			continue
		}
		word := d.words[si][m.Last+1]
		hit := false
		for _, p := range c.phrases {
			if len(p) == 1 && p[0] == word {
				hit = true
			}
		}
		if !hit {
			continue
		}
		// "JuA, a Mohmand-based faction founded by X": the name the
		// described noun stands for, not the next name
		if head := d.compoundHead(si, m.Last+2); head != nil {
			if allowed(c.rel.From, head.Type) && allowed(c.rel.To, m.Type) {
				d.emit(c.rel, *head, m, si)
			}
			continue
		}
		// the subject: the next mention, at most three words on
		for _, n := range ms[k+1:] {
			if n.First-(m.Last+2) > 3 {
				break
			}
			if allowed(c.rel.From, n.Type) && allowed(c.rel.To, m.Type) {
				d.emit(c.rel, n, m, si)
				break
			}
			// "the Fazlullah-led TTP": the modifier is the subject
			if allowed(c.rel.From, m.Type) && allowed(c.rel.To, n.Type) {
				d.emit(c.rel, m, n, si)
				break
			}
		}
	}
}

// compoundHead returns the name an apposition describes when a generic
// group noun follows token k within two qualifying words: "JuA, a
// Mohmand-based faction", "LeI, Mangal Bagh's Khyber Agency-based outfit".
func (d *doc) compoundHead(si, k int) *graph.Mention {
	w := d.words[si]
	for n := k; n < len(w) && n <= k+2; n++ {
		if d.inMention(si, n) {
			return nil
		}
		if d.x.orgNouns[trimPlural(w[n])] {
			if h := d.appositionHead(si, n+1); h != nil {
				return h
			}
			if h := d.copulaHead(si, n+1); h != nil {
				return h
			}
			return d.possessiveAppositionHead(si, n)
		}
	}
	return nil
}

// copulaHead finds "NAME is|was a [mods] NOUN" with the noun right before
// token k and returns NAME when the noun fits it: "JeM is a Deobandi
// militant organization based in Punjab".
func (d *doc) copulaHead(si, k int) *graph.Mention {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	if k < 4 {
		return nil
	}
	noun := trimPlural(w[k-1])
	det := -1
	for t := k - 2; t >= 2 && t >= k-7; t-- {
		if w[t] == "a" || w[t] == "an" {
			det = t
			break
		}
		if (toks[t].Word || toks[t].Text == "-") && (!d.inMention(si, t) || d.placeAt(si, t)) {
			continue
		}
		return nil
	}
	if det < 0 || !d.x.copulas[w[det-1]] {
		return nil
	}
	head := d.mentionEndingAt(si, det-1)
	if head == nil && w[det-2] == ")" {
		head = d.mentionEndingAt(si, det-2)
	}
	if head == nil || head.Anaphor && head.Type != graph.Organization {
		return nil
	}
	switch {
	case head.Type == graph.Organization && d.x.orgNouns[noun], head.Type == graph.Person && d.x.personish[noun]:
		return head
	}
	return nil
}

// possessiveAppositionHead finds "ORG, PERSON's [mods] NOUN" with the
// noun at token n and returns ORG.
func (d *doc) possessiveAppositionHead(si, n int) *graph.Mention {
	w := d.words[si]
	for k := n - 1; k > 0 && k >= n-8; k-- {
		if w[k] != "'s" {
			continue
		}
		owner := d.mentionEndingAt(si, k)
		if owner == nil || owner.First < 2 || w[owner.First-1] != "," {
			return nil
		}
		head := d.mentionEndingAt(si, owner.First-1)
		if head == nil && w[owner.First-2] == ")" {
			head = d.mentionEndingAt(si, owner.First-2)
		}
		if head == nil || head.Type != graph.Organization {
			return nil
		}
		return head
	}
	return nil
}

// role reads a person introduced by a role tied to an organization:
// "IMU leader X", "X, an IMU leader", "X, a commander of the IMU",
// "facilitator, X" after "Taliban fighters, including ...".
func (d *doc) role(si int, c compiledCue) {
	ms := d.bySent[si]
	for _, p := range ms {
		if p.Type != graph.Person {
			continue
		}
		ties := d.rolesOf(si, p)
		if p.Anaphor {
			// "he had served as al Qaeda's military chief": a pronoun takes
			// only the role its own predicate gives
			ties, _ = d.predicateRoles(si, p)
		}
		for _, r := range ties {
			if !c.roles[r.noun] {
				continue
			}
			if c.defOnly && r.demoted {
				continue
			}
			if !c.defOnly && !r.demoted && d.definiteLeaderApplies(r.noun) {
				// the head of the group is LEADER_OF, not also a member
				continue
			}
			if r.org.Sentence != si {
				// "Its longtime leader, X": the sentence that names the group too
				d.emit(c.rel, p, r.org, r.org.Sentence, si)
			} else {
				d.emit(c.rel, p, r.org, si)
			}
			// "the Taliban's shadow governor for Nangarhar, X": X is there
			if c.placeRel != nil && r.place != nil {
				d.emit(c.placeRel, p, *r.place, si)
			}
		}
	}
}

// definiteLeaderApplies reports whether some role cue with definite_only
// claims this noun.
func (d *doc) definiteLeaderApplies(noun string) bool {
	for _, c := range d.x.cues {
		if c.how == "role" && c.defOnly && c.roles[noun] {
			return true
		}
	}
	return false
}

type roleTie struct {
	noun    string
	org     graph.Mention
	demoted bool           // "a leader", "a senior leader": a member, not the head
	place   *graph.Mention // the place of the office: "shadow governor for Nangarhar"
}

// rolesOf finds the roles that tie person p to organizations in sentence si.
func (d *doc) rolesOf(si int, p graph.Mention) []roleTie {
	w := d.words[si]
	var out []roleTie
	// before the name: "[the|a] [mods] ORG ROLE[,] P" or "ROLE of ORG, P"
	k := d.skipAgeBefore(si, p.First-1)
	// "its founder, his father-in-law Sufi Muhammad": the kin aside
	k = d.skipKinBefore(si, k)
	// "A JuA commander identified by officials as X": the agent aside
	if k >= 3 && w[k] == "as" && w[k-1] != "identified" && w[k-1] != "known" {
		for b := k - 1; b >= 1 && b >= k-4; b-- {
			if w[b] == "by" && (w[b-1] == "identified" || w[b-1] == "named" || w[b-1] == "known" || w[b-1] == "described") {
				k = b - 2 // before "identified"
				break
			}
		}
	}
	if k >= 0 && (w[k] == "named" || w[k] == "as") && k >= 2 && (w[k-1] == "identified" || w[k-1] == "named" || w[k-1] == "known") {
		k -= 2 // "The commander, identified as X"
	} else if k >= 1 && w[k] == "as" && (w[k-1] == "identified" || w[k-1] == "known") {
		k -= 2
	}
	if k >= 0 && w[k] == "," {
		k--
	}
	// "A JuA commander in Orakzai, X": the place of the role aside
	var place *graph.Mention
	if k >= 1 {
		m := d.mentionEndingAt(si, k+1)
		// "the Taliban shadow governor for Baraki Barak district, X": the
		// place's head noun after its name
		if m == nil && d.x.locHeads[w[k]] != "" {
			m = d.mentionEndingAt(si, k)
		}
		if m != nil && m.Type == graph.Location && m.First >= 1 {
			// "the Taliban's shadow governor for the district, X"
			f := m.First - 1
			if f >= 1 && w[f] == "the" {
				f--
			}
			// "the Taliban's deputy governor of Jowzjan, X"
			if w[f] == "in" || w[f] == "for" || w[f] == "of" {
				k = f - 1
				place = m
			}
		}
	}
	defer func() {
		// ties read before the name share the office's place
		for i := range out {
			if out[i].place == nil {
				out[i].place = place
			}
		}
	}()
	for k >= 0 && (w[k] == "[" || w[k] == "]") {
		k--
	}
	// "A spokesman for the IJU, X, denied": the role before the group;
	// "two operatives of the TTP (TTP), X and Y": each one of the list
	if h := d.personListHead(si, p); h < p.First && h >= 1 && w[h-1] == "," {
		k = h - 2
	}
	// ("A spokesman for the TTP in Mohmand, X": the place aside)
	if k >= 0 && k+1 < p.First && (w[k+1] == "," || place != nil && d.mentionEndingAt(si, k+1) != nil) {
		m := d.mentionEndingAt(si, k+1)
		if m == nil && k >= 2 && w[k] == ")" && w[k-2] == "(" {
			m = d.mentionEndingAt(si, k-2) // the name before its acronym
		}
		if m != nil && m.Type == graph.Organization {
			r := m.First - 1
			// "a suspected member of the proscribed TTP (TTP), X"
			for q := 0; q < 2 && r >= 1 && d.in.Sentences[si].Tokens[r].Word && !capitalised(d.in.Sentences[si].Tokens[r].Text) && !d.x.function[w[r]] && !d.inMention(si, r); q++ {
				r--
			}
			if r >= 0 && w[r] == "the" {
				r--
			}
			// "A spokesman for the IJU, X", "His deputy in the LeJ, X"
			if r >= 1 && (w[r] == "for" || w[r] == "of" || w[r] == "in") && !d.inMention(si, r-1) {
				if noun := w[r-1]; d.x.personish[noun] || d.x.personish[trimPlural(noun)] {
					out = append(out, roleTie{noun: trimPlural(noun), org: *m, demoted: d.demotedBefore(si, r-1) || noun != trimPlural(noun)})
				}
			}
		}
	}
	// "Among the suspected Ansarullah members detained in Suzak is X": one
	// of the people the opening phrase describes
	if len(w) > 0 && w[0] == "among" && p.First >= 2 && (w[p.First-1] == "is" || w[p.First-1] == "was") {
		for n := 1; n < p.First-1 && n <= 6; n++ {
			if d.x.personish[trimPlural(w[n])] || d.x.members[w[n]] {
				if org, ok := d.orgEndingAt(si, n); ok {
					out = append(out, roleTie{noun: "member", org: org, demoted: true})
				} else if org, ok := d.orgAfterOf(si, n+1); ok {
					out = append(out, roleTie{noun: "member", org: org, demoted: true})
				}
				break
			}
		}
	}
	// "identified the four TTP suspects as A, B and C": each is one of them;
	// "arrested two suspected TTP militants, identified as A and B" too
	if h := d.personListHead(si, p); h >= 3 && w[h-1] == "as" {
		n := h - 2
		if h >= 5 && (w[h-2] == "identified" || w[h-2] == "named") && w[h-3] == "," {
			n = h - 4
			if noun := w[n]; noun != trimPlural(noun) && d.x.personish[trimPlural(noun)] {
				if org, ok := d.orgEndingAt(si, n); ok {
					out = append(out, roleTie{noun: "member", org: org, demoted: true})
				}
			}
		}
		if noun := w[n]; noun != trimPlural(noun) && d.x.personish[trimPlural(noun)] {
			for b := n - 1; b >= 0 && b >= n-6; b-- {
				if w[b] == "identified" || w[b] == "named" || w[b] == "described" {
					if org, ok := d.orgEndingAt(si, n); ok {
						out = append(out, roleTie{noun: "member", org: org, demoted: true})
					}
					break
				}
			}
		}
	}
	// "the Haqqani Network's Mullah Sangeen Zadran": a man of the group
	if b := p.First - 1; b >= 1 && w[b] == "'s" {
		if m := d.mentionEndingAt(si, b); m != nil && m.Type == graph.Organization && !m.Anaphor {
			out = append(out, roleTie{noun: "member", org: *m, demoted: true})
		}
	}
	// "several Taliban commanders, including X and Y": each is one of them
	if head := d.personListHead(si, p); head >= 2 && w[head-1] == "including" || head >= 3 && w[head-1] == "them" && w[head-2] == "among" {
		// "Several LeI commanders, among them Abdul Rauf Afridi, ...": likewise
		if w[head-1] == "them" {
			head -= 1
		}
		if org, ok := d.groupRoleOrg(si, head); ok {
			out = append(out, roleTie{noun: "member", org: org, demoted: true})
		}
	}
	// "Mullah Dadullah of the Taliban": a man of the group
	if o := p.Last + 1; p.Last < len(w) && w[p.Last] == "of" {
		if o < len(w) && w[o] == "the" {
			o++
		}
		if m := d.mentionStartingAt(si, o, graph.Organization); m != nil && !m.Anaphor {
			out = append(out, roleTie{noun: "member", org: *m, demoted: true})
		}
	}
	if k >= 0 && d.x.personish[w[k]] && !d.inMention(si, k) {
		noun := w[k]
		if org, ok := d.orgEndingAt(si, k); ok {
			tie := roleTie{noun: noun, org: org, demoted: d.demotedBefore(si, org.First) || d.demotedBetween(si, org.Last, k) || d.placeBetween(si, org.Last, k) || noun == "leader" && d.raidVictim(si, org.First)}
			// "the TTP's Bajaur commander, X": X is there
			for t := org.Last; t < k; t++ {
				if m := d.mentionCovering(si, t); m != nil && m.Type == graph.Location {
					mm := *m
					tie.place = &mm
					break
				}
			}
			out = append(out, tie)
		} else if org, ok := d.orgAfterOf(si, k+1); ok && org.Last <= p.First {
			out = append(out, roleTie{noun: noun, org: org, demoted: d.demotedBefore(si, k)})
		} else if org, ok := d.groupRoleOrg(si, k); ok {
			out = append(out, roleTie{noun: noun, org: org, demoted: true})
		}
	}
	// "the alleged leader of the KIB recruiting cell, P": the head of a unit
	// is one of the group's men
	if k >= 2 && (d.x.units[w[k]] || d.x.orgNouns[w[k]]) && !d.inMention(si, k) {
		for b := k; b >= k-2 && b >= 1; b-- {
			org, ok := d.orgEndingAt(si, b)
			if !ok {
				continue
			}
			f := org.First - 1
			if f >= 0 && w[f] == "the" {
				f--
			}
			if f >= 1 && w[f] == "of" && d.x.personish[w[f-1]] && !d.inMention(si, f-1) {
				out = append(out, roleTie{noun: w[f-1], org: org, demoted: true})
			}
			break
		}
	}
	// "named P" after a role: "a commander named P"
	if k >= 0 && w[k] == "named" && k-1 >= 0 && d.x.personish[w[k-1]] {
		if org, ok := d.orgEndingAt(si, k-1); ok {
			out = append(out, roleTie{noun: w[k-1], org: org, demoted: true})
		} else if org, ok := d.groupRoleOrg(si, k-1); ok {
			out = append(out, roleTie{noun: w[k-1], org: org, demoted: true})
		}
	}
	// "the HuM, whose longtime emir P": the organization before "whose"
	if k >= 0 && d.x.personish[w[k]] && !d.inMention(si, k) {
		for n := k - 1; n >= 1 && n >= k-3; n-- {
			if w[n] == "whose" {
				if org, ok := d.orgEndingAt(si, n-boolInt(w[n-1] == ",")); ok {
					out = append(out, roleTie{noun: w[k], org: org, demoted: d.demotedBetween(si, n+1, k)})
				}
				break
			}
		}
	}
	// "its former chief, P": the role of the sentence's organization
	if k >= 0 && d.x.personish[w[k]] && !d.inMention(si, k) {
		for n := k - 1; n >= 0 && n >= k-3; n-- {
			if w[n] == "its" || w[n] == "their" {
				org, ok := d.orgRightBefore(si, n)
				if !ok {
					// "... by the Mullah Nazir group. Its leader, Mullah Nazir":
					// the group named after him
					org, ok = d.orgNamedAfter(si, p)
				}
				if !ok {
					org, ok = d.itsOrganization(si, p.First)
				}
				if ok {
					out = append(out, roleTie{noun: w[k], org: org, demoted: d.demotedBetween(si, n+1, k)})
				}
				break
			}
		}
		// "The commander, P, ...": the role the sentence before tied to a group
		if k == 1 && w[0] == "the" && si > 0 {
			if org, demoted, ok := d.roleInSentence(si-1, w[k]); ok {
				out = append(out, roleTie{noun: w[k], org: org, demoted: demoted})
			}
		}
	}
	ties, pl := d.predicateRoles(si, p)
	if pl != nil {
		place = pl // the office's place holds for every tie read here
	}
	out = append(out, ties...)
	return out
}

// predicateRoles returns the roles a person's predicate gives: "P, a/an/the
// [mods] ORG ROLE", "P was the ORG's ROLE for X", "P, who used another name,
// served as the group's emir", "P alias A and Q alias B, both LeJ-A militants".
func (d *doc) predicateRoles(si int, p graph.Mention) ([]roleTie, *graph.Mention) {
	end := d.skipAgeAfter(si, d.listEnd(si, p))
	out, place := d.predicateRolesFrom(si, p, end)
	// "Afridi, a resident of Khyber district, is a known facilitator of the
	// TTP": the predicate after an apposition that gave no role
	if len(out) == 0 {
		if e := d.skipApposition(si, end); e > end {
			out, place = d.predicateRolesFrom(si, p, e)
		}
	}
	return out, place
}

// predicateRolesFrom reads the predicate that starts at token end, after
// the person p.
func (d *doc) predicateRolesFrom(si int, p graph.Mention, end int) ([]roleTie, *graph.Mention) {
	w := d.words[si]
	var out []roleTie
	var place *graph.Mention
	if j, det, ok := d.predicateStart(si, end); ok {
		// a hyphenated name counts its hyphens: look a dozen tokens on
		for n := j; n < len(w) && n <= j+12; n++ {
			if w[n] == "," || w[n] == "." || w[n] == ";" {
				break
			}
			// "a Tajik citizen and Jamaat Ansarullah member": no role yet, so
			// the description goes on
			if w[n] == "and" {
				if n+1 < len(w) && (w[n+1] == "a" || w[n+1] == "an" || w[n+1] == "the") {
					break
				}
				continue
			}
			plural := det == "both" || det == "all" || det == "one"
			role := func(w string) string {
				if d.x.personish[w] || !plural {
					return w
				}
				return trimPlural(w) // "both LeJ-A militants"
			}
			if !d.x.personish[role(w[n])] || d.inMention(si, n) {
				continue
			}
			// "the network's chief fundraiser": the last role noun of the run is
			// the role ("a Taliban leader responsible for ...": leader)
			toks := d.in.Sentences[si].Tokens
			for e := n + 1; e < len(w) && (toks[e].Word && !capitalised(toks[e].Text) && !d.x.verbish(w[e]) && w[e] != "and" || isQuote(toks[e].Text)); e++ {
				if d.x.personish[role(w[e])] {
					n = e
				}
			}
			lesser := det == "a" || det == "an" || det == "one" || plural || d.regional(si, n) || d.subRole(si, n)
			if pl := d.placeAfter(si, n); pl != nil {
				place = pl
			}
			if org, ok := d.orgEndingAt(si, n); ok && org.First >= j {
				out = append(out, roleTie{noun: role(w[n]), org: org, demoted: lesser || d.demotedBetween(si, j, org.First) || d.demotedBetween(si, org.Last, n) || d.placeBetween(si, org.Last, n)})
			} else if org, ok := d.orgAfterOf(si, n+1); ok {
				out = append(out, roleTie{noun: role(w[n]), org: org, demoted: lesser || d.demotedBetween(si, j, n)})
			} else if org, ok := d.itsOrganization(si, p.First); ok && (det == "its" || det == "their") {
				// "formed in 2015 by X, who became its first emir": the group the
				// sentence began with
				out = append(out, roleTie{noun: role(w[n]), org: org, demoted: d.demotedBetween(si, j, n)})
			} else if org, ok := d.toOrganization(si, n+1); ok && d.x.s.Lexicon.Attendants != nil && contains(d.x.s.Lexicon.Attendants, w[n]) {
				// "a close aide to AQIS emir Asim Umar", "a deputy to the
				// Taliban's emir": the one served is the group's
				out = append(out, roleTie{noun: "member", org: org, demoted: true})
			} else if k := d.nextDescription(si, n+1); k > n {
				// "the cell's leader and an IJU recruiter": the first role
				// tied to no group, a second may be
				n = k - 1
				continue
			}
			// "an LeJ commander from Jacobabad who in 2015 became ISKP's
			// chief": a second description, a second role
			if k := d.nextDescription(si, n+1); k > n && len(out) > 0 && k-1 < len(w) && d.describedByRelative(si, n+1, k) {
				j = k
				n = k - 1
				continue
			}
			break
		}
	}
	for i := range out {
		out[i].place = place
	}
	return out, place
}

// describedByRelative reports whether tokens [a, b) hold the "who" of a
// relative clause that gives a second description.
func (d *doc) describedByRelative(si, a, b int) bool {
	for k := a; k < b && k < len(d.words[si]); k++ {
		if d.words[si][k] == "who" {
			return true
		}
	}
	return false
}

// skipAgeBefore returns the token before an age that ends at token k
// ("a KIB recruiter, 34-year-old X"), else k.
func (d *doc) skipAgeBefore(si, k int) int {
	w := d.words[si]
	if k < 1 || w[k] != "old" {
		return k
	}
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		if isNumber(w[b]) {
			return b - 1
		}
		if w[b] != "-" && w[b] != "year" && w[b] != "years" {
			break
		}
	}
	return k
}

// skipKinBefore returns the token before "his|her KIN" that ends at token
// k ("its founder, his father-in-law X"), else k.
func (d *doc) skipKinBefore(si, k int) int {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	n := k
	for n > 0 && (toks[n].Text == "-" || w[n] == "in" || w[n] == "law") && !d.inMention(si, n) {
		n-- // "father-in-law"
	}
	if n >= 1 && d.x.kin[w[n]] && (w[n-1] == "his" || w[n-1] == "her") {
		return n - 2
	}
	return k
}

// skipAgeAfter returns where a name's age aside ends ("X, 34, a KIB
// recruiter"): the comma after the age, else end.
func (d *doc) skipAgeAfter(si, end int) int {
	w := d.words[si]
	if end+2 < len(w) && w[end] == "," && w[end+1] != "" && w[end+1][0] >= '0' && w[end+1][0] <= '9' && w[end+2] == "," {
		return end + 2
	}
	return end
}

// personListHead returns where the list of people that p ends starts
// ("X, Y and p"): the first token of its first name.
func (d *doc) personListHead(si int, p graph.Mention) int {
	head := p
	ms := d.bySent[si]
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		// "Gul Nawaz alias Ustad, Irfanullah": an alias stays in the list
		aliased := m.Last+1 == head.First && (d.words[si][m.Last] == "alias" || d.words[si][m.Last] == "aka")
		if m.Last <= head.First && m.Type == graph.Person && (d.coordinated(si, m.Last, head.First) || aliased) && m.Last < head.First {
			head = m
		}
	}
	return head.First
}

// listEnd returns where the list of people that p starts ends, when a
// shared description follows it ("P alias A and Q alias B, both ...");
// otherwise where p ends.
func (d *doc) listEnd(si int, p graph.Mention) int {
	w := d.words[si]
	end := p.Last
	for {
		k := end
		if k+1 < len(w) && w[k] == "," && w[k+1] == "and" {
			k++ // "A, B, and C"
		}
		if k >= len(w) || w[k] != "alias" && w[k] != "aka" && w[k] != "and" && w[k] != "," {
			break
		}
		next := d.mentionStartingAt(si, k+1, graph.Person)
		if next == nil {
			break
		}
		end = next.Last
	}
	if end == p.Last || end+1 >= len(w) || w[end] != "," {
		return p.Last
	}
	// "X and Y, both LeJ-A militants", "A, B and C, militants of the SSP"
	if n := w[end+1]; n == "both" || n == "all" || end+2 < len(w) && n != trimPlural(n) && d.x.personish[trimPlural(n)] && (w[end+2] == "of" || w[end+2] == "from") {
		return end
	}
	// "A and B, two veterans of the UTO", "A and B, two IMU field commanders"
	if end+2 < len(w) && isNumber(w[end+1]) {
		return end
	}
	return p.Last
}

// asAfter returns the "as" at token k, or after a time phrase from k
// ("served since 2015 as", "served briefly as", "served from 2010 to 2014
// as"), else -1.
func (d *doc) asAfter(si, k int) int {
	w := d.words[si]
	for n := k; n < len(w) && n <= k+5; n++ {
		switch {
		case w[n] == "as":
			return n
		case w[n] == "since" || w[n] == "from" || w[n] == "until" || w[n] == "to" || w[n] == "in" || w[n] == "briefly" || w[n] == "also" ||
			w[n] == "later" || w[n] == "then" || isNumber(w[n]):
			continue
		}
		return -1
	}
	return -1
}

// isNumber reports whether a word counts: "two", "three", "12".
func isNumber(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "few":
		return true
	}
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// regional reports whether the role at token n is for a place ("chief for
// Balochistan", "emir of Kunar"): the head of a branch, a member of the group.
func (d *doc) regional(si, n int) bool {
	return d.placeAfter(si, n) != nil
}

// subRole reports whether the role at token n heads one branch of the
// work ("chief of operations", "head of intelligence"), not the group.
func (d *doc) subRole(si, n int) bool {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	return n+2 < len(w) && w[n+1] == "of" && toks[n+2].Word && !capitalised(toks[n+2].Text) && !d.inMention(si, n+2) && !d.x.function[w[n+2]] && w[n+2] != "the"
}

// placeAfter returns the place of the role at token n ("chief for
// Balochistan", "emir of Kunar"), or nil.
func (d *doc) placeAfter(si, n int) *graph.Mention {
	w := d.words[si]
	if n+1 >= len(w) || w[n+1] != "for" && w[n+1] != "in" && w[n+1] != "of" {
		return nil
	}
	for i := range d.bySent[si] {
		m := &d.bySent[si][i]
		if m.First == n+2 || m.First == n+3 && w[n+2] == "the" {
			// "a spokesman for Afghanistan's NDS": the force's country, no office's place
			if m.Type == graph.Location && !d.possessive(si, *m) {
				return m
			}
			return nil
		}
	}
	return nil
}

// predicateStart finds where a description of the person ending at token
// end begins: after ", a|an|the", or after a copula ("was the", "served as
// the"), skipping a relative clause (", who ..., "). It returns the token
// after the determiner and the determiner.
func (d *doc) predicateStart(si, end int) (int, string, bool) {
	w := d.words[si]
	j := end
	if j < len(w) && w[j] == "," && j+1 < len(w) && w[j+1] == "who" {
		// "P, who also serves as one of the Taliban's deputy emirs": the
		// relative clause is the description
		k := j + 2
		for k < len(w) && (w[k] == "also" || w[k] == "now" || w[k] == "later" || w[k] == "still" || w[k] == "currently" || w[k] == "had" || w[k] == "has" || w[k] == "once" || w[k] == "previously") {
			k++
		}
		if k+1 < len(w) && (w[k] == "serves" || w[k] == "served") && w[k+1] == "as" || k < len(w) && (w[k] == "became" || w[k] == "becomes") {
			j = k
		}
	}
	// "X, whom Indian officials describe as JeM's divisional commander"
	if j+1 < len(w) && w[j] == "," && w[j+1] == "whom" {
		for k := j + 2; k < len(w) && k <= j+8 && w[k] != ","; k++ {
			if d.x.describing[w[k]] && k+1 < len(w) && w[k+1] == "as" {
				if d.possessiveOrgAt(si, k+2) {
					return k + 2, "the", true
				}
				if k+2 < len(w) && (w[k+2] == "a" || w[k+2] == "an" || w[k+2] == "the" || w[k+2] == "its") {
					return k + 3, w[k+2], true
				}
				break
			}
		}
	}
	if j < len(w) && w[j] == "," && j+1 < len(w) && (w[j+1] == "who" || w[j+1] == "whose") {
		for j++; j < len(w) && w[j] != ","; j++ {
		}
	}
	if j >= len(w) {
		return 0, "", false
	}
	comma := w[j] == ","
	if comma {
		j++
		// "X, officials said, was a TTP fighter": a parenthetical source aside
		if k := d.parentheticalSpeech(si, j); k > j {
			j = k
			comma = false
		}
		// "X, then the chief of the Pakistani Taliban", "X, also a member of"
		for j < len(w) && (w[j] == "then" || w[j] == "now" || w[j] == "later" || w[j] == "formerly" || w[j] == "once" || w[j] == "also") {
			j++
		}
		// "X, IS-K's intelligence chief": the possessive is the determiner
		if d.possessiveOrgAt(si, j) {
			return j, "the", true
		}
	}
	// "X had until then been a senior ideologue of the HuM", "he had served
	// as al Qaeda's military chief"
	if j < len(w) && (w[j] == "had" || w[j] == "has") {
		for k := j + 1; k < len(w) && k <= j+4; k++ {
			if w[k] == "been" || w[k] == "served" && d.asAfter(si, k+1) > 0 {
				j = k
				break
			}
		}
	}
	// "X is widely regarded as its operational chief", "X was described as
	// a senior commander of the LeJ", "X is believed to be the TTP's emir"
	if j < len(w) && (w[j] == "is" || w[j] == "was" || w[j] == "been") {
		k := j + 1
		for k < len(w) && (isAdverb(w[k]) || w[k] == "also" || w[k] == "now") {
			k++
		}
		if k+1 < len(w) && d.x.describing[w[k]] {
			switch {
			case w[k+1] == "as":
				j = k + 1 // the switch below steps over "as"
			case k+2 < len(w) && w[k+1] == "to" && w[k+2] == "be":
				j = k + 2
			}
		}
	}
	switch {
	case j+1 < len(w) && (w[j] == "is" || w[j] == "was" || w[j] == "became" || w[j] == "remains" || w[j] == "remained" || w[j] == "been" || w[j] == "as" || w[j] == "be"):
		j++
		// "is himself a former TTP commander", "was also a member of"
		for j+1 < len(w) && (w[j] == "himself" || w[j] == "also" || w[j] == "now" || w[j] == "still" || w[j] == "once" || w[j] == "reportedly" || w[j] == "allegedly") {
			j++
		}
		// "Qasimi was Lashkar-e-Taiba's senior leader for Kunar": the
		// possessive is the determiner
		if d.possessiveOrgAt(si, j) {
			return j, "the", true
		}
	case j+2 < len(w) && (w[j] == "served" || w[j] == "serves" || w[j] == "acted" || w[j] == "acts" || w[j] == "described" || w[j] == "identified") && d.asAfter(si, j+1) > 0:
		j = d.asAfter(si, j+1) + 1
		// "served as al Qaeda's military chief": the possessive is the determiner
		if d.possessiveOrgAt(si, j) {
			return j, "the", true
		}
	case !comma:
		return 0, "", false
	}
	// "X was named emir of the IMU", "X was appointed as the group's chief"
	if j > end && j+1 < len(w) && (w[j-1] == "was" || w[j-1] == "is" || w[j-1] == "has been" || w[j-1] == "had been") {
		switch w[j] {
		case "named", "appointed", "elected", "chosen", "made", "declared", "installed", "proclaimed":
			j++
			if w[j] == "as" {
				j++
			}
			if j < len(w) && d.x.personish[w[j]] {
				return j, "the", true // a bare role: the office itself
			}
		}
	}
	if j < len(w) && (w[j] == "a" || w[j] == "an" || w[j] == "the" || w[j] == "its" || w[j] == "their" || w[j] == "one") {
		return j + 1, w[j], true
	}

	if comma && j < len(w) && (w[j] == "both" || w[j] == "all") {
		return j + 1, w[j], true // "X and Y, both LeJ-A militants": each one of them
	}
	// "A, B and C, militants of Sipah-e-Sahaba Pakistan (SSP)", "A and B,
	// two veterans of the UTO": each one of them
	if comma && j+2 < len(w) && isNumber(w[j]) && w[j+1] != trimPlural(w[j+1]) {
		j++
	}
	if comma && j+1 < len(w) && w[j] != trimPlural(w[j]) && d.x.personish[trimPlural(w[j])] && (w[j+1] == "of" || w[j+1] == "from") {
		return j, "all", true
	}
	// "Sayfullo Kamolov and Akmal Rashidov, two IMU field commanders":
	// each one of them
	if comma && j+1 < len(w) && isNumber(w[j]) {
		return j + 1, "both", true
	}
	if comma && j > 0 && j < len(w) && isNumber(w[j-1]) && d.in.Sentences[si].Tokens[j].Word {
		return j, "both", true
	}
	return 0, "", false
}

// orgRightBefore returns the organization "its" at token n belongs to when
// one stands right before it ("merged into the TTP under its emir, X").
func (d *doc) orgRightBefore(si, n int) (graph.Mention, bool) {
	w := d.words[si]
	if n < 2 || !(w[n-1] == "under" || w[n-1] == "and" || w[n-1] == "with") {
		return graph.Mention{}, false
	}
	if m := d.mentionEndingAt(si, n-1); m != nil && m.Type == graph.Organization {
		return *m, true
	}
	return graph.Mention{}, false
}

// possessiveOrgAt reports whether a possessive organization starts at
// token j ("IS-K's intelligence chief"): it is a role's determiner.
func (d *doc) possessiveOrgAt(si, j int) bool {
	m := d.mentionStartingAt(si, j, graph.Organization)
	return m != nil && d.possessive(si, *m)
}

// itsOrganization returns the group "its" stands for at token i: the first
// of the sentence before it, else the one the paragraph is about.
func (d *doc) itsOrganization(si, i int) (graph.Mention, bool) {
	// not a group of an opening clause: "After Pakistan Army offensives
	// against it, its leaders relocated"
	start := d.openingClauseEnd(si, i)
	for _, m := range d.bySent[si] {
		if m.Type == graph.Organization && m.First >= start && m.Last <= i {
			return m, true
		}
	}
	return d.topicBefore(si)
}

// topicBefore returns the group the sentences before si in its paragraph
// are about: the nearest one with a group as its subject ("The IJU has a
// longer history. It broke away from the IMU in 2002. Its longtime leader,
// X, ...": the IJU).
func (d *doc) topicBefore(si int) (graph.Mention, bool) {
	para := d.in.Sentences[si].Paragraph
	for s := si - 1; s >= 0 && s >= si-3 && d.in.Sentences[s].Paragraph == para; s-- {
		for _, m := range d.bySent[s] {
			if m.Type != graph.Organization {
				continue
			}
			if (m.First <= 1 || d.openingAdverbial(s, m.First)) && !d.objectOfPreposition(s, m) {
				return m, true
			}
			break
		}
	}
	// else the first group of the sentence before, in the same paragraph, so
	// that the evidence sits in the paragraph that names the group
	if si > 0 && d.in.Sentences[si-1].Paragraph == para {
		return d.firstOrganization(si-1, len(d.words[si-1]))
	}
	return graph.Mention{}, false
}

// openingAdverbial reports whether the tokens before k only set a time
// ("In November 2014 JuA claimed ...", "Since 2016, the IMU ..."): a
// preposition, then capitalised words and numbers, perhaps a comma.
func (d *doc) openingAdverbial(si, k int) bool {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	if k < 2 || !(w[0] == "in" || w[0] == "since" || w[0] == "by" || w[0] == "after" || w[0] == "until") {
		return false
	}
	for t := 1; t < k; t++ {
		if toks[t].Text == "," || toks[t].Word && (capitalised(toks[t].Text) || isNumber(w[t])) && !d.inMention(si, t) {
			continue
		}
		return false
	}
	return true
}

// firstOrganization returns the first organization of the sentence before token i.
func (d *doc) firstOrganization(si, i int) (graph.Mention, bool) {
	for _, m := range d.bySent[si] {
		if m.Type == graph.Organization && m.Last <= i {
			return m, true
		}
	}
	return graph.Mention{}, false
}

// roleInSentence finds in sentence si the role noun tied to an
// organization ("a senior commander of the IS-K", "an IMU facilitator").
func (d *doc) roleInSentence(si int, noun string) (graph.Mention, bool, bool) {
	w := d.words[si]
	for n := range w {
		if w[n] != noun || d.inMention(si, n) {
			continue
		}
		if org, ok := d.orgEndingAt(si, n); ok {
			return org, d.demotedBefore(si, org.First) || d.demotedBetween(si, org.Last, n), true
		}
		if org, ok := d.orgAfterOf(si, n+1); ok {
			return org, d.demotedBefore(si, n), true
		}
	}
	return graph.Mention{}, false, false
}

// mentionStartingAt returns the mention of sentence si of one of the types
// that starts at token first, or nil.
func (d *doc) mentionStartingAt(si, first int, types ...string) *graph.Mention {
	for i := range d.bySent[si] {
		if m := &d.bySent[si][i]; m.First == first && allowed(types, m.Type) {
			return m
		}
	}
	return nil
}

// mentionEndingAt returns the mention of sentence si that ends at token end.
func (d *doc) mentionEndingAt(si, end int) *graph.Mention {
	for i := range d.bySent[si] {
		if d.bySent[si][i].Last == end {
			return &d.bySent[si][i]
		}
	}
	return nil
}

// orgEndingAt returns the organization that ends right before token k
// (allowing a possessive: "the Taliban's spokesman").
func (d *doc) orgEndingAt(si, k int) (graph.Mention, bool) {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	// "the Taliban's shadow governor", "the LeJ's operational chief", "Taliban
	// weapons smuggler", "Taliban IED cell leader", "Taliban sub-commander": up to
	// three qualifying words may stand between the group and the role. A plural
	// here is a noun modifier ("explosives trainer"), not a verb.
	role := k
	for skip := 0; skip < 4 && k-1 > 0 && w[k-2] != "the"; skip++ {
		// "JuA's Mohmand commander", "the group's veteran Bajaur commander":
		// the place of the office aside
		if m := d.mentionCovering(si, k-1); m != nil {
			if m.Type == graph.Location && m.First >= 2 && k-1 < role && !d.possessive(si, *m) && d.afterPossessive(si, m.First) {
				k = m.First
				continue
			}
			break
		}
		t := toks[k-1]
		if t.Text == "-" && k-2 > 0 && toks[k-2].Word && !d.inMention(si, k-2) || isQuote(t.Text) {
			k-- // the hyphen of "sub-commander", quotes around "shadow"
			continue
		}
		// "the Taliban-appointed governor": the group right before the hyphen
		if t.Text == "-" && k < role {
			if m := d.mentionEndingAt(si, k-1); m != nil && m.Type == graph.Organization {
				k--
				break
			}
		}
		// an -ed word right before the role may be a verb ("the Taliban
		// killed commander X"); further off it qualifies ("improvised
		// explosive device facilitator")
		// (not in a compound: "the Taliban-appointed governor")
		compound := k-2 >= 0 && toks[k-2].Text == "-" && toks[k-2].End == t.Start
		if !t.Word || capitalised(t.Text) && !isAcronym(t.Text) || d.x.function[w[k-1]] || k == role && strings.HasSuffix(w[k-1], "ed") && !compound {
			break
		}
		if w[k-2] == "'s" || d.x.demoting[w[k-1]] || d.x.personish[w[k-1]] || len(w[k-1]) > 3 || isAcronym(t.Text) || isNumber(w[k-1]) {
			k--
			continue
		}
		break
	}
	end := k
	if end > 0 && w[end-1] == "'s" {
		end--
	}
	for end > 0 && (w[end-1] == "[" || w[end-1] == "]" || w[end-1] == ")") {
		end-- // "the Lashkar-e-Taiba (LeT) leader": the acronym in brackets is the group
	}
	for _, m := range d.bySent[si] {
		if m.Last == end && m.Type == graph.Organization {
			return m, true
		}
	}
	return graph.Mention{}, false
}

// orgAfterOf returns the organization in "of|in|for|with [the] ORG" at token k.
func (d *doc) orgAfterOf(si, k int) (graph.Mention, bool) {
	w := d.words[si]
	if k >= len(w) || (w[k] != "of" && w[k] != "in" && w[k] != "for" && w[k] != "within") {
		return graph.Mention{}, false
	}
	k++
	if k < len(w) && w[k] == "the" {
		k++
	}
	// "of the defunct SSP", "of the proscribed JeM": qualifying words aside
	toks := d.in.Sentences[si].Tokens
	for skip := 0; skip < 2 && k < len(w) && toks[k].Word && !capitalised(toks[k].Text) && !d.inMention(si, k); skip++ {
		k++
	}
	// "a spokesman for Afghanistan's National Directorate of Security": the
	// country's force
	if l := d.mentionStartingAt(si, k, graph.Location); l != nil && l.Last+1 < len(w) && w[l.Last] == "'s" {
		k = l.Last + 1
	}
	// "a spokesman for NATO's Resolute Support mission": the owner's force
	if o := d.mentionStartingAt(si, k, graph.Organization); o != nil && o.Last+1 < len(w) && w[o.Last] == "'s" {
		if n := d.mentionStartingAt(si, o.Last+1, graph.Organization); n != nil {
			k = o.Last + 1
		}
	}
	if m := d.mentionStartingAt(si, k, graph.Organization); m != nil {
		// "a spokesman for the NATO-led Resolute Support mission": the
		// group the modifier qualifies
		if d.isModifier(si, *m) {
			if n := d.mentionStartingAt(si, m.Last+1+1, graph.Organization); n != nil {
				return *n, true
			}
			return graph.Mention{}, false
		}
		return *m, true
	}
	return graph.Mention{}, false
}

// groupRoleOrg finds, earlier in the sentence, an organization tied to a
// role in the plural ("eight Taliban fighters, including a commander named
// X"): the person named is one of them.
func (d *doc) groupRoleOrg(si, k int) (graph.Mention, bool) {
	w := d.words[si]
	including := false
	for n := k - 1; n >= 0 && n >= k-6; n-- {
		if w[n] == "including" || w[n] == "among" {
			including = true
			break
		}
	}
	if !including {
		return graph.Mention{}, false
	}
	for n := k - 1; n >= 1; n-- {
		if d.x.personish[w[n]] || d.x.personish[trimPlural(w[n])] {
			if org, ok := d.orgEndingAt(si, n); ok {
				return org, true
			}
			// "three suspected members of the TTP, including a local commander, X"
			if org, ok := d.orgAfterOf(si, n+1); ok && org.Last <= k {
				return org, true
			}
		}
	}
	return graph.Mention{}, false
}

func trimPlural(w string) string {
	if len(w) > 3 && w[len(w)-1] == 's' {
		return w[:len(w)-1]
	}
	return w
}

// demotedBefore reports whether a determiner or modifier before token k makes
// a role a lesser one ("a senior IMU leader").
func (d *doc) demotedBefore(si, k int) bool {
	w := d.words[si]
	for n := k - 1; n >= 0 && n >= k-3; n-- {
		if d.x.demoting[w[n]] {
			return true
		}
		// not across a verb: "a security force targeted HIG leader X"
		if d.x.verbish(w[n]) && !d.x.function[w[n]] {
			return false
		}
		// not across a preposition: "a deputy to IMU leader X"
		if isPreposition(w[n]) || w[n] == "to" {
			return false
		}
		if w[n] == "the" || w[n] == "," || w[n] == "former" || w[n] == "[" || w[n] == "]" {
			if w[n] == "the" || w[n] == "," {
				return false
			}
			continue
		}
	}
	return false
}

// raidVictim reports whether a kill or capture verb stands right before
// token k ("the security force detained Haqqani Network leader X"): the
// press names the leaders it raids by their local rank, not the group's
// head (a "chief" or "emir" is the head).
func (d *doc) raidVictim(si, k int) bool {
	w := d.words[si]
	n := k - 1
	for n >= 0 && (w[n] == "the" || w[n] == "a" || w[n] == "an") {
		n--
	}
	if n < 0 {
		return false
	}
	switch w[n] {
	case "killed", "captured", "detained", "arrested", "apprehended", "targeted", "kills", "captures", "detains", "arrests":
		return true
	}
	return false
}

// demotedBetween reports whether a modifier in tokens [a, b) makes a role lesser.
func (d *doc) demotedBetween(si, a, b int) bool {
	for n := a; n < b && n < len(d.words[si]); n++ {
		if d.x.demoting[d.words[si][n]] {
			return true
		}
	}
	return false
}

// succession is one person following another in an office: the relation
// the office stands for, the two people, and the sentence that says so.
type succession struct {
	rel          *ontology.RelationType
	before, next graph.Mention
	si           int
	// named: the sentence names the one before by name ("Kashmiri's
	// successor, X"), so his office may be told anywhere in the document
	named bool
}

// succession reads "X was succeeded by Y", "Y succeeded X", "his
// successor, Y", "his predecessor, X": the two people held the same
// office, whichever way the sentence runs. What the office is comes from
// the rest of the paragraph (see inherit).
func (d *doc) succession(si int, c compiledCue) {
	w := d.words[si]
	for _, sp := range d.spans(si, c) {
		var before *graph.Mention
		if sp[0] > 0 && w[sp[0]-1] == "his" {
			// "His successor, Abdul Hasib": the last person named before
			before = d.lastPerson(si, sp[0]-1)
		} else {
			for k := len(d.bySent[si]) - 1; k >= 0; k-- {
				if m := d.bySent[si][k]; m.Type == graph.Person && m.Last <= sp[0] && sp[0]-m.Last <= 6 {
					before = &d.bySent[si][k]
					break
				}
			}
		}
		k := sp[1]
		for k < len(w) && (w[k] == "," || w[k] == "the" || w[k] == "as" || k > sp[1] && w[k-1] == "as" && d.x.personish[w[k]] ||
			w[k] == "his" || k > sp[1] && w[k-1] == "his" && (d.x.kin[w[k]] || d.x.personish[w[k]])) {
			k++ // "Yuldashev's successor as emir, Abu Usman Adil", "succeeded by his deputy, X"
		}
		next := d.mentionStartingAt(si, k, graph.Person)
		if before == nil || next == nil || before.EntityKey == next.EntityKey {
			continue
		}
		named := before.Sentence == si && !before.Anaphor && before.Last < len(w) && w[before.Last] == "'s" && before.Last+1 == sp[0]
		d.successions = append(d.successions, succession{rel: c.rel, before: *before, next: *next, si: si, named: named})
	}
}

// lastPerson returns the last person named before token i of sentence si,
// else in the sentence before it in the same paragraph.
func (d *doc) lastPerson(si, i int) *graph.Mention {
	for s := si; s >= 0 && s >= si-1; s-- {
		if s < si && d.in.Sentences[s].Paragraph != d.in.Sentences[si].Paragraph {
			break
		}
		for k := len(d.bySent[s]) - 1; k >= 0; k-- {
			m := d.bySent[s][k]
			if m.Type == graph.Person && (s < si || m.Last <= i) {
				return &d.bySent[s][k]
			}
		}
	}
	return nil
}

// inherit gives each of two people in a succession the office the other
// holds in the same paragraph: "Jalolov, the IJU's emir, was killed in 2009.
// He was succeeded by Abdullah Fatih" makes Fatih the IJU's leader.
func (d *doc) inherit() {
	n := len(d.findings)
	for _, s := range d.successions {
		para := d.in.Sentences[s.si].Paragraph
		for i := 0; i < n; i++ {
			f := d.findings[i]
			// "JA was founded by X. ... He was succeeded by Y": a founder led
			// the group he founded, and his successor leads it
			founded := f.typ == "FOUNDED" && f.from == s.before.EntityKey
			if f.typ != s.rel.Type && !founded || !s.named && d.in.Sentences[f.evidence[len(f.evidence)-1]].Paragraph != para {
				continue
			}
			for _, pair := range [][2]graph.Mention{{s.before, s.next}, {s.next, s.before}} {
				if f.from != pair[0].EntityKey || founded && pair[0].EntityKey != s.before.EntityKey {
					continue
				}
				ev := append([]int(nil), f.evidence...)
				if !containsInt(ev, s.si) {
					ev = append(ev, s.si)
				}
				d.findings = append(d.findings, finding{typ: s.rel.Type, from: pair[1].EntityKey, to: f.to, evidence: ev})
			}
		}
	}
}

// heldBy returns a mention of what the last person named before token i
// of sentence si holds by the relation typ, found earlier in the document.
func (d *doc) heldBy(si, i int, typ string) *graph.Mention {
	var p *graph.Mention
	for k := range d.bySent[si] {
		if m := d.bySent[si][k]; m.Type == graph.Person && m.Last <= i {
			p = &d.bySent[si][k]
		}
	}
	if p == nil {
		return nil
	}
	for _, f := range d.findings {
		if f.typ != typ || f.from != p.EntityKey {
			continue
		}
		for _, m := range d.in.Mentions {
			if m.EntityKey == f.to && m.Sentence <= si && !m.Anaphor {
				mm := m
				return &mm
			}
		}
	}
	return nil
}

// ledGroup reports whether an organization is one whose leadership a
// profile tells of: not a security force or a government.
func (d *doc) ledGroup(m graph.Mention) bool {
	e := d.in.Entities[m.EntityKey]
	return e == nil || e.Kind != "security_force" && e.Kind != "government"
}

// section reads a profile's section headed by a cue phrase ("Areas of
// operation", "Geographic Locations"): the group the document is about
// relates to every place the section names.
func (d *doc) section(si int, c compiledCue) {
	h, ok := d.sectionHeading(si)
	if !ok || !d.headingMatches(h, c) {
		return
	}
	g := d.profiledGroup()
	if g == nil || !allowed(c.rel.From, g.Type) {
		return
	}
	for _, m := range d.bySent[si] {
		if allowed(c.rel.To, m.Type) && !m.Anaphor && m.EntityKey != g.EntityKey {
			d.emit(c.rel, *g, m, h, si)
		}
	}
}

// roster reads a profile's list of its people under a heading such as
// "Leaders": each entry opens with a name ("Qari X (c. 2008-2016): The
// network's chief military commander ..."), one of the group's. An entry
// that calls the man the group's founder or head is left to the roles that
// say so.
func (d *doc) roster(si int, c compiledCue) {
	sents := d.in.Sentences
	if si > 0 && sents[si-1].Paragraph == sents[si].Paragraph {
		return // an entry's first sentence only
	}
	h, ok := d.sectionHeading(si)
	if !ok || !d.headingMatches(h, c) {
		return
	}
	g := d.profiledGroup()
	if g == nil || !allowed(c.rel.To, g.Type) || len(d.bySent[si]) == 0 {
		return
	}
	m := d.bySent[si][0]
	w := d.words[si]
	toks := sents[si].Tokens
	if !allowed(c.rel.From, m.Type) || m.Anaphor || m.First > 1 || m.First == 1 && toks[0].Word {
		return
	}
	k := m.Last
	if k < len(w) && w[k] == "(" {
		for k < len(w) && w[k] != ")" {
			k++
		}
		k++
	}
	if k >= len(w) || !(w[k] == ":" || w[k] == "," || w[k] == "-" || toks[k].Text == "–" || toks[k].Text == "—") {
		return
	}
	// the role is the last of a run of role nouns ("chief military
	// commander": a commander)
	role := ""
	for n := k + 1; n < len(w) && n <= k+6; n++ {
		if w[n] == "deputy" || w[n] == "former" {
			break
		}
		if d.x.personish[w[n]] && !d.inMention(si, n) {
			role = w[n]
			for e := n + 1; e < len(w) && toks[e].Word && !capitalised(toks[e].Text) && w[e] != "and" && w[e] != "of"; e++ {
				if d.x.personish[w[e]] {
					role = w[e]
				}
			}
			break
		}
	}
	switch role {
	case "founder", "cofounder", "leader", "emir", "amir", "head", "chief", "supremo":
		return
	}
	// "Sabirov ... led JA from its founding", "Sharipov succeeded Sabirov":
	// an entry on one of the group's heads
	for s := si; s < len(sents) && sents[s].Paragraph == sents[si].Paragraph; s++ {
		for _, x := range d.words[s] {
			switch x {
			case "led", "leads", "succeeded", "succeeding", "headed", "heads":
				return
			}
		}
	}
	d.emit(c.rel, m, *g, h, si)
}

// sectionHeading returns the heading of the section sentence si stands in:
// the nearest earlier paragraph that is one short line without sentence
// punctuation.
func (d *doc) sectionHeading(si int) (int, bool) {
	sents := d.in.Sentences
	for s := si - 1; s >= 0; s-- {
		if sents[s].Paragraph == sents[si].Paragraph || s+1 < len(sents) && sents[s+1].Paragraph == sents[s].Paragraph {
			continue // not a paragraph of one sentence
		}
		if s > 0 && sents[s-1].Paragraph == sents[s].Paragraph {
			continue
		}
		toks := sents[s].Tokens
		if len(toks) == 0 || len(toks) > 6 || sents[s].Furniture {
			continue
		}
		if last := toks[len(toks)-1].Text; last == "." || last == "!" || last == "?" {
			continue
		}
		return s, true
	}
	return 0, false
}

// headingMatches reports whether the heading's words are one of the cue's
// phrases.
func (d *doc) headingMatches(h int, c compiledCue) bool {
	var words []string
	for i, t := range d.in.Sentences[h].Tokens {
		if t.Word {
			words = append(words, d.words[h][i])
		}
	}
	for _, p := range c.phrases {
		if strings.Join(p, " ") == strings.Join(words, " ") {
			return true
		}
	}
	return false
}

// profiledGroup returns a mention of the organization a profile is about:
// the first one the document names three times or more (a profile opens
// with its subject, and others it names in passing), else the one it names
// most often.
func (d *doc) profiledGroup() *graph.Mention {
	if d.profiledDone {
		return d.profiled
	}
	d.profiledDone = true
	count := map[string]int{}
	first := map[string]graph.Mention{}
	var order []string
	for _, m := range d.in.Mentions {
		if m.Type != graph.Organization || d.in.Sentences[m.Sentence].Furniture {
			continue
		}
		if _, ok := first[m.EntityKey]; !ok {
			first[m.EntityKey] = m
			order = append(order, m.EntityKey)
		}
		count[m.EntityKey]++
	}
	best := ""
	for _, k := range order {
		if count[k] >= 3 {
			best = k
			break
		}
	}
	for _, k := range order {
		if best == "" || count[k] > count[best] && count[best] < 3 {
			best = k
		}
	}
	if best != "" {
		m := first[best]
		d.profiled = &m
	}
	return d.profiled
}
