package entities

import (
	"regexp"
	"sort"
	"testing"

	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/segment"
	"github.com/graphload/graphload/internal/testschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var furniture = []segment.Pattern{rx{regexp.MustCompile(`(?i)donation`)}}

type rx struct{ re *regexp.Regexp }

func (r rx) Match(line, _ string) bool { return r.re.MatchString(line) }

func extract(t *testing.T, text string) (Result, []graph.Sentence) {
	t.Helper()
	sents := segment.Split(text, segment.Rules{FurnitureLines: furniture, MenuMinLines: 3, MenuMaxWords: 4})
	return New(testschema.Load(t)).Extract(sents), sents
}

// names lists "Type:Name" for the entities found.
func names(r Result) []string {
	var out []string
	for _, e := range r.Entities {
		out = append(out, e.Type+":"+e.Name)
	}
	sort.Strings(out)
	return out
}

func TestEntities(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []string
		notWant []string
	}{
		{"gazetteer spellings", "Fighters moved from Khowst to Konduz and Dasht-i-Archi.",
			[]string{"Location:Khost", "Location:Kunduz", "Location:Dasht-e Archi"}, nil},
		{"place by its head noun", "The raid took place in Zangabad district of Panjwai.",
			[]string{"Location:Zangabad"}, nil},
		{"acronym defined by initials", "The Jamaat Saifullah Front (JSF) claimed the attack. JSF fighters fled.",
			[]string{"Organization:Jamaat Saifullah Front"}, []string{"Organization:JSF"}},
		{"religious title kept", "A commander named Mawlawi Gulbadin was detained.",
			[]string{"Person:Mawlawi Gulbadin"}, nil},
		{"office title dropped", "General Rahmatullah Nabil spoke to reporters.",
			[]string{"Person:Rahmatullah Nabil"}, []string{"Person:General Rahmatullah Nabil"}},
		{"apposition makes a person", "Wakil Ahmadzai, a former lawmaker, says the road is closed.",
			[]string{"Person:Wakil Ahmadzai"}, nil},
		{"direction inside a country is the country", "Attacks rose in northern Afghanistan and the Afghan north.",
			[]string{"Location:Afghanistan"}, []string{"Location:northern Afghanistan"}},
		{"a gazetteer person whose name goes on is someone else", "Commander Nazir Jan, a local cleric, was arrested.",
			[]string{"Person:Nazir Jan"}, []string{"Person:Mullah Nazir"}},
		{"a capitalised town is part of the name", "Police raided houses in Orangi Town, Sohrab Goth and the Hazara Town locality.",
			[]string{"Location:Orangi Town", "Location:Sohrab Goth", "Location:Hazara Town"}, []string{"Location:Orangi", "Person:Sohrab Goth"}},
		{"a capitalised pass or valley is part of the name", "They crossed the Zarak Pass into the Margan Valley and the Nawa Pass.",
			[]string{"Location:Zarak Pass", "Location:Margan Valley", "Location:Nawa Pass"}, []string{"Location:Nawa", "Location:Zarak"}},
		{"a valley of another place is a place of its own", "Fighters hid in the Chaparhar valley of Nangarhar.",
			[]string{"Location:Chaparhar valley"}, []string{"Location:Chaparhar"}},
		{"a name ending like a Central Asian surname is a person's", "A court said Umarali Rahmonzoda and Saidakbar Rahimov were detained.",
			[]string{"Person:Umarali Rahmonzoda", "Person:Saidakbar Rahimov"}, nil},
		{"a group named after a man is not the man", "The Mullah Dadullah Front operates in Zabul. The Dadullah Front lost ground.",
			[]string{"Organization:Mullah Dadullah Front"}, []string{"Person:Mullah Dadullah", "Organization:Dadullah Front"}},
		{"a man whose surname ends a group's name", "Police said Naeem Bukhari was arrested in Karachi.",
			[]string{"Person:Naeem Bukhari"}, []string{"Organization:Katibat Imam al-Bukhari"}},
		{"a group's name in a title-cased headline", "Tajik Court Jails 11 Over Alleged Jamaat Ansarullah Cell",
			[]string{"Organization:Jamaat Ansarullah"}, []string{"Person:Alleged Jamaat Ansarullah Cell"}},
		{"a given name after an alias and \"and\"", "Police identified them as Gul Mohammad alias Mansoor and Hayatullah.",
			[]string{"Person:Gul Mohammad", "Person:Hayatullah"}, nil},
		{"Daesh in a story about ISKP is ISKP", "ISKP claimed the attack in Kunar. Officials said Daesh had lost ground.",
			[]string{"Organization:Islamic State Khorasan Province"}, []string{"Organization:Islamic State"}},
		{"Daesh elsewhere is the Islamic State", "Officials said Daesh had lost ground in Raqqa.",
			[]string{"Organization:Islamic State"}, []string{"Organization:Islamic State Khorasan Province"}},
		{"a region is named without its head, as provinces are", "Police raided houses in Uzbekistan's Surkhandarya region.",
			[]string{"Location:Surkhandarya"}, []string{"Location:Surkhandarya Region"}},
		{"an article and a common noun make no group's name", "JA seeks to establish an Islamic state in Central Asia.",
			nil, []string{"Organization:Islamic State"}},
		{"a title before a common word is no name", "Major Attacks\nIn 2018 the group mounted attacks on a border post. General Raziq spoke.",
			[]string{"Person:Raziq"}, []string{"Person:Attacks"}},
		{"a name after \"near\" is a place", "Four militants were killed in an exchange of fire near Surkhab Kalay in Mastung district.",
			[]string{"Location:Surkhab Kalay"}, nil},
		{"the army's commandos are the army", "Afghan National Army commandos captured a Taliban commander.",
			[]string{"Organization:Afghan National Army"}, []string{"Organization:Afghan National Army Special Operations Command"}},
		{"a prefix-shaped name goes on over its country", "Lashkar-e-Islam joined hands with the Tehreek-e-Nusrat-e-Islam Pakistan.",
			[]string{"Organization:Tehreek-e-Nusrat-e-Islam Pakistan"}, []string{"Organization:Tehreek-e-Nusrat-e-Islam", "Location:Pakistan"}},
		{"a Persian -ollah given name", "IRGC forces said they had killed one of its commanders, Ezzatollah Shahbakhsh, near Saravan.",
			[]string{"Person:Ezzatollah Shahbakhsh"}, nil},
		{"a backtick is an apostrophe inside a name", "Fighters were trained by a veteran al-Qa`ida trainer.",
			[]string{"Organization:al Qaeda"}, nil},
		{"a group named after its leader with a common noun", "The IMU was driven out of Wana by the Mullah Nazir group.",
			[]string{"Organization:Mullah Nazir group"}, []string{"Person:Mullah Nazir"}},
		{"identified, with the one described, as X", "Police identified the slain commander as Gorgej Rakhshani.",
			[]string{"Person:Gorgej Rakhshani"}, nil},
		{"X, alias Y: only people go by an alias", "Gorgej Rakhshani, alias Dosti, was killed.",
			[]string{"Person:Gorgej Rakhshani"}, nil},
		{"two places joined by a hyphen", "Militants moved through the Kunduz-Takhar belt.",
			[]string{"Location:Kunduz", "Location:Takhar"}, nil},
		{"a road between two places names neither", "Gunmen attacked a convoy on the Kunduz-Takhar highway.",
			[]string{"Location:Kunduz"}, []string{"Location:Takhar"}},
		{"the name without its title is the same man", "Forces killed Mawlawi Sardar Wali in Sabari. Sardar Wali commanded a cell.",
			[]string{"Person:Mawlawi Sardar Wali"}, []string{"Person:Sardar Wali"}},
		{"given names stand for the full name", "Forces detained Gul Zaman Kharoti in Barmal. Gul Zaman managed caches.",
			[]string{"Person:Gul Zaman Kharoti"}, []string{"Person:Gul Zaman"}},
		{"given names two men share stand for neither", "Forces detained Gul Zaman Kharoti and Gul Zaman Mehsud. Gul Zaman managed caches.",
			[]string{"Person:Gul Zaman Kharoti", "Person:Gul Zaman Mehsud", "Person:Gul Zaman"}, nil},
		{"better known as: another name of the man", "Forces captured a facilitator, Zarif Gulistani, better known as Mullah Spinzar.",
			[]string{"Person:Zarif Gulistani"}, []string{"Person:Mullah Spinzar"}},
		{"a description, then known locally as", "Among the dead was Rustam Qodirov, an IMU commander known locally as Qari Rustam.",
			[]string{"Person:Rustam Qodirov"}, []string{"Person:Qari Rustam"}},
		{"known by his nom de guerre", "Officials named him as Rustam Qodirov, who is better known by his nom de guerre, Ustad Bahrom.",
			[]string{"Person:Rustam Qodirov"}, []string{"Person:Ustad Bahrom"}},
		{"a long mixed-case acronym written in capitals", "HUJI is concentrated in Paktika.",
			[]string{"Organization:Harkat-ul-Jihad al-Islami"}, nil},
		{"a short one is not: LET is a word", "LET US PRAY, the banner read.",
			nil, []string{"Organization:Lashkar-e-Taiba"}},
		{"a kinship with of is no name", "Mawlawi Fazal Rabbani Zadran founded the network. Mawlawi Yar Gul Zadran (2014-present): Son of Fazal Rabbani.",
			[]string{"Person:Mawlawi Yar Gul Zadran"}, []string{"Person:Son of Fazal Rabbani"}},
		{"a definition wins over the gazetteer's reading of its acronym, leaving no trace of it", "The State Security Service (DXX) arrested six men in Namangan.",
			[]string{"Organization:State Security Service"}, []string{"Organization:National Security Service of Uzbekistan"}},
		{"a place named after its head", "Police surrounded a house in the village of Kara-Suu.",
			[]string{"Location:Kara-Suu"}, nil},
		{"a gazetteer name inside a hyphenated one is not that place", "Police surrounded a house in the village of Kara-Bak.",
			[]string{"Location:Kara-Bak"}, []string{"Location:Bak"}},
		{"a name ending in a name-final given name", "Police said Zarin Gul had worked for the Taliban.",
			[]string{"Person:Zarin Gul"}, nil},
		{"a given name in a list is a person's", "Police arrested Gul Khan, Asadullah, Sher Alam and Naqeebullah in Tank.",
			[]string{"Person:Asadullah", "Person:Naqeebullah"}, nil},
		{"not a reference's inverted name", "Karimova, Dilnoza and Peter Hall. \"Uzbek Jihadism\". Working Paper 7, 2012.",
			nil, []string{"Person:Dilnoza"}},
		{"demonyms are not entities", "Afghan and Pakistani officials met Uzbek diplomats.",
			nil, []string{"Location:Afghanistan", "Location:Pakistan", "Location:Uzbekistan"}},
		{"furniture adds nothing", "The Taliban are active.\nPlease consider a donation to support us.\nIraq\nSyria\nBoko Haram\nYemen",
			[]string{"Organization:Taliban"}, []string{"Organization:Boko Haram", "Location:Syria"}},
		{"a place and an organization head", "Commanders of the Miranshah Shura met in the town.",
			[]string{"Organization:Miranshah Shura"}, []string{"Location:Miranshah"}},
		{"a group's first word after a place is not that group's", "In Nangarhar, Jalalabad Shura fighters fought on.",
			[]string{"Organization:Jalalabad Shura"}, []string{"Organization:Shura-e Nazar"}},
		{"a group's first word at the start of a sentence", "A Haqqani leader was detained in Gardez.",
			[]string{"Organization:Haqqani Network"}, nil},
		{"a country's own body", "Tajikistan's State Committee for National Security (GKNB) said the GKNB detained three men.",
			[]string{"Organization:State Committee for National Security of Tajikistan"}, []string{"Organization:State Committee for National Security"}},
		{"a head opens the name's complement", "The Ministry of Interior Affairs said the Kandahar Directorate of Security was reorganised.",
			[]string{"Organization:Ministry of Interior Affairs", "Organization:Kandahar Directorate of Security"}, nil},
		{"a place that begins with a given name", "Mansour was killed in a drone strike near Ahmad Wal in Balochistan.",
			[]string{"Location:Ahmad Wal"}, []string{"Person:Ahmad Wal"}},
		{"a titled name after in is a person", "The raid in Mullah Gul Agha's compound killed two men.",
			nil, []string{"Location:Gul Agha"}},
		{"a group's first word before a role", "Police arrested a Haqqani facilitator in Gardez.",
			[]string{"Organization:Haqqani Network"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := extract(t, tt.text)
			got := names(r)
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, got, w)
			}
		})
	}
}

func TestSurnamesAndAliasesResolve(t *testing.T) {
	r, _ := extract(t, "ISAF killed Taliban commander Qari Saifullah Barakzai alias Tor Malang. Barakzai led 40 fighters. Tor Malang was wanted for attacks.")
	var people []*graph.Entity
	for _, e := range r.Entities {
		if e.Type == graph.Person {
			people = append(people, e)
		}
	}
	require.Len(t, people, 1, "%v", names(r))
	assert.Equal(t, 4, people[0].Mentions, "full name, alias, surname, alias again")
	assert.Contains(t, people[0].Aliases, "Barakzai")
	assert.Contains(t, people[0].Aliases, "Tor Malang")
}

// "Lashkar" stands for Lashkar-e-Taiba where the document names it and no
// other Lashkar; where it names two, for neither.
func TestShortGroupNames(t *testing.T) {
	tests := []struct {
		name, text, group string
		mentions          int
	}{
		{"one group named in full", "Jaish-e-Mohammed and Lashkar-e-Taiba are allies. Lashkar fighters train in Kunar.", "Lashkar-e-Taiba", 2},
		{"two groups share the short name", "Lashkar-e-Taiba and Lashkar-e-Islam differ. The Lashkar fought in Tirah.", "Lashkar-e-Taiba", 1},
		{"a militia's own name", "Lashkar-e-Taiba is in Kunar. The Salarzai Lashkar fought back.", "Lashkar-e-Taiba", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := extract(t, tt.text)
			var got *graph.Entity
			for _, e := range r.Entities {
				if e.Name == tt.group {
					got = e
				}
			}
			require.NotNil(t, got, "%v", names(r))
			assert.Equal(t, tt.mentions, got.Mentions)
		})
	}
}

func TestAliasAfterComma(t *testing.T) {
	r, _ := extract(t, "Police arrested Qari Noorullah Sadat, also known as Qari Noor, in Jalalabad. Qari Noor ran a cell.")
	var people []*graph.Entity
	for _, e := range r.Entities {
		if e.Type == graph.Person {
			people = append(people, e)
		}
	}
	require.Len(t, people, 1, "%v", names(r))
	assert.Contains(t, people[0].Aliases, "Qari Noor")
}

func TestNameEndingInMonthWord(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Police detained Haji Gul Jan, a Taliban courier.", "Person:Haji Gul Jan"},
		{"Mohammad Jan Sultani, a spokesman, said it.", "Person:Mohammad Jan Sultani"},
		{"Mullah Sher Agha was detained in Jan. 2011.", "Person:Mullah Sher Agha"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			r, _ := extract(t, tt.text)
			assert.Contains(t, names(r), tt.want)
		})
	}
}

func TestOneWordNameIsTheFullName(t *testing.T) {
	r, _ := extract(t, "Jaish-e-Mohammed was founded by Masood Azhar in 2000. Azhar, a former HuM leader, took much of the HuM with him.")
	var people []string
	for _, e := range r.Entities {
		if e.Type == graph.Person {
			people = append(people, e.Name)
		}
	}
	assert.Equal(t, []string{"Masood Azhar"}, people)
}

func TestOneWordGivenNameDescribed(t *testing.T) {
	r, _ := extract(t, "Police said Asmatullah, a close aide of a TTP commander, was arrested.")
	assert.Contains(t, names(r), "Person:Asmatullah")
}

func TestSentenceOpeningIt(t *testing.T) {
	tests := []struct {
		text    string
		grouped bool
	}{
		{"The Islamic Jihad Union has a long history. It broke away from the IMU in 2002.", true},
		{"The Islamic Jihad Union has a long history. It is unclear whether it still recruits.", false},
		{"The Islamic Jihad Union has a long history. It was not known who led the raid.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r, _ := extract(t, tt.text)
			found := false
			for _, m := range r.Mentions {
				if m.Anaphor && m.Text == "It" {
					found = true
					assert.Equal(t, "Organization:islamic jihad union", m.EntityKey)
				}
			}
			assert.Equal(t, tt.grouped, found)
		})
	}
}

func TestMentionOffsets(t *testing.T) {
	text := "Clashes in Kunduz.\nThe Islamic Jihad Union (IJU) is active; the IJU recruits."
	r, _ := extract(t, text)
	require.NotEmpty(t, r.Mentions)
	for _, m := range r.Mentions {
		assert.Equal(t, m.Text, text[m.Start:m.End], "offsets point at the mention")
	}
	var iju int
	for _, m := range r.Mentions {
		if m.EntityKey == "Organization:islamic jihad union" {
			iju++
		}
	}
	assert.Equal(t, 3, iju, "the name, its acronym, and the acronym's use")
}

func TestGroupAnaphora(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"the group before", "The Islamic Jihad Union maintains bases in Mir Ali. The group also recruits in Germany.",
			"Organization:islamic jihad union"},
		// not the group with "Group" in its name
		{"the sentence's own group first", "The Mullah Nazir Group controls Wana. Both factions returned to the TTP fold in 2020, when the group's emir welcomed them back.",
			"Organization:tehrik e taliban pakistan"},
		{"the topic goes on past a sentence opening with it", "Jundallah broke away from the TTP in 2014. It later announced it was rejoining the TTP. The group has also kept close ties to al Qaeda.",
			"Organization:jundallah"},
		{"a group the sentence before only names as an object", "Jundallah has grown. Its leaders rejected the TTP's emir. The group fought the Taliban in Nimroz.",
			"Organization:jundallah"},
		{"a qualified anaphor", "Jundallah still runs the show in Saravan. The family group that Abdolmalek Rigi built controls the crossings.",
			"Organization:jundallah"},
		{"not a possessive that only qualifies", "The worry is Jundallah's drift. Its men now serve as the Islamic State's local guides, even as the group keeps its old links with al Qaeda.",
			"Organization:jundallah"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := extract(t, tt.text)
			var found bool
			for _, m := range r.Mentions {
				if m.Anaphor && m.Text == "group" {
					found = true
					assert.Equal(t, tt.want, m.EntityKey)
				}
			}
			assert.True(t, found, "'the group' resolves")
		})
	}
}

func TestValleyPhraseIsAnAlias(t *testing.T) {
	r, _ := extract(t, "The fighters withdrew into the Badwan valley before dawn.")
	var places []*graph.Entity
	for _, e := range r.Entities {
		if e.Type == graph.Location {
			places = append(places, e)
		}
	}
	require.Len(t, places, 1, "%v", names(r))
	assert.Equal(t, "Badwan", places[0].Name)
	assert.Contains(t, places[0].Aliases, "Badwan valley")
}
