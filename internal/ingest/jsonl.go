package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Field names accepted in JSON Lines records, first match wins.
var (
	jsonText  = []string{"text", "body", "content", "article", "maintext", "article_text"}
	jsonTitle = []string{"title", "headline"}
	jsonURL   = []string{"url", "link", "source_url"}
	jsonDate  = []string{"date", "published", "published_at", "publish_date", "date_publish", "pubDate", "datePublished", "timestamp"}
	jsonLang  = []string{"lang", "language"}
)

// jsonl reads one JSON object per line ("line N"); blank lines are
// skipped, a bad line is reported and the next is read.
func (w *walker) jsonl(r io.Reader, prefix string) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	if head, _ := br.Peek(512); len(bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")) > 0 && bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")[0] == '[' {
		return w.jsonArray(br, prefix)
	}
	max := w.opt.maxBytes()
	var buf []byte
	for n := 1; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		buf = buf[:0]
		long := false
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			if int64(len(buf)+len(frag)) > max {
				long = true
			} else {
				buf = append(buf, frag...)
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		rec := join(prefix, "line "+strconv.Itoa(n))
		var ferr error
		switch line := bytes.TrimSpace(buf); {
		case long:
			ferr = w.fail(rec, fmt.Errorf("line longer than %d bytes", max))
		case len(line) == 0:
		default:
			a, perr := parseJSONArticle(line)
			if perr != nil {
				ferr = w.fail(rec, perr)
			} else {
				ferr = w.emit(rec, a)
			}
		}
		if ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// jsonArray reads a JSON array of article objects ("item N"). A syntax
// error ends the array; an element that is not an article is reported and
// the next is read.
func (w *walker) jsonArray(r io.Reader, prefix string) error {
	d := json.NewDecoder(r)
	if _, err := d.Token(); err != nil {
		return w.fail(prefix, fmt.Errorf("JSON array: %w", err))
	}
	for n := 1; d.More(); n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec := join(prefix, itemRec(n))
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return w.fail(rec, fmt.Errorf("JSON array: %w", err))
		}
		var err error
		if int64(len(raw)) > w.opt.maxBytes() {
			err = w.fail(rec, fmt.Errorf("element larger than %d bytes", w.opt.maxBytes()))
		} else if a, perr := parseJSONArticle(raw); perr != nil {
			err = w.fail(rec, perr)
		} else {
			err = w.emit(rec, a)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseJSONArticle(line []byte) (*Article, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("bad JSON at byte %d: %v", se.Offset, se)
		}
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	a := &Article{}
	text := jsonString(m, jsonText)
	a.Title = jsonString(m, jsonTitle)
	a.URL = jsonString(m, jsonURL)
	a.Lang = jsonString(m, jsonLang)
	for _, k := range jsonDate {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			var f float64
			if json.Unmarshal(raw, &f) != nil {
				continue
			}
			s = strconv.FormatInt(int64(f), 10)
		}
		if t, ok := ParseDate(s); ok {
			a.Published = t
			break
		}
		if s != "" {
			return nil, fmt.Errorf("field %q: unrecognised date %q", k, clip([]byte(s)))
		}
	}
	if strings.TrimSpace(text) == "" && strings.TrimSpace(a.Title) == "" {
		return nil, errors.New(`no "text" (or body/content) field and no title`)
	}
	a.Paragraphs = splitParagraphs(text)
	return a, nil
}

// jsonString returns the first of keys holding a string.
func jsonString(m map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" {
			return s
		}
	}
	return ""
}
