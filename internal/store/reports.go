package store

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Report is a ready-made query over the events table.
type Report struct {
	Name        string
	Description string
	sql         string
	near        bool // takes a point and a radius
}

// ReportParams narrow a report.
type ReportParams struct {
	From, To time.Time // inclusive date range; zero means open
	Limit    int       // at most this many rows; 0 means all
	Lat, Lon float64   // the point of the "near" report
	Km       float64   // its radius in kilometres (default 50)
}

// Reports returns the ready-made reports by name.
func Reports() []Report {
	rs := []Report{
		{Name: "dyad-month", Description: "events and mentions by dyad (source actor, target actor) and month",
			// Grouping on an integer month and formatting it after the
			// aggregation halves the time over 10M events.
			sql: `SELECT source, target, printf('%04d-%02d', ym // 100, ym % 100) AS month, events, mentions FROM (
  SELECT actor1_code AS source, actor2_code AS target, year(date) * 100 + month(date) AS ym,
    count(*) AS events, CAST(sum(num_mentions) AS BIGINT) AS mentions
  FROM events WHERE $where GROUP BY ALL)
ORDER BY ym, events DESC, source, target`},
		{Name: "goldstein", Description: "mean Goldstein score by dyad (plain and mention-weighted)",
			sql: `SELECT actor1_code AS source, actor2_code AS target, count(*) AS events,
  round(avg(goldstein), 3) AS mean_goldstein,
  round(sum(goldstein * num_mentions) / sum(num_mentions), 3) AS weighted_goldstein
FROM events WHERE $where GROUP BY ALL ORDER BY events DESC, source, target`},
		{Name: "quad", Description: "events by CAMEO quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)",
			sql: `SELECT quad_class, CASE quad_class WHEN 1 THEN 'verbal cooperation' WHEN 2 THEN 'material cooperation'
  WHEN 3 THEN 'verbal conflict' WHEN 4 THEN 'material conflict' ELSE 'unknown' END AS name,
  count(*) AS events, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS percent
FROM events WHERE $where GROUP BY ALL ORDER BY quad_class`},
		{Name: "top-actors", Description: "actors by number of events they take part in (either side)",
			sql: `SELECT code AS actor, count(*) AS events, CAST(sum(num_mentions) AS BIGINT) AS mentions FROM (
  SELECT actor1_code AS code, num_mentions, date FROM events UNION ALL
  SELECT actor2_code, num_mentions, date FROM events) WHERE code <> '' AND $where
GROUP BY ALL ORDER BY events DESC, actor`},
		{Name: "near", Description: "events within --km of --lat/--lon, nearest first", near: true,
			sql: `SELECT * FROM (SELECT id, date, actor1_code AS source, actor2_code AS target, cameo, cameo_name, place_name, lat, lon,
  round(2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - $lat) / 2), 2) +
    cos(radians($lat)) * cos(radians(lat)) * pow(sin(radians(lon - $lon) / 2), 2))), 2) AS km
FROM events WHERE lat IS NOT NULL AND $where) WHERE km <= $km ORDER BY km, date, id`},
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Name < rs[j].Name })
	return rs
}

// LookupReport returns the report called name.
func LookupReport(name string) (Report, bool) {
	for _, r := range Reports() {
		if r.Name == name {
			return r, true
		}
	}
	return Report{}, false
}

// SQL returns the report's query and its arguments for p. The SQL is
// DuckDB's dialect.
func (r Report) SQL(p ReportParams) (string, []any) {
	where := "TRUE"
	var args []any
	if !p.From.IsZero() {
		where += " AND date >= ?"
		args = append(args, p.From.Format("2006-01-02"))
	}
	if !p.To.IsZero() {
		where += " AND date <= ?"
		args = append(args, p.To.Format("2006-01-02"))
	}
	q := strings.ReplaceAll(r.sql, "$where", where)
	if r.near {
		km := p.Km
		if km <= 0 {
			km = 50
		}
		// Numbers, not user text: safe to inline.
		q = strings.ReplaceAll(q, "$lat", fmt.Sprintf("%g", p.Lat))
		q = strings.ReplaceAll(q, "$lon", fmt.Sprintf("%g", p.Lon))
		q = strings.ReplaceAll(q, "$km", fmt.Sprintf("%g", km))
	}
	if p.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", p.Limit)
	}
	return q, args
}
