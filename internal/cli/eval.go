package cli

import "context"

const evalHelp = `Usage: dyad eval KIND [flags] FILE

Score dyad against gold data. KIND is one of:
  plover   PLOVER-GSR event records (JSON)          dyad eval plover --json ../shared/data/plover-gsr/plover-gsr-dev.json
  ud       Universal Dependencies treebank (CoNLL-U) dyad eval ud --json ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  ner      named entities (IOB2)                     dyad eval ner --json ../shared/data/uner-ewt/en_ewt-ud-dev.iob2
  geo      toponym resolution (LGL / GeoWebNews XML)  dyad eval geo --json ../shared/data/geo-eval/lgl-dev.xml
  petr     PETRARCH unit-test records (XML)          dyad eval petr --json ../shared/data/petrarch/PETR.UnitTest.records.xml
`

func runEval(ctx context.Context, env *Env, args []string) int {
	return subcommands(ctx, env, "eval", args, map[string]func(context.Context, *Env, []string) int{
		"plover": runEvalPlover,
		"ud":     runEvalUD,
		"ner":    runEvalNER,
		"geo":    runEvalGeo,
		"petr":   runEvalPetr,
	}, evalHelp)
}
