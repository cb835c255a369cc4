// Package encoder measures what a contextual word encoder would cost dyad
// per token, in pure Go on one core, so that the choice between linear
// models over rich features (what ships) and a BiLSTM encoder (what the
// field's most accurate taggers and parsers use) rests on a measured figure.
//
// It holds no product code: only benchmarks of the forward pass of a
// one-layer bidirectional LSTM over 100-dimensional word vectors (the size of
// the GloVe vectors dyad's word classes come from), with random weights,
// for hidden sizes 64 and 128 per direction. Training would cost about three
// times the forward pass on top of this.
//
//	go test ./bench/encoder -run XXX -bench . -cpu 1 -benchtime 2s -count 3
package encoder
