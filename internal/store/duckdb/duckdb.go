// Package duckdb owns the DuckDB adapter of the corpus store: opening or
// creating the database file, its versioned schema migrations, batched
// transactional writes, queries and Parquet export. The file it writes is
// a plain DuckDB database that R and Python open with their duckdb
// packages.
package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	ddb "github.com/duckdb/duckdb-go/v2" // the "duckdb" database/sql driver and its Appender

	"github.com/dyad-events/dyad/internal/dedup"
	"github.com/dyad-events/dyad/internal/store"
)

// DB is a corpus store in a DuckDB database.
type DB struct {
	db   *sql.DB
	path string
}

var _ store.Store = (*DB)(nil)
var _ store.ParquetExporter = (*DB)(nil)

// Open opens (creating if needed) the store at path and migrates its
// schema to the current version; path "" opens a private in-memory store.
// A file can be open in one process at a time.
func Open(ctx context.Context, path string) (*DB, error) {
	if path != "" {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", display(path), err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", display(path), err)
	}
	d := &DB{db: db, path: path}
	if err := d.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", display(path), err)
	}
	return d, nil
}

func display(path string) string {
	if path == "" {
		return "in-memory store"
	}
	return path
}

// Close closes the database (checkpointing it).
func (d *DB) Close() error { return d.db.Close() }

// SQL returns the underlying database handle for tests and benchmarks.
func (d *DB) SQL() *sql.DB { return d.db }

// Version is the schema version this build writes.
func Version() int { return len(migrations) }

// migrations are the schema changes, in order; migration i+1 brings the
// schema from version i to i+1. Never edit a released one: append.
var migrations = [...]string{
	// 1: the initial schema.
	`CREATE TABLE articles (
  hash VARCHAR PRIMARY KEY, doc_id VARCHAR, title VARCHAR, url VARCHAR, source VARCHAR,
  input VARCHAR, record VARCHAR, published DATE, simhash BIGINT, simhash2 BIGINT, story VARCHAR,
  tone DOUBLE, word_count INTEGER, stored_at TIMESTAMP);
CREATE TABLE events (
  id BIGINT NOT NULL, key VARCHAR NOT NULL, date DATE NOT NULL,
  actor1_code VARCHAR, actor1_name VARCHAR, actor1_country VARCHAR, actor1_sector VARCHAR,
  actor2_code VARCHAR, actor2_name VARCHAR, actor2_country VARCHAR, actor2_sector VARCHAR,
  cameo VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class TINYINT, gdelt_quad TINYINT,
  plover VARCHAR, mode VARCHAR, contexts VARCHAR,
  place_name VARCHAR, country_code VARCHAR, fips VARCHAR, lat DOUBLE, lon DOUBLE, geonameid INTEGER, precision TINYINT,
  source_url VARCHAR, added TIMESTAMP,
  num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0, avg_tone DOUBLE, is_root BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE mentions (
  event_id BIGINT NOT NULL, article VARCHAR NOT NULL, date DATE, sentence INTEGER, start_byte INTEGER, end_byte INTEGER,
  text VARCHAR, trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER, rule VARCHAR, confidence DOUBLE);
CREATE TABLE actors (
  article VARCHAR NOT NULL, text VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
  start_byte INTEGER, end_byte INTEGER);
CREATE TABLE places (
  article VARCHAR NOT NULL, text VARCHAR, name VARCHAR, country_code VARCHAR, lat DOUBLE, lon DOUBLE,
  geonameid INTEGER, precision TINYINT, confidence DOUBLE, start_byte INTEGER, end_byte INTEGER);
CREATE TABLE quotes (
  article VARCHAR NOT NULL, text VARCHAR, start_byte INTEGER, end_byte INTEGER,
  speaker_text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR, verb VARCHAR, direct BOOLEAN);`,
}

func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)`); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	var have int
	if err := d.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this dyad knows (%d): upgrade dyad", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, now())`, v); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", v, err)
		}
	}
	return nil
}

func nullDate(t time.Time) driver.Value {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Put stores a batch in one transaction. Rows go in through DuckDB's
// Appender (bulk, columnar) inside an explicit transaction on one
// connection, so the batch commits or rolls back as a whole.
func (d *DB) Put(ctx context.Context, batch []*store.Article) (err error) {
	if len(batch) == 0 {
		return nil
	}
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err = conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	now := time.Now().UTC()
	var arts, evs, ments, acts, places, quotes [][]driver.Value
	touched := map[int64]bool{}
	for _, a := range batch {
		arts = append(arts, []driver.Value{a.Hash, a.DocID, a.Title, a.URL, a.Source, a.Input, a.Record,
			nullDate(a.Published), int64(a.SimHash[0]), int64(a.SimHash[1]), a.Story, a.Tone, int32(a.WordCount), now})
		for _, m := range a.Mentions {
			touched[m.EventID] = true
			if e := m.Event; e != nil {
				var place [7]driver.Value
				if p := e.Place; p != nil {
					place = [7]driver.Value{p.Name, p.CountryCode, p.FIPS, p.Lat, p.Lon, p.GeonameID, p.Precision}
				}
				evs = append(evs, []driver.Value{e.ID, e.Key, nullDate(e.Date),
					e.Actor1.Code, e.Actor1.Name, e.Actor1.Country, e.Actor1.Sector,
					e.Actor2.Code, e.Actor2.Name, e.Actor2.Country, e.Actor2.Sector,
					e.Code, e.Name, e.Goldstein, e.QuadClass, e.GDELTQuad, e.PLOVER, e.Mode, strings.Join(e.Contexts, ","),
					place[0], place[1], place[2], place[3], place[4], place[5], place[6], e.SourceURL, e.Added.UTC(),
					0, 0, 0, nil, false})
			}
			ments = append(ments, []driver.Value{m.EventID, a.Hash, nullDate(m.Date), m.Sentence, m.Start, m.End, m.Text,
				m.Trigger, m.TriggerAt[0], m.TriggerAt[1], m.Rule, m.Confidence})
		}
		for _, r := range a.Actors {
			acts = append(acts, []driver.Value{a.Hash, r.Text, r.Name, r.Code, r.Country, r.Sector, r.Start, r.End})
		}
		for _, l := range a.Places {
			places = append(places, []driver.Value{a.Hash, l.Text, l.Name, l.CountryCode, l.Lat, l.Lon, l.GeonameID, l.Precision,
				l.Confidence, l.Start, l.End})
		}
		for _, q := range a.Quotes {
			quotes = append(quotes, []driver.Value{a.Hash, q.Text, q.Start, q.End, q.Speaker.Text, q.Speaker.Name, q.Speaker.Code,
				q.Verb, q.Direct})
		}
	}
	err = conn.Raw(func(dc any) error {
		for _, t := range []struct {
			table string
			rows  [][]driver.Value
		}{{"articles", arts}, {"events", evs}, {"mentions", ments}, {"actors", acts}, {"places", places}, {"quotes", quotes}} {
			if err := appendRows(dc, t.table, t.rows); err != nil {
				return fmt.Errorf("storing %d articles from %s on: %s: %w", len(batch), batch[0].Input, t.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err = updateCounts(ctx, conn, touched); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// appendRows bulk-loads rows into table on the raw driver connection dc.
func appendRows(dc any, table string, rows [][]driver.Value) error {
	if len(rows) == 0 {
		return nil
	}
	c, ok := dc.(driver.Conn)
	if !ok {
		return fmt.Errorf("not a driver connection: %T", dc)
	}
	a, err := ddb.NewAppenderFromConn(c, "", table)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := a.AppendRow(r...); err != nil {
			a.Close()
			return err
		}
	}
	return a.Close()
}

// maxParams bounds the parameters of one INSERT statement.
const maxParams = 4096

// insert adds rows to table with multi-row INSERT statements (one
// statement per row costs DuckDB far more than the rows themselves).
func insert(ctx context.Context, tx *sql.Tx, table, cols string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	n := len(rows[0])
	per := maxParams / n
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
	for len(rows) > 0 {
		k := min(per, len(rows))
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " " + cols + " VALUES ")
		args := make([]any, 0, k*n)
		for i := 0; i < k; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tuple)
			args = append(args, rows[i]...)
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[k:]
	}
	return nil
}

// updateCounts recomputes the mention, article and source counts and the
// average tone of the touched events from their mentions.
func updateCounts(ctx context.Context, tx *sql.Conn, touched map[int64]bool) error {
	if len(touched) == 0 {
		return nil
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	list := strings.Join(ids, ",") // integers: safe to inline
	_, err := tx.ExecContext(ctx, `UPDATE events SET num_mentions = s.n, num_articles = s.na, num_sources = s.ns, avg_tone = s.tone, is_root = s.root
FROM (SELECT m.event_id, count(*) AS n, bool_or(m.sentence <= 1) AS root, count(DISTINCT m.article) AS na, count(DISTINCT coalesce(a.source, '')) AS ns, avg(a.tone) AS tone
      FROM mentions m JOIN articles a ON a.hash = m.article
      WHERE m.event_id IN (`+list+`) GROUP BY m.event_id) s
WHERE events.id = s.event_id`)
	if err != nil {
		return fmt.Errorf("updating event counts: %w", err)
	}
	return nil
}

// Articles streams the stored articles' fingerprints and stories.
func (d *DB) Articles(ctx context.Context, fn func(hash string, fp dedup.Fingerprint, story string)) error {
	rows, err := d.db.QueryContext(ctx, `SELECT hash, simhash, simhash2, story FROM articles ORDER BY stored_at, hash`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var h, s string
		var sh, sh2 int64
		if err := rows.Scan(&h, &sh, &sh2, &s); err != nil {
			return err
		}
		fn(h, dedup.Fingerprint{uint64(sh), uint64(sh2)}, s)
	}
	return rows.Err()
}

// EventKeys streams the merge keys of the events dated on days.
func (d *DB) EventKeys(ctx context.Context, days []time.Time, fn func(id int64, key string, date time.Time)) error {
	if len(days) == 0 {
		return nil
	}
	list := make([]string, len(days))
	for i, t := range days {
		list[i] = "DATE '" + t.UTC().Format("2006-01-02") + "'" // formatted dates: safe to inline
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, key, date FROM events WHERE date IN (`+strings.Join(list, ", ")+`) ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var k string
		var t time.Time
		if err := rows.Scan(&id, &k, &t); err != nil {
			return err
		}
		fn(id, k, t)
	}
	return rows.Err()
}

// NextEventID returns one more than the largest event id.
func (d *DB) NextEventID(ctx context.Context) (int64, error) {
	var n int64
	err := d.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM events`).Scan(&n)
	return n, err
}

const eventCols = `id, key, date, actor1_code, actor1_name, actor1_country, actor1_sector,
  actor2_code, actor2_name, actor2_country, actor2_sector, cameo, cameo_name, goldstein, quad_class, gdelt_quad,
  plover, mode, contexts, place_name, country_code, fips, lat, lon, geonameid, precision, source_url, added,
  num_mentions, num_sources, num_articles, avg_tone, is_root`

// Events streams the event records in id order.
func (d *DB) Events(ctx context.Context, fn func(*store.Event) error) error {
	rows, err := d.db.QueryContext(ctx, `SELECT `+eventCols+` FROM events ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e store.Event
		var a1c, a1n, a1k, a1s, a2c, a2n, a2k, a2s, code, name, plover, mode, ctxs, pname, cc, fips, src sql.NullString
		var gold, lat, lon, tone sql.NullFloat64
		var quad, gquad, geo, prec sql.NullInt64
		var added sql.NullTime
		if err := rows.Scan(&e.ID, &e.Key, &e.Date, &a1c, &a1n, &a1k, &a1s, &a2c, &a2n, &a2k, &a2s, &code, &name, &gold, &quad, &gquad,
			&plover, &mode, &ctxs, &pname, &cc, &fips, &lat, &lon, &geo, &prec, &src, &added,
			&e.NumMentions, &e.NumSources, &e.NumArticles, &tone, &e.IsRoot); err != nil {
			return err
		}
		e.Actor1 = store.Actor{Code: a1c.String, Name: a1n.String, Country: a1k.String, Sector: a1s.String}
		e.Actor2 = store.Actor{Code: a2c.String, Name: a2n.String, Country: a2k.String, Sector: a2s.String}
		e.Code, e.Name, e.Goldstein = code.String, name.String, gold.Float64
		e.QuadClass, e.GDELTQuad = int(quad.Int64), int(gquad.Int64)
		e.PLOVER, e.Mode = plover.String, mode.String
		if ctxs.String != "" {
			e.Contexts = strings.Split(ctxs.String, ",")
		}
		if lat.Valid {
			e.Place = &store.Place{Name: pname.String, CountryCode: cc.String, FIPS: fips.String, Lat: lat.Float64, Lon: lon.Float64,
				GeonameID: int(geo.Int64), Precision: int(prec.Int64)}
		}
		e.SourceURL, e.Added, e.AvgTone = src.String, added.Time, tone.Float64
		if err := fn(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Query runs sql and calls fn for each row.
func (d *DB) Query(ctx context.Context, q string, args []any, fn func(cols []string, row []any) error) error {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		n++
		if err := fn(cols, vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 {
		return fn(cols, nil)
	}
	return nil
}

// Counts returns the table sizes.
func (d *DB) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := d.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
  (SELECT count(*) FROM mentions), (SELECT count(*) FROM actors), (SELECT count(*) FROM places), (SELECT count(*) FROM quotes)`).
		Scan(&c.Articles, &c.Events, &c.Mentions, &c.Actors, &c.Places, &c.Quotes)
	return c, err
}

// ExportParquet writes the events under dir, partitioned by year and month.
func (d *DB) ExportParquet(ctx context.Context, dir string) (int64, error) {
	if dir == "" {
		return 0, errors.New("parquet export needs an output directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var n int64
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&n); err != nil {
		return 0, err
	}
	q := `COPY (SELECT *, year(date) AS year, month(date) AS month FROM events ORDER BY id) TO '` +
		strings.ReplaceAll(dir, "'", "''") + `' (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)`
	if _, err := d.db.ExecContext(ctx, q); err != nil {
		return 0, fmt.Errorf("%s: %w", dir, err)
	}
	return n, nil
}
