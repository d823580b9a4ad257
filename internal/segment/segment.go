// Package segment cuts a document's text into paragraphs, sentences and
// tokens, each with byte offsets into the original text, and marks the
// paragraphs that are page furniture (donation appeals, tag lists, topic
// menus, commenters' handles, author biographies) so that later stages
// take no facts from them.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphload/graphload/internal/graph"
)

// Rules configures the splitter: abbreviations and what furniture looks like.
type Rules struct {
	Abbreviations  map[string]bool // folded, without the final period
	FurnitureLines []Pattern
	FurnitureBios  []Pattern
	// FurnitureHeads match a heading over a list of story titles
	// ("Related"): the title lines after it are furniture too.
	FurnitureHeads []Pattern
	MenuMinLines   int
	MenuMaxWords   int
	// MaxFurnitureBytes: a longer paragraph is content, and the furniture
	// patterns are not run over it (they are the costly part of splitting).
	MaxFurnitureBytes int
}

// Pattern matches a furniture line; lower is the line in lower case.
type Pattern interface {
	Match(line, lower string) bool
}

// Split returns the sentences of text in order.
func Split(text string, r Rules) []graph.Sentence {
	paras := paragraphs(text)
	furniture := r.furniture(text, paras)
	var out []graph.Sentence
	for pi, p := range paras {
		toks := Tokenize(text[p.Start:p.End], p.Start)
		for _, s := range r.sentences(toks) {
			if len(s) == 0 {
				continue
			}
			start, end := s[0].Start, s[len(s)-1].End
			out = append(out, graph.Sentence{
				Span:      graph.Span{Start: start, End: end},
				Text:      text[start:end],
				Paragraph: pi,
				Furniture: furniture[pi],
				Tokens:    s,
			})
		}
	}
	return out
}

// paragraphs returns the non-blank lines of text: every line break, including
// the Unicode line and paragraph separators of wire text, ends a paragraph.
func paragraphs(text string) []graph.Span {
	var out []graph.Span
	start := 0
	flush := func(end int) {
		seg := text[start:end]
		trimmed := strings.TrimSpace(seg)
		if trimmed != "" {
			lead := strings.Index(seg, trimmed)
			out = append(out, graph.Span{Start: start + lead, End: start + lead + len(trimmed)})
		}
	}
	for i, c := range text {
		if c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' {
			flush(i)
			start = i + utf8.RuneLen(c)
		}
	}
	flush(len(text))
	return out
}

func (r Rules) furniture(text string, paras []graph.Span) []bool {
	out := make([]bool, len(paras))
	for i, p := range paras {
		line := text[p.Start:p.End]
		if r.MaxFurnitureBytes > 0 && len(line) > r.MaxFurnitureBytes {
			continue
		}
		lower := strings.ToLower(line)
		for _, p := range r.FurnitureLines {
			if p.Match(line, lower) {
				out[i] = true
				break
			}
		}
		for _, p := range r.FurnitureBios {
			if !out[i] && p.Match(line, lower) {
				out[i] = true
			}
		}
	}
	// The story titles under a "Related" heading: the lines after it that
	// end without sentence punctuation.
	for i, p := range paras {
		line := text[p.Start:p.End]
		if !r.matchesAny(r.FurnitureHeads, line) {
			continue
		}
		out[i] = true
		for k := i + 1; k < len(paras); k++ {
			title := strings.TrimSpace(text[paras[k].Start:paras[k].End])
			if title == "" || len(strings.Fields(title)) > titleMaxWords || strings.ContainsAny(title[len(title)-1:], ".!?:\"”") {
				break
			}
			out[k] = true
		}
	}
	// A trailing run of short lines without sentence punctuation is a topic
	// menu or a tag cloud, whatever words it holds.
	run := 0
	for i := len(paras) - 1; i >= 0; i-- {
		line := strings.TrimSpace(text[paras[i].Start:paras[i].End])
		if out[i] && run > 0 {
			run++
			continue
		}
		if len(strings.Fields(line)) > r.MenuMaxWords || strings.ContainsAny(line[len(line)-1:], ".!?:\"”") {
			break
		}
		run++
	}
	if r.MenuMinLines > 0 && run >= r.MenuMinLines {
		for i := len(paras) - run; i < len(paras); i++ {
			out[i] = true
		}
	}
	return out
}

// titleMaxWords is the longest story title a "Related" list holds.
const titleMaxWords = 20

func (r Rules) matchesAny(ps []Pattern, line string) bool {
	if len(ps) == 0 || r.MaxFurnitureBytes > 0 && len(line) > r.MaxFurnitureBytes {
		return false
	}
	lower := strings.ToLower(line)
	for _, p := range ps {
		if p.Match(line, lower) {
			return true
		}
	}
	return false
}

// sentences cuts a paragraph's tokens at sentence ends.
func (r Rules) sentences(toks []graph.Token) [][]graph.Token {
	var out [][]graph.Token
	start := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i].Text
		if t != "." && t != "!" && t != "?" && t != "…" {
			continue
		}
		end := i + 1
		// closing quotes and brackets stay with the sentence they close
		for end < len(toks) && isCloser(toks[end].Text) {
			end++
		}
		if end >= len(toks) {
			break
		}
		if t == "." && i > 0 && r.noBreakAfter(toks[i-1]) {
			continue
		}
		next := toks[end].Text
		nr, _ := utf8.DecodeRuneInString(next)
		if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpener(next)) {
			continue
		}
		out = append(out, toks[start:end])
		start = end
		i = end - 1
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return capLength(out)
}

// MaxSentenceTokens bounds a sentence. Prose never runs this long; a page
// without full stops (a list, a scraped table, a line of keywords) does, and
// the extractor's work per sentence grows faster than its length.
const MaxSentenceTokens = 160

// capLength cuts sentences longer than MaxSentenceTokens at their last
// semicolon or comma before the limit, or at the limit.
func capLength(sents [][]graph.Token) [][]graph.Token {
	var out [][]graph.Token
	for _, s := range sents {
		for len(s) > MaxSentenceTokens {
			cut := MaxSentenceTokens
			for k := MaxSentenceTokens - 1; k > MaxSentenceTokens/2; k-- {
				if s[k].Text == ";" || s[k].Text == "," {
					cut = k + 1
					break
				}
			}
			out = append(out, s[:cut])
			s = s[cut:]
		}
		if len(s) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func (r Rules) noBreakAfter(prev graph.Token) bool {
	if !prev.Word {
		return false
	}
	w := strings.ToLower(prev.Text)
	if r.Abbreviations[w] {
		return true
	}
	// an initial: "U.S.", "J. Smith"
	return utf8.RuneCountInString(prev.Text) == 1 && unicode.IsUpper([]rune(prev.Text)[0])
}

func isCloser(s string) bool {
	return s == "\"" || s == "”" || s == "’" || s == ")" || s == "]" || s == "'"
}

func isOpener(s string) bool {
	return s == "\"" || s == "“" || s == "‘" || s == "(" || s == "[" || s == "'"
}

// Tokenize splits s into word and punctuation tokens; base is the byte offset
// of s in the document. A possessive "'s" is a token of its own; other
// apostrophes inside a word stay in it (O'zIH, Qal'a).
func Tokenize(s string, base int) []graph.Token {
	// prose has a token every five or six bytes: room for most paragraphs
	// at once rather than growing through every power of two
	out := make([]graph.Token, 0, len(s)/4+8)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == utf8.RuneError && w == 1 || unicode.IsControl(r):
			i += w
		case unicode.IsUpper(r) && w == 1 && isInitials(s[i:]):
			// "D.I.", "U.S.": initials with their periods make one word
			j := i
			for j+1 < len(s) && s[j] < utf8.RuneSelf && unicode.IsUpper(rune(s[j])) && s[j+1] == '.' {
				j += 2
			}
			out = append(out, graph.Token{Span: graph.Span{Start: base + i, End: base + j}, Text: s[i:j], Word: true})
			i = j
		case isWordRune(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				if isApostrophe(r2) && j+w2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if !unicode.IsLetter(r3) || isPossessive(s[j+w2:]) {
						break
					}
					j += w2
					continue
				}
				break
			}
			out = append(out, graph.Token{Span: graph.Span{Start: base + i, End: base + j}, Text: s[i:j], Word: true})
			i = j
		case isApostrophe(r) && isPossessive(s[i+w:]) && len(out) > 0 && out[len(out)-1].Word && out[len(out)-1].End == base+i:
			out = append(out, graph.Token{Span: graph.Span{Start: base + i, End: base + i + w + 1}, Text: "'s", Word: false})
			i += w + 1
		default:
			out = append(out, graph.Token{Span: graph.Span{Start: base + i, End: base + i + w}, Text: s[i : i+w]})
			i += w
		}
	}
	return out
}

// isInitials reports whether s starts with two or more capital initials,
// each followed by a period ("D.I. Khan", "U.S. forces").
func isInitials(s string) bool {
	n := 0
	for len(s) >= 2 && s[0] < utf8.RuneSelf && unicode.IsUpper(rune(s[0])) && s[1] == '.' {
		n++
		s = s[2:]
		if len(s) > 0 && (unicode.IsLetter(rune(s[0])) && !unicode.IsUpper(rune(s[0]))) {
			return false
		}
	}
	return n >= 2
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == 'ʻ' }

// isPossessive reports whether rest (what follows an apostrophe) is "s" ending a word.
func isPossessive(rest string) bool {
	if len(rest) == 0 || (rest[0] != 's' && rest[0] != 'S') {
		return false
	}
	if len(rest) == 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
