// Package dyad owns the domain types shared by every stage of the pipeline:
// the document and its sentences and tokens (with byte offsets into the
// original text), and the output contract — events, actors, locations,
// quotes, tone and the headline check — documented in docs/SCHEMA.md.
//
// It has no dependencies beyond the standard library, and no behaviour
// beyond small helpers on the types. Every other package imports it; it
// imports none of them.
package dyad

import "time"

// Token is one token of a sentence. Start and End are byte offsets into the
// original document text (End exclusive), so Text == doc.Text[Start:End]
// unless the tokenizer normalised it (see Norm).
type Token struct {
	Text  string // the bytes of the original text
	Norm  string // normalised form used by models (curly quotes straightened, ...); "" means Text
	Start int
	End   int

	// Filled by later stages; zero values mean "not annotated".
	UPOS  string // universal POS tag (tag stage)
	XPOS  string // Penn Treebank tag (tag stage)
	Lemma string // lemma (tag stage)
	Head  int    // index of the head token within the sentence, -1 for root (parse stage)
	Dep   string // UD relation to the head (parse stage)
	Ent   string // IOB2 entity tag such as "B-PER", "I-LOC", "O" (ner stage)
}

// Form returns the normalised form if set, else the original text.
func (t *Token) Form() string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

// Sentence is one sentence of a document with its tokens.
type Sentence struct {
	Index     int    // position in the document, from 0
	Start     int    // byte offset of the first byte
	End       int    // byte offset after the last byte
	Text      string // original text of the sentence
	Paragraph int    // paragraph index, from 0
	Headline  bool   // true for the headline (first line of a text article)
	Tokens    []Token
	Parsed    bool // true once Head/Dep are set
}

// Document is an article under analysis.
type Document struct {
	ID        string
	Title     string
	URL       string
	Published time.Time // publication date; drives relative dates and date-bounded actor codes
	Text      string
	Sentences []Sentence
}

// Annotator adds annotations to a sentence in place (tagger, parser,
// entity recogniser). Implementations must be safe for concurrent use by
// several goroutines on different sentences.
type Annotator interface {
	Annotate(s *Sentence)
}

// ActorRef is one actor mention in the output contract.
type ActorRef struct {
	Text    string `json:"text"`    // the words in the sentence
	Name    string `json:"name"`    // canonical name from the actor dictionary
	Code    string `json:"code"`    // full CAMEO actor code, e.g. RUSGOV
	Country string `json:"country"` // ISO-3 / CAMEO country code, "" for IGOs and unknown
	Sector  string `json:"sector"`  // primary sector code, e.g. GOV, MIL; "" if none
	Start   int    `json:"start"`   // byte offsets of Text in the document
	End     int    `json:"end"`
}

// CAMEO is the CAMEO coding of an event.
type CAMEO struct {
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"` // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
}

// Location is a resolved place.
type Location struct {
	Text        string  `json:"text"`
	Name        string  `json:"name"`
	CountryCode string  `json:"country_code"` // ISO-2
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	GeonameID   int     `json:"geonameid"`
	Precision   int     `json:"precision"` // 1 country, 2 admin1, 3 admin2, 4 city, 5 sub-city
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Confidence  float64 `json:"confidence"`
}

// Evidence ties an event to the text it was coded from.
type Evidence struct {
	Sentence     int    `json:"sentence"`      // sentence index in the document
	Start        int    `json:"start"`         // byte offsets of the sentence in the document
	End          int    `json:"end"`           //
	Text         string `json:"text"`          // the sentence
	Trigger      string `json:"trigger"`       // the words that triggered the event
	TriggerStart int    `json:"trigger_start"` // byte offsets of the trigger
	TriggerEnd   int    `json:"trigger_end"`
	Rule         string `json:"rule"` // identifier of the pattern that fired
}

// Event is one coded event.
type Event struct {
	ID         string     `json:"id"`
	Date       string     `json:"date"` // YYYY-MM-DD
	Actor      []ActorRef `json:"actor"`
	Recipient  []ActorRef `json:"recipient"`
	Event      string     `json:"event"` // current PLOVER event type
	Mode       string     `json:"mode"`
	Context    []string   `json:"context"`
	CAMEO      CAMEO      `json:"cameo"`
	Location   *Location  `json:"location"`
	Evidence   Evidence   `json:"evidence"`
	Confidence float64    `json:"confidence"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Text string `json:"text"`
	Name string `json:"name"`
	Code string `json:"code"`
}

// Quote is a direct or indirect quotation.
type Quote struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Speaker Speaker `json:"speaker"`
	Verb    string  `json:"verb"`
	Direct  bool    `json:"direct"`
}

// Tone is the document tone (GDELT-compatible fields).
type Tone struct {
	Tone             float64 `json:"tone"`
	Positive         float64 `json:"positive"`
	Negative         float64 `json:"negative"`
	Polarity         float64 `json:"polarity"`
	ActivityDensity  float64 `json:"activity_density"`
	SelfGroupDensity float64 `json:"self_group_density"`
	WordCount        int     `json:"word_count"`
}

// Claim is one claim of a headline with its support in the body.
type Claim struct {
	Text         string        `json:"text"`
	Supported    bool          `json:"supported"`
	BestEvidence *ClaimSupport `json:"best_evidence"`
	Score        float64       `json:"score"`
}

// ClaimSupport points at the body sentence that best supports a claim.
type ClaimSupport struct {
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
}

// Headline is the headline-versus-body check.
type Headline struct {
	Text      string  `json:"text"`
	Supported bool    `json:"supported"`
	Claims    []Claim `json:"claims"`
}

// DocMeta identifies the analysed document.
type DocMeta struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD
}

// Analysis is the document-level output of `dyad analyze`.
type Analysis struct {
	Doc       DocMeta    `json:"doc"`
	Actors    []ActorRef `json:"actors"`
	Locations []Location `json:"locations"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	Contexts  []string   `json:"contexts"` // PLOVER contexts of the document
	Tone      *Tone      `json:"tone"`
	Headline  *Headline  `json:"headline"`
}
