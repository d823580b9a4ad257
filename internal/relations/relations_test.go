package relations_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/graphload/graphload/internal/entities"
	"github.com/graphload/graphload/internal/graph"
	"github.com/graphload/graphload/internal/relations"
	"github.com/graphload/graphload/internal/segment"
	"github.com/graphload/graphload/internal/testschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// extract runs segmentation, entities and relations on text and returns
// "From -TYPE-> To" by entity name, and the relations themselves.
func extract(t *testing.T, text string) ([]string, []graph.Relation) {
	t.Helper()
	s := testschema.Load(t)
	ents := entities.New(s)
	sents := segment.Split(text, segment.Rules{})
	found := ents.Extract(sents)
	rels := relations.New(s, ents).Extract(relations.Input{
		Doc: graph.Document{ID: "t.txt", Date: "2012-05-01", Text: text}, Sentences: sents,
		Mentions: found.Mentions, Entities: found.Entities})
	var out []string
	for _, r := range rels {
		out = append(out, found.Entities[r.From].Name+" -"+r.Type+"-> "+found.Entities[r.To].Name)
	}
	sort.Strings(out)
	return out, rels
}

func TestEngines(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []string
		notWant []string
	}{
		{"verb with a list of objects", "The Islamic Jihad Union maintains close ties with al Qaeda and the Taliban.",
			[]string{"Islamic Jihad Union -ALLIED_WITH-> Taliban", "al Qaeda -ALLIED_WITH-> Islamic Jihad Union"}, nil},
		{"hyphen compound", "Police raided a house used by the Taliban-linked Lashkar-e-Jhangvi in Quetta.",
			[]string{"Lashkar-e-Jhangvi -ALLIED_WITH-> Taliban"}, nil},
		{"between", "Officials describe a rivalry between Hizb-i-Islami Gulbuddin and the Taliban in Baghlan.",
			[]string{"Hizb-i-Islami Gulbuddin -RIVAL_OF-> Taliban"}, nil},
		{"passive founder", "Jaish-e-Mohammed, founded in 2000 by Masood Azhar, recruits in Bahawalpur.",
			[]string{"Masood Azhar -FOUNDED-> Jaish-e-Mohammed"}, nil},
		{"head of the group, bare role", "TTP chief Noor Wali Mehsud issued a statement.",
			[]string{"Noor Wali Mehsud -LEADER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"a leader is a member", "Mullah Abdul Wali, a senior Taliban leader, was detained.",
			[]string{"Mullah Abdul Wali -MEMBER_OF-> Taliban"}, []string{"Mullah Abdul Wali -LEADER_OF-> Taliban"}},
		{"raid kill placed at the district", "During an operation in Chak district, Wardak province, the security force killed Haqqani Network facilitator Gul Agha Zadran.",
			[]string{"Gul Agha Zadran -KILLED_IN_RAID-> Chak-e Wardak", "Chak-e Wardak -LOCATED_IN-> Wardak"}, []string{"Gul Agha Zadran -KILLED_IN_RAID-> Wardak"}},
		{"capture placed from the paragraph", "Afghan forces raided a compound in Musa Qala district. Qari Hayatullah was arrested with two associates.",
			[]string{"Qari Hayatullah -CAPTURED_IN_RAID-> Musa Qala"}, nil},
		{"operates in, objects of the clause", "The IMU is active in Kunduz and Takhar, while the Taliban hold Baghlan.",
			[]string{"Islamic Movement of Uzbekistan -OPERATES_IN-> Kunduz", "Islamic Movement of Uzbekistan -OPERATES_IN-> Takhar"},
			[]string{"Islamic Movement of Uzbekistan -OPERATES_IN-> Baghlan"}},
		{"attributive stronghold", "Sangin has long been a Taliban stronghold.",
			[]string{"Taliban -OPERATES_IN-> Sangin"}, nil},
		{"targeted", "ISAF targeted the Haqqani Network in Paktika.",
			[]string{"International Security Assistance Force -TARGETED-> Haqqani Network"}, nil},
		{"the hearer of reported speech is no subject", "A border officer told RFE/RL's Uzbek Service, known locally as Radio Ozodlik, that fighters of the Islamic Jihad Union had been seen in two villages of Qush Tepa district.",
			[]string{"Islamic Jihad Union -OPERATES_IN-> Qush Tepa"}, []string{"Radio Ozodlik -OPERATES_IN-> Qush Tepa"}},
		{"an object relative clause", "Jamaat-ul-Ahrar, which Omar Khalid Khorasani formed in 2014, has bases in Mohmand.",
			[]string{"Omar Khalid Khorasani -FOUNDED-> Jamaat-ul-Ahrar", "Jamaat-ul-Ahrar -OPERATES_IN-> Mohmand"}, nil},
		{"an object relative clause with the subject's role", "The Islamic Jihad Union, which former IMU commander Najmiddin Jalolov led until 2009, has cells in Germany.",
			[]string{"Najmiddin Jalolov -LEADER_OF-> Islamic Jihad Union"}, []string{"Najmiddin Jalolov -LEADER_OF-> Islamic Movement of Uzbekistan"}},
		{"an object relative after an apposition", "Lashkar-e-Islam, a group that Mangal Bagh founded in 2004, controls Bara.",
			[]string{"Mangal Bagh -FOUNDED-> Lashkar-e-Islam", "Lashkar-e-Islam -OPERATES_IN-> Bara"}, []string{"Mangal Bagh -OPERATES_IN-> Bara"}},
		{"it after a speech verb is the speaker", "The raid was one of a dozen that the Frontier Corps, the paramilitary force, says it has carried out against Lashkar-e-Jhangvi this year.",
			[]string{"Frontier Corps -TARGETED-> Lashkar-e-Jhangvi"}, nil},
		{"a participle after an unnamed noun", "Tajikistan's State Committee for National Security says it has detained four men who recruited for militant groups based in Kunduz.",
			nil, []string{"State Committee for National Security of Tajikistan -OPERATES_IN-> Kunduz"}},
		{"a participle after a named group's people", "The IMU has fighters based in Kunduz, and its men have been based in Takhar since 2014.",
			[]string{"Islamic Movement of Uzbekistan -OPERATES_IN-> Kunduz"}, nil},
		{"the head of a qualified unit is a member", "Abdul Basit heads the TTP's Bajaur chapter, and Mahdi Karimov was put in charge of a Taliban border unit.",
			[]string{"Abdul Basit -MEMBER_OF-> Tehrik-i-Taliban Pakistan", "Mahdi Karimov -MEMBER_OF-> Taliban"},
			[]string{"Abdul Basit -LEADER_OF-> Tehrik-i-Taliban Pakistan", "Mahdi Karimov -LEADER_OF-> Taliban"}},
		{"an opening place holds a clash too", "In Faryab Province, fighters loyal to the Islamic State Khorasan Province have clashed with the Taliban in Qaysar district.",
			[]string{"Islamic State Khorasan Province -OPERATES_IN-> Faryab", "Islamic State Khorasan Province -OPERATES_IN-> Qaysar"}, nil},
		{"officials of a place report a presence there", "Local officials in Kunduz and Faryab provinces say IJU fighters have settled in remote villages.",
			[]string{"Islamic Jihad Union -OPERATES_IN-> Kunduz", "Islamic Jihad Union -OPERATES_IN-> Faryab"}, nil},
		{"a named speaker's place is no scene", "Mohammad Karim in Kunduz said IJU fighters have settled in remote villages.",
			nil, []string{"Islamic Jihad Union -OPERATES_IN-> Kunduz"}},
		{"a successor heads the group", "Najmiddin Jalolov, the IJU's emir, was killed in 2009. He was succeeded by Abdullah Fatih, who moved fighters into Afghanistan.",
			[]string{"Abdullah Fatih -LEADER_OF-> Islamic Jihad Union", "Najmiddin Jalolov -LEADER_OF-> Islamic Jihad Union"}, nil},
		{"a predecessor headed the group", "Usman Ghazi, the IMU's emir, took over after his predecessor, Abu Usman Adil, was killed.",
			[]string{"Abu Usman Adil -LEADER_OF-> Islamic Movement of Uzbekistan"}, nil},
		{"a successor in another paragraph inherits nothing", "Najmiddin Jalolov, the IJU's emir, was killed in 2009.\n\nHe was succeeded by Abdullah Fatih.",
			nil, []string{"Abdullah Fatih -LEADER_OF-> Islamic Jihad Union"}},
		{"a relative after an apposition speaks of the name", "Officials said he was working with Jundallah, a splinter faction that has carried out attacks jointly with the Tehrik-i-Taliban Pakistan.",
			[]string{"Jundallah -ALLIED_WITH-> Tehrik-i-Taliban Pakistan"}, nil},
		{"a relative after an apposition of another kind", "Police arrested Qari Sher Ali, a cleric from Quetta that the Taliban trust, in Kandahar.",
			nil, []string{"Qari Sher Ali -MEMBER_OF-> Taliban"}},
		{"militant groups that target each other are rivals", "Taliban fighters attacked Jundallah in Nimroz.",
			[]string{"Taliban -TARGETED-> Jundallah", "Jundallah -RIVAL_OF-> Taliban"}, nil},
		{"a security force's target is no rival", "Pakistani troops attacked Jundallah in Nimroz, and the Frontier Corps attacked the Tehrik-i-Taliban Pakistan.",
			[]string{"Frontier Corps -TARGETED-> Tehrik-i-Taliban Pakistan"}, []string{"Frontier Corps -RIVAL_OF-> Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan -RIVAL_OF-> Frontier Corps"}},
		{"an earlier victim is no later subject", "Afghan and coalition forces detained a senior Haqqani Network leader, killed a Taliban leader and detained a Hizb-i-Islami Gulbuddin commander in Khost.",
			nil, []string{"Haqqani Network -TARGETED-> Hizb-i-Islami Gulbuddin", "Taliban -TARGETED-> Hizb-i-Islami Gulbuddin"}},
		{"a provincial capital and its province", "Afghan forces cleared villages of Pashtun Kot district in Faryab province. Maimana, the provincial capital, stayed calm.",
			[]string{"Maimana -LOCATED_IN-> Faryab"}, nil},
		{"not a province the gazetteer puts the town outside", "Afghan forces cleared villages of Pashtun Kot district in Faryab province. Gardez, the provincial capital, stayed calm.",
			nil, []string{"Gardez -LOCATED_IN-> Faryab"}},
		{"a district centre and its district", "In Nahr-e Saraj district, Helmand province, the force arrested a courier near Gereshk, the district centre.",
			[]string{"Gereshk -LOCATED_IN-> Nahr-e Saraj"}, nil},
		{"a named seat", "Police in Ghalanai, Mohmand's district headquarters, said two militants were killed.",
			[]string{"Ghalanai -LOCATED_IN-> Mohmand"}, nil},
		{"a province and its country in one sentence", "The group's men trained in Afghanistan, fighting in Kunar and Nuristan provinces.",
			[]string{"Kunar -LOCATED_IN-> Afghanistan", "Nuristan -LOCATED_IN-> Afghanistan"}, nil},
		{"a claim of attacks is no reported speech", "Jundallah has claimed a string of bombings in Zahedan and Quetta.",
			[]string{"Jundallah -OPERATES_IN-> Zahedan", "Jundallah -OPERATES_IN-> Quetta"}, nil},
		{"a participle after an apposition's noun", "The faction keeps ties with Jundallah, the militant outfit based in Bara.",
			[]string{"Jundallah -OPERATES_IN-> Bara"}, nil},
		{"a role someone is regarded as", "Jundallah is based in Bara. Its founder's son, Qari Aslam Rind, is widely regarded as its operational chief.",
			[]string{"Qari Aslam Rind -MEMBER_OF-> Jundallah"}, nil},
		{"a role officials describe someone as", "Mullah Zakir Bashar, whom police describe as the Taliban's commander for Gereshk, was arrested.",
			[]string{"Mullah Zakir Bashar -MEMBER_OF-> Taliban"}, nil},
		{"a role someone is believed to have", "Qari Gul Rahman is believed to be a senior commander of the Haqqani Network.",
			[]string{"Qari Gul Rahman -MEMBER_OF-> Haqqani Network"}, nil},
		{"localities of a city", "Gunmen attacked the Hazara Town and Kirani Road localities of Quetta.",
			[]string{"Hazara Town -LOCATED_IN-> Quetta"}, nil},
		{"a description put to a list of names", "In a raid in Bahawalpur, police arrested three alleged members of the Jaish-e-Mohammed (JeM), Abdul Sattar and Gul Khan, on Monday.",
			[]string{"Abdul Sattar -MEMBER_OF-> Jaish-e-Mohammed", "Gul Khan -MEMBER_OF-> Jaish-e-Mohammed", "Abdul Sattar -CAPTURED_IN_RAID-> Bahawalpur", "Gul Khan -CAPTURED_IN_RAID-> Bahawalpur"}, nil},
		{"an opening participle describes the main subject", "Formed in 2004 by Mangal Bagh and Qari Zahid as a breakaway of the Tehrik-i-Taliban Pakistan (TTP), Lashkar-e-Islam controls Bara.",
			[]string{"Mangal Bagh -FOUNDED-> Lashkar-e-Islam", "Qari Zahid -FOUNDED-> Lashkar-e-Islam"}, []string{"Mangal Bagh -FOUNDED-> Tehrik-i-Taliban Pakistan"}},
		{"a described agent", "Jundallah was founded by the young preacher Abdolmalek Rigi and is now run by his brother, Abdolhamid Rigi.",
			[]string{"Abdolmalek Rigi -FOUNDED-> Jundallah", "Abdolhamid Rigi -LEADER_OF-> Jundallah"}, nil},
		{"a cell of a group is the group's", "Kyrgyzstan's State Committee for National Security says it has broken up a cell of the Islamic Jihad Union in Osh.",
			[]string{"Islamic Jihad Union -OPERATES_IN-> Osh", "State Committee for National Security of Kyrgyzstan -TARGETED-> Islamic Jihad Union"},
			[]string{"State Committee for National Security of Kyrgyzstan -OPERATES_IN-> Osh"}},
		{"it after a speech verb and an adjunct", "The Frontier Corps said on Tuesday that it had arrested four members of Lashkar-e-Jhangvi in Quetta.",
			[]string{"Frontier Corps -TARGETED-> Lashkar-e-Jhangvi"}, nil},
		{"works with a partner in a place", "Jaish-e-Mohammed works closely with the Taliban in Kunar.",
			[]string{"Jaish-e-Mohammed -OPERATES_IN-> Kunar", "Taliban -OPERATES_IN-> Kunar"}, nil},
		{"its people after a plain adverb and an opening time", "The Taliban have grown. In March 2015 Jamaat-ul-Ahrar rejoined the TTP. Its leadership long sheltered in Paktika.",
			[]string{"Jamaat-ul-Ahrar -OPERATES_IN-> Paktika"}, []string{"Taliban -OPERATES_IN-> Paktika"}},
		{"who had served as a group's commander", "Jundallah was founded by Abdolmalek Rigi, who had served as the TTP's commander in Kurram.",
			[]string{"Abdolmalek Rigi -MEMBER_OF-> Tehrik-i-Taliban Pakistan"}, []string{"Abdolmalek Rigi -LEADER_OF-> Tehrik-i-Taliban Pakistan"}},
		{"reported speech has no subject", "Shah Mahmood Miakhel says the Taliban operate in Ghazni.",
			[]string{"Taliban -OPERATES_IN-> Ghazni"}, []string{"Shah Mahmood Miakhel -OPERATES_IN-> Ghazni"}},
		{"qualifying nouns between the group and the role", "In Zurmat district, the force captured Taliban weapons smuggler Haji Dost Mohammad Kakar.",
			[]string{"Haji Dost Mohammad Kakar -MEMBER_OF-> Taliban"}, nil},
		{"a hyphenated role", "Police killed TTP sub-commander Qari Sher Zaman in Bara.",
			[]string{"Qari Sher Zaman -MEMBER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"a role with its description after it", "Mawlawi Gul Rahim, a Haqqani Network commander responsible for suicide attacks, was detained.",
			[]string{"Mawlawi Gul Rahim -MEMBER_OF-> Haqqani Network"}, nil},
		{"an irregular past after a group is its verb", "After 2005 Lashkar-e-Islam fought the Karzai government and ISAF alongside the Taliban, with pockets of support in Khyber.",
			[]string{"Lashkar-e-Islam -ALLIED_WITH-> Taliban", "Lashkar-e-Islam -OPERATES_IN-> Khyber"},
			[]string{"International Security Assistance Force -ALLIED_WITH-> Taliban", "International Security Assistance Force -OPERATES_IN-> Khyber"}},
		{"an adverb inside a cue", "Officials said ISKP fighters had clashed repeatedly with the Taliban in Chaparhar district.",
			[]string{"Islamic State Khorasan Province -RIVAL_OF-> Taliban"}, nil},
		{"who kills a group's people targets the group", "The Counter-Terrorism Department (CTD) claimed to have killed a senior commander of the banned Lashkar-e-Jhangvi in Mastung.",
			[]string{"Counter Terrorism Department -TARGETED-> Lashkar-e-Jhangvi"}, nil},
		{"the victims of a first cue are not the subject of the second", "Coalition forces killed a Haqqani Network facilitator and captured an operative of the Islamic Jihad Union in Khost.",
			nil, []string{"Haqqani Network -TARGETED-> Islamic Jihad Union"}},
		{"a place sets the scene, not the subject", "The Afghan National Army concluded an operation across western Farah province, targeting Taliban fighters.",
			[]string{"Afghan National Army -TARGETED-> Taliban"}, nil},
		{"a passive kill has no actor", "TTP commander killed in Bajaur operation, Lashkar-e-Jhangvi suspect held in Quetta",
			nil, []string{"Tehrik-i-Taliban Pakistan -TARGETED-> Lashkar-e-Jhangvi"}},
		{"a district in a province named earlier in the paragraph", "Operations continued in Farah province. In Bakwa district, the force captured a smuggler.",
			[]string{"Bakwa -LOCATED_IN-> Farah"}, nil},
		{"an opening place frames the clause", "In Faryab province, Taliban fighters overran two checkpoints in Qaramqol district.",
			[]string{"Taliban -OPERATES_IN-> Faryab", "Taliban -OPERATES_IN-> Qaramqol"}, nil},
		{"a group that qualifies a noun does not end the objects", "Mullah Gul Ahmad, who coordinated attacks against Afghan National Police checkpoints in Sancharak and Sozma Qala districts, was arrested.",
			[]string{"Mullah Gul Ahmad -OPERATES_IN-> Sancharak", "Mullah Gul Ahmad -OPERATES_IN-> Sozma Qala"}, nil},
		{"both sides of a clash are where it happens", "Jamaat-ul-Ahrar fighters clashed with the Tehrik-i-Taliban Pakistan (TTP) in Pachir Agam and Chaparhar districts.",
			[]string{"Jamaat-ul-Ahrar -OPERATES_IN-> Pachir Wa Agam", "Tehrik-i-Taliban Pakistan -OPERATES_IN-> Pachir Wa Agam", "Tehrik-i-Taliban Pakistan -OPERATES_IN-> Chaparhar"}, nil},
		{"a role noun of the ontology only", "Tribesmen said that Abu Talha al-Yemeni, an al Qaeda explosives trainer, runs courses near Shawal.",
			[]string{"Abu Talha al-Yemeni -MEMBER_OF-> al Qaeda"}, nil},
		{"a list of places does not swallow the person after it", "He brought fighters from Orakzai, Kurram, and Bajaur, and Qari Gul Rehman defected to ISKP in 2014.",
			[]string{"Qari Gul Rehman -MEMBER_OF-> Islamic State Khorasan Province"}, nil},
		{"no passive object across reported speech", "An official told Radio Azadi that the attackers were led by Mawlawi Gul Rahim.",
			nil, []string{"Mawlawi Gul Rahim -LEADER_OF-> Radio Free Europe/Radio Liberty"}},
		{"a group of a movement has a member at its head", "Police said a Taliban group commanded by Mullah Sher Dil had set up bases in Shortepa.",
			[]string{"Mullah Sher Dil -MEMBER_OF-> Taliban"}, []string{"Mullah Sher Dil -LEADER_OF-> Taliban"}},
		{"members of a group, including a commander", "Police arrested three members of the Tehrik-i-Taliban Pakistan, including a local commander, Amjad Khan alias Ustad, in Kabal.",
			[]string{"Amjad Khan -MEMBER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"a description shared by a list of people", "Police arrested Muhammad Aslam alias Mota and Zubair Khan alias Chhota, both Lashkar-e-Jhangvi militants.",
			[]string{"Muhammad Aslam -MEMBER_OF-> Lashkar-e-Jhangvi", "Zubair Khan -MEMBER_OF-> Lashkar-e-Jhangvi"}, nil},
		{"an apposition names an ally", "The Islamic Jihad Union, al Qaeda's longtime Central Asian ally, rebuilt its camps.",
			[]string{"al Qaeda -ALLIED_WITH-> Islamic Jihad Union"}, nil},
		{"an apposition after the possessive", "Fighters joined al Qaeda's Syrian affiliate, the Nusra Front, in Idlib.",
			[]string{"al Qaeda -ALLIED_WITH-> Jabhat al-Nusra"}, nil},
		{"an apposition with of", "Lashkar-e-Jhangvi, a bitter rival of the Tehrik-i-Taliban Pakistan, denied it.",
			[]string{"Lashkar-e-Jhangvi -RIVAL_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"a place's name is no speech verb", "The HuM, whose emir signed al Qaeda's declaration of war against the United States, has kept its ties to al Qaeda.",
			[]string{"al Qaeda -ALLIED_WITH-> Harakat-ul-Mujahideen"}, nil},
		{"a lead verb's group stands close to it", "Mullah Sher Dil, who commanded roughly 30 fighters and planned attacks against Afghan National Army outposts, was killed.",
			nil, []string{"Mullah Sher Dil -LEADER_OF-> Afghan National Army"}},
		{"an apposition is not the subject", "The Islamic Jihad Union, al Qaeda's longtime ally, has rebuilt its presence in North Waziristan.",
			[]string{"Islamic Jihad Union -OPERATES_IN-> North Waziristan"}, []string{"al Qaeda -OPERATES_IN-> North Waziristan"}},
		{"a list is no apposition", "The Taliban, the Haqqani Network, and the IMU have exerted their influence in Badakhshan.",
			[]string{"Haqqani Network -OPERATES_IN-> Badakhshan", "Taliban -OPERATES_IN-> Badakhshan"}, nil},
		{"a possessive is not the victim", "Police raided a compound in Andar district. Three of Qari Gul Rehman's bodyguards were killed.",
			nil, []string{"Qari Gul Rehman -KILLED_IN_RAID-> Andar"}},
		{"a role named with known as", "Police arrested an IS-K recruiter known as Abu Hamza al-Farghoni in Osh.",
			[]string{"Abu Hamza al-Farghoni -MEMBER_OF-> Islamic State Khorasan Province"}, nil},
		{"a possessive apposition, a department's chief", "Taliban forces killed Qari Sadiq, IS-K's intelligence chief, in a raid in Kabul.",
			[]string{"Qari Sadiq -MEMBER_OF-> Islamic State Khorasan Province"}, []string{"Qari Sadiq -LEADER_OF-> Islamic State Khorasan Province"}},
		{"a relative clause that describes", "The network is led by Mawlawi Aziz Haqqani, who also serves as one of the Taliban's two deputy emirs.",
			[]string{"Mawlawi Aziz Haqqani -MEMBER_OF-> Taliban"}, nil},
		{"a member's group is where the member operates", "NDS detained Mawlawi Gul Rahim, a Haqqani Network commander who runs suicide cells in Logar's Baraki Barak district.",
			[]string{"Haqqani Network -OPERATES_IN-> Baraki Barak", "Mawlawi Gul Rahim -OPERATES_IN-> Baraki Barak"}, nil},
		{"belonged to", "Officials said the slain commander, Nasir Zaman, belonged to a TTP faction.",
			[]string{"Nasir Zaman -MEMBER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"a name after its own preposition is not the object", "Mullah Sher Khan led attacks against Afghan National Police checkpoints in Nad-e Ali.",
			nil, []string{"Mullah Sher Khan -LEADER_OF-> Afghan National Police"}},
		{"took over a group", "Mullah Sher Zaman took over the Tehrik-i-Taliban Pakistan in 2013.",
			[]string{"Mullah Sher Zaman -LEADER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"named to an office", "Qari Gul Hassan was named emir of the Islamic Movement of Uzbekistan in August.",
			[]string{"Qari Gul Hassan -LEADER_OF-> Islamic Movement of Uzbekistan"}, nil},
		{"a leader's name as a modifier", "Mullah Fazlullah returned to Swat. The Fazlullah-led TTP attacked schools there.",
			[]string{"Mullah Fazlullah -LEADER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"heading a faction makes a member", "Hafiz Sher Ali, who heads a faction of the Pakistani Taliban, signed a deal.",
			[]string{"Hafiz Sher Ali -MEMBER_OF-> Tehrik-i-Taliban Pakistan"}, []string{"Hafiz Sher Ali -LEADER_OF-> Tehrik-i-Taliban Pakistan"}},
		{"a man of the group", "Mullah Gul Agha of the Taliban was killed in Helmand.",
			[]string{"Mullah Gul Agha -MEMBER_OF-> Taliban"}, nil},
		{"a role for a group before the name", "A spokesman for the Islamic Jihad Union, Abu Omar al-Turki, denied the claim.",
			[]string{"Abu Omar al-Turki -MEMBER_OF-> Islamic Jihad Union"}, nil},
		{"declared war", "Islamic State Khorasan Province declared war on the Taliban in 2015.",
			[]string{"Islamic State Khorasan Province -RIVAL_OF-> Taliban"}, nil},
		{"raids on a group", "ISAF forces conducted a series of raids on the Islamic Movement of Uzbekistan in Takhar.",
			[]string{"International Security Assistance Force -TARGETED-> Islamic Movement of Uzbekistan"}, nil},
		{"a passive subject does not target", "The AQIS emir, who was killed in a raid on a Taliban compound, was buried in Helmand.",
			nil, []string{"al Qaeda in the Indian Subcontinent -TARGETED-> Taliban"}},
		{"a group's possessive before a name", "The Haqqani Network's Mullah Gul Zaman was killed in a drone strike.",
			[]string{"Mullah Gul Zaman -MEMBER_OF-> Haqqani Network"}, nil},
		{"a list of people after including", "Several Taliban commanders, including Mullah Abdul Qadir and Mullah Sher Jan, were killed in Zhari district.",
			[]string{"Mullah Abdul Qadir -MEMBER_OF-> Taliban", "Mullah Sher Jan -MEMBER_OF-> Taliban"}, nil},
		{"fighters in places", "The Islamic Movement of Uzbekistan has fighters in Kunduz, Takhar and Badakhshan.",
			[]string{"Islamic Movement of Uzbekistan -OPERATES_IN-> Kunduz", "Islamic Movement of Uzbekistan -OPERATES_IN-> Badakhshan"}, nil},
		{"the place must follow at once", "The regime hosted the militants in response to Tashkent's support for the Taliban.",
			nil, []string{"Taliban -OPERATES_IN-> Tashkent"}},
		{"aligned with, part of", "The IMU is closely aligned with the Taliban. The Haqqani Network is an integral part of the Taliban.",
			[]string{"Islamic Movement of Uzbekistan -ALLIED_WITH-> Taliban", "Haqqani Network -ALLIED_WITH-> Taliban"}, nil},
		{"hold sway", "The Taliban hold sway over much of Uruzgan province.",
			[]string{"Taliban -OPERATES_IN-> Uruzgan"}, nil},
		{"quotes inside a cue", "Jamaat Ansarullah, a militant group that officials say \"works hand in hand\" with the IJU, recruits in Isfara.",
			[]string{"Islamic Jihad Union -ALLIED_WITH-> Jamaat Ansarullah"}, nil},
		{"then the chief of", "Omar Khalid quarrelled with Mullah Sher Zaman, then the chief of the Pakistani Taliban.",
			[]string{"Mullah Sher Zaman -LEADER_OF-> Tehrik-i-Taliban Pakistan"}, nil},
		{"had until then been", "Qari Gul had until then been a senior ideologue of Harkat-ul-Mujahideen.",
			[]string{"Qari Gul -MEMBER_OF-> Harakat-ul-Mujahideen"}, nil},
		{"who became its first emir", "The Islamic Jihad Union was formed in 2002 by Qari Sher Ali, who became its first emir.",
			[]string{"Qari Sher Ali -FOUNDED-> Islamic Jihad Union", "Qari Sher Ali -LEADER_OF-> Islamic Jihad Union"}, nil},
		{"a qualified object of a preposition is not the subject", "He said the LeJ-A, a splinter of the outlawed Lashkar-e-Jhangvi (LeJ), had links with the Tehrik-i-Taliban Pakistan.",
			[]string{"Lashkar-e-Jhangvi al-Alami -ALLIED_WITH-> Tehrik-i-Taliban Pakistan"}, []string{"Lashkar-e-Jhangvi -ALLIED_WITH-> Tehrik-i-Taliban Pakistan"}},
		{"a source is no subject", "According to the NDS statement, Qari Gul Rahim worked hand in hand with al Qaeda.",
			nil, []string{"National Directorate of Security -ALLIED_WITH-> al Qaeda"}},
		{"the place of an office is not the place of the event", "Qari Gul Zaman, ISKP's military chief for Kot district, died when the strike hit a compound in Deh Bala district.",
			[]string{"Qari Gul Zaman -KILLED_IN_RAID-> Deh Bala"}, []string{"Qari Gul Zaman -KILLED_IN_RAID-> Kot"}},
		{"identified by officials as", "A JuA commander identified by officials as Qari Sher Khan was killed in an exchange of fire in Safi.",
			[]string{"Qari Sher Khan -MEMBER_OF-> Jamaat-ul-Ahrar"}, nil},
		{"its: the group the paragraph is about", "The IJU has a longer history. It broke away from the IMU in 2002. Its longtime leader, Qari Sher Ali, was killed in 2009.",
			[]string{"Qari Sher Ali -LEADER_OF-> Islamic Jihad Union"}, []string{"Qari Sher Ali -LEADER_OF-> Islamic Movement of Uzbekistan"}},
		{"the group: the subject before, an acronym's preposition aside", "Jamaat Ansarullah was founded by Amriddin Tabarov. Tabarov, who had fought in the ranks of the Islamic Movement of Uzbekistan (IMU), was killed in 2015. His successor, Mullah Sher Ali, has led the group ever since.",
			[]string{"Mullah Sher Ali -LEADER_OF-> Jamaat Ansarullah"}, []string{"Mullah Sher Ali -LEADER_OF-> Islamic Movement of Uzbekistan"}},
		{"the place of an office", "The attackers were led by Mawlawi Gul Ahmad, the Taliban's shadow district chief for Qaramqol.",
			[]string{"Mawlawi Gul Ahmad -MEMBER_OF-> Taliban", "Mawlawi Gul Ahmad -OPERATES_IN-> Qaramqol"}, nil},
		{"strongest in", "The Haqqani Network was strongest in Khost and Paktia.",
			[]string{"Haqqani Network -OPERATES_IN-> Khost", "Haqqani Network -OPERATES_IN-> Paktia"}, nil},
		{"adjectives in -ed before a role", "The force captured Qari Gul Rahim, a Taliban improvised explosive device facilitator, in Gereshk.",
			[]string{"Qari Gul Rahim -MEMBER_OF-> Taliban"}, nil},
		{"quotes inside a role", "The attackers were led by Mawlawi Gul Ahmad, the Taliban's \"shadow\" district chief for Qaramqol.",
			[]string{"Mawlawi Gul Ahmad -MEMBER_OF-> Taliban"}, nil},
		{"a verb in -ed right before the role", "The Taliban killed commander Gul Agha Zadran in Ghazni.",
			nil, []string{"Gul Agha Zadran -MEMBER_OF-> Taliban", "Gul Agha Zadran -LEADER_OF-> Taliban"}},
		{"a longer relative clause", "Mawlawi Sher Ali, a cleric from Paktia, who rose to prominence as a commander of Hizb-i-Islami Khalis, founded a network.",
			[]string{"Mawlawi Sher Ali -MEMBER_OF-> Hizb-i-Islami Khalis"}, nil},
		{"its officers act for the group", "Tajikistan's State Committee for National Security said its officers had detained 12 suspected Jamaat Ansarullah members in Khorog.",
			[]string{"State Committee for National Security of Tajikistan -TARGETED-> Jamaat Ansarullah"}, nil},
		{"whose fighters", "Jamaat Ansarullah, a militant group whose fighters operate alongside the Taliban in Badakhshan, grew.",
			[]string{"Jamaat Ansarullah -OPERATES_IN-> Badakhshan", "Jamaat Ansarullah -ALLIED_WITH-> Taliban"}, nil},
		{"a modifier is no target", "ISAF captured an operative of the al Qaeda-linked Islamic Jihad Union in Khost.",
			[]string{"International Security Assistance Force -TARGETED-> Islamic Jihad Union"}, []string{"International Security Assistance Force -TARGETED-> al Qaeda"}},
		{"a claimed attack places the group", "The Islamic State Khorasan Province claimed responsibility for the bombing in Jalalabad.",
			[]string{"Islamic State Khorasan Province -OPERATES_IN-> Jalalabad"}, nil},
		{"patronage", "Lashkar-e-Taiba has long enjoyed the patronage of the Inter-Services Intelligence.",
			[]string{"Inter-Services Intelligence -ALLIED_WITH-> Lashkar-e-Taiba"}, nil},
		{"the victim is the name the apposition describes", "Police said Asmatullah, a close aide of TTP commander Gul Zaman, was arrested during a raid in Bannu.",
			[]string{"Asmatullah -CAPTURED_IN_RAID-> Bannu"}, []string{"Gul Zaman -CAPTURED_IN_RAID-> Bannu"}},
		{"a dateline is where the story was filed, not where the group is", "PESHAWAR: Security forces killed four militants of the banned Tehreek-i-Taliban Pakistan during an operation in Lakki Marwat district.",
			[]string{"Tehrik-i-Taliban Pakistan -OPERATES_IN-> Lakki Marwat"}, []string{"Tehrik-i-Taliban Pakistan -OPERATES_IN-> Peshawar"}},
		{"a group joins a group", "Uzbek militants from the IMU have joined the Islamic State in Afghanistan.",
			[]string{"Islamic Movement of Uzbekistan -ALLIED_WITH-> Islamic State"}, nil},
		{"a group's people name no earlier place", "Kashmiri sent fighters from Pakistan to Kunar and Nuristan and worked hand in hand with al Qaeda and Taliban commanders.",
			nil, []string{"Taliban -OPERATES_IN-> Nuristan", "al Qaeda -OPERATES_IN-> Nuristan"}},
		{"where a group's fighters keep hideouts", "His men still cross from Kunar, where JuA fighters have long kept hideouts.",
			[]string{"Jamaat-ul-Ahrar -OPERATES_IN-> Kunar"}, nil},
		{"the parties of a clash are where it is", "In Orakzai Agency, clashes between the TTP and the Jamaat-ul-Ahrar left six militants dead.",
			[]string{"Jamaat-ul-Ahrar -RIVAL_OF-> Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan -OPERATES_IN-> Orakzai", "Jamaat-ul-Ahrar -OPERATES_IN-> Orakzai"}, nil},
		{"a rivalry in a place", "The Jamaat-ul-Ahrar and the Hizbul Ahrar have been locked in a bitter rivalry in Mohmand.",
			[]string{"Hizb-ul-Ahrar -OPERATES_IN-> Mohmand", "Jamaat-ul-Ahrar -OPERATES_IN-> Mohmand"}, nil},
		{"a hub for groups", "Troops cleared the bazaar of Miramshah, which had served as a hub for the Haqqani Network and the TTP.",
			[]string{"Haqqani Network -OPERATES_IN-> Miranshah", "Tehrik-i-Taliban Pakistan -OPERATES_IN-> Miranshah"}, nil},
		{"joint attacks make allies, where they happen", "Lashkar-e-Jhangvi and the TTP have carried out joint attacks on Hazaras in Quetta.",
			[]string{"Lashkar-e-Jhangvi -ALLIED_WITH-> Tehrik-i-Taliban Pakistan", "Lashkar-e-Jhangvi -OPERATES_IN-> Quetta", "Tehrik-i-Taliban Pakistan -OPERATES_IN-> Quetta"}, nil},
		{"a leader raided is a local one", "In Sabari district, a security force detained Haqqani Network leader Mawlawi Gul Zaman during an operation.",
			[]string{"Mawlawi Gul Zaman -MEMBER_OF-> Haqqani Network"}, []string{"Mawlawi Gul Zaman -LEADER_OF-> Haqqani Network"}},
		{"a leader named as such is the head", "IMU leader Usman Ghazi pledged allegiance to the Islamic State in 2015.",
			[]string{"Usman Ghazi -LEADER_OF-> Islamic Movement of Uzbekistan"}, nil},
		{"a description past a hyphenated name", "Mohammad Ismail Kashmiri died. Kashmiri is the most senior Lashkar-e-Taiba (LeT) leader reported killed in Afghanistan.",
			[]string{"Mohammad Ismail Kashmiri -MEMBER_OF-> Lashkar-e-Taiba"}, nil},
		{"a possessive before the victim", "Afghan commandos captured Salahuddin's deputy, Mullah Rahmat Gul, in a raid in Qarqin district.",
			[]string{"Mullah Rahmat Gul -CAPTURED_IN_RAID-> Qarqin"}, nil},
		{"the place inside a possessive place", "Abdul Hasib was killed during a raid by Afghan and US special forces in Achin's Mohmand Valley.",
			[]string{"Abdul Hasib -KILLED_IN_RAID-> Mohmand Valley"}, []string{"Abdul Hasib -KILLED_IN_RAID-> Achin"}},
		{"an origin is not where the raid was", "The party was founded by Hasan Gul, a Uyghur cleric from Xinjiang who was killed by Pakistani troops in South Waziristan in 2003.",
			[]string{"Hasan Gul -KILLED_IN_RAID-> South Waziristan"}, []string{"Hasan Gul -KILLED_IN_RAID-> Xinjiang"}},
		{"a victim named after including", "In Swat, police arrested three suspected members of the Tehrik-i-Taliban Pakistan, including a local commander, Amjad Gul alias Ustad, in a raid in Kabal tehsil.",
			[]string{"Amjad Gul -CAPTURED_IN_RAID-> Kabal"}, nil},
		{"a title between the group and its leader", "Rabbani's Jamiat and the Junbish-i-Milli of General Abdul Rashid Dostum formed an alliance.",
			[]string{"Abdul Rashid Dostum -LEADER_OF-> Junbish-e Milli"}, nil},
		{"who headed it", "Lashkar-e-Islam later came under the control of Mangal Bagh, who headed it for a decade.",
			[]string{"Mangal Bagh -LEADER_OF-> Lashkar-e-Islam"}, nil},
		{"a name right after the comma is the one described", "His deputy in the LeJ, Dawood Gul, had been picked up in a raid in Karachi by the Sindh Rangers.",
			[]string{"Dawood Gul -CAPTURED_IN_RAID-> Karachi"}, nil},
		{"an opening place is no subject", "In Sar-e Pul Province, fighters loyal to the Islamic State Khorasan Province have repeatedly clashed with the Taliban in Sayyad district.",
			[]string{"Islamic State Khorasan Province -OPERATES_IN-> Sayad", "Islamic State Khorasan Province -RIVAL_OF-> Taliban"}, nil},
		{"seen in", "Officials said fighters of Jamaat Ansarullah had been seen in several villages of Kaldar district.",
			[]string{"Jamaat Ansarullah -OPERATES_IN-> Kaldar"}, nil},
		{"a district's own tehsil", "In a raid in D.I. Khan's Kulachi tehsil, the CTD arrested two suspects.",
			[]string{"Kulachi -LOCATED_IN-> Dera Ismail Khan"}, nil},
		{"no province inside its capital", "The Taliban control most of Zabul outside the provincial capital of Qalat.",
			nil, []string{"Zabul -LOCATED_IN-> Qalat"}},
		{"a siege places the death that follows", "Taliban fighters besieged the IMU's base in Khak-e Afghan. Usman Ghazi was killed in the assault.",
			[]string{"Usman Ghazi -KILLED_IN_RAID-> Kakar", "Taliban -TARGETED-> Islamic Movement of Uzbekistan"}, nil},
		{"a source is no subject even before a group", "According to Sharifi, Taliban fighters control much of Kaldar.",
			[]string{"Taliban -OPERATES_IN-> Kaldar"}, nil},
		{"run by", "The Haqqani Network, founded by Jalaluddin Haqqani and now run by his son Sirajuddin Haqqani, is based in Miram Shah.",
			[]string{"Sirajuddin Haqqani -LEADER_OF-> Haqqani Network"}, nil},
		{"hand in glove", "The LeJ and the TTP have worked hand in glove in this region for years.",
			[]string{"Lashkar-e-Jhangvi -ALLIED_WITH-> Tehrik-i-Taliban Pakistan"}, nil},
		{"endpoint types are checked", "Kabul is an ally of Tashkent.",
			nil, []string{"Kabul -ALLIED_WITH-> Tashkent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := extract(t, tt.text)
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, got, w)
			}
		})
	}
}

func TestProvenance(t *testing.T) {
	text := "The IMU is active in Kunduz.\nLocal officials say the IMU is active in Kunduz again."
	_, rels := extract(t, text)
	var found *graph.Relation
	for i := range rels {
		if rels[i].Type == "OPERATES_IN" {
			found = &rels[i]
		}
	}
	require.NotNil(t, found)
	assert.Equal(t, 2, found.Count, "two supporting mentions")
	assert.Equal(t, []string{"t.txt"}, found.Sources)
	assert.Equal(t, "2012-05-01", found.FirstSeen)
	require.Len(t, found.Evidence, 2)
	for _, ev := range found.Evidence {
		assert.Equal(t, ev.Sentence, text[ev.Start:ev.End], "offsets point at the evidence sentence")
		assert.True(t, strings.Contains(ev.Sentence, "IMU") && strings.Contains(ev.Sentence, "Kunduz"))
	}
}
