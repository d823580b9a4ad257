package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldName folds a name to the key under which two spellings count as one:
// case, diacritics, quotes, hyphens, periods, brackets and a leading "the" do
// not count, and the Persian connector "-i-" equals "-e-" (after a name's first word).
func FoldName(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(foldRunes(s), func(r rune) bool { return r == ' ' }) {
		words = append(words, w)
	}
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		if w == "i" && i > 0 {
			words[i] = "e"
		}
	}
	return strings.Join(words, " ")
}

// FoldWord folds one token the way FoldName folds each word of a name.
func FoldWord(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return strings.ToLower(s) // the common case: no allocation when already lower case
	}
	return strings.ReplaceAll(foldRunes(s), " ", "")
}

// FoldedSet returns the words, each folded with FoldWord, as a set.
func FoldedSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[FoldWord(w)] = true
	}
	return set
}

// CompactName folds a name further, for spellings that differ in spacing,
// doubled letters or a final "h" (Dashte-e Qala / Dasht-e Qala, Burkah / Burka).
func CompactName(s string) string {
	f := FoldName(s)
	var b strings.Builder
	var prev rune
	for _, r := range f {
		if r == ' ' {
			continue
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	out := b.String()
	if strings.HasSuffix(out, "ah") && len(out) > 4 {
		out = out[:len(out)-1]
	}
	return out
}

func foldRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '.' || r == 'ʻ':
			// dropped: O'zIH = OzIH, U.S. = US
		case r == '-' || r == '‐' || r == '–' || r == '—' || r == '_' || r == '/' || unicode.IsSpace(r) || r == '[' || r == ']' || r == '(' || r == ')' || r == ',' || r == '"' || r == '“' || r == '”':
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(stripMark(r)))
		}
	}
	return b.String()
}

// stripMark maps the accented Latin letters that appear in transliterations
// to their base letter.
func stripMark(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	switch r {
	case 'á', 'à', 'â', 'ä', 'ā', 'ã', 'å':
		return 'a'
	case 'Á', 'À', 'Â', 'Ä', 'Ā':
		return 'A'
	case 'é', 'è', 'ê', 'ë', 'ē':
		return 'e'
	case 'É', 'È', 'Ê', 'Ē':
		return 'E'
	case 'í', 'ì', 'î', 'ï', 'ī':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö', 'ō', 'õ', 'ǒ':
		return 'o'
	case 'Ó', 'Ö', 'Ō':
		return 'O'
	case 'ú', 'ù', 'û', 'ü', 'ū':
		return 'u'
	case 'Ú', 'Ü', 'Ū':
		return 'U'
	case 'ç':
		return 'c'
	case 'ş', 'š':
		return 's'
	case 'Ş', 'Š':
		return 'S'
	case 'ğ':
		return 'g'
	case 'ñ':
		return 'n'
	case 'ı':
		return 'i'
	case 'ž':
		return 'z'
	}
	return r
}

// EntityKey is the canonical key of an entity of type typ named name.
func EntityKey(typ, name string) string {
	return typ + ":" + FoldName(name)
}
