package segment

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rules() Rules {
	return Rules{
		Abbreviations:  map[string]bool{"jan": true, "gen": true, "mr": true},
		FurnitureLines: []Pattern{rx{regexp.MustCompile(`(?i)\bdonation\b`)}, rx{regexp.MustCompile(`(?i)^\W*[^.!?:]{1,40}\s+says\s*:\s*$`)}},
		FurnitureHeads: []Pattern{rx{regexp.MustCompile(`(?i)^\s*related\s*:?\s*$`)}},
		MenuMinLines:   3,
		MenuMaxWords:   4,
	}
}

type rx struct{ re *regexp.Regexp }

func (r rx) Match(line, _ string) bool { return r.re.MatchString(line) }

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "The IMU is active. It operates in Kunduz.", []string{"The IMU is active.", "It operates in Kunduz."}},
		{"abbreviation", "Since Jan. 29 raids rose. Gen. Smith said so.", []string{"Since Jan. 29 raids rose.", "Gen. Smith said so."}},
		{"initials", "The U.S. Army left. Then ISAF came.", []string{"The U.S. Army left.", "Then ISAF came."}},
		{"quote closes", `He said "go." Then he left.`, []string{`He said "go."`, "Then he left."}},
		{"lower case after period", "It was 3 p.m. when it began.", []string{"It was 3 p.m. when it began."}},
		{"paragraphs", "First line\nSecond line", []string{"First line", "Second line"}},
		{"unicode line separator", "First\u2028Second", []string{"First", "Second"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text, rules())
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
				assert.Equal(t, s.Text, tt.text[s.Start:s.End], "offsets point at the sentence")
			}
			assert.Equal(t, tt.want, texts)
		})
	}
}

func TestTokenizeOffsetsAndPossessives(t *testing.T) {
	text := "the Taliban’s ally, O'zIH, al Qaeda-linked"
	toks := Tokenize(text, 10)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Text)
		if tk.Text != "'s" {
			assert.Equal(t, tk.Text, text[tk.Start-10:tk.End-10])
		}
	}
	assert.Equal(t, []string{"the", "Taliban", "'s", "ally", ",", "O'zIH", ",", "al", "Qaeda", "-", "linked"}, got)
}

func TestFurniture(t *testing.T) {
	text := "The IMU operates in Kunduz.\nSupport us with a donation today.\n  • mike merlo says:\nA comment about the IMU.\nIraq\nIslamic state\nSyria\nBoko Haram"
	got := Split(text, rules())
	furniture := map[string]bool{}
	for _, s := range got {
		furniture[s.Text] = s.Furniture
	}
	require.Len(t, got, 8)
	assert.False(t, furniture["The IMU operates in Kunduz."])
	assert.True(t, furniture["Support us with a donation today."])
	assert.True(t, furniture["• mike merlo says:"])
	assert.False(t, furniture["A comment about the IMU."], "comment text is content")
	assert.True(t, furniture["Boko Haram"], "a trailing topic menu is furniture")
	assert.True(t, furniture["Iraq"])
}

func TestRelatedTitlesAreFurniture(t *testing.T) {
	text := "Police detained four men in Osh.\nRelated\nKazakh Court Jails Alleged Hizb ut-Tahrir Members\nTurkmenistan Reinforces Border Posts As Fighting Flares\nThe court in Osh will hear the case in May."
	got := Split(text, rules())
	furniture := map[string]bool{}
	for _, s := range got {
		furniture[s.Text] = s.Furniture
	}
	require.Len(t, got, 5)
	assert.False(t, furniture["Police detained four men in Osh."])
	assert.True(t, furniture["Related"])
	assert.True(t, furniture["Kazakh Court Jails Alleged Hizb ut-Tahrir Members"])
	assert.True(t, furniture["Turkmenistan Reinforces Border Posts As Fighting Flares"])
	assert.False(t, furniture["The court in Osh will hear the case in May."], "prose after the list is content")
}

func TestLongSentencesAreCut(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"a list with commas", strings.Repeat("Kunduz, Takhar, Baghlan, ", 200) + "and Faryab."},
		{"no punctuation at all", strings.Repeat("Taliban IMU ISAF ", 300)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := Split(tt.text, Rules{})
			require.Greater(t, len(sents), 1, "the run is cut")
			for _, s := range sents {
				assert.LessOrEqual(t, len(s.Tokens), MaxSentenceTokens)
				assert.Equal(t, s.Text, tt.text[s.Start:s.End], "offsets still point at the text")
			}
			if tt.name == "a list with commas" {
				assert.Equal(t, ",", sents[0].Tokens[len(sents[0].Tokens)-1].Text, "cut after a comma")
			}
		})
	}
}
