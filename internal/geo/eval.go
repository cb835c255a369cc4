package geo

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// EvalDoc is one article of a geoparsing evaluation set.
type EvalDoc struct {
	ID       string
	Text     string
	Toponyms []GoldToponym
}

// GoldToponym is one annotated toponym. Start and End are byte offsets
// into EvalDoc.Text.
type GoldToponym struct {
	Start, End int
	Text       string
	Type       string // GeoWebNews pragmatic type ("Literal", "Metonymic", ...); "" for LGL
	HasCoord   bool
	Lat, Lon   float64
}

// EvalStats counts what a reader skipped.
type EvalStats struct {
	Articles, Toponyms, Realigned, Dropped int
}

type xmlArticles struct {
	Articles []struct {
		DocID    string `xml:"docid,attr"`
		File     string `xml:"file,attr"`
		Text     string `xml:"text"`
		Toponyms []struct {
			Start     string `xml:"start"`
			End       string `xml:"end"`
			Phrase    string `xml:"phrase"`
			Extracted string `xml:"extractedName"`
			Type      string `xml:"type"`
			Lat       string `xml:"latitude"`
			Lon       string `xml:"longitude"`
			Gaztag    *struct {
				Lat string `xml:"lat"`
				Lon string `xml:"lon"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// gwnToponymTypes are the GeoWebNews types counted as toponyms for
// detection; the generic expressions ("citizens", "the lot"), non-toponyms
// and language names are not.
var gwnNonToponym = map[string]bool{"Literal_Expression": true, "Non_Lit_Expression": true, "Non_Toponym": true, "Language": true}

// IsToponym reports whether a gold annotation counts as a toponym for
// detection: every LGL annotation, and GeoWebNews annotations except the
// types Literal_Expression, Non_Lit_Expression, Non_Toponym and Language.
func (t GoldToponym) IsToponym() bool { return !gwnNonToponym[t.Type] }

// ReadEvalXML reads LGL (<phrase>, <gaztag>) or GeoWebNews
// (<extractedName>, <latitude>) XML. Gold offsets are character offsets;
// they are converted to byte offsets, and an annotation whose text does not
// sit at its offsets is moved to the nearest occurrence of its text, or
// dropped if there is none. name names the input in errors.
func ReadEvalXML(ctx context.Context, r io.Reader, name string) ([]EvalDoc, EvalStats, error) {
	var st EvalStats
	var x xmlArticles
	dec := xml.NewDecoder(r)
	if err := dec.Decode(&x); err != nil {
		line, _ := dec.InputPos()
		return nil, st, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	var docs []EvalDoc
	for ai, a := range x.Articles {
		if err := ctx.Err(); err != nil {
			return nil, st, err
		}
		id := a.DocID
		if id == "" {
			id = a.File
		}
		if id == "" {
			id = strconv.Itoa(ai)
		}
		d := EvalDoc{ID: id, Text: a.Text}
		// rune index -> byte offset
		offs := make([]int, 0, len(a.Text)+1)
		for i := range a.Text {
			offs = append(offs, i)
		}
		offs = append(offs, len(a.Text))
		for ti, t := range a.Toponyms {
			st.Toponyms++
			phrase := t.Phrase
			if phrase == "" {
				phrase = t.Extracted
			}
			s, err1 := strconv.Atoi(strings.TrimSpace(t.Start))
			e, err2 := strconv.Atoi(strings.TrimSpace(t.End))
			if err1 != nil || err2 != nil || phrase == "" {
				st.Dropped++
				continue
			}
			g := GoldToponym{Text: phrase, Type: t.Type}
			bs, be := -1, -1
			if s >= 0 && e > s && e < len(offs) && a.Text[offs[s]:offs[e]] == phrase {
				bs, be = offs[s], offs[e]
			} else if s >= 0 && s < len(offs) {
				bs = nearest(a.Text, phrase, offs[s])
				if bs >= 0 {
					be = bs + len(phrase)
					st.Realigned++
				}
			}
			if bs < 0 {
				st.Dropped++
				_ = ti
				continue
			}
			g.Start, g.End = bs, be
			lat, lon := t.Lat, t.Lon
			if t.Gaztag != nil {
				lat, lon = t.Gaztag.Lat, t.Gaztag.Lon
			}
			if la, err := strconv.ParseFloat(strings.TrimSpace(lat), 64); err == nil {
				if lo, err := strconv.ParseFloat(strings.TrimSpace(lon), 64); err == nil && math.Abs(la) <= 90 && math.Abs(lo) <= 180 {
					g.HasCoord, g.Lat, g.Lon = true, la, lo
				}
			}
			d.Toponyms = append(d.Toponyms, g)
		}
		sort.SliceStable(d.Toponyms, func(i, j int) bool { return d.Toponyms[i].Start < d.Toponyms[j].Start })
		docs = append(docs, d)
	}
	st.Articles = len(docs)
	if len(docs) == 0 {
		return nil, st, fmt.Errorf("%s: no <article> elements", name)
	}
	return docs, st, nil
}

func nearest(text, phrase string, at int) int {
	best := -1
	for i := 0; ; {
		k := strings.Index(text[i:], phrase)
		if k < 0 {
			break
		}
		p := i + k
		if best < 0 || abs(p-at) < abs(best-at) {
			best = p
		}
		i = p + max(1, utf8.RuneLen([]rune(phrase)[0]))
		if i >= len(text) {
			break
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// MaxErrorKm is the error charged to a gold toponym that was not resolved
// (half the Earth's circumference).
const MaxErrorKm = 20039.0

// GeoScores are resolution and detection figures.
type GeoScores struct {
	Toponyms   int     `json:"toponyms"`  // gold toponyms with coordinates scored
	Resolved   int     `json:"resolved"`  // of those, how many got a prediction
	Acc161     float64 `json:"acc161"`    // share within 161 km
	MeanKm     float64 `json:"mean_km"`   // mean error
	MedianKm   float64 `json:"median_km"` // median error
	AUC        float64 `json:"auc"`       // area under the log-error curve, 0 best, 1 worst
	Gold       int     `json:"gold,omitempty"`
	Predicted  int     `json:"predicted,omitempty"`
	Precision  float64 `json:"precision,omitempty"`
	Recall     float64 `json:"recall,omitempty"`
	F1         float64 `json:"f1,omitempty"`
	PrecisionO float64 `json:"precision_overlap,omitempty"`
	RecallO    float64 `json:"recall_overlap,omitempty"`
	F1O        float64 `json:"f1_overlap,omitempty"`
}

// ErrorScores computes acc161, mean, median and AUC from error distances
// in km. AUC follows Gritta et al. (2018): errors sorted ascending, each
// scaled as ln(1+e)/ln(1+20039), the area under that curve by the
// trapezoid rule divided by its width.
func ErrorScores(errs []float64) GeoScores {
	var s GeoScores
	n := len(errs)
	s.Toponyms = n
	if n == 0 {
		return s
	}
	e := append([]float64(nil), errs...)
	sort.Float64s(e)
	sum, in := 0.0, 0
	for _, v := range e {
		sum += v
		if v <= 161 {
			in++
		}
	}
	s.Acc161 = float64(in) / float64(n)
	s.MeanKm = sum / float64(n)
	if n%2 == 1 {
		s.MedianKm = e[n/2]
	} else {
		s.MedianKm = (e[n/2-1] + e[n/2]) / 2
	}
	scale := math.Log1p(MaxErrorKm)
	if n == 1 {
		s.AUC = math.Log1p(e[0]) / scale
	} else {
		area := 0.0
		for i := 1; i < n; i++ {
			area += (math.Log1p(e[i-1]) + math.Log1p(e[i])) / 2
		}
		s.AUC = area / float64(n-1) / scale
	}
	return s
}

// EvaluateGold resolves the gold toponym spans of each document (using all
// of them as context) and scores the gold toponyms that have coordinates.
func (r *Resolver) EvaluateGold(ctx context.Context, docs []EvalDoc) (GeoScores, error) {
	var errs []float64
	resolved := 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return GeoScores{}, err
		}
		doc := SimpleSegment(d.ID, d.Text)
		var spans []Span
		for _, t := range d.Toponyms {
			if t.IsToponym() {
				spans = append(spans, Span{t.Start, t.End})
			}
		}
		got := map[Span]Place{}
		for _, p := range r.ResolveSpans(doc, spans) {
			got[Span{p.Start, p.End}] = p
		}
		for _, t := range d.Toponyms {
			if !t.HasCoord || !t.IsToponym() {
				continue
			}
			if p, ok := got[Span{t.Start, t.End}]; ok {
				resolved++
				errs = append(errs, haversineKm(t.Lat, t.Lon, p.Lat, p.Lon))
			} else {
				errs = append(errs, MaxErrorKm)
			}
		}
	}
	s := ErrorScores(errs)
	s.Resolved = resolved
	return s, nil
}

// EvaluateEndToEnd finds and resolves toponyms in each document. Detection:
// a prediction matches a gold toponym when the byte spans are identical
// (precision, recall, f1) or overlap (the _overlap figures); each gold
// toponym is matched at most once. Resolution is scored over every gold
// toponym with coordinates, charging MaxErrorKm when it was not found.
func (r *Resolver) EvaluateEndToEnd(ctx context.Context, docs []EvalDoc) (GeoScores, error) {
	var errs []float64
	var gold, pred, tp, tpo, resolved int
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return GeoScores{}, err
		}
		doc := SimpleSegment(d.ID, d.Text)
		ps := r.Resolve(doc)
		pred += len(ps)
		usedExact := make([]bool, len(ps))
		usedOver := make([]bool, len(ps))
		for _, t := range d.Toponyms {
			if !t.IsToponym() {
				continue
			}
			gold++
			exact, over := -1, -1
			for i, p := range ps {
				if !usedExact[i] && exact < 0 && p.Start == t.Start && p.End == t.End {
					exact = i
				}
				if !usedOver[i] && over < 0 && p.Start < t.End && t.Start < p.End {
					over = i
				}
			}
			if exact >= 0 {
				usedExact[exact] = true
				tp++
			}
			if over >= 0 {
				usedOver[over] = true
				tpo++
			}
			if t.HasCoord {
				if over >= 0 {
					resolved++
					errs = append(errs, haversineKm(t.Lat, t.Lon, ps[over].Lat, ps[over].Lon))
				} else {
					errs = append(errs, MaxErrorKm)
				}
			}
		}
	}
	s := ErrorScores(errs)
	s.Resolved = resolved
	s.Gold, s.Predicted = gold, pred
	s.Precision, s.Recall, s.F1 = prf(tp, pred, gold)
	s.PrecisionO, s.RecallO, s.F1O = prf(tpo, pred, gold)
	return s, nil
}

func prf(tp, pred, gold int) (float64, float64, float64) {
	var p, r, f float64
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
