package export

import (
	"fmt"
	"strings"
)

// Colours per label, the same in the DOT, SVG and HTML exports and in
// browser/graphload.grass.
var labelColors = map[string]string{
	"Person":       "#4C8EDA",
	"Organization": "#D9534F",
	"Location":     "#57A773",
	"Article":      "#A5ABB6",
}

// LabelColor returns the fill colour of a node with label l.
func LabelColor(l string) string {
	if c, ok := labelColors[l]; ok {
		return c
	}
	return "#8C8C8C"
}

// plural says "1 relation", "2 relations".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// describe says what s holds, for titles and headers.
func describe(s *Subgraph) string {
	var b strings.Builder
	if s.Focus != nil {
		fmt.Fprintf(&b, "%s and %s within %s of %s", plural(len(s.Entities), "entity"), plural(len(s.Relations), "relation"),
			plural(s.Selection.Hops, "hop"), s.Focus.Name)
	} else {
		fmt.Fprintf(&b, "%s and %s", plural(len(s.Entities), "entity"), plural(len(s.Relations), "relation"))
	}
	return b.String()
}

// filters lists the selection's filters in words, "" when there are none.
func filters(sel Selection) string {
	var parts []string
	if len(sel.Types) > 0 {
		parts = append(parts, "types "+strings.Join(sel.Types, ", "))
	}
	if len(sel.Labels) > 0 {
		parts = append(parts, "labels "+strings.Join(sel.Labels, ", "))
	}
	switch {
	case sel.Since != "" && sel.Until != "":
		parts = append(parts, "seen "+sel.Since+" to "+sel.Until)
	case sel.Since != "":
		parts = append(parts, "seen since "+sel.Since)
	case sel.Until != "":
		parts = append(parts, "seen until "+sel.Until)
	}
	if sel.MinSources > 0 {
		parts = append(parts, fmt.Sprintf("at least %s", plural(sel.MinSources, "source")))
	}
	if sel.Limit > 0 {
		parts = append(parts, fmt.Sprintf("at most %s", plural(sel.Limit, "entity")))
	}
	return strings.Join(parts, "; ")
}
