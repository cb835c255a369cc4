package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xmlField is one child element of a feed item, kept generic so RSS 2.0,
// RSS 1.0 (RDF) and Atom items, with or without declared namespaces, read
// the same way.
type xmlField struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Inner   string     `xml:",innerxml"`
	Text    string     `xml:",chardata"`
}

type xmlItem struct {
	Fields []xmlField `xml:",any"`
}

func (f *xmlField) attr(name string) string {
	for _, a := range f.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// feed reads an RSS 2.0, RSS 1.0 or Atom feed: each item or entry is an
// article ("item N") with its title, link, date and description or
// content (HTML is reduced to its paragraphs). A syntax error is reported
// at the item where it occurs and ends the feed.
func (w *walker) feed(b []byte, prefix string) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	lang := ""
	n := 0
	sawFeed := false
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return w.fail(prefix, fmt.Errorf("feed XML after %d items: %w", n, err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(se.Name.Local) {
		case "rss", "rdf", "channel":
			sawFeed = true
		case "feed":
			sawFeed = true
			for _, a := range se.Attr {
				if a.Name.Local == "lang" {
					lang = a.Value
				}
			}
		case "language":
			var s string
			if d.DecodeElement(&s, &se) == nil && lang == "" {
				lang = strings.TrimSpace(s)
			}
		case "item", "entry":
			n++
			rec := join(prefix, itemRec(n))
			var it xmlItem
			if err := d.DecodeElement(&it, &se); err != nil {
				return w.fail(rec, fmt.Errorf("feed XML: %w", err))
			}
			a, err := feedArticle(&it)
			if err == nil {
				if a.Lang == "" {
					a.Lang = lang
				}
				err = w.emit(rec, a)
			} else {
				err = w.fail(rec, err)
			}
			if err != nil {
				return err
			}
		}
	}
	if !sawFeed {
		return w.fail(prefix, errors.New("not an RSS or Atom feed"))
	}
	return nil
}

func itemRec(n int) string { return "item " + strconv.Itoa(n) }

func feedArticle(it *xmlItem) (*Article, error) {
	a := &Article{}
	var body, summary, link string
	dated := false
	for i := range it.Fields {
		f := &it.Fields[i]
		switch f.XMLName.Local {
		case "title":
			a.Title = feedText(f)
		case "link":
			if h := f.attr("href"); h != "" {
				if rel := f.attr("rel"); rel == "" || rel == "alternate" {
					if link == "" || rel == "alternate" {
						link = h
					}
				}
			} else if link == "" {
				link = strings.TrimSpace(f.Text)
			}
		case "guid", "id":
			if link == "" && (f.attr("isPermaLink") == "true" || strings.HasPrefix(strings.TrimSpace(f.Text), "http")) {
				link = strings.TrimSpace(f.Text)
			}
		case "pubDate", "published", "date", "issued":
			if t, ok := ParseDate(f.Text); ok && !dated {
				a.Published, dated = t, true
			}
		case "updated", "modified":
			if t, ok := ParseDate(f.Text); ok && a.Published.IsZero() {
				a.Published = t
			}
		case "encoded", "content":
			if body == "" {
				body = feedHTML(f)
			}
		case "description", "summary":
			if summary == "" {
				summary = feedHTML(f)
			}
		}
	}
	a.URL = link
	if body == "" {
		body = summary
	}
	a.Paragraphs = htmlParagraphs(body)
	if collapse(a.Title) == "" && len(a.Paragraphs) == 0 {
		return nil, errors.New("item has no title and no text")
	}
	return a, nil
}

// feedHTML returns an element's content as HTML: the markup itself for
// Atom's type="xhtml", else its text (escaped or CDATA HTML, or plain).
func feedHTML(f *xmlField) string {
	if strings.EqualFold(f.attr("type"), "xhtml") {
		return f.Inner
	}
	if strings.EqualFold(f.attr("type"), "text") {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(f.Text)
	}
	return f.Text
}

// feedText returns a title's plain text.
func feedText(f *xmlField) string {
	t := f.attr("type")
	if strings.EqualFold(t, "html") || strings.EqualFold(t, "xhtml") {
		return innerText(parseHTML(feedHTML(f)))
	}
	return collapse(f.Text)
}

// htmlParagraphs reduces an HTML fragment to its paragraphs, leaving out
// scripts, embedded media and link-only lines.
func htmlParagraphs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	root := parseHTML(s)
	walkNodes(root, func(n *node) bool {
		if dropTags[n.tag] {
			n.removed = true
			return false
		}
		return true
	})
	stats(root)
	c := &collector{}
	c.walk(root)
	c.flush()
	return c.paras
}

// charsetReader decodes the legacy single-byte charsets feeds declare.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		var sb strings.Builder
		for _, c := range b {
			if c >= 0x80 && c < 0xa0 {
				sb.WriteRune(cp1252[c-0x80])
			} else {
				sb.WriteRune(rune(c))
			}
		}
		return strings.NewReader(sb.String()), nil
	}
	return nil, fmt.Errorf("unsupported charset %q", label)
}
