package entities

import (
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
)

// directionalCountries reads "northern Afghanistan" and "northwest Pakistan"
// as the country, and "the Afghan north" as Afghanistan: a direction inside a
// country is the country.
func (d *doc) directionalCountries(si int) {
	toks := d.sents[si].Tokens
	for mi := range d.mentions[si] {
		m := &d.mentions[si][mi]
		if m.Type != graph.Location || m.Kind != "country" || m.First == 0 {
			continue
		}
		p := m.First - 1
		if toks[p].Word && !d.covered[si][p] && d.x.directions[graph.FoldWord(toks[p].Text)] {
			m.First = p
			m.Start = toks[p].Start
			m.Text = d.sents[si].Text[m.Start-d.sents[si].Start : m.End-d.sents[si].Start]
			d.covered[si][p] = true
			if e := d.entities[m.EntityKey]; e != nil && !containsString(e.Aliases, cleanSurface(m.Text)) {
				e.Aliases = append(e.Aliases, cleanSurface(m.Text))
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if d.covered[si][i] || d.covered[si][i+1] || !toks[i].Word || !toks[i+1].Word {
			continue
		}
		country, ok := d.x.demonyms[graph.FoldWord(toks[i].Text)]
		if ok && capitalised(toks[i].Text) && d.x.dirNouns[graph.FoldWord(toks[i+1].Text)] {
			// "the Afghan north", not "Afghan north-south highway"
			if i+2 < len(toks) && toks[i+2].Text == "-" {
				continue
			}
			d.add(si, i, i+2, graph.Location, "country", country, false, "")
		}
	}
}

// nameRun returns the end of the run of name tokens starting at i: capitalised
// words that are not stopwords, joined by hyphens, apostrophes and connectors.
func (d *doc) nameRun(si, i int) int {
	toks := d.sents[si].Tokens
	j := i
	last := i
	// "Son of Fazal Rabbani.": a kinship that describes, no name
	if i+1 < len(toks) && d.x.kin[graph.FoldWord(toks[i].Text)] && graph.FoldWord(toks[i+1].Text) == "of" {
		return i
	}
	for j < len(toks) && j-i < 12 {
		t := toks[j]
		if d.covered[si][j] {
			break
		}
		w := graph.FoldWord(t.Text)
		switch {
		case t.Word && capitalised(t.Text) && !d.x.stop[w]:
			j++
			last = j
		case t.Word && capitalised(t.Text) && j > i && d.x.nameNouns[w]:
			j++
			last = j
		case t.Word && capitalised(t.Text) && j > i && d.afterArticle(si, j):
			// a nisba: "al-Yemeni", "al-Afghani", though a demonym alone is no name
			j++
			last = j
		case t.Word && capitalised(t.Text) && d.x.nameFinal[w] && j > i && !d.dateFollows(si, j+1):
			j++
			last = j
		case t.Word && d.x.connectors[w] && !capitalised(t.Text) && j > i && w != "and" && w != "the":
			j++
		case !t.Word && (t.Text == "-" || t.Text == "'") && j > i && j+1 < len(toks) && toks[j+1].Word && toks[j+1].Start == t.End && t.Start == toks[j-1].End:
			j++
		default:
			return last
		}
	}
	return last
}

// afterArticle reports whether token k follows the Arabic article of a
// name ("al-", "el "), a hyphen aside.
func (d *doc) afterArticle(si, k int) bool {
	toks := d.sents[si].Tokens
	p := k - 1
	if p >= 0 && toks[p].Text == "-" {
		p--
	}
	if p < 0 || !toks[p].Word {
		return false
	}
	a := graph.FoldWord(toks[p].Text)
	return a == "al" || a == "el"
}

// dateFollows reports whether token k of sentence si starts a date's rest:
// a period or a number ("Jan. 5", "Jan 2010").
func (d *doc) dateFollows(si, k int) bool {
	toks := d.sents[si].Tokens
	if k >= len(toks) {
		return false
	}
	t := toks[k].Text
	return t == "." || t != "" && t[0] >= '0' && t[0] <= '9'
}

// headedLocations reads places named by a head noun: "Argo district",
// "Daht-e Archi [district]", "the Qal-e Zal and Chahar Dara districts",
// "the districts of Argo, Faizabad, and Kishim".
func (d *doc) headedLocations(si int) {
	toks := d.sents[si].Tokens
	for h := 1; h < len(toks); h++ {
		if !toks[h].Word {
			continue
		}
		named := d.x.namedHeads[toks[h].Text] != ""
		kind := d.x.locHeads[graph.FoldWord(toks[h].Text)]
		if named {
			kind = d.x.namedHeads[toks[h].Text]
		}
		if kind == "" {
			continue
		}
		plural := strings.HasSuffix(strings.ToLower(toks[h].Text), "s")
		// names before the head
		end := h
		for end > 0 && (toks[end-1].Text == "[" || toks[end-1].Text == "]") {
			end--
		}
		for end > 0 {
			start := d.runBefore(si, end)
			// "the Hazara Town locality": a people's name may name a town
			if start < 0 && end == h && named && toks[h-1].Word && capitalised(toks[h-1].Text) && !d.covered[si][h-1] && d.x.ethnonyms[graph.FoldWord(toks[h-1].Text)] {
				start = h - 1
			}
			if start < 0 {
				break
			}
			// "Hazara Town", "Orangi Town": a capitalised town is part of its name
			if end == h && named {
				d.addPlace(si, start, h+1, kind)
				break
			}
			key := d.addPlace(si, start, end, kind)
			// "the Zerkoh valley": the phrase is another name of the place
			if end == h && d.x.aliasHeads[graph.FoldWord(toks[h].Text)] {
				d.addAlias(key, joinTokens(toks[start:h+1]))
			}
			if !plural {
				break
			}
			// coordinated names: "A and B districts", "A, B and C provinces"
			k := start - 1
			for k >= 0 && (toks[k].Text == "," || strings.EqualFold(toks[k].Text, "and") || toks[k].Text == "the") {
				k--
			}
			if k == start-1 || k < 0 {
				break
			}
			end = k + 1
		}
		// "the village of Kara-Bak", "the town of Chaman": one name after the head
		if !plural && h >= 1 && strings.EqualFold(toks[h-1].Text, "the") && h+2 < len(toks) && strings.EqualFold(toks[h+1].Text, "of") &&
			toks[h+2].Word && capitalised(toks[h+2].Text) && !d.covered[si][h+2] {
			if e := d.nameRun(si, h+2); e > h+2 {
				d.addPlace(si, h+2, e, kind)
			}
		}
		// names after "districts of" / "provinces of"
		if plural && h+1 < len(toks) && strings.EqualFold(toks[h+1].Text, "of") {
			k := h + 2
			for k < len(toks) {
				if toks[k].Text == "," || strings.EqualFold(toks[k].Text, "and") || toks[k].Text == "the" {
					k++
					continue
				}
				if d.covered[si][k] {
					k++
					// a gazetteer name already marked, with its numbers in brackets: go on
					for k < len(toks) && d.covered[si][k] {
						k++
					}
					k = skipBracket(toks, k)
					continue
				}
				if !toks[k].Word || !capitalised(toks[k].Text) {
					break
				}
				e := d.nameRun(si, k)
				if e == k {
					break
				}
				d.addPlace(si, k, e, kind)
				k = skipBracket(toks, e)
			}
		}
	}
}

// namedGroups reads a group the press names after its leader with a common
// noun: "the Mullah Nazir group", "the Fazlullah faction". The man's name
// and the noun are the group's name.
func (d *doc) namedGroups(si int) {
	toks := d.sents[si].Tokens
	for i := 0; i < len(d.mentions[si]); i++ {
		m := d.mentions[si][i]
		if m.Type != graph.Person || m.Anaphor || m.First < 1 || d.folded[si][m.First-1] != "the" || m.Last >= len(toks) {
			continue
		}
		head := toks[m.Last]
		if !head.Word || capitalised(head.Text) || head.Start != toks[m.Last-1].End+1 {
			continue
		}
		switch d.folded[si][m.Last] {
		case "group", "faction", "militia", "network":
		default:
			continue
		}
		// not "the Mullah Nazir group commander"
		if m.Last+1 < len(toks) && toks[m.Last+1].Word && !capitalised(toks[m.Last+1].Text) && (d.x.personNouns[d.folded[si][m.Last+1]] || d.x.orgHeads[d.folded[si][m.Last+1]]) {
			continue
		}
		first, last := m.First, m.Last+1
		d.removeMention(si, i)
		d.add(si, first, last, graph.Organization, "militant_group", joinTokens(toks[first:last]), false, "")
		i = -1 // the mentions moved
	}
}

// nearPlaces reads a name no gazetteer holds after "near" or "the outskirts
// of" ("killed in an exchange of fire near Kardgap"): only a place stands
// there.
func (d *doc) nearPlaces(si int) {
	toks := d.sents[si].Tokens
	for i := 1; i < len(toks); i++ {
		p := d.folded[si][i-1]
		if p != "near" && !(p == "of" && i >= 2 && d.folded[si][i-2] == "outskirts") {
			continue
		}
		if !toks[i].Word || d.covered[si][i] || !capitalised(toks[i].Text) || d.x.stop[d.folded[si][i]] {
			continue
		}
		end := d.nameRun(si, i)
		if end <= i || end-i > 3 || end < len(toks) && toks[end].Word && capitalised(toks[end].Text) {
			continue
		}
		d.addPlace(si, i, end, "city")
	}
}

func skipBracket(toks []graph.Token, k int) int {
	if k < len(toks) && toks[k].Text == "(" {
		for k < len(toks) && toks[k].Text != ")" {
			k++
		}
		k++
	}
	return k
}

// runBefore returns the start of the run of name tokens that ends at end, or -1.
// Connectors and hyphens may join the run's words but never start it.
func (d *doc) runBefore(si, end int) int {
	toks := d.sents[si].Tokens
	start := end
	for k := end - 1; k >= 0 && end-k <= 8; k-- {
		t := toks[k]
		if d.covered[si][k] {
			break
		}
		w := graph.FoldWord(t.Text)
		if t.Word && capitalised(t.Text) && !d.x.stop[w] {
			start = k
			continue
		}
		joiner := t.Text == "-" || t.Text == "'" || t.Word && d.x.connectors[w] && !capitalised(t.Text) && w != "and" && w != "the"
		if joiner && k > 0 && start < end {
			continue
		}
		break
	}
	if start == end {
		return -1
	}
	return start
}

// addPlace adds a place found by its head noun, spelled as the gazetteer
// spells it when it differs by one letter.
func (d *doc) addPlace(si, first, last int, kind string) string {
	name := joinTokens(d.sents[si].Tokens[first:last])
	if e, ok := d.x.nearPlace(graph.FoldName(name)); ok {
		return d.add(si, first, last, graph.Location, e.Kind, e.Name, false, "")
	}
	return d.add(si, first, last, graph.Location, kind, name, false, "")
}

// addAlias records another name of an entity found in the text.
func (d *doc) addAlias(key, alias string) {
	e := d.entities[key]
	if e == nil || alias == e.Name || containsString(e.Aliases, alias) {
		return
	}
	e.Aliases = append(e.Aliases, alias)
	sort.Strings(e.Aliases)
}

// nearPlace finds the gazetteer place whose folded name is at most one edit
// away from k (names of six letters or more).
func (x *Extractor) nearPlace(k string) (entry, bool) {
	if len(k) < 6 {
		return entry{}, false
	}
	for _, n := range x.locNames {
		if n[0] != k[0] || abs(len(n)-len(k)) > 1 {
			continue
		}
		if withinOneEdit(n, k) {
			return x.locByFolded[n], true
		}
	}
	return entry{}, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion or substitution.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return len(b)-len(a) <= 1
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// shapedOrganizations reads organizations by the shape of their names:
// "Lashkar-e-Islam", "Tehrik-e-Nafaz...", "the Punjabi Taliban", "... Network".
func (d *doc) shapedOrganizations(si int) {
	toks := d.sents[si].Tokens
	for i := 0; i < len(toks); i++ {
		if d.covered[si][i] || !toks[i].Word || !capitalised(toks[i].Text) {
			continue
		}
		// a sub-unit right after a known organization ("ISAF Joint Command") is part of it
		if i > 0 && d.covered[si][i-1] {
			d.placeHeadedOrganization(si, i)
			continue
		}
		end := d.nameRun(si, i)
		if end-i < 1 {
			continue
		}
		words := toks[i:end]
		first := graph.FoldWord(words[0].Text)
		last := graph.FoldWord(words[len(words)-1].Text)
		isOrg := d.x.orgPrefixes[first] && end-i >= 2 ||
			d.x.orgHeads[last] && countWords(words) >= 2 && !d.x.demonymOnly(words) ||
			d.x.headOfName(words)
		// "a Foreign Terrorist Organization": a kind of thing, not a name
		if p := prevWord(toks, i); p >= 0 && p == i-1 && (d.folded[si][p] == "a" || d.folded[si][p] == "an") {
			isOrg = false
		}
		if !isOrg {
			i = end - 1
			continue
		}
		// "Harkat-e-Inqilab-e-Islami Pakistan", "Jamaat-e-Islami Pakistan": a
		// prefix-shaped name goes on over the country it is of
		if d.x.orgPrefixes[first] {
			if m := d.mentionAtStart(si, end); m >= 0 && d.mentions[si][m].Type == graph.Location && d.mentions[si][m].Kind == "country" &&
				d.mentions[si][m].Last == end+1 && toks[end].Start == toks[end-1].End+1 {
				d.removeMention(si, m)
				end++
				words = toks[i:end]
			}
		}
		// "Kyrgyzstan's State Committee for National Security": the country's
		// own body, where the gazetteer names it "... of Kyrgyzstan"
		if e, ok := d.countrysOwn(si, i, words); ok {
			d.add(si, i, end, graph.Organization, e.Kind, e.Name, false, "")
		} else {
			d.add(si, i, end, graph.Organization, d.x.orgKind(words), joinTokens(words), false, "")
		}
		i = end - 1
	}
}

// headOfName reports whether an organization head opens a name's
// complement: "State Committee for National Security", "Ministry of
// Interior", "Directorate of Security".
func (x *Extractor) headOfName(words []graph.Token) bool {
	for k := 0; k+2 < len(words); k++ {
		if !x.orgHeads[graph.FoldWord(words[k].Text)] {
			continue
		}
		if c := graph.FoldWord(words[k+1].Text); c == "for" || c == "of" {
			return true
		}
	}
	return false
}

// countrysOwn finds the gazetteer's "NAME of COUNTRY" for a name written
// after "COUNTRY's".
func (d *doc) countrysOwn(si, i int, words []graph.Token) (entry, bool) {
	if i < 2 || d.folded[si][i-1] != "s" && d.sents[si].Tokens[i-1].Text != "'s" {
		return entry{}, false
	}
	for _, m := range d.mentions[si] {
		if m.Last != i-1 || m.Type != graph.Location || m.Kind != "country" {
			continue
		}
		country := d.entities[m.EntityKey]
		if country == nil {
			return entry{}, false
		}
		for _, v := range d.x.ix.byKey[graph.FoldName(joinTokens(words)+" of "+country.Name)] {
			if v.Type == graph.Organization {
				return v.entry, true
			}
		}
	}
	return entry{}, false
}

// placeHeadedOrganization reads a place and one organization head as a
// group of its own: "the Peshawar Shura", "the Sindh Police". Countries are
// left out: their armies and police are in the gazetteer.
func (d *doc) placeHeadedOrganization(si, i int) {
	toks := d.sents[si].Tokens
	if !d.x.orgHeads[d.folded[si][i]] || i+1 < len(toks) && toks[i+1].Word && capitalised(toks[i+1].Text) {
		return
	}
	// "the Kandahar Directorate of Security": the head's complement goes with it
	end := i + 1
	if e := d.nameRun(si, i); e > end && d.x.headOfName(toks[i:e]) {
		end = e
	}
	for k, m := range d.mentions[si] {
		if m.Last != i || m.Type != graph.Location || m.Anaphor {
			continue
		}
		if m.Kind == "country" || m.Kind == "" {
			return
		}
		words := toks[m.First:end]
		d.removeMention(si, k)
		d.add(si, m.First, end, graph.Organization, d.x.orgKind(words), joinTokens(words), false, "")
		return
	}
}

func countWords(toks []graph.Token) int {
	n := 0
	for _, t := range toks {
		if t.Word {
			n++
		}
	}
	return n
}

// demonymOnly reports whether a name is a demonym and a generic head
// ("Afghan Army" is the Afghan National Army's business, not a new group).
func (x *Extractor) demonymOnly(words []graph.Token) bool {
	if countWords(words) != 2 {
		return false
	}
	_, ok := x.demonyms[graph.FoldWord(words[0].Text)]
	return ok && graph.FoldWord(words[len(words)-1].Text) != "taliban"
}

// lastWordsOf maps the last word of an organization's name to it when the
// word is long, no other name ends with it, and it names nothing else:
// "Ansarullah" for Jamaat Ansarullah, "Jhangvi" for Lashkar-e-Jhangvi.
func lastWordsOf(s *ontology.Schema, x *Extractor) map[string]entry {
	out := distinctiveWords(s, x, func(w []string) string { return w[len(w)-1] })
	// words of place and person names are not a group's name alone
	named := map[string]bool{}
	for _, p := range s.Locations {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, w := range strings.Fields(graph.FoldName(n)) {
				named[w] = true
			}
		}
	}
	for _, p := range s.Persons {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, w := range strings.Fields(graph.FoldName(n)) {
				named[w] = true
			}
		}
	}
	for w := range out {
		if named[w] || len(w) < 7 || x.orgHeads[w] || x.militant[w] || englishLooking(w) {
			delete(out, w)
		}
	}
	return out
}

// englishLooking reports whether a word has an ending of English derivation
// ("liberation", "righteous", "fighters"): such words name no group alone.
func englishLooking(w string) bool {
	for _, suf := range []string{"tion", "sion", "ence", "ance", "ment", "ity", "ous", "ers", "ies", "ness", "ism", "ist", "ary", "ory", "ive", "ing", "ed", "al"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// firstWordsOf maps the first word of an organization's name to the
// organization when no other organization's name starts with it and it is
// not a name of its own ("Haqqani" for the Haqqani Network, not "Islamic").
func firstWordsOf(s *ontology.Schema, x *Extractor) map[string]entry {
	return distinctiveWords(s, x, func(w []string) string { return w[0] })
}

// distinctiveWords maps the word pick chooses from an organization's
// names (of two words or more) to the organization, when that organization
// is a militant group and the only one, of any kind, whose names give that
// word ("Jamiat" names a party as well as a militant alias: neither), and
// the word is no stopword, demonym, gazetteer name or given name.
func distinctiveWords(s *ontology.Schema, x *Extractor, pick func(words []string) string) map[string]entry {
	count := map[string]int{}
	out := map[string]entry{}
	for _, o := range s.Orgs {
		seen := map[string]bool{}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			words := strings.Fields(graph.FoldName(n))
			if len(words) < 2 {
				continue
			}
			w := pick(words)
			if seen[w] {
				continue
			}
			seen[w] = true
			count[w]++
			if o.Kind == "militant_group" {
				out[w] = entry{Type: graph.Organization, Kind: o.Kind, Name: o.Name}
			}
		}
	}
	for w := range out {
		_, demonym := x.demonyms[w]
		if count[w] > 1 || x.stop[w] || demonym || x.ethnonyms[w] || len(x.ix.byKey[w]) > 0 || s.GivenNames[w] {
			delete(out, w)
		}
	}
	return out
}

// attributiveOrganizations reads a group's first name used before a role:
// "a Haqqani leader", "two Haqqani weapons facilitators".
func (d *doc) attributiveOrganizations(si int) {
	toks := d.sents[si].Tokens
	for i, t := range toks {
		if d.covered[si][i] || !t.Word || !capitalised(t.Text) {
			continue
		}
		w := graph.FoldWord(t.Text)
		if e, ok := d.x.lastWords[w]; ok {
			// "Naeem Bukhari" is a man, not Katibat Imam al-Bukhari
			if i > 0 && toks[i-1].Word && capitalised(toks[i-1].Text) && !d.covered[si][i-1] {
				if p := graph.FoldWord(toks[i-1].Text); !d.x.stop[p] && !d.x.ethnonyms[p] {
					if _, demonym := d.x.demonyms[p]; !demonym {
						continue
					}
				}
			}
			d.add(si, i, i+1, graph.Organization, e.Kind, e.Name, false, "")
			continue
		}
		e, ok := d.x.firstWords[w]
		// the first word must start the name: "the Peshawar Shura fighters"
		// are not Shura-e Nazar's
		if !ok || i > 0 && toks[i-1].Word && capitalised(toks[i-1].Text) && !d.x.stop[graph.FoldWord(toks[i-1].Text)] {
			continue
		}
		// the role noun right after it, or after one more lower-case word
		for k := i + 1; k < len(toks) && k <= i+2; k++ {
			if !toks[k].Word || capitalised(toks[k].Text) {
				break
			}
			w := graph.FoldWord(toks[k].Text)
			if d.x.personNouns[w] || d.x.personNouns[strings.TrimSuffix(w, "s")] || d.x.groupNouns[w] {
				d.add(si, i, i+1, graph.Organization, e.Kind, e.Name, false, "")
				break
			}
		}
	}
}
