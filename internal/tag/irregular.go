package tag

import "strings"

// irregularVerbs lists English irregular verbs as "base past participle"
// (alternatives separated by '/'). Facts of English morphology.
const irregularVerbs = `
arise arose arisen
awake awoke awoken
be was/were been
bear bore borne/born
beat beat beaten
become became become
begin began begun
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten/got
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
overcome overcame overcome
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
prove proved proven
put put put
quit quit quit
read read read
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
speak spoke spoken
speed sped sped
spend spent spent
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
uphold upheld upheld
upset upset upset
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
`

// irregularNouns lists "singular plural" pairs.
const irregularNouns = `
man men
woman women
child children
person people
foot feet
tooth teeth
goose geese
mouse mice
ox oxen
crisis crises
thesis theses
analysis analyses
hypothesis hypotheses
basis bases
diagnosis diagnoses
criterion criteria
phenomenon phenomena
medium media
datum data
bacterium bacteria
curriculum curricula
index indices
appendix appendices
cactus cacti
fungus fungi
nucleus nuclei
radius radii
stimulus stimuli
syllabus syllabi
alumnus alumni
life lives
wife wives
knife knives
wolf wolves
leaf leaves
half halves
shelf shelves
thief thieves
loaf loaves
calf calves
militiaman militiamen
policeman policemen
chairman chairmen
spokesman spokesmen
spokeswoman spokeswomen
congressman congressmen
businessman businessmen
fisherman fishermen
gunman gunmen
countryman countrymen
tribesman tribesmen
serviceman servicemen
`

// irregularGrades lists "base comparative superlative" for adjectives and adverbs.
const irregularGrades = `
good better best
well better best
bad worse worst
badly worse worst
far farther/further farthest/furthest
little less least
many more most
much more most
old elder eldest
`

// irregulars builds the lookup lower(form)+"\t"+coarse class -> lemma.
func irregulars() map[string]string {
	m := map[string]string{}
	add := func(form, class, lemma string) {
		if form != lemma {
			m[form+"\t"+class] = lemma
		}
	}
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		for _, col := range f[1:] {
			for _, form := range strings.Split(col, "/") {
				add(form, "V", f[0])
			}
		}
	}
	for _, form := range []string{"is", "am", "are", "'s", "'m", "'re", "being"} {
		add(form, "V", "be")
	}
	for _, form := range []string{"has", "'ve", "having"} {
		add(form, "V", "have")
	}
	add("does", "V", "do")
	add("doing", "V", "do")
	for _, line := range strings.Split(irregularNouns, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 {
			add(f[1], "N", f[0])
		}
	}
	for _, line := range strings.Split(irregularGrades, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		for _, col := range f[1:] {
			for _, form := range strings.Split(col, "/") {
				if _, dup := m[form+"\tA"]; !dup {
					add(form, "A", f[0])
				}
			}
		}
	}
	return m
}
