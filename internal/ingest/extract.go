package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// ExtractHTML finds a news page's article: the main text by a
// readability-style score (paragraph text and commas credited to the
// enclosing blocks, class and id names that suggest content or clutter,
// link density), and the title, publication date, canonical URL and
// language from the page's metadata (Open Graph and article: meta tags,
// JSON-LD, <time datetime>, <link rel=canonical>, <html lang>). baseURL,
// if known, resolves a relative canonical URL. The error is non-nil only
// when the page has neither a title nor any text.
func ExtractHTML(b []byte, baseURL string) (*Article, error) {
	src := toUTF8(b)
	root := parseHTML(src)
	m := readMeta(root, baseURL)
	a := &Article{Title: m.title(), URL: m.canonical, Lang: m.lang, Published: m.published}
	prune(root)
	stats(root)
	a.Paragraphs = mainText(root, a.Title)
	if n := textSize(a.Paragraphs); n < 200 && len(collapse(m.ldBody)) > n {
		a.Paragraphs = splitParagraphs(m.ldBody)
	}
	if len(a.Paragraphs) == 0 && m.description != "" {
		a.Paragraphs = []string{m.description}
	}
	if collapse(a.Title) == "" && len(a.Paragraphs) == 0 {
		return nil, errors.New("no article text found in the HTML")
	}
	return a, nil
}

func textSize(ps []string) int {
	n := 0
	for _, p := range ps {
		n += len(p)
	}
	return n
}

// toUTF8 returns the page as UTF-8: valid UTF-8 as is, otherwise decoded
// as Windows-1252 (a superset of Latin-1, the usual legacy charset of
// English news), with other invalid bytes replaced.
func toUTF8(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return string(b)
	}
	head := bytes.ToLower(b[:min(len(b), 4096)])
	cs := ""
	if i := bytes.Index(head, []byte("charset=")); i >= 0 {
		rest := bytes.TrimLeft(head[i+8:], "\"' ")
		k := 0
		for k < len(rest) && (isLetter(rest[k]) || rest[k] >= '0' && rest[k] <= '9' || rest[k] == '-' || rest[k] == '_') {
			k++
		}
		cs = string(rest[:k])
	}
	switch cs {
	case "", "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15", "utf-8", "utf8":
		var sb strings.Builder
		sb.Grow(len(b) + len(b)/8)
		for _, c := range b {
			if c >= 0x80 && c < 0xa0 {
				sb.WriteRune(cp1252[c-0x80])
			} else {
				sb.WriteRune(rune(c))
			}
		}
		return sb.String()
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// cp1252 maps Windows-1252 bytes 0x80-0x9F to Unicode.
var cp1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

// meta is what a page says about itself.
type meta struct {
	metaTitle, ldTitle, h1, docTitle string
	canonical, ogURL                 string
	lang                             string
	published                        time.Time
	description, ldBody              string
}

// title picks the page's headline: the metadata title, or the first h1
// when it is the part of the metadata title before a " | Site" suffix.
func (m *meta) title() string {
	for _, t := range []string{m.metaTitle, m.ldTitle, m.docTitle} {
		t = collapse(t)
		if t == "" {
			continue
		}
		if h := collapse(m.h1); h != "" && h != t && strings.Contains(t, h) && strings.Count(h, " ") >= 2 {
			return h
		}
		if t == collapse(m.docTitle) {
			t = trimSiteName(t)
		}
		return t
	}
	return collapse(m.h1)
}

// trimSiteName drops a trailing " | Site" or " - Site" from a <title>.
func trimSiteName(t string) string {
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: ", " · "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			head, tail := t[:i], t[i+len(sep):]
			words := 2
			if sep == " | " {
				words = 1 // a bar almost always separates the site's name
			}
			if strings.Count(head, " ") >= words && strings.Count(tail, " ") < 4 {
				return head
			}
		}
	}
	return t
}

var (
	titleMeta = []string{"og:title", "twitter:title", "headline", "dc.title", "parsely-title", "sailthru.title"}
	dateMeta  = []string{"article:published_time", "og:article:published_time", "datepublished", "article.published",
		"published_time", "og:published_time", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
		"sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "date", "article:modified_time"}
	langMeta = []string{"content-language", "og:locale", "language", "dc.language"}
)

func readMeta(root *node, baseURL string) *meta {
	m := &meta{}
	metas := map[string]string{}
	var order []string // meta keys in page order
	var times []*node
	var ld []string
	walkNodes(root, func(n *node) bool {
		switch n.tag {
		case "html":
			if m.lang == "" {
				m.lang = strings.TrimSpace(n.attr("lang"))
				if m.lang == "" {
					m.lang = strings.TrimSpace(n.attr("xml:lang"))
				}
			}
		case "meta":
			key := n.attr("property")
			if key == "" {
				key = n.attr("name")
			}
			if key == "" {
				key = n.attr("itemprop")
			}
			if key == "" {
				key = n.attr("http-equiv")
			}
			key = strings.ToLower(strings.TrimSpace(key))
			val := n.attr("content")
			if val == "" && key == "datepublished" {
				val = n.attr("datetime")
			}
			if _, seen := metas[key]; key != "" && !seen && strings.TrimSpace(val) != "" {
				metas[key] = val
				order = append(order, key)
			}
		case "link":
			if m.canonical == "" && hasToken(n.attr("rel"), "canonical") {
				m.canonical = strings.TrimSpace(n.attr("href"))
			}
		case "title":
			if m.docTitle == "" && len(n.children) > 0 {
				m.docTitle = n.children[0].text
			}
		case "h1":
			if m.h1 == "" {
				m.h1 = innerText(n)
			}
		case "time":
			if n.attr("datetime") != "" {
				times = append(times, n)
			}
		case "script":
			if strings.Contains(strings.ToLower(n.attr("type")), "ld+json") && len(n.children) > 0 {
				ld = append(ld, n.children[0].text)
			}
			return false
		case "svg", "style":
			return false
		}
		return true
	})
	for _, k := range titleMeta {
		if v := metas[k]; v != "" {
			m.metaTitle = v
			break
		}
	}
	for _, k := range dateMeta {
		if t, ok := ParseDate(metas[k]); ok {
			m.published = t
			break
		}
	}
	for _, k := range order {
		// site-specific names such as article:publicationdate
		if !m.published.IsZero() {
			break
		}
		if strings.Contains(k, "publi") || strings.Contains(k, "pubdate") {
			m.published, _ = ParseDate(metas[k])
		}
	}
	if m.lang == "" {
		for _, k := range langMeta {
			if v := strings.TrimSpace(metas[k]); v != "" {
				m.lang = strings.ReplaceAll(v, "_", "-")
				break
			}
		}
	}
	m.ogURL = metas["og:url"]
	m.description = collapse(firstNonEmpty(metas["og:description"], metas["description"]))
	for _, s := range ld {
		readJSONLD(s, m)
	}
	if m.published.IsZero() {
		// a <time> marked as the publication date, else the first one
		var best *node
		for _, t := range times {
			if t.hasAttr("pubdate") || strings.EqualFold(t.attr("itemprop"), "datePublished") || strings.Contains(strings.ToLower(t.attr("class")), "publish") {
				best = t
				break
			}
		}
		if best == nil && len(times) > 0 {
			best = times[0]
		}
		if best != nil {
			m.published, _ = ParseDate(best.attr("datetime"))
		}
	}
	if m.canonical == "" {
		m.canonical = strings.TrimSpace(m.ogURL)
	}
	if m.canonical != "" && baseURL != "" {
		if b, err := url.Parse(baseURL); err == nil {
			if u, err := b.Parse(m.canonical); err == nil {
				m.canonical = u.String()
			}
		}
	}
	if u, err := url.Parse(m.canonical); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// unusable, or relative with no page address to resolve it against
		m.canonical = ""
	}
	return m
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

// readJSONLD takes headline, datePublished, url, inLanguage and
// articleBody from the first article-like object of a JSON-LD block
// (objects, arrays and @graph lists are searched).
func readJSONLD(s string, m *meta) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
		return
	}
	var found map[string]any
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if found != nil || depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if _, ok := x["datePublished"]; ok {
				found = x
				return
			}
			if _, ok := x["articleBody"]; ok {
				found = x
				return
			}
			visit(x["@graph"], depth+1)
		}
	}
	visit(v, 0)
	if found == nil {
		return
	}
	str := func(k string) string {
		if s, ok := found[k].(string); ok {
			return s
		}
		return ""
	}
	if m.ldTitle == "" {
		m.ldTitle = str("headline")
	}
	if m.published.IsZero() {
		m.published, _ = ParseDate(str("datePublished"))
	}
	if m.ogURL == "" {
		m.ogURL = str("url")
	}
	if m.lang == "" {
		m.lang = str("inLanguage")
	}
	if m.ldBody == "" {
		m.ldBody = str("articleBody")
	}
}

// innerText is the collapsed text under n.
func innerText(n *node) string {
	var b strings.Builder
	walkNodes(n, func(c *node) bool {
		if c.tag == "" {
			b.WriteString(c.text)
			b.WriteByte(' ')
		}
		return c.tag != "script" && c.tag != "style"
	})
	return collapse(b.String())
}

// Tags never part of the article text.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "iframe": true,
	"button": true, "select": true, "input": true, "textarea": true, "nav": true, "aside": true,
	"footer": true, "header": true, "figure": true, "figcaption": true, "dialog": true, "object": true,
	"embed": true, "canvas": true, "head": true, "title": true, "menu": true, "label": true,
	"video": true, "audio": true, "time": true, "picture": true, "map": true, "math": true, "img": true, "option": true,
}

var dropRoles = map[string]bool{
	"navigation": true, "complementary": true, "banner": true, "contentinfo": true, "menu": true,
	"menubar": true, "dialog": true, "alertdialog": true, "search": true, "toolbar": true,
}

// Class and id words: clutter and content.
var (
	negWords = map[string]bool{
		"ad": true, "ads": true, "adv": true, "advert": true, "advertisement": true, "advertising": true,
		"sponsor": true, "sponsored": true, "promo": true, "comment": true, "comments": true, "nav": true,
		"menu": true, "sidebar": true, "footer": true, "foot": true, "masthead": true, "related": true,
		"share": true, "sharing": true, "social": true, "subscribe": true, "newsletter": true, "popup": true,
		"modal": true, "cookie": true, "cookies": true, "banner": true, "breadcrumb": true, "breadcrumbs": true,
		"pagination": true, "pager": true, "tags": true, "widget": true, "outbrain": true, "taboola": true,
		"recommended": true, "recirc": true, "trending": true, "popular": true, "signup": true, "login": true,
		"disqus": true, "toolbar": true, "hidden": true, "skip": true, "caption": true, "credit": true,
		"combx": true, "community": true, "contact": true, "sitemap": true, "byline": true, "dateline": false,
		"tools": true, "print": true, "rss": true, "header": true, "masthead-nav": true, "more": true,
	}
	negPrefixes = []string{"comment", "advert", "sponsor", "sidebar", "related", "newsletter", "social", "share",
		"promo", "breadcrumb", "taboola", "outbrain", "footer", "navbar", "navigation", "subscri", "recommend",
		"popup", "cookie", "adslot", "adunit", "adcont", "adwrap", "adbox", "gpt-ad", "dfp"}
	posWords = map[string]bool{
		"article": true, "body": true, "content": true, "entry": true, "main": true, "page": true, "post": true,
		"text": true, "blog": true, "story": true, "prose": true, "hentry": true, "articlebody": true, "storybody": true,
	}
	posPrefixes = []string{"article", "story", "content", "entry", "postbody", "post-body"}
)

// classWeight scores an element's class and id: -25 for each that names
// clutter, +25 for each that names content.
func classWeight(n *node) (neg, pos bool, w float64) {
	for _, s := range []string{n.attr("class"), n.attr("id")} {
		if s == "" {
			continue
		}
		sn, sp := false, false
		for _, t := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if negWords[t] || hasPrefix(t, negPrefixes) {
				sn = true
			}
			if posWords[t] || hasPrefix(t, posPrefixes) {
				sp = true
			}
		}
		if sn {
			w -= 25
			neg = true
		}
		if sp {
			w += 25
			pos = true
		}
	}
	return neg, pos, w
}

func hasPrefix(t string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// prune marks what cannot be article text: clutter elements, hidden
// elements, and elements whose class or id names clutter only.
func prune(root *node) {
	walkNodes(root, func(n *node) bool {
		if n.tag == "" {
			return false
		}
		drop := dropTags[n.tag] || dropRoles[strings.ToLower(n.attr("role"))] ||
			n.hasAttr("hidden") || strings.EqualFold(n.attr("aria-hidden"), "true")
		if st := strings.ToLower(n.attr("style")); strings.Contains(st, "display:none") || strings.Contains(st, "display: none") {
			drop = true
		}
		if !drop {
			switch n.tag {
			case "html", "body", "article", "main", "#root":
			default:
				if neg, pos, _ := classWeight(n); neg && !pos {
					drop = true
				}
			}
		}
		n.removed = drop
		return !drop
	})
}

// stats fills textLen, linkLen and commas bottom-up over kept nodes.
func stats(n *node) {
	if n.tag == "" {
		n.textLen, n.commas = textMetrics(n.text)
		return
	}
	n.textLen, n.linkLen, n.commas = 0, 0, 0
	for _, c := range n.children {
		if c.removed {
			continue
		}
		stats(c)
		n.textLen += c.textLen
		n.commas += c.commas
		if c.tag == "a" {
			n.linkLen += c.textLen
		} else {
			n.linkLen += c.linkLen
		}
	}
}

// textMetrics counts the characters of s with white space collapsed, and
// its commas.
func textMetrics(s string) (n, commas int) {
	space := true
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0':
			if !space {
				n++
			}
			space = true
			continue
		case r == ',' || r == '，':
			commas++
		}
		space = false
		n++
	}
	return n, commas
}

func (n *node) linkDensity() float64 {
	if n.textLen == 0 {
		return 0
	}
	return float64(n.linkLen) / float64(n.textLen)
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "blockquote": true, "pre": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "table": true, "tbody": true,
	"thead": true, "tfoot": true, "tr": true, "td": true, "th": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "footer": true, "address": true, "hr": true,
	"figure": true, "form": true, "fieldset": true, "center": true, "body": true, "html": true, "aside": true,
	"nav": true, "details": true, "summary": true, "caption": true,
}

// isParagraph reports whether n holds a paragraph of text: a p, pre, td or
// blockquote, or a div with no block children.
func isParagraph(n *node) bool {
	switch n.tag {
	case "p", "pre", "td", "blockquote":
		return true
	case "div", "section":
		for _, c := range n.children {
			if !c.removed && blockTags[c.tag] {
				return false
			}
		}
		return true
	}
	return false
}

func initScore(n *node) {
	if n.scored {
		return
	}
	n.scored = true
	switch n.tag {
	case "div", "article", "main":
		n.score = 5
	case "pre", "td", "blockquote":
		n.score = 3
	case "address", "ol", "ul", "dl", "dd", "dt", "li", "form":
		n.score = -3
	case "h1", "h2", "h3", "h4", "h5", "h6", "th":
		n.score = -5
	}
	if n.tag == "article" || strings.EqualFold(n.attr("itemprop"), "articleBody") {
		n.score += 25
	}
	_, _, w := classWeight(n)
	n.score += w
}

// mainText scores the page and returns the paragraphs of the best content
// block and its worthy siblings.
func mainText(root *node, title string) []string {
	var scored []*node
	walkNodes(root, func(n *node) bool {
		if n.removed {
			return false
		}
		if n.tag == "" || !isParagraph(n) || n.textLen < 25 {
			return true
		}
		s := 1 + float64(n.commas) + float64(min(n.textLen/100, 3))
		a := n.parent
		for level := 1; a != nil && level <= 5; level++ {
			if a.tag == "#root" {
				break
			}
			if !a.scored {
				initScore(a)
				scored = append(scored, a)
			}
			switch level {
			case 1:
				a.score += s
			case 2:
				a.score += s / 2
			default:
				a.score += s / float64(level*3)
			}
			a = a.parent
		}
		return true
	})
	var top *node
	best := 0.0
	for _, n := range scored {
		n.score *= 1 - n.linkDensity()
		if top == nil || n.score > best {
			top, best = n, n.score
		}
	}
	if top == nil {
		walkNodes(root, func(n *node) bool {
			if top == nil && n.tag == "body" {
				top = n
			}
			return top == nil
		})
		if top == nil {
			top = root
		}
	}
	parts := []*node{top}
	if p := top.parent; p != nil && top.tag != "body" {
		parts = parts[:0]
		threshold := max(10, best*0.2)
		for _, s := range p.children {
			switch {
			case s.removed || s.tag == "":
			case s == top:
			case s.scored && s.score >= threshold:
			case s.tag == "p" && s.textLen > 80 && s.linkDensity() < 0.25:
			case s.tag == "p" && s.textLen > 0 && s.linkLen == 0 && strings.HasSuffix(strings.TrimSpace(innerText(s)), "."):
			default:
				continue
			}
			parts = append(parts, s)
		}
	}
	c := &collector{title: collapse(title)}
	for _, n := range parts {
		c.walk(n)
	}
	c.flush()
	return c.paras
}

// collector gathers paragraphs from the chosen blocks, leaving out lists
// and blocks made mostly of links.
type collector struct {
	title     string
	paras     []string
	cur       strings.Builder
	linkChars int
	inLink    int
}

func (c *collector) flush() {
	s := collapse(c.cur.String())
	n := c.cur.Len()
	links := c.linkChars
	c.cur.Reset()
	c.linkChars = 0
	if s == "" || s == c.title || boilerplate(s) {
		return
	}
	if n > 0 && float64(links)/float64(n) > 0.5 {
		return
	}
	c.paras = append(c.paras, s)
}

func (c *collector) walk(n *node) {
	if n.removed {
		return
	}
	if n.tag == "" {
		c.cur.WriteString(n.text)
		if c.inLink > 0 {
			c.linkChars += len(n.text)
		}
		return
	}
	switch n.tag {
	case "br", "hr":
		c.flush()
		return
	case "ul", "ol", "dl", "table", "div", "section", "form":
		if n.textLen > 0 && n.linkDensity() > 0.5 {
			return
		}
		if n.scored && n.score < 0 {
			return
		}
	}
	block := blockTags[n.tag]
	if block {
		c.flush()
	}
	if n.tag == "a" {
		c.inLink++
	}
	for _, ch := range n.children {
		c.walk(ch)
	}
	if n.tag == "a" {
		c.inLink--
	}
	if block {
		c.flush()
	}
}

// boilerLines are whole paragraphs that are page furniture, compared in
// lower case without trailing punctuation.
var boilerLines = map[string]bool{
	"advertisement": true, "advertisement:": true, "story continues below advertisement": true,
	"article continues below advertisement": true, "continue reading": true, "continue reading below": true,
	"read more": true, "read more:": true, "share": true, "share this article": true, "share this story": true,
	"share on facebook": true, "share on twitter": true, "related": true, "related articles": true,
	"related stories": true, "related content": true, "most read": true, "recommended": true,
	"sign up for our newsletter": true, "subscribe": true, "subscribe now": true, "click here": true,
	"comments": true, "print": true, "email": true, "more on this story": true, "skip to content": true,
	"loading": true, "loading...": true, "image": true, "photo": true, "video": true, "watch": true,
}

// boilerplate reports whether a paragraph is page furniture rather than
// article text: a furniture line, a byline ("By Ann Writer"), or a wire
// service's reporting and editing credits.
func boilerplate(p string) bool {
	l := strings.ToLower(strings.TrimRight(p, " .!:|»›>"))
	if boilerLines[l] {
		return true
	}
	words := strings.Count(l, " ") + 1
	if words <= 8 && strings.HasPrefix(l, "by ") && !strings.ContainsAny(p, ".!?") {
		return true
	}
	l = strings.TrimLeft(l, "([")
	for _, c := range []string{"reporting by ", "additional reporting by ", "editing by ", "writing by ", "compiled by "} {
		if strings.HasPrefix(l, c) && words <= 30 {
			return true
		}
	}
	return false
}
