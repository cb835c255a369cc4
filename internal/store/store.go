// Package store owns the corpus store: the records dyad keeps for a corpus
// (articles with their actors, places and quotes; merged events with their
// mentions), the Store interface every storage adapter implements, the
// ready-made reports, and Ingest, the concurrent pipeline that reads,
// codes and stores articles resumably.
//
// The DuckDB adapter lives in store/duckdb; the shared adapter test suite
// in store/storetest.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dedup"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
)

// Store is a corpus store. Every method takes a context first; all are
// safe for concurrent use, but only one goroutine at a time may call Put
// (Ingest's single writer).
type Store interface {
	// Put stores a batch of articles — each with its actors, places,
	// quotes, new event records and mentions — in one transaction, and
	// updates the mention, source and article counts of every event the
	// batch touches. An article already stored (same Hash) is an error:
	// callers skip known articles (see Articles).
	Put(ctx context.Context, batch []*Article) error
	// Articles calls fn for every stored article in the order stored, so
	// that the story index can be rebuilt.
	Articles(ctx context.Context, fn func(hash string, fp dedup.Fingerprint, story string)) error
	// EventKeys calls fn for every event record dated on one of days, so
	// that the event index can be filled for the days being ingested.
	EventKeys(ctx context.Context, days []time.Time, fn func(id int64, key string, date time.Time)) error
	// NextEventID returns the id the next new event record gets.
	NextEventID(ctx context.Context) (int64, error)
	// Events calls fn for every event record in id order.
	Events(ctx context.Context, fn func(*Event) error) error
	// Query runs a read-only SQL statement and calls fn once per row
	// (cols is the same for every row; row is reused between calls). A
	// result without rows calls fn once with a nil row, so that callers
	// can still print the column names.
	Query(ctx context.Context, sql string, args []any, fn func(cols []string, row []any) error) error
	// Counts returns the number of rows of each table.
	Counts(ctx context.Context) (Counts, error)
	// Close releases the store.
	Close() error
}

// ParquetExporter is implemented by stores that can write their events as
// Parquet files partitioned by year and month.
type ParquetExporter interface {
	// ExportParquet writes dir/year=YYYY/month=M/*.parquet and returns the
	// number of event rows written.
	ExportParquet(ctx context.Context, dir string) (int64, error)
}

// Counts are table sizes.
type Counts struct {
	Articles, Events, Mentions, Actors, Places, Quotes int64
}

// Article is one coded article ready to store.
type Article struct {
	Hash      string // content hash of the text (hex SHA-256, 128 bits): the article's identity
	DocID     string
	Title     string
	URL       string
	Source    string // the URL's host; "" when unknown
	Input     string // the input it was read from (file, URL)
	Record    string // the record within the input (WARC record, JSON line, zip member), "" if none
	Published time.Time
	SimHash   dedup.Fingerprint
	Story     string // the story (near-duplicate group): the Hash of its first article
	Tone      float64
	WordCount int
	Actors    []dyad.ActorRef
	Places    []dyad.Location
	Quotes    []dyad.Quote
	Mentions  []Mention
}

// Mention is one coded event in one article.
type Mention struct {
	EventID    int64
	Event      *Event // the new record this mention creates; nil when it joins a known one
	Key        string // the merge key (dedup.EventKey)
	Date       time.Time
	Sentence   int
	Start, End int // byte offsets of the sentence
	Text       string
	Trigger    string
	TriggerAt  [2]int // byte offsets of the trigger
	Rule       string
	Confidence float64
}

// Actor is an event participant.
type Actor struct {
	Code, Name, Country, Sector string
}

// Place is where an event happened.
type Place struct {
	Name        string
	CountryCode string // ISO-2
	FIPS        string // FIPS 10-4 country code, as GDELT uses
	Lat, Lon    float64
	GeonameID   int
	Precision   int // 1 country, 2 admin1, 3 admin2, 4 city, 5 sub-city
}

// Event is one merged event record.
type Event struct {
	ID        int64
	Key       string
	Date      time.Time
	Actor1    Actor
	Actor2    Actor
	Code      string // CAMEO event code
	Name      string
	Goldstein float64
	QuadClass int // CAMEO quad class
	GDELTQuad int // GDELT's quad class (06–09 material cooperation, ...)
	PLOVER    string
	Mode      string
	Contexts  []string
	Place     *Place
	SourceURL string    // URL of the first article that mentioned it
	Added     time.Time // when it was first stored

	NumMentions int // mentions in all articles
	NumSources  int // distinct sources
	NumArticles int // distinct articles
	AvgTone     float64
	IsRoot      bool // some mention is in the headline or the first sentence (GDELT's IsRootEvent)
}

// ContentHash is an article's identity: the same text is the same article.
func ContentHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:16])
}

// SourceOf returns the source (host without "www.") of an article URL.
func SourceOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// NewArticle turns an analysis of doc into an article record without
// event ids (Ingest assigns them). ont, if not nil, fills the GDELT quad
// class and FIPS place codes.
func NewArticle(doc *dyad.Document, a *dyad.Analysis, input, record string, ont *ontology.Ontology, now time.Time) *Article {
	art := &Article{
		Hash: ContentHash(doc.Text), DocID: doc.ID, Title: doc.Title, URL: doc.URL, Source: SourceOf(doc.URL),
		Input: input, Record: record, Published: doc.Published, SimHash: dedup.SimHash(doc.Text),
		Actors: a.Actors, Places: a.Locations, Quotes: a.Quotes,
	}
	if a.Tone != nil {
		art.Tone, art.WordCount = a.Tone.Tone, a.Tone.WordCount
	}
	for i := range a.Events {
		ev := &a.Events[i]
		date, err := time.Parse("2006-01-02", ev.Date)
		if err != nil {
			date = doc.Published
		}
		date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
		rec := &Event{
			Key: dedup.EventKey(ev), Date: date, Actor1: first(ev.Actor), Actor2: first(ev.Recipient),
			Code: ev.CAMEO.Code, Name: ev.CAMEO.Name, Goldstein: ev.CAMEO.Goldstein, QuadClass: ev.CAMEO.QuadClass,
			PLOVER: ev.Event, Mode: ev.Mode, Contexts: ev.Context, SourceURL: doc.URL, Added: now,
		}
		if ont != nil {
			if c, ok := ont.Event(ev.CAMEO.Code); ok {
				rec.GDELTQuad = c.GDELTQuadClass
			}
		}
		if l := ev.Location; l != nil {
			p := &Place{Name: l.Name, CountryCode: l.CountryCode, Lat: l.Lat, Lon: l.Lon, GeonameID: l.GeonameID, Precision: l.Precision}
			if ont != nil && l.CountryCode != "" {
				if c, ok := ont.CountryByISO2(l.CountryCode); ok {
					p.FIPS = c.FIPS
				}
			}
			rec.Place = p
		}
		e := ev.Evidence
		art.Mentions = append(art.Mentions, Mention{
			Event: rec, Key: rec.Key, Date: date, Sentence: e.Sentence, Start: e.Start, End: e.End, Text: e.Text,
			Trigger: e.Trigger, TriggerAt: [2]int{e.TriggerStart, e.TriggerEnd}, Rule: e.Rule, Confidence: ev.Confidence,
		})
	}
	return art
}

func first(rs []dyad.ActorRef) Actor {
	if len(rs) == 0 {
		return Actor{}
	}
	a := Actor{Code: rs[0].Code, Name: rs[0].Name, Country: rs[0].Country, Sector: rs[0].Sector}
	if len(rs) > 1 {
		// A compound actor keeps its first member's code for GDELT-style
		// columns; the name lists all members.
		names := make([]string, 0, len(rs))
		for _, r := range rs {
			names = append(names, r.Name)
		}
		a.Name = strings.Join(names, "; ")
	}
	return a
}
