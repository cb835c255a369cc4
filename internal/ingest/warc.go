package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// warcHeader is one WARC record's header block.
type warcHeader struct {
	typ, uri, date, contentType string
	length                      int64
}

// warc reads WARC/1.0 and 1.1 records. response records with an HTML or
// plain-text payload, and resource and conversion records, each become an
// article; other records (warcinfo, request, metadata, revisit) and
// responses without an article (redirects, images, errors) are skipped.
// A malformed header is reported and reading resumes at the next record.
func (w *walker) warc(r io.Reader, prefix string) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	n := 0
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		line, err := skipBlank(br)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		n++
		rec := join(prefix, "record "+strconv.Itoa(n))
		if !bytes.HasPrefix(line, []byte("WARC/")) {
			if err := w.fail(rec, fmt.Errorf("expected a WARC version line, found %q", clip(line))); err != nil {
				return err
			}
			if err := resync(br); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
			continue
		}
		h, err := readWARCHeader(br)
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return w.fail(rec, err)
			}
			if ferr := w.fail(rec, err); ferr != nil {
				return ferr
			}
			if err := resync(br); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
			continue
		}
		max := w.opt.maxBytes()
		wanted := h.typ == "response" || h.typ == "resource" || h.typ == "conversion"
		if !wanted || h.length > max {
			if _, err := io.CopyN(io.Discard, br, h.length); err != nil {
				return w.fail(rec, fmt.Errorf("record cut short: %w", noEOF(err)))
			}
			if wanted {
				if err := w.fail(rec, fmt.Errorf("record larger than %d bytes", max)); err != nil {
					return err
				}
			}
			continue
		}
		block := make([]byte, h.length)
		if _, err := io.ReadFull(br, block); err != nil {
			var ge *gzipError
			if errors.As(err, &ge) {
				return err
			}
			return w.fail(rec, fmt.Errorf("record cut short: %w", noEOF(err)))
		}
		a, skip, err := warcArticle(h, block)
		if skip {
			continue
		}
		if err != nil {
			err = w.fail(rec, err)
		} else {
			err = w.emit(rec, a)
		}
		if err != nil {
			return err
		}
	}
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

// skipBlank returns the next non-blank line (without its line end).
func skipBlank(br *bufio.Reader) ([]byte, error) {
	for {
		line, err := readLine(br)
		if len(bytes.TrimSpace(line)) > 0 {
			return line, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readLine reads one line of at most 64 KiB (longer lines are cut).
func readLine(br *bufio.Reader) ([]byte, error) {
	var out []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(out) < 64<<10 {
			out = append(out, frag...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		out = bytes.TrimRight(out, "\r\n")
		if err != nil && len(out) > 0 && err == io.EOF {
			return out, nil
		}
		return out, err
	}
}

// resync skips to the line after the next "WARC/1." line start, leaving
// the reader at a header; it peeks so the version line is not consumed.
func resync(br *bufio.Reader) error {
	for {
		p, err := br.Peek(6)
		if len(p) >= 6 && bytes.Equal(p, []byte("WARC/1")) {
			return nil
		}
		if err != nil {
			return io.EOF
		}
		if _, err := readLine(br); err != nil {
			return err
		}
	}
}

func readWARCHeader(br *bufio.Reader) (warcHeader, error) {
	var h warcHeader
	h.length = -1
	lines := 0
	for {
		line, err := readLine(br)
		if err != nil && len(line) == 0 {
			return h, fmt.Errorf("header cut short: %w", io.ErrUnexpectedEOF)
		}
		if len(line) == 0 {
			break
		}
		if lines++; lines > 1000 {
			return h, errors.New("too many header lines")
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			if line[0] == ' ' || line[0] == '\t' {
				continue // folded continuation
			}
			return h, fmt.Errorf("bad header line %q", clip(line))
		}
		val := string(bytes.TrimSpace(v))
		switch strings.ToLower(string(bytes.TrimSpace(k))) {
		case "warc-type":
			h.typ = strings.ToLower(val)
		case "warc-target-uri":
			h.uri = strings.Trim(val, "<>")
		case "warc-date":
			h.date = val
		case "content-type":
			h.contentType = val
		case "content-length":
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil || n < 0 {
				return h, fmt.Errorf("bad Content-Length %q", val)
			}
			h.length = n
		}
	}
	if h.length < 0 {
		return h, errors.New("no Content-Length")
	}
	return h, nil
}

// warcArticle turns a record block into an article; skip is true for
// records that hold no article.
func warcArticle(h warcHeader, block []byte) (a *Article, skip bool, err error) {
	ctype := h.contentType
	body := block
	if h.typ == "response" && strings.HasPrefix(strings.ToLower(ctype), "application/http") {
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
		if err != nil {
			return nil, false, fmt.Errorf("HTTP response: %w", err)
		}
		if resp.StatusCode != http.StatusOK {
			return nil, true, nil
		}
		body, err = io.ReadAll(resp.Body)
		if err != nil && len(body) == 0 {
			return nil, false, fmt.Errorf("HTTP body: %w", err)
		}
		body, err = decodeBody(resp.Header, body)
		if err != nil {
			return nil, false, err
		}
		ctype = resp.Header.Get("Content-Type")
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		a, err = ExtractHTML(body, h.uri)
	case mt == "text/plain" || h.typ == "conversion":
		a, err = readText(body)
	case mt == "" && sniff(body) == kHTML:
		a, err = ExtractHTML(body, h.uri)
	default:
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	if a.URL == "" {
		a.URL = h.uri
	}
	if a.Published.IsZero() {
		// the crawl date stands in for a page that states none
		a.Published, _ = ParseDate(h.date)
	}
	return a, false, nil
}

// decodeBody undoes a gzip or deflate Content-Encoding kept in the record.
func decodeBody(hd http.Header, body []byte) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(textproto.MIMEHeader(hd).Get("Content-Encoding")))
	var r io.ReadCloser
	switch enc {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return body, nil // already decoded by the crawler
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		r = zr
	case "deflate":
		r = flate.NewReader(bytes.NewReader(body))
	default:
		return body, nil
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s body: %w", enc, err)
	}
	if len(out) > MaxArticleBytes {
		return nil, fmt.Errorf("decoded body larger than %d bytes", MaxArticleBytes)
	}
	return out, nil
}
