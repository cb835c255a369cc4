package store

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/dedup"
	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ontology"
)

// maxEventDays bounds the days of event records the writer holds; past
// it, the index is dropped after a commit and refilled as needed.
const maxEventDays = 400

// Item is one article read from an input, or the error reading it.
type Item struct {
	Doc    *dyad.Document
	Input  string // the input it came from
	Record string // the record within the input, "" if none
	Err    error
}

// IngestOptions configure Ingest.
type IngestOptions struct {
	// Analyze codes one document; it must be safe for concurrent use
	// (pipeline.Pipeline.Analyze is).
	Analyze func(ctx context.Context, doc *dyad.Document) (*dyad.Analysis, error)
	// Ontology fills GDELT quad classes and FIPS codes; may be nil.
	Ontology *ontology.Ontology
	// Workers is the number of concurrent Analyze calls (default GOMAXPROCS).
	Workers int
	// BatchSize is the number of articles per transaction (default 64);
	// BatchWait the longest a stored article waits for its batch to fill
	// (default 1s).
	BatchSize int
	BatchWait time.Duration
	// OnError is called (from one goroutine at a time) for each input that
	// could not be read or coded; such articles are not stored, so a
	// re-run retries them.
	OnError func(input string, err error)
	// Progress, if set, is called after every committed batch.
	Progress func(Stats)
	// Now is the clock for the events' date-added field (default time.Now).
	Now func() time.Time
}

// Stats describe an ingest run.
type Stats struct {
	Read     int           // articles read
	Known    int           // skipped: already stored (same content hash)
	Stored   int           // articles stored by this run
	Failed   int           // inputs that could not be read or coded
	Mentions int           // event mentions stored
	Events   int           // new event records
	Elapsed  time.Duration // wall time so far
	NLP      time.Duration // summed Analyze time over all workers
	Store    time.Duration // time spent in Put (the writer)
}

// Ingest reads articles from walk, codes them with opt.Analyze on several
// workers, and stores them through one writer in transactions of
// opt.BatchSize articles. Every article is stored in the same transaction
// as its events and mentions, so a killed ingest loses at most the
// uncommitted batch and a re-run stores exactly the missing articles:
// articles whose content hash is already stored are skipped.
//
// walk calls its fn once per article in input order and stops when fn
// returns an error. Results are committed in input order, so the same
// inputs give the same event ids.
func Ingest(ctx context.Context, st Store, walk func(ctx context.Context, fn func(Item) error) error, opt IngestOptions) (Stats, error) {
	start := time.Now()
	if opt.Analyze == nil {
		return Stats{}, errors.New("store.Ingest: no Analyze function")
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 64
	}
	if opt.BatchWait <= 0 {
		opt.BatchWait = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	onError := opt.OnError
	if onError == nil {
		onError = func(string, error) {}
	}

	// Rebuild the story index from the store; the event index fills day
	// by day.
	stories := dedup.NewStories()
	known := map[string]bool{}
	if err := st.Articles(ctx, func(hash string, fp dedup.Fingerprint, story string) {
		known[hash] = true
		stories.Add(hash, fp, story)
	}); err != nil {
		return Stats{}, err
	}
	nextID, err := st.NextEventID(ctx)
	if err != nil {
		return Stats{}, err
	}
	events := dedup.NewEvents(nextID)

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		item Item
	}
	type done struct {
		seq  int
		item Item
		art  *Article // nil: skipped or failed
		err  error
		nlp  time.Duration
		skip bool
	}
	jobs := make(chan job, opt.Workers*2)
	results := make(chan done, opt.Workers*2)

	// Reader.
	var readErr error
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(jobs)
		seq := 0
		readErr = walk(ctx, func(it Item) error {
			select {
			case jobs <- job{seq, it}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	// Workers. known is read-only from here on; the writer keeps its own
	// set of hashes stored by this run.
	var wg sync.WaitGroup
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d := done{seq: j.seq, item: j.item}
				switch {
				case j.item.Err != nil:
					d.err = j.item.Err
				case j.item.Doc == nil:
					d.err = fmt.Errorf("%s: no document", j.item.Input)
				case known[ContentHash(j.item.Doc.Text)]:
					d.skip = true
				default:
					t0 := time.Now()
					a, err := opt.Analyze(ctx, j.item.Doc)
					d.nlp = time.Since(t0)
					if ctx.Err() != nil {
						return // interrupted: the article is left for the re-run
					}
					if err != nil {
						d.err = fmt.Errorf("%s: %w", name(j.item), err)
					} else {
						d.art = NewArticle(j.item.Doc, a, j.item.Input, j.item.Record, opt.Ontology, opt.Now().UTC())
					}
				}
				select {
				case results <- d:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Writer: commits in input order.
	var stats Stats
	pending := map[int]done{}
	next := 0
	seen := map[string]bool{}
	var batch []*Article
	var batchStart time.Time
	putCtx := ctx
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		t0 := time.Now()
		if err := st.Put(putCtx, batch); err != nil {
			return err
		}
		stats.Store += time.Since(t0)
		stats.Stored += len(batch)
		for _, a := range batch {
			stats.Mentions += len(a.Mentions)
		}
		batch = batch[:0]
		if events.Days() > maxEventDays {
			events.Reset() // everything assigned is stored now
		}
		stats.Elapsed = time.Since(start)
		if opt.Progress != nil {
			opt.Progress(stats)
		}
		return nil
	}
	accept := func(d done) error {
		stats.Read++
		stats.NLP += d.nlp
		if d.err != nil {
			stats.Failed++
			onError(d.item.Input, d.err)
			return nil
		}
		if d.skip || seen[d.art.Hash] {
			stats.Known++
			return nil
		}
		a := d.art
		var need []time.Time
		for i := range a.Mentions {
			for _, t := range events.Need(a.Mentions[i].Date) {
				if !slices.Contains(need, t) {
					need = append(need, t)
				}
			}
		}
		if len(need) > 0 {
			if err := st.EventKeys(ctx, need, events.Load); err != nil {
				return err
			}
			events.Loaded(need)
		}
		seen[a.Hash] = true
		a.Story = stories.Add(a.Hash, a.SimHash, "")
		for i := range a.Mentions {
			m := &a.Mentions[i]
			id, isNew := events.Assign(m.Key, m.Date)
			m.EventID = id
			if isNew {
				m.Event.ID = id
				stats.Events++
			} else {
				m.Event = nil
			}
		}
		if len(batch) == 0 {
			batchStart = time.Now()
		}
		batch = append(batch, a)
		return nil
	}
	ticker := time.NewTicker(opt.BatchWait / 4)
	defer ticker.Stop()
	var werr error
loop:
	for {
		select {
		case d, ok := <-results:
			if !ok {
				break loop
			}
			pending[d.seq] = d
			for {
				d, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if werr = accept(d); werr != nil {
					break loop
				}
				if len(batch) >= opt.BatchSize {
					if werr = flush(); werr != nil {
						break loop
					}
				}
			}
		case <-ticker.C:
			if len(batch) > 0 && time.Since(batchStart) >= opt.BatchWait {
				if werr = flush(); werr != nil {
					break loop
				}
			}
		}
	}
	if werr == nil {
		// On interruption the batch holds whole, coded articles: commit
		// them rather than make the re-run code them again.
		putCtx = context.WithoutCancel(parent)
		werr = flush()
	}
	cancel()
	for range results { // let the workers finish
	}
	<-readDone
	stats.Elapsed = time.Since(start)
	switch {
	case werr != nil:
		return stats, werr
	case parent.Err() != nil:
		return stats, parent.Err()
	case readErr != nil:
		return stats, readErr
	}
	return stats, nil
}

func name(it Item) string {
	if it.Record != "" {
		return it.Input + "#" + it.Record
	}
	return it.Input
}
