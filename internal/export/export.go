// Package export owns the hand-over formats of the corpus store: GDELT 2.0
// event export lines (61 tab-separated columns in GDELT's order), PLOVER
// JSON Lines, CSV with a header row, and Parquet partitioned by year and
// month (through a store that implements store.ParquetExporter).
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/store"
)

// Formats lists the export formats.
func Formats() []string { return []string{"gdelt", "plover", "csv", "parquet"} }

// Events writes every event record of st to w in format (gdelt, plover or
// csv) and returns the number written. Parquet goes through Parquet.
func Events(ctx context.Context, st store.Store, format string, w io.Writer) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var write func(*store.Event) error
	var done func() error
	switch format {
	case "gdelt":
		write = func(e *store.Event) error {
			_, err := bw.WriteString(strings.Join(GDELTRow(e), "\t") + "\n")
			return err
		}
	case "plover":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		write = func(e *store.Event) error { return enc.Encode(PLOVER(e)) }
	case "csv":
		cw := csv.NewWriter(bw)
		if err := cw.Write(CSVHeader()); err != nil {
			return 0, err
		}
		write = func(e *store.Event) error { return cw.Write(CSVRow(e)) }
		done = func() error { cw.Flush(); return cw.Error() }
	case "parquet":
		return 0, fmt.Errorf("parquet writes a directory: use export.Parquet")
	default:
		return 0, fmt.Errorf("unknown export format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	n := 0
	err := st.Events(ctx, func(e *store.Event) error {
		n++
		return write(e)
	})
	if err != nil {
		return n, err
	}
	if done != nil {
		if err := done(); err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

// Parquet writes the events of st under dir partitioned by year and month
// (dir/year=2025/month=1/...parquet) and returns the number of rows.
func Parquet(ctx context.Context, st store.Store, dir string) (int64, error) {
	p, ok := st.(store.ParquetExporter)
	if !ok {
		return 0, fmt.Errorf("this store cannot write Parquet")
	}
	return p.ExportParquet(ctx, dir)
}

// GDELTColumns are the 61 column names of a GDELT 2.0 event export line.
var gdeltColumns = [...]string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTColumns returns the column names of GDELTRow, in order.
func GDELTColumns() []string { return append([]string(nil), gdeltColumns[:]...) }

// GDELTRow formats an event as the 61 fields of a GDELT 2.0 export line.
// GDELT's conventions: QuadClass is GDELT's own mapping (06–09 material
// cooperation), place country codes are FIPS 10-4, a country-level place
// has the FIPS code as ADM1 and feature id, FractionDate is
// year + ((month-1)*30 + day)/365. dyad does not code actor places, ethnic,
// religion or known-group codes, or ADM1/ADM2 codes below the country:
// those columns are empty (GeoType 0 for actor places). ActionGeo_FeatureID
// is the GeoNames id (GDELT uses GNS/GNIS ids).
func GDELTRow(e *store.Event) []string {
	r := make([]string, len(gdeltColumns))
	y, m, d := e.Date.Date()
	r[0] = strconv.FormatInt(e.ID, 10)
	r[1] = e.Date.Format("20060102")
	r[2] = e.Date.Format("200601")
	r[3] = strconv.Itoa(y)
	r[4] = strconv.FormatFloat(float64(y)+float64((int(m)-1)*30+d)/365, 'f', 4, 64)
	actor := func(at int, a store.Actor) {
		r[at] = a.Code
		r[at+1] = strings.ToUpper(a.Name)
		r[at+2] = a.Country
		if a.Sector != "" {
			r[at+7] = a.Sector
		}
	}
	actor(5, e.Actor1)
	actor(15, e.Actor2)
	if e.IsRoot {
		r[25] = "1"
	} else {
		r[25] = "0"
	}
	r[26] = e.Code
	r[27] = e.Code
	if len(e.Code) > 3 {
		r[27] = e.Code[:3]
	}
	if len(e.Code) >= 2 {
		r[28] = e.Code[:2]
	}
	q := e.GDELTQuad
	if q == 0 {
		q = gdeltQuad(e.Code)
	}
	r[29] = strconv.Itoa(q)
	r[30] = strconv.FormatFloat(e.Goldstein, 'f', -1, 64)
	r[31] = strconv.Itoa(e.NumMentions)
	r[32] = strconv.Itoa(e.NumSources)
	r[33] = strconv.Itoa(e.NumArticles)
	r[34] = strconv.FormatFloat(e.AvgTone, 'f', -1, 64)
	r[35], r[43] = "0", "0"
	r[51] = "0"
	if p := e.Place; p != nil {
		r[51] = strconv.Itoa(geoType(p))
		r[52] = clean(p.Name)
		r[53] = p.FIPS
		r[54] = p.FIPS
		r[56] = strconv.FormatFloat(p.Lat, 'f', -1, 64)
		r[57] = strconv.FormatFloat(p.Lon, 'f', -1, 64)
		if p.Precision <= 1 || p.GeonameID == 0 {
			r[58] = p.FIPS
		} else {
			r[58] = strconv.Itoa(p.GeonameID)
		}
	}
	r[59] = e.Added.UTC().Format("20060102150405")
	r[60] = clean(e.SourceURL)
	for i := range r {
		r[i] = clean(r[i])
	}
	return r
}

// geoType is GDELT's place type: 1 country, 2 US state, 3 US city,
// 4 world city, 5 world state.
func geoType(p *store.Place) int {
	us := p.CountryCode == "US"
	switch {
	case p.Precision <= 1:
		return 1
	case p.Precision == 2:
		if us {
			return 2
		}
		return 5
	default:
		if us {
			return 3
		}
		return 4
	}
}

// gdeltQuad maps a CAMEO code to GDELT's quad class by its root.
func gdeltQuad(code string) int {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root <= 9:
		return 2
	case root <= 14:
		return 3
	case root <= 20:
		return 4
	}
	return 0
}

func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// PLOVERActor is an actor in a PLOVER record.
type PLOVERActor struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// PLOVERLocation is a PLOVER record's place.
type PLOVERLocation struct {
	Name        string  `json:"name"`
	CountryCode string  `json:"country_code"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	GeonameID   int     `json:"geonameid"`
	Precision   int     `json:"precision"`
}

// PLOVERRecord is one line of the PLOVER JSON Lines export.
type PLOVERRecord struct {
	ID          string          `json:"id"`
	Date        string          `json:"date"`
	Event       string          `json:"event"`
	Mode        string          `json:"mode"`
	Context     []string        `json:"context"`
	Actor       PLOVERActor     `json:"actor"`
	Recipient   PLOVERActor     `json:"recipient"`
	Location    *PLOVERLocation `json:"location"`
	CAMEO       string          `json:"cameo"`
	Goldstein   float64         `json:"goldstein"`
	NumMentions int             `json:"num_mentions"`
	NumSources  int             `json:"num_sources"`
	NumArticles int             `json:"num_articles"`
	SourceURL   string          `json:"source_url"`
}

// PLOVER converts an event record to a PLOVER record.
func PLOVER(e *store.Event) PLOVERRecord {
	r := PLOVERRecord{
		ID: strconv.FormatInt(e.ID, 10), Date: e.Date.Format("2006-01-02"), Event: e.PLOVER, Mode: e.Mode, Context: e.Contexts,
		Actor:     PLOVERActor{e.Actor1.Code, e.Actor1.Name, e.Actor1.Country, e.Actor1.Sector},
		Recipient: PLOVERActor{e.Actor2.Code, e.Actor2.Name, e.Actor2.Country, e.Actor2.Sector},
		CAMEO:     e.Code, Goldstein: e.Goldstein, NumMentions: e.NumMentions, NumSources: e.NumSources, NumArticles: e.NumArticles,
		SourceURL: e.SourceURL,
	}
	if r.Context == nil {
		r.Context = []string{}
	}
	if p := e.Place; p != nil {
		r.Location = &PLOVERLocation{p.Name, p.CountryCode, p.Lat, p.Lon, p.GeonameID, p.Precision}
	}
	return r
}

// CSVHeader is the header row of the CSV export.
func CSVHeader() []string {
	return []string{"id", "date", "actor1_code", "actor1_name", "actor1_country", "actor1_sector",
		"actor2_code", "actor2_name", "actor2_country", "actor2_sector", "cameo", "cameo_name", "goldstein",
		"quad_class", "gdelt_quad", "plover", "mode", "contexts", "place_name", "country_code", "fips", "lat", "lon",
		"geonameid", "num_mentions", "num_sources", "num_articles", "avg_tone", "source_url"}
}

// CSVRow formats an event as a CSV row matching CSVHeader.
func CSVRow(e *store.Event) []string {
	var pn, cc, fips, lat, lon, geo string
	if p := e.Place; p != nil {
		pn, cc, fips = p.Name, p.CountryCode, p.FIPS
		lat = strconv.FormatFloat(p.Lat, 'f', -1, 64)
		lon = strconv.FormatFloat(p.Lon, 'f', -1, 64)
		geo = strconv.Itoa(p.GeonameID)
	}
	return []string{strconv.FormatInt(e.ID, 10), e.Date.Format("2006-01-02"),
		e.Actor1.Code, e.Actor1.Name, e.Actor1.Country, e.Actor1.Sector,
		e.Actor2.Code, e.Actor2.Name, e.Actor2.Country, e.Actor2.Sector,
		e.Code, e.Name, strconv.FormatFloat(e.Goldstein, 'f', -1, 64), strconv.Itoa(e.QuadClass), strconv.Itoa(e.GDELTQuad),
		e.PLOVER, e.Mode, strings.Join(e.Contexts, ";"), pn, cc, fips, lat, lon, geo,
		strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles),
		strconv.FormatFloat(e.AvgTone, 'f', -1, 64), e.SourceURL}
}
