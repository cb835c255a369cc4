package duckdb

import (
	"context"
	"fmt"
)

// Synthesize appends n synthetic event records (with no articles or
// mentions) for load tests: 60 actor codes with a skewed distribution
// (a few actors dominate, as in news), 20 CAMEO roots, dates over ten
// years, a place for one event in three. Values derive from hashes of the
// row number, so the same n gives the same table.
func (d *DB) Synthesize(ctx context.Context, n int64) error {
	var next int64
	if err := d.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM events`).Scan(&next); err != nil {
		return err
	}
	q := fmt.Sprintf(`INSERT INTO events (id, key, date, actor1_code, actor2_code, cameo, goldstein, quad_class, gdelt_quad,
  plover, lat, lon, country_code, num_mentions, num_sources, num_articles, avg_tone)
SELECT id, a1 || '|' || a2 || '|' || cameo || '|', date, a1, a2, cameo, goldstein, quad, quad, 'SYNTH',
  CASE WHEN h %% 3 = 0 THEN -60 + (h >> 8) %% 12000 / 100.0 END, CASE WHEN h %% 3 = 0 THEN -180 + (h >> 24) %% 36000 / 100.0 END,
  CASE WHEN h %% 3 = 0 THEN 'XX' END, m, 1 + m // 3, m, (CAST((h >> 40) %% 200 AS INTEGER) - 100) / 10.0
FROM (SELECT %d + i AS id, hash(i) AS h,
  'A' || lpad(CAST(CAST(60 * pow((hash(i, 1) %% 1000000) / 1000000.0, 2) AS INTEGER) AS VARCHAR), 2, '0') AS a1,
  'A' || lpad(CAST(CAST(60 * pow((hash(i, 2) %% 1000000) / 1000000.0, 2) AS INTEGER) AS VARCHAR), 2, '0') AS a2,
  lpad(CAST(1 + hash(i, 3) %% 20 AS VARCHAR), 2, '0') || '0' AS cameo,
  DATE '2015-01-01' + CAST(hash(i, 4) %% 3650 AS INTEGER) AS date,
  (CAST(hash(i, 5) %% 200 AS INTEGER) - 100) / 10.0 AS goldstein,
  CAST(1 + hash(i, 6) %% 4 AS TINYINT) AS quad,
  CAST(1 + hash(i, 7) %% 10 AS INTEGER) AS m
  FROM range(%d) t(i))`, next, n)
	_, err := d.db.ExecContext(ctx, q)
	return err
}
