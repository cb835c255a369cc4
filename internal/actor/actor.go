// Package actor owns the actor dictionary: the `.actors` file format
// (documented in docs/ACTORS.md), the built-in countries, international
// organisations, named organisations, generic agents and people embedded
// from data/*.actors, and the matcher that finds actor mentions in a
// tokenised sentence and composes them into CAMEO actor codes the way
// CAMEO coders do ("Russian President Vladimir Putin" -> RUSGOV,
// "Kyrgyz troops" -> KGZMIL, "Moscow said" -> RUSGOV, "police" -> COP).
//
// A Dictionary is immutable once built by Parse or Builtin, except through
// Add; Find is safe for concurrent use as long as no Add runs at the same
// time.
package actor

import (
	"sort"
	"time"
)

// Entry kinds (the KIND of a header line).
const (
	KindCountry = "country"
	KindIGO     = "igo"
	KindOrg     = "org"
	KindAgent   = "agent"
	KindPerson  = "person"
)

// Mention kinds beyond the entry kinds: a capital or government metonym
// ("Moscow", "Kremlin") used for the government of its country.
const KindCapital = "capital"

// Role is one dated office of a person: CODE FROM TO TITLE.
type Role struct {
	Code  string // full CAMEO code while in the role, e.g. RUSGOV
	From  string // as written: YYYY-MM-DD, YYYY-MM, YYYY or "-" (open)
	To    string // as written; inclusive
	Title string // free text, may be empty

	from, to int // yyyymmdd bounds, inclusive; 0 and 99999999 when open
}

// Covers reports whether the role covers the date (inclusive bounds).
func (r Role) Covers(date time.Time) bool {
	d := ymd(date)
	return d >= r.from && d <= r.to
}

func ymd(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// Institution is a named national institution coded COUNTRY+SECTOR, from
// a country's `gov` (sector GOV) or `inst SECTOR NAME` attributes.
type Institution struct {
	Sector string
	Name   string
}

// Entry is one dictionary entry. Which fields are used depends on Kind.
type Entry struct {
	Kind string // KindCountry, KindIGO, KindOrg, KindAgent or KindPerson
	Key  string // country code, IGO/org code, sector code or person name
	Name string // canonical name (country, igo, org); for a person the Key

	// Code is the CAMEO code emitted for the entry (igo, org); it defaults
	// to Key and may be set with the `code` attribute so that several
	// entries share one code.
	Code string

	Aliases  []string      // other names
	Adjs     []string      // adjectives (country, igo, org)
	People   []string      // plural demonyms (country)
	Capitals []string      // capitals used as the government (country)
	Insts    []Institution // government metonyms and institutions (country)
	Words    []string      // generic words (agent), lower-cased
	Prefixes []string      // agent words whose code goes before a named actor's ("MSF Arnor" = NGOARN), lower-cased
	Country  string        // org and person: country code
	Sector   string        // org and igo: sector code
	Roles    []Role        // person
	// Also lists further actors a name of the entry stands for (igo,
	// org): PETRARCH's multiple codes, "The Shire [FRO/BIL/SAM]".
	Also []string

	File string // input name
	Line int    // line of the header
}

// RoleAt returns the first role of a person covering date. A zero date
// means "unknown": the first open-ended role is returned, if any.
func (e *Entry) RoleAt(date time.Time) (Role, bool) {
	if date.IsZero() {
		for _, r := range e.Roles {
			if r.To == "-" {
				return r, true
			}
		}
		return Role{}, false
	}
	for _, r := range e.Roles {
		if r.Covers(date) {
			return r, true
		}
	}
	return Role{}, false
}

type entryKey struct{ kind, key string }

// Dictionary is a set of entries indexed for matching. The zero value is
// an empty dictionary ready for Add.
type Dictionary struct {
	entries []*Entry // in load order; nil where replaced
	byKey   map[entryKey]int
	idx     *index
}

// New returns an empty dictionary.
func New() *Dictionary {
	d := &Dictionary{byKey: map[entryKey]int{}}
	d.reindex()
	return d
}

// put adds or replaces an entry (same KIND and KEY); the replacement takes
// the later position, so its names win over earlier entries' same names.
func (d *Dictionary) put(e *Entry) {
	if d.byKey == nil {
		d.byKey = map[entryKey]int{}
	}
	k := entryKey{e.Kind, e.Key}
	if i, ok := d.byKey[k]; ok {
		d.entries[i] = nil
	}
	d.byKey[k] = len(d.entries)
	d.entries = append(d.entries, e)
}

// Add merges other into d: an entry of other with the same KIND and KEY as
// one of d replaces it; the others are appended. Names defined by other
// take precedence over the same names in d. This is how `--actors FILE`
// overrides the built-ins.
func (d *Dictionary) Add(other *Dictionary) {
	if other == nil {
		return
	}
	for _, e := range other.entries {
		if e != nil {
			d.put(e)
		}
	}
	d.compact()
	d.reindex()
}

func (d *Dictionary) compact() {
	out := d.entries[:0]
	for _, e := range d.entries {
		if e != nil {
			out = append(out, e)
		}
	}
	for i := len(out); i < len(d.entries); i++ {
		d.entries[i] = nil
	}
	d.entries = out
	d.byKey = make(map[entryKey]int, len(out))
	for i, e := range d.entries {
		d.byKey[entryKey{e.Kind, e.Key}] = i
	}
}

// Len returns the number of entries.
func (d *Dictionary) Len() int {
	if d == nil {
		return 0
	}
	return len(d.byKey)
}

// Entries returns the entries in load order (replaced entries excluded).
func (d *Dictionary) Entries() []*Entry {
	if d == nil {
		return nil
	}
	out := make([]*Entry, 0, len(d.byKey))
	for _, e := range d.entries {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// Lookup returns the entry of the given kind and key, or nil.
func (d *Dictionary) Lookup(kind, key string) *Entry {
	if d == nil {
		return nil
	}
	if i, ok := d.byKey[entryKey{kind, key}]; ok {
		return d.entries[i]
	}
	return nil
}

// Kinds returns the number of entries per kind (for summaries).
func (d *Dictionary) Kinds() map[string]int {
	m := map[string]int{}
	for _, e := range d.entries {
		if e != nil {
			m[e.Kind]++
		}
	}
	return m
}

// Countries returns the country codes of the dictionary, sorted.
func (d *Dictionary) Countries() []string {
	var out []string
	for _, e := range d.entries {
		if e != nil && e.Kind == KindCountry {
			out = append(out, e.Key)
		}
	}
	sort.Strings(out)
	return out
}
