package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dyad-events/dyad/internal/geo"
)

const evalGeoHelp = `Usage: dyad eval geo [--json] [--end-to-end] FILE

Score toponym resolution on LGL or GeoWebNews XML.

Default mode resolves the gold toponym spans (all of them serve as
context) and scores those with gold coordinates. --end-to-end also finds
the toponyms and adds detection precision/recall/F1: a prediction matches
a gold toponym when the byte spans are identical (precision, recall, f1)
or overlap (the *_overlap figures). GeoWebNews annotations of type
Literal_Expression, Non_Lit_Expression, Non_Toponym and Language are not
toponyms. A gold toponym left unresolved costs 20039 km.

Figures: acc161 (share within 161 km), mean_km, median_km, auc (area
under the sorted ln(1+km)/ln(20039) curve, Gritta et al. 2018; lower is
better).

Flags:
  --json         print the figures as one JSON object
  --end-to-end   detect toponyms too, instead of resolving gold spans

Examples:
  dyad eval geo ../shared/data/geo-eval/lgl-dev.xml
  dyad eval geo --json --end-to-end ../shared/data/geo-eval/lgl-dev.xml
  dyad eval geo --json ../shared/data/geo-eval/GWN.xml
`

func runEvalGeo(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("eval geo", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {}
	asJSON := fs.Bool("json", false, "print JSON")
	e2e := fs.Bool("end-to-end", false, "detect toponyms too")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			io.WriteString(env.Stdout, evalGeoHelp)
			return 0
		}
		io.WriteString(env.Stderr, evalGeoHelp)
		return 2
	}
	if fs.NArg() != 1 {
		io.WriteString(env.Stderr, evalGeoHelp)
		return 2
	}
	path := fs.Arg(0)
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval geo: %v\n", err)
		return 1
	}
	defer f.Close()
	docs, st, err := geo.ReadEvalXML(ctx, f, path)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval geo: %v\n", err)
		return 1
	}
	g, err := geo.Load()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval geo: loading gazetteer: %v\n", err)
		return 1
	}
	r := geo.NewResolver(g)
	t0 := time.Now()
	var s geo.GeoScores
	if *e2e {
		s, err = r.EvaluateEndToEnd(ctx, docs)
	} else {
		s, err = r.EvaluateGold(ctx, docs)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad eval geo: %v\n", err)
		return 1
	}
	el := time.Since(t0)
	if *asJSON {
		out := struct {
			geo.GeoScores
			Mode      string  `json:"mode"`
			Articles  int     `json:"articles"`
			Realigned int     `json:"realigned"`
			Dropped   int     `json:"dropped"`
			MsPerDoc  float64 `json:"ms_per_article"`
		}{s, map[bool]string{true: "end-to-end", false: "gold"}[*e2e], st.Articles, st.Realigned, st.Dropped, float64(el.Microseconds()) / 1000 / float64(max(1, len(docs)))}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(env.Stderr, "dyad eval geo: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(env.Stdout, "%s: %d articles, %d annotations (%d realigned, %d dropped)\n", path, st.Articles, st.Toponyms, st.Realigned, st.Dropped)
	fmt.Fprintf(env.Stdout, "resolution: %d toponyms with coordinates, %d resolved\n", s.Toponyms, s.Resolved)
	fmt.Fprintf(env.Stdout, "  acc161 %.3f  mean %.0f km  median %.1f km  AUC %.3f\n", s.Acc161, s.MeanKm, s.MedianKm, s.AUC)
	if *e2e {
		fmt.Fprintf(env.Stdout, "detection: gold %d, predicted %d\n", s.Gold, s.Predicted)
		fmt.Fprintf(env.Stdout, "  exact    P %.3f  R %.3f  F1 %.3f\n", s.Precision, s.Recall, s.F1)
		fmt.Fprintf(env.Stdout, "  overlap  P %.3f  R %.3f  F1 %.3f\n", s.PrecisionO, s.RecallO, s.F1O)
	}
	return 0
}
