package entities

import (
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/graph"
)

// people reads the names of people that no gazetteer holds, by a title
// ("Mawlawi X", "General X"), a given name ("Raz Mohammad Faiz"), or the
// words around them ("a commander named X", "X, a former lawmaker", "X says").
func (d *doc) people(si int) {
	toks := d.sents[si].Tokens
	for i := 0; i < len(toks); i++ {
		if d.covered[si][i] || !toks[i].Word || !capitalised(toks[i].Text) {
			continue
		}
		w := graph.FoldWord(toks[i].Text)
		religious, office := d.x.s.ReligiousTitles[w], d.x.s.OfficeTitles[w]
		nameStart := i
		if religious || office {
			nameStart = i + 1
			if nameStart < len(toks) && toks[nameStart].Text == "." {
				nameStart++
			}
			// "Mullah Qari X": titles may stack
			for nameStart < len(toks) && toks[nameStart].Word && (d.x.s.ReligiousTitles[graph.FoldWord(toks[nameStart].Text)] || d.x.s.OfficeTitles[graph.FoldWord(toks[nameStart].Text)]) {
				nameStart++
			}
		} else if d.x.stop[w] {
			continue
		}
		if nameStart >= len(toks) {
			continue
		}
		// "Haji Mali Khan": a one-word place right after a title starts the name
		if d.covered[si][nameStart] && (religious || office) {
			m := d.mentionAtStart(si, nameStart)
			if m < 0 || d.mentions[si][m].Type != graph.Location || d.mentions[si][m].Last != nameStart+1 ||
				nameStart+1 >= len(toks) || !capitalised(toks[nameStart+1].Text) || d.covered[si][nameStart+1] {
				continue
			}
			d.removeMention(si, m)
		}
		if d.covered[si][nameStart] {
			continue
		}
		end := d.nameRun(si, nameStart)
		// a title's own word is a stopword ("General"): the run starts after it
		if end <= nameStart {
			continue
		}
		// "Major Attacks" (a heading): a one-word name the document also
		// writes in lower case is a word, not a name
		if (religious || office) && end == nameStart+1 && d.lowerCase(d.folded[si][nameStart]) {
			continue
		}
		// the run may go on over one-word places that are surnames as well
		// ("Nematullah Shirzad", Shirzad being a district too)
		ext := end
		for ext-end < 2 {
			m := d.mentionAtStart(si, ext)
			if m < 0 || d.mentions[si][m].Type != graph.Location || d.mentions[si][m].Last != ext+1 || d.x.headAfter(toks, ext+1) != "" {
				break
			}
			ext++
		}
		person := false
		for _, stop := range []int{ext, end} {
			if d.isPerson(si, nameStart, stop, religious || office) {
				for k := end; k < stop; k++ {
					d.removeMention(si, d.mentionAtStart(si, k))
				}
				person, end = true, stop
				break
			}
			if ext == end {
				break
			}
		}
		if !person {
			i = end - 1
			continue
		}
		first := nameStart
		if religious {
			// religious titles are part of how the press names a person: "Mawlawi Saifudin"
			first = i
		}
		// "near Ahmad Wal", "in Sohrab Goth": an untitled name after a
		// locative preposition is a place that happens to begin with a given name
		if !religious && !office && d.afterLocative(si, first) {
			d.add(si, first, end, graph.Location, "city", joinTokens(toks[first:end]), false, "")
			i = end - 1
			continue
		}
		d.add(si, first, end, graph.Person, "", joinTokens(toks[first:end]), false, "")
		i = end - 1
	}
}

// afterLocative reports whether a locative preposition ("in", "near",
// "at", "around", "outside", "inside") stands right before token i.
func (d *doc) afterLocative(si, i int) bool {
	if i == 0 {
		return false
	}
	switch d.folded[si][i-1] {
	case "in", "near", "at", "around", "outside", "inside":
		return true
	}
	return false
}

// isPerson decides whether tokens [start, end) name a person.
func (d *doc) isPerson(si, start, end int, titled bool) bool {
	toks := d.sents[si].Tokens
	n := countWords(toks[start:end])
	switch {
	case n < 1 || n > 4:
		return false
	case titled:
		return true
	case n >= 2 && d.hasGivenName(toks[start:end]):
		return true
	case n >= 2 && d.surnameShaped(toks[end-1]):
		// "Saidakbar Rahimov", "Farrukh Rahmonzoda"
		return true
	case d.introduced(si, start):
		return n >= 2 || d.endsClause(si, end)
	case n >= 2 && d.describedAfter(si, end):
		return true
	case n == 1 && d.givenNameShaped(toks[start:end]) && d.describedAfter(si, end):
		// "Asmatullah, a close aide of TTP commander X, was arrested"
		return true
	case n == 1 && d.givenNameShaped(toks[start:end]) && start >= 3 && toks[start-1].Text == "," && end < len(toks) && (toks[end].Text == "," || graph.FoldWord(toks[end].Text) == "and"):
		// "Gul Nawaz alias Ustad, Irfanullah, Sher Alam and Naqeebullah": a
		// given name in a list (not a reference's "Karimova, Dilnoza and ...")
		return true
	}
	return false
}

// givenNameShaped reports whether a one-word name is a given name or ends
// like one ("Asmatullah", "Najmiddin").
func (d *doc) givenNameShaped(toks []graph.Token) bool {
	for _, t := range toks {
		if t.Word && d.givenName(graph.FoldWord(t.Text)) {
			return true
		}
	}
	return false
}

// givenName reports whether a folded word is a given name of the gazetteer
// or ends like one ("-ullah", "-iddin").
func (d *doc) givenName(w string) bool {
	if d.x.s.GivenNames[w] {
		return true
	}
	for _, suf := range d.x.s.Lexicon.GivenNameSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func (d *doc) mentionAtStart(si, tok int) int {
	for i, m := range d.mentions[si] {
		if m.First == tok {
			return i
		}
	}
	return -1
}

// removeMention takes back a mention that a later pass reads better.
func (d *doc) removeMention(si, i int) {
	m := d.mentions[si][i]
	d.mentions[si] = append(d.mentions[si][:i], d.mentions[si][i+1:]...)
	for k := m.First; k < m.Last; k++ {
		d.covered[si][k] = false
	}
	if e := d.entities[m.EntityKey]; e != nil && !m.Anaphor {
		e.Mentions--
		if e.Mentions <= 0 {
			delete(d.entities, m.EntityKey)
		}
	}
}

// hasGivenName reports whether one of the name's words but the last is a given name.
func (d *doc) hasGivenName(toks []graph.Token) bool {
	var words []graph.Token
	for _, t := range toks {
		if t.Word {
			words = append(words, t)
		}
	}
	for _, t := range words[:len(words)-1] {
		if d.givenName(graph.FoldWord(t.Text)) {
			return true
		}
	}
	// "Zarin Gul": two words ending in a name-final given name
	return len(words) == 2 && d.x.finalGiven[graph.FoldWord(words[1].Text)]
}

// surnameShaped reports whether a word ends like a Central Asian or
// Persian surname ("-ov", "-zoda").
func (d *doc) surnameShaped(t graph.Token) bool {
	if !t.Word {
		return false
	}
	w := graph.FoldWord(t.Text)
	for _, suf := range d.x.s.Lexicon.SurnameSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// introduced reports whether the words before token i introduce a person:
// "named X", "identified as X", "facilitator, X", "lawmaker X".
func (d *doc) introduced(si, i int) bool {
	toks := d.sents[si].Tokens
	p := i - 1
	comma := false
	if p >= 0 && toks[p].Text == "," {
		comma = true
		p--
	}
	if p < 0 || !toks[p].Word {
		return false
	}
	w := graph.FoldWord(toks[p].Text)
	if !comma && (w == "named" || w == "called" || w == "dubbed") {
		return true
	}
	// "identified as X", "identified the slain commander as X": lower-case
	// words between (the one described), no other name
	if !comma && w == "as" {
		for k := p - 1; k >= 0 && k >= p-5; k-- {
			if graph.FoldWord(toks[k].Text) == "identified" {
				return true
			}
			if !toks[k].Word || capitalised(toks[k].Text) {
				break
			}
		}
	}
	// "founded in 2002 by X", "led by X": the agent of a group's founding or leading
	if !comma && w == "by" {
		for k := p - 1; k >= 0 && k >= p-4; k-- {
			if d.x.agentVerbs[graph.FoldWord(toks[k].Text)] {
				return true
			}
		}
	}
	// "X and Y" where X is a person
	if !comma && w == "and" && p > 0 && d.covered[si][p-1] {
		if m := d.mentionCovering(si, p-1); m != nil && m.Type == graph.Person {
			return true
		}
	}
	// "X alias M and Y": only people go by an alias
	if !comma && w == "and" && p >= 2 && toks[p-1].Word && capitalised(toks[p-1].Text) {
		if a := graph.FoldWord(toks[p-2].Text); a == "alias" || a == "aka" {
			return true
		}
	}
	return d.x.personNouns[w] && !capitalised(toks[p].Text)
}

// endsClause reports whether a one-word name is followed by the end of a
// clause or a verb, so that "leader, Alaudin." is a name and "leader, Taliban
// fighters" is not.
func (d *doc) endsClause(si, end int) bool {
	toks := d.sents[si].Tokens
	if end >= len(toks) {
		return true
	}
	t := toks[end].Text
	return t == "." || t == "," || t == ";" || t == ":" || t == ")" || !capitalised(t) && toks[end].Word
}

// describedAfter reports whether the name ending at end is followed by a
// speech verb ("X says") or an apposition naming a person's role ("X, a former
// lawmaker", "X, the Taliban's spokesman").
func (d *doc) describedAfter(si, end int) bool {
	toks := d.sents[si].Tokens
	if end >= len(toks) {
		return false
	}
	if toks[end].Word && d.x.speech[graph.FoldWord(toks[end].Text)] {
		return true
	}
	if toks[end].Text != "," {
		return false
	}
	k := end + 1
	if k < len(toks) && toks[k].Word {
		if d.x.speech[graph.FoldWord(toks[k].Text)] {
			return true
		}
		// "X, alias Doda": only people go by an alias
		if a := graph.FoldWord(toks[k].Text); (a == "alias" || a == "aka") && k+1 < len(toks) && capitalised(toks[k+1].Text) {
			return true
		}
		det := graph.FoldWord(toks[k].Text)
		if det != "a" && det != "an" && det != "the" && det != "who" {
			return false
		}
	}
	for j := k + 1; j < len(toks) && j <= k+7; j++ {
		if !toks[j].Word {
			if toks[j].Text == "," || toks[j].Text == "." {
				return false
			}
			continue
		}
		if d.x.personNouns[graph.FoldWord(toks[j].Text)] {
			return true
		}
	}
	return false
}

// surnameIndex maps the last word of every person's name (and of the
// gazetteer's spellings of it) to the person.
func (d *doc) surnameIndex() map[string][]string {
	out := map[string][]string{}
	// in key order: the lists decide ties, and map order would make the
	// graph differ from run to run
	keys := make([]string, 0, len(d.entities))
	for key := range d.entities {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		e := d.entities[key]
		if e.Type != graph.Person {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			var w []string
			for _, x := range strings.Fields(graph.FoldName(n)) {
				if !d.x.s.ReligiousTitles[x] && !d.x.s.OfficeTitles[x] {
					w = append(w, x)
				}
			}
			// "Qari Shafiullah" is Shafiullah; "Juma Khan" is Khan; a lone given
			// name of a longer name stands for it too ("Sadiq" for Mullah Ghulam Sadiq)
			if len(w) == 0 || len(w) == 1 && len(strings.Fields(graph.FoldName(n))) == 1 {
				continue
			}
			last := w[len(w)-1]
			if !d.x.stop[last] && len(last) >= 3 && !containsString(out[last], key) {
				out[last] = append(out[last], key)
			}
			// the first name stands for the person too when it is not a common
			// element of names ("Jalaluddin" for Jalaluddin Haqqani, not "Mohammad")
			first := w[0]
			if len(w) >= 2 && len(first) >= 6 && !d.x.stop[first] && !containsString(out[first], key) && !d.x.commonNames[first] {
				out[first] = append(out[first], key)
			}
		}
	}
	return out
}

// aliases reads "X alias Y", "X, alias Y", "X (also known as Y)" and "X aka
// Y": Y is another name of the person X.
func (d *doc) aliases(si int) {
	toks := d.sents[si].Tokens
	w := func(k int) string {
		if k < len(toks) {
			return graph.FoldWord(toks[k].Text)
		}
		return ""
	}
	// "Ikramullah alias Ustad": only a person goes by an alias, so a
	// capitalised name right before "alias" is one
	for k := 1; k+1 < len(toks); k++ {
		if w(k) != "alias" || d.covered[si][k-1] || !toks[k-1].Word || !capitalised(toks[k-1].Text) || !capitalised(toks[k+1].Text) {
			continue
		}
		start := k - 1
		for start > 0 && toks[start-1].Word && capitalised(toks[start-1].Text) && !d.covered[si][start-1] && k-start < 4 {
			start--
		}
		for start < k-1 && (d.x.stop[w(start)] && !d.x.s.ReligiousTitles[w(start)]) {
			start++ // "As Ikramullah alias ...": not the sentence's first word
		}
		if n := countWords(toks[start:k]); n >= 1 && n <= 4 && !d.x.stop[w(start)] {
			d.add(si, start, k, graph.Person, "", joinTokens(toks[start:k]), false, "")
		}
	}
	for mi := 0; mi < len(d.mentions[si]); mi++ {
		m := d.mentions[si][mi]
		if m.Type != graph.Person || m.Anaphor {
			continue
		}
		k := m.Last
		if k < len(toks) && (toks[k].Text == "," || toks[k].Text == "(") {
			k++
		}
		if w(k) == "who" && (w(k+1) == "was" || w(k+1) == "is") {
			k += 2 // "X, who was also known as Y"
		}
		if n := d.knownAs(si, k); n > k {
			k = n
		} else {
			continue
		}
		for k < len(toks) && !toks[k].Word {
			k++ // quotes
		}
		if n := d.mentionAtStart(si, k); n >= 0 && d.mentions[si][n].Type == graph.Person && d.mentions[si][n].EntityKey != m.EntityKey {
			d.rekey(d.mentions[si][n].EntityKey, m.EntityKey)
			continue
		}
		if k < len(toks) && !d.covered[si][k] && capitalised(toks[k].Text) {
			if end := d.nameRun(si, k); end > k && countWords(toks[k:end]) <= 4 {
				d.add(si, k, end, graph.Person, "", "", false, m.EntityKey)
			}
		}
	}
}

// knownAs returns where the other name begins after the words at k that
// give it: "alias", "aka", "also known as", "better known as", "an IMU
// commander known locally as", "better known by his nom de guerre,". It
// returns k if they give none.
func (d *doc) knownAs(si, k int) int {
	toks := d.sents[si].Tokens
	w := func(k int) string {
		if k < len(toks) {
			return graph.FoldWord(toks[k].Text)
		}
		return ""
	}
	if w(k) == "alias" || w(k) == "aka" {
		return k + 1
	}
	start := k
	// "an IMU commander known locally as": a short description first
	if w(k) == "a" || w(k) == "an" || w(k) == "the" {
		for n := k + 1; n < len(toks) && n <= k+7; n++ {
			if !toks[n].Word {
				return start
			}
			if w(n) == "known" || w(n) == "better" {
				k = n
				break
			}
		}
	}
	for w(k) == "also" || w(k) == "better" || w(k) == "widely" || w(k) == "commonly" || w(k) == "popularly" {
		k++
	}
	if w(k) != "known" {
		return start
	}
	k++
	if w(k) == "locally" || w(k) == "widely" {
		k++
	}
	switch {
	case w(k) == "as":
		return k + 1
	case w(k) == "by":
		// "by his nom de guerre, X", "by the alias X"
		for n := k + 1; n < len(toks) && n <= k+5; n++ {
			if w(n) == "guerre" || w(n) == "alias" || w(n) == "name" || w(n) == "nickname" {
				n++
				if n < len(toks) && toks[n].Text == "," {
					n++
				}
				return n
			}
		}
	}
	return start
}

// nicknames reads "Jamaat Ansarullah, sometimes called the "Tajik Taliban","
// : the quoted name is the group's nickname, not a mention of another group.
func (d *doc) nicknames(si int) {
	toks := d.sents[si].Tokens
	w := func(k int) string {
		if k >= 0 && k < len(toks) {
			return d.folded[si][k]
		}
		return ""
	}
	for _, m := range d.mentions[si] {
		if m.Type != graph.Organization || m.Anaphor {
			continue
		}
		k := m.Last
		if w(k) == "" && k < len(toks) && toks[k].Text == "," {
			k++
		}
		for w(k) == "sometimes" || w(k) == "also" || w(k) == "often" || w(k) == "widely" || w(k) == "locally" {
			k++
		}
		switch {
		case w(k) == "called" || w(k) == "dubbed" || w(k) == "nicknamed":
			k++
		case w(k) == "known" && w(k+1) == "as":
			k += 2
		default:
			continue
		}
		if w(k) == "the" {
			k++
		}
		quoted := k < len(toks) && (toks[k].Text == "\"" || toks[k].Text == "“")
		if !quoted {
			continue
		}
		end := k + 1
		for end < len(toks) && end-k < 8 && toks[end].Text != "\"" && toks[end].Text != "”" {
			end++
		}
		if end >= len(toks) {
			continue
		}
		for i := range d.mentions[si] {
			n := &d.mentions[si][i]
			if n.First > k && n.Last <= end && n.EntityKey != m.EntityKey {
				if old := d.entities[n.EntityKey]; old != nil && !n.Anaphor {
					if old.Mentions--; old.Mentions <= 0 {
						delete(d.entities, n.EntityKey)
					}
				}
				n.EntityKey, n.Type, n.Anaphor = m.EntityKey, m.Type, true
			}
		}
		if e := d.entities[m.EntityKey]; e != nil {
			nick := cleanSurface(d.sents[si].Text[toks[k+1].Start-d.sents[si].Start : toks[end-1].End-d.sents[si].Start])
			if nick != "" && !containsString(e.Aliases, nick) {
				e.Aliases = append(e.Aliases, nick)
				sort.Strings(e.Aliases)
			}
		}
	}
}

// rekey makes every mention of entity from a mention of entity to.
func (d *doc) rekey(from, to string) {
	src, dst := d.entities[from], d.entities[to]
	if src == nil || dst == nil {
		return
	}
	for si := range d.mentions {
		for i := range d.mentions[si] {
			if d.mentions[si][i].EntityKey == from {
				d.mentions[si][i].EntityKey = to
			}
		}
	}
	dst.Mentions += src.Mentions
	for _, a := range append([]string{src.Name}, src.Aliases...) {
		if a != dst.Name && !containsString(dst.Aliases, a) {
			dst.Aliases = append(dst.Aliases, a)
		}
	}
	sort.Strings(dst.Aliases)
	delete(d.entities, from)
}

// shortNames merges a person named by part of another's name, title aside,
// into that person: "Sardar Wali" is Mawlawi Sardar Wali, "Gul Zaman" is Gul
// Zaman Kharoti, when the document names no one else it could be.
func (d *doc) shortNames() {
	keys := make([]string, 0, len(d.entities))
	words := map[string][]string{}
	for key, e := range d.entities {
		if e.Type != graph.Person {
			continue
		}
		keys = append(keys, key)
		words[key] = d.untitled(e.Name)
	}
	sort.Strings(keys)
	for _, a := range keys {
		wa := words[a]
		if len(wa) < 2 || d.entities[a] == nil {
			continue
		}
		var to []string
		for _, b := range keys {
			wb := words[b]
			if b == a || d.entities[b] == nil || len(wb) < len(wa) {
				continue
			}
			// the same words with a title on the other name, or more words
			if len(wb) == len(wa) && len(strings.Fields(graph.FoldName(d.entities[b].Name))) == len(wb) {
				continue
			}
			if hasAffix(wb, wa) {
				to = append(to, b)
			}
		}
		if len(to) == 1 {
			d.rekey(a, to[0])
		}
	}
}

// untitled returns the folded words of a person's name without the titles
// it opens with, two words kept at least ("Sardar" and "Mir" are given
// names too: "Mawlawi Sardar Wali" is "sardar wali").
func (d *doc) untitled(name string) []string {
	w := strings.Fields(graph.FoldName(name))
	for len(w) > 2 && (d.x.s.ReligiousTitles[w[0]] || d.x.s.OfficeTitles[w[0]]) {
		w = w[1:]
	}
	return w
}

// hasAffix reports whether long begins or ends with short, word for word.
func hasAffix(long, short []string) bool {
	prefix, suffix := true, true
	for i := range short {
		if long[i] != short[i] {
			prefix = false
		}
		if long[len(long)-len(short)+i] != short[i] {
			suffix = false
		}
	}
	return prefix || suffix
}

// openingClauseEnd returns the token that ends a sentence's opening
// subordinate clause ("When a US drone strike killed X in 2013, ..."), or
// -1 when it opens with none.
func (d *doc) openingClauseEnd(si int) int {
	toks := d.sents[si].Tokens
	if len(toks) == 0 || !d.x.subordinators[d.folded[si][0]] {
		return -1
	}
	for k := 1; k < len(toks); k++ {
		if toks[k].Text == "," {
			return k
		}
	}
	return -1
}

// possessiveAt reports whether token k of sentence si is a possessive "'s".
func (d *doc) possessiveAt(si, k int) bool {
	toks := d.sents[si].Tokens
	return k < len(toks) && (toks[k].Text == "'s" || toks[k].Text == "’s")
}

// surnames marks a surname standing alone for the person named in full
// elsewhere in the document ("Khan" for Juma Khan); when two people share it,
// the one named last before it.
func (d *doc) surnames(si int, index map[string][]string) {
	toks := d.sents[si].Tokens
	// a one-word person read on its own ("Azhar, a former HuM leader") is the
	// person named in full elsewhere in the document
	for _, m := range d.mentions[si] {
		if m.Type != graph.Person || m.Anaphor || m.Last != m.First+1 {
			continue
		}
		var keys []string
		for _, k := range index[graph.FoldWord(toks[m.First].Text)] {
			if k != m.EntityKey {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			continue
		}
		key := keys[0]
		if len(keys) > 1 {
			key = d.lastMentioned(si, keys)
		}
		d.rekey(m.EntityKey, key)
	}
	// a one-word place with no head noun and no locative preposition before
	// it that is the surname of a person of the document is the person
	// ("Zadran coordinated ...", Zadran being a district as well)
	for mi := len(d.mentions[si]) - 1; mi >= 0; mi-- {
		m := d.mentions[si][mi]
		if m.Type != graph.Location || m.Anaphor || m.Last != m.First+1 || d.x.headAfter(toks, m.Last) != "" {
			continue
		}
		if len(index[graph.FoldWord(toks[m.First].Text)]) == 0 {
			continue
		}
		if p := prevWord(toks, m.First); p >= 0 && p == m.First-1 && isLocative(graph.FoldWord(toks[p].Text)) {
			continue
		}
		d.removeMention(si, mi)
	}
	for i, t := range toks {
		if d.covered[si][i] || !t.Word || !capitalised(t.Text) {
			continue
		}
		keys := index[graph.FoldWord(t.Text)]
		if len(keys) == 0 {
			continue
		}
		key := keys[0]
		if len(keys) > 1 {
			key = d.lastMentioned(si, keys)
		}
		d.add(si, i, i+1, graph.Person, "", "", false, key)
	}
}

func isLocative(w string) bool {
	switch w {
	case "in", "at", "of", "from", "to", "into", "near", "across", "throughout", "around", "outside", "inside", "toward", "towards":
		return true
	}
	return false
}

// lastMentioned returns the key among keys mentioned last before sentence si.
func (d *doc) lastMentioned(si int, keys []string) string {
	for s := si; s >= 0; s-- {
		ms := d.mentions[s]
		for k := len(ms) - 1; k >= 0; k-- {
			if containsString(keys, ms[k].EntityKey) {
				return ms[k].EntityKey
			}
		}
	}
	return keys[0]
}

// anaphora resolves "the group", "the Pakistan-based terror group", "this
// group" to the organization it stands for ("this" to the organization named
// last, "the" to the subject of the sentence before), and "the province",
// "the remote northeastern province" to the province named last.
func (d *doc) anaphora(si int) {
	toks := d.sents[si].Tokens
	for h, t := range toks {
		if d.covered[si][h] || !t.Word {
			continue
		}
		head := graph.FoldWord(t.Text)
		if kind := d.x.locHeads[head]; kind == "province" || kind == "district" {
			if key := d.placeAnaphor(si, h, kind); key != "" {
				d.add(si, h, h+1, graph.Location, kind, "", true, key)
			}
			continue
		}
		if !d.x.anaphHeads[head] || h+1 < len(toks) && graph.FoldWord(toks[h+1].Text) == "of" {
			continue
		}
		// the words from the determiner to the head, leaving out a place
		// that only says where the group is based ("the Pakistan-based group")
		words := []string{head}
		k := h - 1
		for ; k >= 0 && k >= h-6; k-- {
			if m := d.mentionCovering(si, k); m != nil {
				if m.Type == graph.Location && m.Last+1 < len(toks) && toks[m.Last].Text == "-" && graph.FoldWord(toks[m.Last+1].Text) == "based" {
					k = m.First
					continue
				}
				k = -1
				break
			}
			w := graph.FoldWord(toks[k].Text)
			if toks[k].Text == "-" || w == "based" && k > 0 && toks[k-1].Text == "-" {
				continue
			}
			if !toks[k].Word {
				k = -1
				break
			}
			words = append([]string{w}, words...)
			if w == "the" || w == "this" || w == "that" {
				break
			}
		}
		if k < 0 || len(words) < 2 {
			continue
		}
		phrase := strings.Join(words, " ")
		var key string
		// "Lashkar-e-Islam, the Khyber-based group": the name the apposition follows
		// "the family network", "the sectarian outfit": lower-case
		// qualifying words between the article and the head
		short := words[0] + " " + head
		qualified := len(words) > 2 && words[0] == "the" && d.x.anaphTopic[short]
		// not a predicate: "remains the most lethal insurgent group in Khost"
		if k >= 1 {
			switch graph.FoldWord(toks[k-1].Text) {
			case "is", "are", "was", "were", "remains", "remained", "became", "becomes", "as", "be", "been":
				qualified = false
			}
		}
		for t := k + 1; t < h && qualified; t++ {
			if capitalised(toks[t].Text) {
				qualified = false
			}
		}
		if words[0] == "the" && k >= 2 && toks[k-1].Text == "," && (d.x.anaphTopic[phrase] || d.x.anaphRecent[phrase] || qualified) {
			for _, m := range d.mentions[si] {
				if m.Type == graph.Organization && m.Last == k-1 {
					key = m.EntityKey
				}
			}
		}
		switch {
		case key != "":
		case d.x.anaphRecent[phrase]:
			key = d.recentOrganization(si, h)
		case d.x.anaphTopic[phrase]:
			key = d.salientOrganization(si, h, head)
		case qualified && !(h+1 < len(toks) && capitalised(toks[h+1].Text)):
			key = d.salientOrganization(si, h, head)
		case len(words) > 2 && (words[0] == "that" || words[0] == "this") && d.x.anaphRecent[words[0]+" "+head]:
			// "formed that umbrella group in 2007": the group just named
			key = d.recentOrganization(si, h)
		}
		if key != "" {
			d.add(si, h, h+1, graph.Organization, "", "", true, key)
		}
	}
}

// pronouns resolves "he" and "she" opening a clause to the person named
// last before it in the sentence or in the one before ("He was killed along
// with ten accomplices"), and "it" after "where", "and", ... to the
// sentence's first organization.
func (d *doc) pronouns(si int) {
	toks := d.sents[si].Tokens
	for i := range toks {
		w := d.folded[si][i]
		if w != "he" && w != "she" || d.covered[si][i] {
			continue
		}
		// a clause's subject: after a comma, a conjunction, or a speech verb
		// ("told interrogators that he belonged to", "said he was")
		if i > 0 && !(toks[i-1].Text == "," || d.x.clauseOpeners[d.folded[si][i-1]] || d.x.speech[d.folded[si][i-1]]) {
			continue
		}
		// the clause's subject before it: the first person named, not one
		// in a possessive ("The commander, Sher Alam, was an aide of LI chief
		// Mangal Bagh. He was killed": Sher Alam). Mentions are kept in the
		// order the passes found them, not in the text's.
		// ("When a drone strike killed X in 2013, the shura chose Y. He was
		// ...": Y, not the man of the opening clause; "... Azhar's release.
		// Freed ..., he founded JeM": a possessive when no one else)
		key := ""
		for s := si; s >= 0 && s >= si-1 && key == ""; s-- {
			opening := d.openingClauseEnd(s)
			best, rank := -1, 3
			for _, m := range d.mentions[s] {
				if m.Type != graph.Person || m.Anaphor || s == si && m.Last > i {
					continue
				}
				r := 0
				if d.possessiveAt(s, m.Last) {
					r = 2
				} else if m.Last <= opening {
					r = 1
				}
				if r < rank || r == rank && m.First < best {
					key, best, rank = m.EntityKey, m.First, r
				}
			}
		}
		if key != "" {
			d.add(si, i, i+1, graph.Person, "", "", true, key)
		}
	}
	// "where it fought alongside the Haqqani network": "it" opening a clause
	// stands for the organization the sentence is about (its first one)
	// "It broke away from the IMU in 2002": a sentence that opens with "It"
	// goes on about the group the sentences before were about; not the
	// "it" of "It is unclear whether ..."
	if len(toks) > 2 && d.folded[si][0] == "it" && !d.covered[si][0] && !d.dummyIt(si) {
		if key := d.topicOrganization(si); key != "" {
			d.add(si, 0, 1, graph.Organization, "", "", true, key)
		}
	}
	for i := range toks {
		if d.folded[si][i] != "it" || d.covered[si][i] || i == 0 {
			continue
		}
		// "Resolute Support, the NATO-led mission, says it has carried out
		// ...": "it" after a speech verb is the group that speaks
		if key := d.speaker(si, i); key != "" {
			d.add(si, i, i+1, graph.Organization, "", "", true, key)
			continue
		}
		switch d.folded[si][i-1] {
		case "where", "when", "and", "but", "after", "until", "since", "because", "as":
		// "Mangal Bagh, who headed it", "formed the Quetta Shura and led it":
		// the object of a leading verb
		case "headed", "led", "ran", "founded", "formed", "commanded", "built", "joined", "leads", "heads", "runs":
		default:
			continue
		}
		for _, m := range d.mentions[si] {
			if m.Type == graph.Organization && m.Last <= i {
				d.add(si, i, i+1, graph.Organization, "", "", true, m.EntityKey)
				break
			}
		}
	}
}

// reportedSubject reports whether token k opens a reported clause ("said
// Ansarullah was too small", "says that the IMU ...").
func (d *doc) reportedSubject(si, k int) bool {
	p := k - 1
	if p >= 0 && d.folded[si][p] == "the" {
		p--
	}
	if p >= 0 && d.folded[si][p] == "that" {
		p--
	}
	return p >= 0 && d.x.speech[d.folded[si][p]]
}

// openingTime reports whether the tokens before k only set a time ("In
// November 2014 JuA ...", "Since 2016, the IMU ...").
func (d *doc) openingTime(si, k int) bool {
	f := d.folded[si]
	toks := d.sents[si].Tokens
	if k < 2 || !(f[0] == "in" || f[0] == "since" || f[0] == "after" || f[0] == "until" || f[0] == "by") {
		return false
	}
	for t := 1; t < k; t++ {
		if toks[t].Text == "," || f[t] == "the" || toks[t].Word && capitalised(toks[t].Text) && !d.covered[si][t] || isDigits(toks[t].Text) {
			continue
		}
		return false
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// speaker returns the organization that is the subject of a speech verb
// right before token i ("the NDS said (that) it ..."), or "".
func (d *doc) speaker(si, i int) string {
	k := i - 1
	if d.folded[si][k] == "that" {
		k--
		// "said on March 6 that it", "said in a statement that it": a short
		// adjunct may stand between the verb and "that"
		for j := k; j >= 1 && j >= k-5; j-- {
			if d.sents[si].Tokens[j].Text == "," {
				break
			}
			if d.x.speech[d.folded[si][j]] {
				k = j
				break
			}
		}
	}
	if k < 1 || !d.x.speech[d.folded[si][k]] && d.folded[si][k] != "saying" {
		return ""
	}
	// "The Pakistan Air Force struck targets in Khost, saying it ...": the
	// participle's speaker is the sentence's subject
	if d.folded[si][k] == "saying" {
		for _, m := range d.mentions[si] {
			if m.Type == graph.Organization && m.First <= 2 && !m.Anaphor {
				return m.EntityKey
			}
		}
		return ""
	}
	// the speaker ends the clause before the verb, perhaps with an
	// apposition between: "Resolute Support, the NATO-led mission, says"
	var speaker *graph.Mention
	for j := range d.mentions[si] {
		m := &d.mentions[si][j]
		// mentions are not in order until the passes end
		if m.Last > k || speaker != nil && m.Last <= speaker.Last {
			continue
		}
		if m.Last < len(d.sents[si].Tokens) && d.sents[si].Tokens[m.Last].Text == "-" {
			continue // "NATO-led" only qualifies
		}
		speaker = m
	}
	if speaker == nil || speaker.Type != graph.Organization {
		return ""
	}
	toks := d.sents[si].Tokens
	// an apposition closed right before the verb: "Resolute Support, the
	// NATO-led mission, says"
	if speaker.Last < k && toks[speaker.Last].Text == "," {
		if toks[k-1].Text != "," {
			return ""
		}
		return speaker.EntityKey
	}
	// else only an acronym or an auxiliary: no verb of another clause
	for t := speaker.Last; t < k; t++ {
		w := d.folded[si][t]
		switch {
		case !toks[t].Word:
			if p := toks[t].Text; p != "(" && p != ")" {
				return ""
			}
		case capitalised(toks[t].Text), w == "also", w == "later", w == "has", w == "have", w == "had":
		default:
			return ""
		}
	}
	return speaker.EntityKey
}

// dummyIt reports whether a sentence opens with the "it" of "It is unclear
// whether ...", "It was not known ...": no group is meant.
func (d *doc) dummyIt(si int) bool {
	f := d.folded[si]
	k := 1
	for k < len(f) && k <= 3 && (f[k] == "is" || f[k] == "was" || f[k] == "has" || f[k] == "had" || f[k] == "been" || f[k] == "remains" || f[k] == "s" || f[k] == "also" || f[k] == "still" || f[k] == "not") {
		k++
	}
	if k == 1 {
		return false // "It broke away ...": a verb of its own
	}
	if k >= len(f) {
		return true
	}
	switch f[k] {
	case "unclear", "clear", "likely", "unlikely", "believed", "thought", "said", "reported", "possible",
		"impossible", "difficult", "hard", "easy", "important", "estimated", "understood", "expected",
		"feared", "known", "true", "worth", "time", "too", "a", "an", "the", "no", "immediately":
		return true
	}
	return false
}

// placeAnaphor resolves "the province", "the remote northeastern province"
// (not "the province of X", not "Takhar province") to the last place of that
// kind named in this sentence or the two before.
func (d *doc) placeAnaphor(si, h int, kind string) string {
	toks := d.sents[si].Tokens
	if h+1 < len(toks) && graph.FoldWord(toks[h+1].Text) == "of" {
		return ""
	}
	k := h - 1
	for ; k >= 0 && k >= h-4; k-- {
		if graph.FoldWord(toks[k].Text) == "the" {
			break
		}
		if d.covered[si][k] || !toks[k].Word || capitalised(toks[k].Text) {
			return ""
		}
	}
	if k < 0 || k < h-4 {
		return ""
	}
	for s := si; s >= 0 && s >= si-2; s-- {
		ms := d.mentions[s]
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.Type == graph.Location && !m.Anaphor && m.Kind == kind && (s < si || m.Last <= h) {
				return m.EntityKey
			}
		}
	}
	return ""
}

func (d *doc) mentionCovering(si, tok int) *graph.Mention {
	for i := range d.mentions[si] {
		m := &d.mentions[si][i]
		if m.First <= tok && tok < m.Last {
			return m
		}
	}
	return nil
}

// recentOrganization returns the organization named last before token h.
func (d *doc) recentOrganization(si, h int) string {
	for s := si; s >= 0 && s >= si-2; s-- {
		ms := d.mentions[s]
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].Type == graph.Organization && (s < si || ms[k].Last <= h) {
				return ms[k].EntityKey
			}
		}
	}
	return ""
}

// salientOrganization returns what "the group", "the network" stands for:
// the organization named most so far whose name has the same noun ("the
// network" for the Haqqani Network, "the movement" for the Islamic Movement
// of Uzbekistan), else the subject of the sentence
// before, else the militant group named most so far (the latest among equals).
func (d *doc) salientOrganization(si, h int, head string) string {
	count := map[string]int{}
	last := map[string]int{}
	n := 0
	for s := 0; s <= si; s++ {
		for _, m := range d.mentions[s] {
			if m.Type != graph.Organization || m.Anaphor || s == si && m.Last > h {
				continue
			}
			count[m.EntityKey]++
			n++
			last[m.EntityKey] = n
		}
	}
	best := func(ok func(e *graph.Entity) bool) string {
		key := ""
		for k, c := range count {
			e := d.entities[k]
			if e == nil || !ok(e) {
				continue
			}
			if key == "" || c > count[key] || c == count[key] && last[k] > last[key] {
				key = k
			}
		}
		return key
	}
	// "the network" for the Haqqani Network; "the group" is too common a
	// word of names ("Mullah Nazir Group") to choose by
	if head != "group" {
		if k := best(func(e *graph.Entity) bool {
			w := strings.Fields(graph.FoldName(e.Name))
			return len(w) > 1 && containsString(w, head)
		}); k != "" {
			return k
		}
	}
	// the one militant group named earlier in the sentence ("returned to the
	// TTP fold, when the group's emir ...")
	one := ""
	for _, m := range d.mentions[si] {
		if e := d.entities[m.EntityKey]; m.Type == graph.Organization && !m.Anaphor && m.Last <= h && e != nil && e.Kind == "militant_group" {
			// "doubled as the Islamic State's local muscle, even as the
			// organisation keeps ...": a possessive only qualifies a noun
			// ("The IMU's return shows how the group ...": an opening one is
			// the sentence's subject)
			if m.First > 1 && m.Last < len(d.sents[si].Tokens) && (d.sents[si].Tokens[m.Last].Text == "'s" || d.sents[si].Tokens[m.Last].Text == "’s") {
				continue
			}
			if one != "" && one != m.EntityKey {
				one = ""
				break
			}
			one = m.EntityKey
		}
	}
	if one != "" {
		return one
	}
	// the subject of the sentence before, when it is a group of the kind
	// that "the group" names (not a mission, a government or an outlet)
	if k := d.topicOrganization(si); k != "" {
		if e := d.entities[k]; e != nil && (e.Kind == "militant_group" || e.Kind == "political_party" || e.Kind == "" || e.Kind == "other") {
			return k
		}
	}
	return best(func(e *graph.Entity) bool { return e.Kind == "militant_group" })
}

// topicOrganization returns the subject of the sentence before si: its first
// organization that is not the object of a preposition.
func (d *doc) topicOrganization(si int) string {
	for s := si - 1; s >= 0 && s >= si-3; s-- {
		if d.sents[s].Furniture {
			continue
		}
		toks := d.sents[s].Tokens
		// "It never pledged allegiance ...", "Its leaders ...", "The group
		// has ...": the topic goes on from the sentence before
		if len(toks) > 1 && (d.folded[s][0] == "it" || d.folded[s][0] == "its" || d.folded[s][0] == "the" && d.x.anaphHeads[d.folded[s][1]]) {
			continue
		}
		// a subject opens its sentence ("The IJU ...", "In 2014 JuA ..."),
		// not "it announced it was rejoining the TTP"; where no name opens
		// it ("Authorities in Dushanbe have accused Ansarullah ..."), the
		// first group it names
		opening := func(m graph.Mention) bool {
			return m.First <= 2 || d.openingTime(s, m.First) || d.reportedSubject(s, m.First)
		}
		unnamed := true
		for _, m := range d.mentions[s] {
			if (m.Type == graph.Person || m.Type == graph.Organization) && opening(m) {
				unnamed = false
			}
		}
		for _, m := range d.mentions[s] {
			if m.Type != graph.Organization || !opening(m) && !unnamed {
				continue
			}
			p := m.First - 1
			if p >= 0 && graph.FoldWord(toks[p].Text) == "the" {
				p--
			}
			// "in the ranks of the Islamic Movement of Uzbekistan (IMU)": the
			// acronym shares its name's preposition; but "a faction of
			// Lashkar-e-Islam ... broke away" is about the group
			of := p >= 1 && graph.FoldWord(toks[p].Text) == "of" && d.x.groupNouns[graph.FoldWord(toks[p-1].Text)] && p-1 <= 3
			if p >= 0 && (isPreposition(graph.FoldWord(toks[p].Text)) || toks[p].Text == "(") && !of {
				continue
			}
			return m.EntityKey
		}
	}
	return ""
}

func isPreposition(w string) bool {
	switch w {
	case "of", "with", "against", "to", "from", "by", "for", "at", "on", "into", "alongside", "between", "among", "about", "toward", "towards", "than", "unlike", "besides", "except", "despite", "under", "through", "over", "across", "via", "within":
		return true
	}
	return false
}
