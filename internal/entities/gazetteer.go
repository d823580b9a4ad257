package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/ontology"
)

// entry is one gazetteer name a span of text can resolve to.
type entry struct {
	Type   string
	Kind   string
	Name   string // canonical name
	In     string // enclosing location, for places
	Member string // organization, for persons
}

// variant is one written form under a folded key.
type variant struct {
	entry
	text      string
	acronym   bool // matched only with the same letters in the same case
	lowerOK   bool // the written form starts in lower case ("al Qaeda")
	wordCount int
}

// index finds gazetteer names in token runs.
type index struct {
	byKey     map[string][]variant
	prefixes  map[string]bool      // every key's leading words, to stop a match early
	byCompact map[string][]variant // places and organizations: spellings differing in spacing and doubled letters
	maxWords  int
	stop      map[string]bool
	parents   map[string][]string // folded location name -> folded enclosing names
}

func newIndex(s *ontology.Schema, stop map[string]bool) *index {
	ix := &index{byKey: map[string][]variant{}, prefixes: map[string]bool{}, byCompact: map[string][]variant{}, stop: stop, parents: map[string][]string{}}
	add := func(e entry, names []string) {
		for _, n := range names {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			k := graph.FoldName(n)
			if k == "" {
				continue
			}
			words := len(strings.Fields(k))
			if words == 1 && stop[k] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(n)
			v := variant{entry: e, text: n, acronym: isAcronym(n), lowerOK: unicode.IsLower(r), wordCount: words}
			ix.byKey[k] = append(ix.byKey[k], v)
			ws := strings.Fields(k)
			for n := 1; n < len(ws); n++ {
				ix.prefixes[strings.Join(ws[:n], " ")] = true
			}
			if words > ix.maxWords {
				ix.maxWords = words
			}
			if e.Type != graph.Person && !v.acronym && len(k) >= 5 {
				c := graph.CompactName(n)
				ix.byCompact[c] = append(ix.byCompact[c], v)
			}
		}
	}
	for _, p := range s.Locations {
		add(entry{Type: graph.Location, Kind: p.Kind, Name: p.Name, In: p.In}, append([]string{p.Name}, p.Aliases...))
		if p.In != "" {
			k := graph.FoldName(p.Name)
			ix.parents[k] = append(ix.parents[k], graph.FoldName(p.In))
		}
	}
	for _, o := range s.Orgs {
		add(entry{Type: graph.Organization, Kind: o.Kind, Name: o.Name}, append([]string{o.Name}, o.Aliases...))
	}
	for _, p := range s.Persons {
		add(entry{Type: graph.Person, Name: p.Name, Member: p.MemberOf}, append([]string{p.Name}, p.Aliases...))
	}
	return ix
}

// isAcronym reports whether a written form is an acronym: two or more
// capitals and no run of lower-case letters longer than two (IMU, LeT, O'zIH, JUI-F).
func isAcronym(s string) bool {
	if strings.Contains(strings.TrimSpace(s), " ") {
		return false
	}
	upper, lowerRun := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			lowerRun = 0
		case unicode.IsLower(r):
			lowerRun++
			if lowerRun > 2 {
				return false
			}
		}
	}
	return upper >= 2
}

// Contains reports whether the gazetteer places inner within outer, at any depth.
func (ix *index) Contains(outer, inner string) bool {
	seen := map[string]bool{}
	var walk func(string, int) bool
	walk = func(k string, depth int) bool {
		if depth > 5 || seen[k] {
			return false
		}
		seen[k] = true
		for _, p := range ix.parents[k] {
			if p == outer || walk(p, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(inner, 0)
}

// match finds the longest gazetteer name starting at token i of toks;
// folded holds the tokens' folded words. It returns the index after the
// match and the variants that fit its case.
func (ix *index) match(toks []graph.Token, folded []string, i int, covered []bool) (int, []variant) {
	if !toks[i].Word || covered[i] || folded[i] == "the" {
		return i, nil
	}
	var words []string
	var ends []int
	j := i
	for j < len(toks) && len(words) < ix.maxWords {
		t := toks[j]
		if covered[j] {
			break
		}
		if t.Word {
			words = append(words, folded[j])
			ends = append(ends, j+1)
			j++
			// stop when no name goes on with these words
			if !ix.prefixes[keyOf(words)] {
				break
			}
			continue
		}
		// a hyphen or a slash joins the parts of one name ("Dasht-i-Archi", "RFE/RL")
		if (t.Text == "-" || t.Text == "‐" || t.Text == "/") && j+1 < len(toks) && toks[j+1].Word && len(words) > 0 {
			j++
			continue
		}
		break
	}
	for n := len(words); n > 0; n-- {
		key := keyOf(words[:n])
		var fit []variant
		for _, v := range ix.byKey[key] {
			if ix.caseFits(v, toks[i:ends[n-1]]) {
				fit = append(fit, v)
			}
		}
		if len(fit) > 0 {
			return ends[n-1], fit
		}
	}
	return ix.matchCompact(toks, folded, i, covered)
}

// matchCompact finds a place or organization spelled with other spacing or
// doubled letters ("Dashte-e Qala" for Dasht-e Qala): capitalised words only,
// up to four.
func (ix *index) matchCompact(toks []graph.Token, folded []string, i int, covered []bool) (int, []variant) {
	var words []string
	var ends []int
	for j := i; j < len(toks) && len(words) < 4 && !covered[j]; j++ {
		t := toks[j]
		if t.Text == "-" && len(words) > 0 && j+1 < len(toks) && toks[j+1].Word {
			continue
		}
		if !t.Word {
			break
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(r) && !(len(words) > 0 && len(t.Text) <= 2) {
			break
		}
		words = append(words, folded[j])
		ends = append(ends, j+1)
	}
	for n := len(words); n > 0; n-- {
		if !unicode.IsUpper([]rune(toks[ends[n-1]-1].Text)[0]) {
			continue
		}
		if cands := ix.byCompact[graph.CompactName(keyOf(words[:n]))]; len(cands) > 0 {
			return ends[n-1], cands
		}
	}
	return i, nil
}

// keyOf makes the gazetteer key of folded words, as graph.FoldName would
// make it of the words joined: an "i" after the first word is the connector "e".
func keyOf(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	var b strings.Builder
	for k, w := range words {
		if k > 0 {
			b.WriteByte(' ')
		}
		if w == "i" && k > 0 {
			w = "e"
		}
		b.WriteString(w)
	}
	return b.String()
}

// caseFits checks the written case: acronyms letter for letter, names with a
// capital first word (or a lower-case one where the gazetteer writes it so).
func (ix *index) caseFits(v variant, toks []graph.Token) bool {
	first := toks[0].Text
	if v.acronym {
		var b strings.Builder
		for _, t := range toks {
			b.WriteString(t.Text)
		}
		got, want := acronymStrip.Replace(b.String()), acronymStrip.Replace(v.text)
		// "HUJI" for HuJI: a long mixed-case acronym in capitals (not "LET"
		// for LeT, an English word in a shouted headline)
		return got == want || len(want) >= 4 && got == strings.ToUpper(got) && got == strings.ToUpper(want)
	}
	r, _ := utf8.DecodeRuneInString(first)
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		// a one-word name written all in capitals is an acronym of something else
		// unless the text shouts ("KABUL, Afghanistan")
		return true
	}
	return v.lowerOK
}

var acronymStrip = strings.NewReplacer("’", "'", ".", "")

func allCapitalised(toks []graph.Token) bool {
	for _, t := range toks {
		if !t.Word {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
