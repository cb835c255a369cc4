package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/export"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/duckdb"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

const sample = "../../../shared/data/gdelt-sample/events2_sample_20170501-0701.csv"

// gdeltSample reads the GDELT sample (comma-separated, with gdeltPyR's
// extra CAMEOCodeDescription column removed).
func gdeltSample(t *testing.T) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open(sample)
	if err != nil {
		t.Skipf("GDELT sample not available (%v): needs /work/shared/data", err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	drop := -1
	for i, c := range all[0] {
		if c == "CAMEOCodeDescription" {
			drop = i
		}
	}
	for _, r := range all {
		if drop >= 0 {
			r = append(append([]string(nil), r[:drop]...), r[drop+1:]...)
		}
		rows = append(rows, r)
	}
	return rows[0], rows[1:]
}

func TestGDELTColumnsMatchSample(t *testing.T) {
	header, _ := gdeltSample(t)
	if got := export.GDELTColumns(); strings.Join(got, ",") != strings.Join(header, ",") {
		t.Errorf("columns differ from the GDELT sample:\n got %v\nwant %v", got, header)
	}
}

// TestGDELTDateColumns recomputes the sample's MonthYear, Year and
// FractionDate from SQLDATE.
func TestGDELTDateColumns(t *testing.T) {
	_, rows := gdeltSample(t)
	bad := 0
	for _, r := range rows {
		d, err := time.Parse("20060102", r[1])
		if err != nil {
			continue
		}
		got := export.GDELTRow(&store.Event{Date: d})
		for _, c := range []int{1, 2, 3, 4} {
			if got[c] != r[c] {
				if bad < 5 {
					t.Errorf("SQLDATE %s: column %d = %s, GDELT has %s", r[1], c, got[c], r[c])
				}
				bad++
			}
		}
	}
}

func TestGDELTRow(t *testing.T) {
	d := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ev   store.Event
		want map[int]string
	}{
		{"city place", store.Event{ID: 7, Date: d, Code: "0874", Goldstein: -1, GDELTQuad: 2, NumMentions: 3, NumSources: 2, NumArticles: 3,
			Actor1: store.Actor{Code: "RUSMIL", Name: "Russian military", Country: "RUS", Sector: "MIL"},
			Place:  &store.Place{Name: "Kharkiv", CountryCode: "UA", FIPS: "UP", Lat: 49.98, Lon: 36.25, GeonameID: 706483, Precision: 4},
			Added:  time.Date(2025, 3, 15, 10, 30, 0, 0, time.UTC), SourceURL: "https://x.example/a"},
			map[int]string{0: "7", 1: "20250314", 5: "RUSMIL", 6: "RUSSIAN MILITARY", 7: "RUS", 12: "MIL", 26: "0874", 27: "087", 28: "08",
				29: "2", 31: "3", 51: "4", 53: "UP", 54: "UP", 56: "49.98", 58: "706483", 59: "20250315103000", 60: "https://x.example/a"}},
		{"country place, quad from code", store.Event{Date: d, Code: "190", IsRoot: true,
			Place: &store.Place{Name: "Ukraine", CountryCode: "UA", FIPS: "UP", Precision: 1}},
			map[int]string{25: "1", 27: "190", 28: "19", 29: "4", 51: "1", 58: "UP", 35: "0", 43: "0"}},
		{"no place, tab in name", store.Event{Date: d, Code: "040", Actor2: store.Actor{Name: "a\tb"}},
			map[int]string{16: "A B", 29: "1", 51: "0", 52: "", 56: ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := export.GDELTRow(&tt.ev)
			if len(r) != 61 {
				t.Fatalf("%d fields, want 61", len(r))
			}
			for c, w := range tt.want {
				if r[c] != w {
					t.Errorf("column %d (%s) = %q, want %q", c, export.GDELTColumns()[c], r[c], w)
				}
			}
		})
	}
}

func corpusStore(t *testing.T) store.Store {
	t.Helper()
	ctx := context.Background()
	db, err := duckdb.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	walk := storetest.Walk(
		storetest.Doc("one", "https://a.example/1", "RUS UKR 190 2025-01-10 706483", "USA CHN 040 2025-02-01"),
		storetest.Doc("two", "https://b.example/2", "RUS UKR 190 2025-01-11 706483", "FRA DEU 042 2024-12-31"))
	if _, err := store.Ingest(ctx, db, walk, store.IngestOptions{Analyze: storetest.FakeAnalyze}); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportFormats(t *testing.T) {
	st := corpusStore(t)
	for _, f := range []string{"gdelt", "plover", "csv"} {
		t.Run(f, func(t *testing.T) {
			var b bytes.Buffer
			n, err := export.Events(context.Background(), st, f, &b)
			if err != nil {
				t.Fatal(err)
			}
			if n != 3 {
				t.Errorf("%d events, want 3", n)
			}
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			switch f {
			case "gdelt":
				for _, l := range lines {
					if k := len(strings.Split(l, "\t")); k != 61 {
						t.Errorf("%d fields: %q", k, l)
					}
				}
			case "plover":
				var r export.PLOVERRecord
				if err := json.Unmarshal([]byte(lines[0]), &r); err != nil || r.NumMentions != 2 || r.NumSources != 2 {
					t.Errorf("first record %+v, %v; want 2 mentions from 2 sources", r, err)
				}
			case "csv":
				rows, err := csv.NewReader(&b).ReadAll()
				if err != nil || len(rows) != 4 || len(rows[0]) != len(export.CSVHeader()) {
					t.Errorf("csv: %d rows, %v", len(rows), err)
				}
			}
		})
	}
	if _, err := export.Events(context.Background(), st, "xml", &bytes.Buffer{}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestParquet(t *testing.T) {
	st := corpusStore(t)
	dir := filepath.Join(t.TempDir(), "out")
	n, err := export.Parquet(context.Background(), st, dir)
	if err != nil || n != 3 {
		t.Fatalf("Parquet = %d, %v", n, err)
	}
	var back int
	err = st.Query(context.Background(), `SELECT count(*) FROM read_parquet(?, hive_partitioning = true)`, []any{dir + "/**/*.parquet"},
		func(_ []string, row []any) error { back = int(row[0].(int64)); return nil })
	if err != nil || back != 3 {
		t.Errorf("read back %d rows, %v; want 3", back, err)
	}
}

func ExampleGDELTRow() {
	ev := &store.Event{ID: 1, Date: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC), Code: "042",
		Actor1: store.Actor{Code: "FRAGOV", Name: "French government", Country: "FRA", Sector: "GOV"},
		Actor2: store.Actor{Code: "DEU", Name: "Germany", Country: "DEU"}, NumMentions: 1, NumSources: 1, NumArticles: 1}
	r := export.GDELTRow(ev)
	fmt.Println(len(r), r[1], r[4], r[5], r[6], r[15], r[26], r[28], r[29])
	// Output: 61 20250314 2025.2027 FRAGOV FRENCH GOVERNMENT DEU 042 04 1
}
