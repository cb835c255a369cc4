// Package prose is a benchmark-only module: it measures dyad's NLP core
// (tokenizer, tagger, parser, entity recogniser) beside
// github.com/jdkato/prose/v2 doing its own tokenisation, tagging and NER on
// the same news text, in the same run. It is a separate module so that
// prose is never a dependency of dyad itself.
//
//	cd bench/prose && go test -bench . -cpu 1 -benchtime 3s
package prose
