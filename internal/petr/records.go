package petr

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Coding is one expected event coding of a record.
type Coding struct {
	Source string `json:"source"` // as written ("---GOV" = a GOV agent without a country)
	Target string `json:"target"`
	Event  string `json:"event"`
}

func (c Coding) String() string { return fmt.Sprintf("%s %s %s", c.Source, c.Target, c.Event) }

// Record is one <Sentence> of a PETRARCH validation file.
type Record struct {
	ID       string
	Category string
	Date     time.Time
	Text     string
	Expected []Coding // the codings with an event code
	NoEvents bool     // <EventCoding noevents="True">
	Error    string   // <EventCoding error="...">: the record must be discarded
	Line     int
	// Config holds the <Config option="..." value="..."> settings in force
	// at the record (each applies from where it stands in the file on),
	// options lower-cased: "require_dyad" -> "false".
	Config map[string]string
}

// Option returns the record's setting of a boolean <Config> option, and
// whether the file set it.
func (r Record) Option(name string) (value, ok bool) {
	v, ok := r.Config[strings.ToLower(name)]
	if !ok {
		return false, false
	}
	return strings.EqualFold(v, "true"), true
}

type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Event    string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

type xmlSentence struct {
	ID       string      `xml:"id,attr"`
	Category string      `xml:"category,attr"`
	Date     string      `xml:"date,attr"`
	Codings  []xmlCoding `xml:"EventCoding"`
	Text     string      `xml:"Text"`
}

// ReadRecords reads the <Sentence> records of a PETRARCH validation XML
// file. Errors name the file and line. A record without any <EventCoding>
// is read as expecting no events, with a warning.
func ReadRecords(name string, r io.Reader) ([]Record, []Warning, error) {
	var warns []Warning
	dec := xml.NewDecoder(r)
	dec.Strict = true
	var out []Record
	seen := map[string]int{}
	config := map[string]string{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, nil, &Error{name, line, fmt.Sprintf("XML: %v", err)}
		}
		se, ok := tok.(xml.StartElement)
		if ok && se.Name.Local == "Config" {
			var opt, val string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "option":
					opt = strings.ToLower(strings.TrimSpace(a.Value))
				case "value":
					val = strings.TrimSpace(a.Value)
				}
			}
			if opt != "" {
				next := make(map[string]string, len(config)+1)
				for k, v := range config {
					next[k] = v
				}
				next[opt] = val
				config = next
			}
			continue
		}
		if !ok || se.Name.Local != "Sentence" {
			continue
		}
		line, _ := dec.InputPos()
		var xs xmlSentence
		if err := dec.DecodeElement(&xs, &se); err != nil {
			return nil, nil, &Error{name, line, fmt.Sprintf("XML: %v", err)}
		}
		rec := Record{ID: strings.TrimSpace(xs.ID), Category: strings.TrimSpace(xs.Category), Line: line,
			Text: strings.Join(strings.Fields(xs.Text), " "), Config: config}
		if rec.ID == "" {
			return nil, nil, &Error{name, line, "<Sentence> without an id"}
		}
		if _, dup := seen[rec.ID]; dup {
			warns = append(warns, Warning{name, line, fmt.Sprintf("duplicate record id %s; renamed %s@%d", rec.ID, rec.ID, line)})
			rec.ID = fmt.Sprintf("%s@%d", rec.ID, line)
		}
		seen[rec.ID] = line
		d, err := petrDate(strings.TrimSpace(xs.Date))
		if err != nil {
			return nil, nil, &Error{name, line, fmt.Sprintf("record %s: %v", rec.ID, err)}
		}
		rec.Date = d
		if rec.Text == "" {
			return nil, nil, &Error{name, line, fmt.Sprintf("record %s has no <Text>", rec.ID)}
		}
		for _, c := range xs.Codings {
			switch {
			case strings.TrimSpace(c.Error) != "":
				rec.Error = strings.TrimSpace(c.Error)
			case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
				rec.NoEvents = true
			case strings.TrimSpace(c.Event) != "":
				rec.Expected = append(rec.Expected, Coding{
					Source: strings.TrimSpace(c.Source), Target: strings.TrimSpace(c.Target), Event: strings.TrimSpace(c.Event)})
			default:
				return nil, nil, &Error{name, line, fmt.Sprintf("record %s: <EventCoding> without eventcode, noevents or error", rec.ID)}
			}
		}
		if len(xs.Codings) == 0 {
			rec.NoEvents = true
			warns = append(warns, Warning{name, line, fmt.Sprintf("record %s has no <EventCoding>; read as expecting no events", rec.ID)})
		}
		out = append(out, rec)
	}
	return out, warns, nil
}
