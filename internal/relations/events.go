package relations

import (
	"strings"

	"github.com/graphload/graphload/internal/graph"
)

// event reads a person killed or captured in a raid, and where.
func (d *doc) event(si int, c compiledCue) {
	w := d.words[si]
	for _, sp := range d.spans(si, c) {
		var victims []graph.Mention
		passive := false
		for n := sp[0] - 1; n >= 0 && n >= sp[0]-3; n-- {
			switch w[n] {
			case "was", "were", "been", "being", "is", "are", "got":
				passive = true
			}
		}
		// "X, ISKP's military chief, died when the strike hit ...": the one
		// who dies comes before
		switch w[sp[0]] {
		case "died", "perished", "dies":
			passive = true
		}
		// "The ringleader, identified as Sher Zaman, was among those killed"
		if k := sp[0] - 1; k >= 2 && (w[k] == "those" || w[k] == "the") && w[k-1] == "among" && (w[k-2] == "was" || w[k-2] == "were" || w[k-2] == "is" || w[k-2] == "are") {
			passive = true
		}
		// a profile's entry: "X (c. 2008-2016): The network's military
		// commander. Killed in a US airstrike in Y.": the entry's man
		entry, isEntry := graph.Mention{}, false
		if sp[0] == 0 || sp[0] == 1 && !d.in.Sentences[si].Tokens[0].Word {
			entry, isEntry = d.entryPerson(si)
		}
		if isEntry {
			victims = []graph.Mention{entry}
		} else if passive {
			// "X, ..., were killed": the nearest people before the cue, with their list
			var before []graph.Mention
			for _, m := range d.bySent[si] {
				// "Three of Hamza's bodyguards were killed": not Hamza; "X, an aide
				// of TTP commander Y, was arrested": not Y
				if m.Type == graph.Person && m.Last <= sp[0] && !d.possessive(si, m) && !d.inApposition(si, m, sp[0]) {
					before = append(before, m)
				}
			}
			if n := len(before); n > 0 {
				victims = []graph.Mention{before[n-1]}
				for k := n - 2; k >= 0; k-- {
					// "Sajid Mohmand alias Abu Zar and Inamullah alias Qasim
					// were arrested": a name and its alias are one person
					if before[k].EntityKey == victims[0].EntityKey && d.words[si][before[k].Last] == "alias" {
						victims[0] = before[k]
						continue
					}
					if !d.coordinated(si, before[k].Last, victims[0].First) {
						break
					}
					victims = append([]graph.Mention{before[k]}, victims...)
				}
			}
		} else if v := d.amongVictims(si, sp[1]); len(v) > 0 {
			victims = v
		} else if !d.attributiveParticiple(si, sp) {
			victims = d.victimsAfter(si, sp[1])
		}
		// "Rangers arrested three suspected militants of the banned HuJI in
		// Gadap Town. A spokesperson identified them as A, B and C.": the
		// names the next sentence puts to the unnamed victims
		var named []graph.Mention
		if len(victims) == 0 && !passive {
			named = d.identifiedNext(si, false)
			victims = named
		} else if len(victims) > 0 {
			// "Among the dead was X. The others were identified as A and B."
			named = d.identifiedNext(si, true)
			victims = append(victims, named...)
		}
		if len(victims) == 0 || d.stopped(si, sp, c.unless) {
			continue
		}
		// and they belong to the group the event's sentence names them by
		if len(named) > 0 {
			if g, ok := d.victimsGroup(si, sp[1]); ok {
				if m := d.x.s.Relation("MEMBER_OF"); m != nil {
					for _, v := range named {
						d.emit(m, v, g, si, v.Sentence)
					}
				}
			}
		}
		place, from, ok := d.eventPlace(si, sp[0])
		if !ok && c.local {
			place, ok = d.clausePlace(si, sp[1])
			from = si
		}
		if !ok {
			continue
		}
		// "X had been detained in 2009": an earlier event than the
		// operation the paragraph tells of
		if from != si && sp[0] >= 1 && w[sp[0]-1] == "been" && sp[0] >= 2 && w[sp[0]-2] == "had" {
			continue
		}
		for _, v := range victims {
			switch {
			case v.Sentence != si:
				d.emit(c.rel, v, place, from, si, v.Sentence)
			case from == si:
				d.emit(c.rel, v, place, si)
			default:
				d.emit(c.rel, v, place, from, si)
			}
		}
	}
}

// identifiedNext returns the people the sentence after si, in the same
// paragraph, names the ones it speaks of: "identified them as A, B and C",
// "They were identified as A and B"; with others, only "The others were
// identified as A and B".
func (d *doc) identifiedNext(si int, others bool) []graph.Mention {
	n := si + 1
	if n >= len(d.bySent) || d.in.Sentences[n].Paragraph != d.in.Sentences[si].Paragraph {
		return nil
	}
	w := d.words[n]
	if others && !(len(w) > 2 && (w[1] == "others" || w[1] == "other")) {
		return nil // "The others were identified as ...": besides those named
	}
	// "A Levies official said the suspect, Ihsanullah Mandokhel, had told
	// interrogators ...": the one the sentence before held, by name
	if !others {
		for k := 0; k+2 < len(w); k++ {
			if w[k] != "the" || w[k+2] != "," {
				continue
			}
			switch w[k+1] {
			case "suspect", "militant", "detainee", "man", "commander", "terrorist", "deceased":
				if m := d.mentionStartingAt(n, k+3, graph.Person); m != nil {
					return []graph.Mention{*m}
				}
			}
		}
	}
	for k := 0; k+1 < len(w); k++ {
		if (w[k] != "identified" && w[k] != "named") || w[k+1] != "them" && w[k+1] != "as" {
			continue
		}
		j := k + 1
		if w[j] == "them" {
			j++
		} else if k < 2 || !(w[k-2] == "they" || w[k-2] == "were" || w[k-1] == "were" || w[k-1] == "been") {
			continue // "identified as" of a named subject is another thing
		}
		if j >= len(w) || w[j] != "as" {
			continue
		}
		var out []graph.Mention
		for _, m := range d.bySent[n] {
			if m.Type != graph.Person || m.First <= j {
				continue
			}
			if len(out) == 0 && m.First > j+2 {
				return nil
			}
			out = append(out, m)
		}
		return out
	}
	return nil
}

// victimsGroup returns the group the unnamed victims after token i are of:
// "three suspected militants of the banned HuJI", "five TTP militants".
func (d *doc) victimsGroup(si, i int) (graph.Mention, bool) {
	end := d.clauseEnd(si, i)
	w := d.words[si]
	for _, m := range d.bySent[si] {
		if m.First < i || m.Last > end || m.First-i > 8 {
			continue
		}
		if m.Type != graph.Organization {
			continue
		}
		if p := d.preposition(si, m); p == "of" || p == "" && m.Last < len(w) && (d.x.units[w[m.Last]] || d.x.personish[trimPlural(w[m.Last])]) {
			return m, true
		}
		return graph.Mention{}, false
	}
	return graph.Mention{}, false
}

// attributiveParticiple reports whether an event cue qualifies the
// unnamed noun after it ("the slain militants belonged to the faction run
// by X"): those it names are not the victims.
func (d *doc) attributiveParticiple(si int, sp [2]int) bool {
	w := d.words[si]
	toks := d.in.Sentences[si].Tokens
	if sp[0] < 1 || sp[1] >= len(w) || w[sp[0]-1] != "the" && !isNumber(w[sp[0]-1]) {
		return false
	}
	n := sp[1]
	if !toks[n].Word || capitalised(toks[n].Text) || d.inMention(si, n) || d.x.function[w[n]] || isPreposition(w[n]) {
		return false
	}
	// "The slain commander was identified as X", "the detained man is X":
	// the predicate names the victim
	for k := n + 1; k < len(w) && k <= n+2; k++ {
		if d.x.copulas[w[k]] || w[k] == "identified" || w[k] == "named" {
			return false
		}
	}
	return true
}

// raid reads a kill or capture in a sentence about an operation
// ("killed a Taliban commander and detained two men tied to the IMU during
// raids in Balkh and Jowzjan"): the militant groups the sentence names relate
// to its places.
func (d *doc) raid(si int, c compiledCue) {
	spans := d.spans(si, c)
	if len(spans) == 0 || !d.hasContext(si) {
		return
	}
	// the part of the sentence each cue opens: "captured a Haqqani leader in
	// Khowst, killed a facilitator in Paktika and detained an IMU leader in
	// Kunduz" places each group in its own part; places before the first
	// cue ("In Paktia, forces captured ...") are every part's
	part := func(k int) int {
		n := 0
		for i, sp := range spans {
			if sp[0] <= k {
				n = i + 1
			}
		}
		return n
	}
	// "... and detained two men during raids in Balkh and Jowzjan": what
	// follows "during" frames every part
	w := d.words[si]
	shared := len(w)
	for k := spans[len(spans)-1][1]; k < len(w); k++ {
		if w[k] == "during" {
			shared = k
			break
		}
	}
	for _, g := range d.bySent[si] {
		e := d.in.Entities[g.EntityKey]
		if g.Type != graph.Organization || e == nil || e.Kind != "militant_group" || d.isModifier(si, g) || d.ownsOffshoot(si, g) {
			continue
		}
		for _, l := range d.bySent[si] {
			if l.Type == graph.Location && !l.Anaphor && !d.isDateline(si, l) && (part(l.First) == 0 || l.First > shared || part(l.First) == part(g.First) || part(g.First) == 0) {
				d.emit(c.rel, g, l, si)
			}
		}
	}
}

// strike reads SUBJECT killed|captured ... VICTIMS: whoever kills or
// captures a group's people targets the group ("the CTD killed a commander
// of the LeJ-A", "NDS forces killed AQIS's emir", "police arrested X, a TTP
// commander"). The victims' group is the target, named or reached through a
// victim's role.
func (d *doc) strike(si int, c compiledCue) {
	w := d.words[si]
	spans := d.spans(si, c)
	for n, sp := range spans {
		// "X was killed", "TTP commander killed in Bajaur": no one acts
		if sp[1] >= len(w) || d.in.Sentences[si].Tokens[sp[1]].Text == "," || d.x.function[w[sp[1]]] {
			continue
		}
		if k := sp[0] - 1; k >= 0 && (w[k] == "was" || w[k] == "were" || w[k] == "been" || w[k] == "being" || w[k] == "is" || w[k] == "are") {
			continue
		}
		var subjects []graph.Mention
		for _, s := range d.subjectBefore(si, sp[0], c.rel.From) {
			// "killed a Haqqani facilitator and captured ...", "detained a
			// Haqqani leader, killed a Taliban leader and detained ...": an
			// earlier cue's victims are not a later one's subject
			if !d.afterAnyCue(si, spans[:n], s.First) {
				subjects = append(subjects, s)
			}
		}
		if len(subjects) == 0 {
			continue
		}
		end := d.clauseEnd(si, sp[1])
		var targets, people []graph.Mention
		var last *graph.Mention
		for _, m := range d.bySent[si] {
			// a list of groups may run on past a dozen tokens ("militants of
			// the banned TTP (TTP), Lashkar-i-Jhangvi (LeJ) and the ISKP")
			listed := false
			if last != nil && m.Type == graph.Organization {
				k := d.skipAcronym(si, last.Last)
				if k < len(d.words[si]) && d.words[si][k] == ")" {
					k++ // the acronym's own mention: "(TTP), Lashkar-i-Jhangvi"
				}
				listed = d.coordinated(si, k, m.First)
			}
			if m.First < sp[1] || m.Last > end || m.First-sp[1] > 12 && !listed && !(m.Type == graph.Organization && d.workFor(si, m)) {
				continue
			}
			if m.Type == graph.Organization {
				mm := m
				last = &mm
			}
			switch m.Type {
			case graph.Organization:
				// "a commander of the banned LeJ-A", "Taliban sub-commander X",
				// "AQIS's emir"; not "in a joint operation with the NDS", nor the
				// al Qaeda of "the al Qaeda-linked IJU"
				if d.isModifier(si, m) {
					continue
				}
				// "the NDS arrested an IJU commander": the verb's own object
				// is the target; a preposition other than "of" governs none
				if p := d.preposition(si, m); p == "of" || p == "" || d.workFor(si, m) {
					targets = append(targets, m)
				}
			case graph.Person:
				for _, r := range d.rolesOf(si, m) {
					targets = append(targets, r.org)
				}
				// "NDS special forces killed Abu Khalid al-Masri": the man the
				// force went after, the verb's object
				if people == nil && m.First-sp[1] <= 8 && !d.possessive(si, m) {
					people = append(people, m)
				} else if len(people) > 0 && d.coordinated(si, people[len(people)-1].Last, m.First) {
					people = append(people, m)
				}
			}
		}
		for _, s := range subjects {
			for _, t := range targets {
				if allowed(c.rel.To, t.Type) {
					d.emit(c.rel, s, t, si)
				}
			}
			if s.Kind == "security_force" && allowed(c.rel.To, graph.Person) {
				for _, p := range people {
					d.emit(c.rel, s, p, si)
				}
			}
		}
	}
}

// workFor reports whether the preposition before m ties the people held to
// the group: "recruiters working for the IMU", "fighters for the TTP", "on
// suspicion of links to ISKP", "suspected of membership in the LeJ".
func (d *doc) workFor(si int, m graph.Mention) bool {
	w := d.words[si]
	k := m.First - 1
	if k >= 0 && w[k] == "the" {
		k--
	}
	if k < 1 {
		return false
	}
	p := w[k-1]
	switch w[k] {
	case "for":
		return p == "working" || p == "fighting" || p == "recruiting" || p == "operating" || p == "spying" ||
			d.x.personish[trimPlural(p)] || d.x.members[p]
	case "to", "with":
		return p == "links" || p == "ties" || p == "connections"
	case "in":
		return p == "membership"
	}
	return false
}

// afterAnyCue reports whether token k follows one of the cue spans in the
// same clause (no semicolon between).
func (d *doc) afterAnyCue(si int, spans [][2]int, k int) bool {
	for _, sp := range spans {
		if sp[1] > k {
			continue
		}
		clause := true
		for t := sp[1]; t < k; t++ {
			if d.words[si][t] == ";" {
				clause = false
			}
		}
		if clause {
			return true
		}
	}
	return false
}

// clausePlace returns the most specific place named in the clause after
// token i ("arrested Nazarov at his home in Isfara in October").
func (d *doc) clausePlace(si, i int) (graph.Mention, bool) {
	end := d.clauseEnd(si, i)
	var best graph.Mention
	found := false
	for _, m := range d.bySent[si] {
		if m.Type != graph.Location || m.First < i || m.Last > end || d.isDateline(si, m) || d.possessive(si, m) || d.describedBefore(si, i, m.First) {
			continue
		}
		if !found || d.rank(m) < d.rank(best) {
			best, found = m, true
		}
	}
	if !found {
		// "In Maiwand district, Kandahar province, the force captured X":
		// the opening place
		for _, m := range d.frontedPlaces(si, []string{graph.Location}) {
			if !found || d.rank(m) < d.rank(best) {
				best, found = m, true
			}
		}
	}
	return best, found
}

// stopped reports whether one of the cue's unless phrases stands in the
// clause of the cue span sp, from a few words before it to the clause's end
// ("killed by a roadside bomb", "a roadside bomb killed").
func (d *doc) stopped(si int, sp [2]int, unless map[string][][]string) bool {
	if len(unless) == 0 {
		return false
	}
	from := sp[0] - 6
	if from < 0 {
		from = 0
	}
	end := d.clauseEnd(si, sp[1])
	for _, u := range d.cueSpans(si, unless) {
		if u[0] >= from && u[1] <= end {
			return true
		}
	}
	return false
}

// amongVictims reads "Among those killed in the raid was X", "Among the
// members detained in Suzak is X": the people named after the copula
// that follows the cue ending at token i.
func (d *doc) amongVictims(si, i int) []graph.Mention {
	w := d.words[si]
	if len(w) == 0 || w[0] != "among" {
		return nil
	}
	for k := i; k < len(w) && k < i+20; k++ {
		// "Among the dead, according to the ISPR, was X": the source aside
		if w[k] == "," && k+1 < len(w) && w[k+1] == "according" {
			for k++; k < len(w) && w[k] != ","; k++ {
			}
			continue
		}
		if w[k] == "," || w[k] == ";" {
			return nil
		}
		if w[k] == "is" || w[k] == "was" || w[k] == "were" || w[k] == "are" {
			// "was the cell's ringleader, Abdul Rehman": past a description
			for _, m := range d.bySent[si] {
				if m.Type == graph.Person && m.First > k && m.First <= k+8 && !d.possessive(si, m) {
					return d.groupAfter(si, m.First, d.clauseEnd(si, m.First), 0, []string{graph.Person})
				}
			}
			return nil
		}
	}
	return nil
}

// victimsAfter returns the people the cue acts on: the first person named
// within a few words after it, with those listed beside them ("killed the
// Taliban leader, X", "killed IMU facilitator, X, and Y").
func (d *doc) victimsAfter(si, i int) []graph.Mention {
	end := d.clauseEnd(si, i)
	w := d.words[si]
	// "arrested three suspected members of the TTP, including a local
	// commander, X": the people the list names further on
	reach := 8
	role := false
	for k := i; k < end && k < i+16; k++ {
		if w[k] == "including" {
			reach = k - i + 8
			break
		}
		// "arrested two alleged operatives of the TTP (TTP), X and Y": the
		// names the description is put to
		if !d.inMention(si, k) && (d.x.personish[w[k]] || d.x.personish[trimPlural(w[k])]) {
			role = true
		}
		if w[k] == "," && role {
			reach = k - i + 6 // ", identified by police as X"
			break
		}
	}
	for _, m := range d.bySent[si] {
		if m.First < i || m.Last > end {
			continue
		}
		if m.First-i > reach {
			return nil
		}
		// "captured Salahuddin's deputy, X": not Salahuddin
		if m.Type == graph.Person && d.possessive(si, m) {
			continue
		}
		// "..., police spokesman X said": the one who speaks is no victim
		if m.Type == graph.Person && !d.qualifies(si, m) && !(m.Last < len(w) && d.x.speech[w[m.Last]]) {
			return d.groupAfter(si, m.First, end, 0, []string{graph.Person})
		}
	}
	return nil
}

// eventPlace returns where the event of the cue at token i of sentence si took
// place: the most specific place of the sentence, else of an earlier sentence
// of the paragraph that speaks of an operation, else the place of the last
// operation the document placed. It reports the sentence the place came from.
func (d *doc) eventPlace(si, i int) (graph.Mention, int, bool) {
	if !d.hasContext(si) && !d.paragraphHasContext(si) && d.lastOp < 0 {
		return graph.Mention{}, 0, false
	}
	// "killed X, the Taliban shadow governor for Qaisar district, Faryab
	// province": the office's place, if the paragraph names none
	m, ok, office := d.eventPlaces(si, i)
	if ok {
		return m, si, true
	}
	para := d.in.Sentences[si].Paragraph
	for s := si - 1; s >= 0 && d.in.Sentences[s].Paragraph == para; s-- {
		if d.hasContext(s) {
			if m, ok := d.mostSpecific(s, len(d.words[s])); ok {
				return m, s, true
			}
		}
	}
	var last *graph.Mention
	if d.lastOp >= 0 && d.hasContext(si) {
		if m, ok := d.mostSpecific(d.lastOp, len(d.words[d.lastOp])); ok {
			last = &m
		}
	}
	// the last operation's place when it lies in the office's ("the IMU's
	// commander for North Waziristan" after a raid in Datta Khel), else
	// the office's
	if office != nil && (last == nil || d.x.places == nil || !d.x.places.Contains(office.EntityKey, last.EntityKey)) {
		return *office, si, true
	}
	if last != nil {
		return *last, d.lastOp, true
	}
	return graph.Mention{}, 0, false
}

func (d *doc) paragraphHasContext(si int) bool {
	para := d.in.Sentences[si].Paragraph
	for s := si - 1; s >= 0 && d.in.Sentences[s].Paragraph == para; s-- {
		if d.hasContext(s) {
			return true
		}
	}
	return false
}

// mostSpecific returns the most specific place of sentence si, the nearest
// to token i among equals.
func (d *doc) mostSpecific(si, i int) (graph.Mention, bool) {
	m, ok, _ := d.eventPlaces(si, i)
	return m, ok
}

// eventPlaces returns mostSpecific's place, and the place of an office the
// sentence names ("the shadow governor for Qaisar district"), which it
// passes over.
func (d *doc) eventPlaces(si, i int) (graph.Mention, bool, *graph.Mention) {
	best := -1
	var out graph.Mention
	w := d.words[si]
	var office *graph.Mention
	for _, m := range d.bySent[si] {
		if m.Type != graph.Location || d.isDateline(si, m) {
			continue
		}
		// "ISKP's military chief for Kot district": the place of an office,
		// not of the event; "a cleric from Xinjiang": an origin
		// ("the shadow governor for Qaisar district, Faryab province": the
		// province that places the office's district is the office's too)
		if f := m.First - 1; f >= 1 && w[f] == "for" && d.x.personish[w[f-1]] || office != nil && f >= 1 && w[f] == "," && d.skipHead(si, office.Last) == f {
			if office == nil {
				mm := m
				office = &mm
			}
			continue
		}
		if f := m.First - 1; f >= 1 && w[f] == "from" && d.in.Sentences[si].Tokens[f-1].Word && !d.x.function[w[f-1]] && !d.x.verbish(w[f-1]) {
			continue
		}
		// "in Achin's Mohmand Valley": the place inside, not the one around it
		if d.possessive(si, m) && d.mentionStartingAt(si, m.Last+1, graph.Location) != nil {
			continue
		}
		// "X, who was wanted in the April attack on the Daraban police
		// station", "X, a financier who moved money to Quetta": a place the
		// victim's description names, after the cue
		if m.First > i && d.describedBefore(si, i, m.First) {
			continue
		}
		// "in the Shewa area, north of the town of Mir Ali": a landmark
		if d.landmark(si, m) {
			continue
		}
		score := d.rank(m)*1000 + absInt(m.First-i)
		// "raided JeM offices in Kotli and Bagh and arrested X in Kotli": a
		// place after the cue, in its own clause, is the event's
		if m.First < i && d.placeAfterCue(si, i) {
			score += 500
		}
		// "the Paharpur area of D.I. Khan": a place inside the other,
		// whatever the kinds and distances say
		inside, around := false, false
		if best >= 0 && d.x.places != nil {
			inside = d.x.places.Contains(out.EntityKey, m.EntityKey)
			around = d.x.places.Contains(m.EntityKey, out.EntityKey)
		}
		if best < 0 || inside || score < best && !around {
			best, out = score, m
		}
	}
	return out, best >= 0, office
}

// placeAfterCue reports whether the clause of the cue at token i names a
// place after it, with no other event verb between.
func (d *doc) placeAfterCue(si, i int) bool {
	end := d.clauseEnd(si, i)
	// not past a description of the victim: "captured X, a Taliban financier
	// who moved money to Quetta", "arrested three suspects, including X, a
	// LeJ-A commander involved in attacks in Hazara Town"
	w := d.words[si]
	for k := i; k+1 < end; k++ {
		if w[k] == "who" || w[k] == "which" || w[k] == "," && (w[k+1] == "a" || w[k+1] == "an" || w[k+1] == "the" || w[k+1] == "including") {
			end = k
			break
		}
	}
	for _, m := range d.bySent[si] {
		if m.Type == graph.Location && m.First > i && m.Last <= end && !d.isDateline(si, m) && !d.describedBefore(si, i, m.First) {
			return true
		}
	}
	return false
}

// landmark reports whether a place only gives the bearing of another
// ("north of the town of Mir Ali", "40 kilometres west of Miramshah").
func (d *doc) landmark(si int, m graph.Mention) bool {
	w := d.words[si]
	for k := m.First - 1; k >= 1 && k >= m.First-5; k-- {
		if w[k] == "of" && (strings.HasSuffix(w[k-1], "north") || strings.HasSuffix(w[k-1], "south") || strings.HasSuffix(w[k-1], "east") || strings.HasSuffix(w[k-1], "west")) {
			return true
		}
		if !d.in.Sentences[si].Tokens[k].Word {
			return false
		}
	}
	return false
}

// describedBefore reports whether a relative clause opens between tokens i
// and k, and no comma closes it with a place of the event after ("who was
// wanted in the attack on ...", "a financier who moved money to Quetta"): a
// place in it is not the event's.
func (d *doc) describedBefore(si, i, k int) bool {
	w := d.words[si]
	rel := false
	for n := i; n < k && n < len(w); n++ {
		switch w[n] {
		case "who", "which", "whose":
			rel = true
		case ",":
			// "X, who ran a cell, in a raid in Y": the clause closed
			if rel && n+1 < len(w) && (w[n+1] == "in" || w[n+1] == "during" || w[n+1] == "near" || w[n+1] == "at") {
				rel = false
			}
		}
	}
	return rel
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// containment reads "X district, Y province", "X in Y", "the X tehsil of Y",
// "Y's province of X", "Afghanistan's Khost and Paktika provinces", and places
// of one sentence that the gazetteer nests directly.
func (d *doc) containment(si int, c compiledCue) {
	w := d.words[si]
	var locs []graph.Mention
	for _, m := range d.bySent[si] {
		if m.Type == graph.Location && !m.Anaphor {
			locs = append(locs, m)
		}
	}
	for a := 0; a+1 < len(locs); a++ {
		inner, outer := locs[a], locs[a+1]
		if d.isDateline(si, inner) {
			continue // "KABUL, Afghanistan (March 22, 2012) -"
		}
		gap := d.skipHead(si, inner.Last)
		between := w[gap:outer.First]
		headInner := d.headKind(si, inner.Last)
		if headInner == "" && inner.Last > inner.First+1 {
			// "the Mohmand valley of Achin", "Orangi Town": a head in the name
			headInner = d.x.locHeads[w[inner.Last-1]]
		}
		known := d.x.places != nil && d.x.places.Contains(outer.EntityKey, inner.EntityKey)
		if len(between) >= 1 && between[0] == "'s" {
			// "Afghanistan's eastern provinces of Khost and Paktia": each possessed place
			if len(between) > 6 {
				continue
			}
			for _, o := range d.listFrom(si, locs, a+1) {
				if d.x.places != nil && d.x.places.Placed(o.EntityKey) && !d.x.places.Contains(inner.EntityKey, o.EntityKey) {
					continue // the gazetteer puts it elsewhere: "Paktika's Barmal and the Zurmat district of Paktia"
				}
				if d.x.kindRank[o.Kind] < d.x.kindRank[inner.Kind] || d.headKind(si, o.Last) != "" || d.x.places != nil && d.x.places.Contains(inner.EntityKey, o.EntityKey) {
					d.emit(c.rel, o, inner, si)
				}
			}
			continue
		}
		// "Zhawar, in Afghanistan's Khost province", "Termez, in neighbouring
		// Uzbekistan": a comma before the preposition, an adjective after it
		if len(between) >= 2 && between[0] == "," && between[1] == "in" {
			between = between[1:]
			gap++
		}
		if len(between) == 2 && between[0] == "in" && (between[1] == "neighboring" || between[1] == "neighbouring" || between[1] == "adjoining" || strings.HasSuffix(between[1], "ern")) {
			between = between[:1]
		}
		preposition := len(between) == 1 && (between[0] == "in" || between[0] == "of") ||
			len(between) == 2 && (between[0] == "in" || between[0] == "of") && between[1] == "the"
		if !(preposition || len(between) == 1 && between[0] == ",") {
			continue
		}
		// "X in Y's Z", "the X district of Y's Z province": X lies in Z,
		// not only in Y
		if d.possessive(si, outer) {
			if list := d.listFrom(si, locs, a+2); len(list) > 0 && preposition && (w[gap] == "in" || w[gap] == "of") {
				d.emit(c.rel, inner, list[0], si)
				continue
			}
		}
		smaller := d.rank(inner) < d.rank(outer)
		typed := headInner != "" && (preposition && w[gap] == "of" || smaller) ||
			inner.Kind == "district" && (outer.Kind == "province" || d.headKind(si, outer.Last) == "province")
		// "near Ahmad Wal in Balochistan", "a madrassa in Chenagai, Bajaur":
		// a town the gazetteer does not know, in a province, district or
		// country it does (not a list: "Chenagai, Bajaur and Khar")
		unknown := d.x.places != nil && !d.x.places.Placed(inner.EntityKey) && d.x.places.Placed(outer.EntityKey) &&
			inner.Kind == "city" && outer.Kind != "city" && !d.listGoesOn(si, outer)
		if known || typed || unknown {
			d.emit(c.rel, inner, outer, si)
		}
	}
	// "the Pakistani city of Muzaffarabad": in the country the document names
	for _, l := range locs {
		k := l.First
		if k < 3 || w[k-1] != "of" || d.x.locHeads[w[k-2]] == "" {
			continue
		}
		if key, ok := d.x.demonyms[w[k-3]]; ok && key != l.EntityKey {
			if country, ok := d.nearestMention(si, key); ok {
				d.emit(c.rel, l, country, country.Sentence, si)
			}
		}
	}
	// "Maimana, the provincial capital", "Gereshk, the district centre":
	// the province (district) named last; "Ghalanai, Mohmand's district
	// headquarters": the place named
	for _, l := range locs {
		k := l.Last
		if k+3 >= len(w) || w[k] != "," || !d.x.seats[w[k+3]] {
			continue
		}
		kind := seatKind(w[k+2])
		if w[k+1] == "the" && kind != "" {
			// not "the provincial capital of Faryab" (a cue of its own), nor a
			// province the gazetteer says the town is not in
			if k+4 < len(w) && w[k+4] == "of" {
				continue
			}
			if out, from, ok := d.lastOfKind(si, l.First, kind); ok && d.mayLieIn(si, l, out) {
				d.emit(c.rel, l, out, from, si)
			}
			continue
		}
		if out := d.mentionStartingAt(si, k+1, graph.Location); out != nil && out.Last+2 < len(w) && w[out.Last] == "'s" && (kind != "" || d.x.seats[w[out.Last+1]]) {
			d.emit(c.rel, l, *out, si)
		}
	}
	// towns and districts of one sentence that the gazetteer puts right
	// inside another place of the sentence
	if d.x.places == nil {
		return
	}
	for _, in := range locs {
		// the dateline names where the story was filed ("KABUL, Afghanistan
		// (March 22, 2012) -"), no place of the story
		if d.isDateline(si, in) {
			continue
		}
		for _, out := range locs {
			// "Uzbekistan's State Security Service": a country that only
			// qualifies a body
			if d.possessive(si, out) && d.mentionStartingAt(si, out.Last+1, graph.Organization) != nil {
				continue
			}
			if (in.Kind == "district" || in.Kind == "city" || in.Kind == "province" && out.Kind == "country") && d.rank(out) > d.rank(in) && d.x.places.DirectlyIn(out.EntityKey, in.EntityKey) {
				d.emit(c.rel, in, out, si)
			}
		}
		// or of an earlier sentence of the paragraph ("Operations in Farah
		// province ... In Bakwa district, ...")
		if in.Kind != "district" && in.Kind != "city" {
			continue
		}
		para := d.in.Sentences[si].Paragraph
		for s := si - 1; s >= 0 && d.in.Sentences[s].Paragraph == para; s-- {
			for _, out := range d.bySent[s] {
				if out.Type == graph.Location && !out.Anaphor && d.rank(out) > d.rank(in) && d.x.places.DirectlyIn(out.EntityKey, in.EntityKey) {
					d.emit(c.rel, in, out, s, si)
				}
			}
		}
	}
}

// listGoesOn reports whether another name follows a place in a list
// ("Chenagai, Bajaur and Khar").
func (d *doc) listGoesOn(si int, m graph.Mention) bool {
	w := d.words[si]
	k := d.skipHead(si, m.Last)
	if k < len(w) && w[k] == "," {
		k++
	}
	if k < len(w) && (w[k] == "and" || w[k] == "or") {
		k++
	}
	// "Siah Chow, Dehrawud district, Uruzgan province" is no list: the next
	// place is a larger one
	n := d.mentionStartingAt(si, k, graph.Location)
	return k > m.Last && n != nil && d.rank(*n) <= d.rank(m)
}

// seatKind returns the place kind a seat's qualifier names ("the
// provincial capital", "the district centre"), or "".
func seatKind(w string) string {
	switch w {
	case "provincial", "province":
		return "province"
	case "district":
		return "district"
	}
	return ""
}

// mayLieIn reports whether the gazetteer allows inner to lie in outer: it
// puts inner there, or does not know where inner lies, or puts both in a
// place the sentence names ("Gereshk, the district centre" of Nahr-e
// Saraj, where the gazetteer only knows both lie in Helmand).
func (d *doc) mayLieIn(si int, inner, outer graph.Mention) bool {
	p := d.x.places
	if p == nil || !p.Placed(inner.EntityKey) || p.Contains(outer.EntityKey, inner.EntityKey) {
		return true
	}
	for _, m := range d.locations(si) {
		if p.Contains(m.EntityKey, inner.EntityKey) && p.Contains(m.EntityKey, outer.EntityKey) {
			return true
		}
	}
	return false
}

// lastOfKind returns the last place of the kind named before token i of
// sentence si, in it or the two sentences before, and the sentence it is in.
func (d *doc) lastOfKind(si, i int, kind string) (graph.Mention, int, bool) {
	for s := si; s >= 0 && s >= si-2; s-- {
		ms := d.bySent[s]
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].Type == graph.Location && ms[k].Kind == kind && (s < si || ms[k].Last <= i) {
				return ms[k], s, true
			}
		}
	}
	return graph.Mention{}, 0, false
}

// rank orders places from the most specific (ontology location_nesting);
// a kind the nesting leaves out ranks in the middle.
func (d *doc) rank(m graph.Mention) int {
	if r, ok := d.x.kindRank[m.Kind]; ok {
		return r
	}
	return len(d.x.kindRank) / 2
}

// possessive reports whether a mention is followed by "'s".
func (d *doc) possessive(si int, m graph.Mention) bool {
	return m.Last < len(d.words[si]) && d.words[si][m.Last] == "'s"
}

// entryPerson returns the person a paragraph opens with, when sentence si
// of it names no one and opens with a participle ("Killed in a US
// airstrike in Gerda Serai.", "Arrested in Peshawar in 2015.").
func (d *doc) entryPerson(si int) (graph.Mention, bool) {
	for _, m := range d.bySent[si] {
		if m.Type == graph.Person {
			return graph.Mention{}, false
		}
	}
	sents := d.in.Sentences
	s := si
	for s > 0 && sents[s-1].Paragraph == sents[si].Paragraph {
		s--
	}
	if s == si || len(d.bySent[s]) == 0 {
		return graph.Mention{}, false
	}
	m := d.bySent[s][0]
	if m.Type != graph.Person || m.First > 1 || m.Anaphor {
		return graph.Mention{}, false
	}
	return m, true
}

// nearestMention returns the mention of the entity nearest sentence si,
// looking back first.
func (d *doc) nearestMention(si int, key string) (graph.Mention, bool) {
	for dist := 0; dist < len(d.bySent); dist++ {
		for _, s := range []int{si - dist, si + dist} {
			if s < 0 || s >= len(d.bySent) {
				continue
			}
			for _, m := range d.bySent[s] {
				if m.EntityKey == key && !m.Anaphor {
					return m, true
				}
			}
		}
	}
	return graph.Mention{}, false
}

// listFrom returns locs[k] and the places listed with it ("Khost and
// Paktika provinces", "provinces of Khost, Paktia, and Paktika").
func (d *doc) listFrom(si int, locs []graph.Mention, k int) []graph.Mention {
	if k >= len(locs) {
		return nil
	}
	out := []graph.Mention{locs[k]}
	for j := k + 1; j < len(locs); j++ {
		if !d.coordinated(si, d.skipHead(si, out[len(out)-1].Last), locs[j].First) && !d.coordinated(si, out[len(out)-1].Last, locs[j].First) {
			break
		}
		out = append(out, locs[j])
	}
	return out
}

// skipHead returns the token after a head noun that follows a place name.
func (d *doc) skipHead(si, k int) int {
	w := d.words[si]
	for k < len(w) && (w[k] == "[" || w[k] == "]") {
		k++
	}
	if k < len(w) && d.x.locHeads[w[k]] != "" {
		k++
	}
	for k < len(w) && (w[k] == "[" || w[k] == "]") {
		k++
	}
	return k
}

func (d *doc) headKind(si, k int) string {
	w := d.words[si]
	for k < len(w) && (w[k] == "[" || w[k] == "]") {
		k++
	}
	if k < len(w) {
		return d.x.locHeads[w[k]]
	}
	return ""
}
