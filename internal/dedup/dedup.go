// Package dedup owns de-duplication across a corpus: near-duplicate
// articles (wire copies, light rewrites) are grouped into stories by a
// 64-bit SimHash of word shingles, and coded events that describe the same
// happening — same actors, event code and place, dates at most one day
// apart — are merged into one event record that keeps all its mentions.
//
// Both indexes live in memory, filled from the store (the source of
// truth): the story index when an ingest starts, the event index day by
// day as mentions need it. They are not safe for concurrent use: the
// single store writer owns them.
package dedup

import (
	"hash/fnv"
	"math/bits"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad/internal/dyad"
)

// Fingerprint is a 128-bit SimHash: two independent 64-bit SimHashes of
// the same shingles. Two halves make chance agreement between different
// articles that share boilerplate far rarer than one 64-bit hash would.
type Fingerprint [2]uint64

// MaxDistance is the largest Hamming distance (of 128 bits) between two
// fingerprints that still counts as the same story. Wire copies and
// re-punctuated copies are at 0–4; a one-word edit of a 200-word article
// moves about 8 bits.
const MaxDistance = 12

// nBands is the number of exact-match bands per half of the index. Two
// fingerprints within MaxDistance bits differ in at most MaxDistance/2 bits
// in one half, so (pigeonhole) they agree exactly on one of that half's
// bands when nBands > MaxDistance/2.
const nBands = 8

// SimHash returns the 128-bit SimHash fingerprint of text over word
// 3-shingles (lower-cased letters and digits only, so punctuation and
// layout changes do not matter).
func SimHash(text string) Fingerprint {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return Fingerprint{}
	}
	var acc [2][64]int
	add := func(s string) {
		h := fnv.New64a()
		h.Write([]byte(s))
		x := h.Sum64()
		for half, v := range [2]uint64{mix(x), mix(x ^ 0x9e3779b97f4a7c15)} {
			for b := 0; b < 64; b++ {
				if v&(1<<b) != 0 {
					acc[half][b]++
				} else {
					acc[half][b]--
				}
			}
		}
	}
	if len(words) < 3 {
		add(strings.Join(words, " "))
	}
	for i := 0; i+3 <= len(words); i++ {
		add(words[i] + " " + words[i+1] + " " + words[i+2])
	}
	var out Fingerprint
	for half := range out {
		for b := 0; b < 64; b++ {
			if acc[half][b] > 0 {
				out[half] |= 1 << b
			}
		}
	}
	return out
}

// mix is a 64-bit finaliser (splitmix64) so that FNV's weak high bits are
// spread over the whole word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Distance is the Hamming distance between two fingerprints.
func Distance(a, b Fingerprint) int {
	return bits.OnesCount64(a[0]^b[0]) + bits.OnesCount64(a[1]^b[1])
}

// Stories groups articles into stories. Two articles whose SimHashes are
// within MaxDistance bits belong to the same story; the story is named by
// the first article seen.
type Stories struct {
	bands   [2 * nBands]map[uint8][]int32 // band value -> indexes into members
	members []member
}

type member struct {
	hash  Fingerprint
	story string
}

// NewStories returns an empty story index.
func NewStories() *Stories {
	s := &Stories{}
	for i := range s.bands {
		s.bands[i] = map[uint8][]int32{}
	}
	return s
}

// Add records an article with SimHash h and returns its story: the story
// of the nearest known article within MaxDistance bits, else id (the
// article starts a new story). Passing a non-empty story records a known
// assignment (when loading from a store) and returns it.
func (s *Stories) Add(id string, h Fingerprint, story string) string {
	if story == "" {
		best := MaxDistance + 1
		for i := range s.bands {
			for _, k := range s.bands[i][band(h, i)] {
				m := &s.members[k]
				if d := Distance(h, m.hash); d < best || (d == best && m.story < story) {
					best, story = d, m.story
				}
			}
		}
		if story == "" {
			story = id
		}
	}
	k := int32(len(s.members))
	s.members = append(s.members, member{h, story})
	for i := range s.bands {
		b := band(h, i)
		s.bands[i][b] = append(s.bands[i][b], k)
	}
	return story
}

// band returns the i-th 8-bit band of a fingerprint (0–7 from the first
// half, 8–15 from the second).
func band(h Fingerprint, i int) uint8 { return uint8(h[i/nBands] >> (8 * (i % nBands))) }

// EventKey returns the merge key of an event: its actor codes, CAMEO code
// and place (GeoNames id, else country, else none). Events with equal keys
// and dates at most one day apart are one happening.
func EventKey(ev *dyad.Event) string {
	var b strings.Builder
	b.WriteString(codes(ev.Actor))
	b.WriteByte('|')
	b.WriteString(codes(ev.Recipient))
	b.WriteByte('|')
	b.WriteString(ev.CAMEO.Code)
	b.WriteByte('|')
	if l := ev.Location; l != nil {
		switch {
		case l.GeonameID != 0:
			b.WriteString("g")
			b.WriteString(itoa(l.GeonameID))
		case l.CountryCode != "":
			b.WriteString("c")
			b.WriteString(l.CountryCode)
		}
	}
	return b.String()
}

func codes(rs []dyad.ActorRef) string {
	cs := make([]string, 0, len(rs))
	for _, r := range rs {
		cs = append(cs, r.Code)
	}
	sort.Strings(cs)
	return strings.Join(cs, "+")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// Window is how far apart two mentions' dates may be and still describe
// one happening.
const Window = 24 * time.Hour

// Events assigns event mentions to merged event records. It holds the
// records of the days it has been given (see Need and Loaded) and can drop
// them all (Reset) once they are safely stored, so its memory follows the
// days being ingested, not the size of the store.
type Events struct {
	byKey map[string][]eventRef
	days  map[int32]bool // days whose stored records are loaded
	next  int64
}

type eventRef struct {
	id  int64
	day int32 // days since the Unix epoch
}

// NewEvents returns an empty event index whose new records are numbered
// from next.
func NewEvents(next int64) *Events {
	if next < 1 {
		next = 1
	}
	return &Events{byKey: map[string][]eventRef{}, days: map[int32]bool{}, next: next}
}

// Need returns the days, among those a mention dated date can merge with
// (the day before, the day, the day after), whose stored records are not
// loaded yet. The caller loads them (Load) and marks them (Loaded) before
// calling Assign.
func (e *Events) Need(date time.Time) []time.Time {
	d := day(date)
	var out []time.Time
	for k := d - 1; k <= d+1; k++ {
		if !e.days[k] {
			out = append(out, time.Unix(int64(k)*86400, 0).UTC())
		}
	}
	return out
}

// Loaded marks days as loaded.
func (e *Events) Loaded(days []time.Time) {
	for _, t := range days {
		e.days[day(t)] = true
	}
}

// Days is the number of days loaded.
func (e *Events) Days() int { return len(e.days) }

// Reset drops every record and loaded day, keeping the id counter. Call it
// only when all assigned records are stored.
func (e *Events) Reset() {
	e.byKey = map[string][]eventRef{}
	e.days = map[int32]bool{}
}

// Load records a stored event.
func (e *Events) Load(id int64, key string, date time.Time) {
	e.byKey[key] = append(e.byKey[key], eventRef{id, day(date)})
	if id >= e.next {
		e.next = id + 1
	}
}

// Assign returns the record a mention with key and date belongs to: the
// known record with the same key whose date is nearest and within Window,
// else a new record (isNew true) dated date. The days Need names must be
// loaded first.
func (e *Events) Assign(key string, date time.Time) (id int64, isNew bool) {
	d := day(date)
	best := int32(2)
	for _, r := range e.byKey[key] {
		diff := r.day - d
		if diff < 0 {
			diff = -diff
		}
		if diff < best || (diff == best && r.id < id) {
			best, id = diff, r.id
		}
	}
	if best <= 1 {
		return id, false
	}
	id = e.next
	e.next++
	e.byKey[key] = append(e.byKey[key], eventRef{id, d})
	return id, true
}

// Len is the number of event records known.
func (e *Events) Len() int {
	n := 0
	for _, rs := range e.byKey {
		n += len(rs)
	}
	return n
}

func day(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
