package ingest

import (
	"html"
	"strings"
)

// This file holds a small, forgiving HTML tokenizer and tree builder: enough
// of HTML5's rules (raw-text elements, void elements, implied end tags of
// p, li, td and friends) to find a news page's text, never failing on
// malformed input.

// node is an element or a text node of the parsed page.
type node struct {
	tag      string // lower-case element name; "" for text
	text     string // unescaped text of a text node
	attrs    []attr
	parent   *node
	children []*node

	// computed by the extractor
	textLen, linkLen, commas int
	score                    float64
	scored                   bool
	removed                  bool
}

type attr struct{ key, val string }

func (n *node) attr(key string) string {
	for _, a := range n.attrs {
		if a.key == key {
			return a.val
		}
	}
	return ""
}

func (n *node) hasAttr(key string) bool {
	for _, a := range n.attrs {
		if a.key == key {
			return true
		}
	}
	return false
}

var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
	"keygen": true, "command": true, "basefont": true, "frame": true,
}

// rawTags hold text that is not markup; their content ends at the
// matching end tag only.
var rawTags = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// closesP are elements whose start closes an open p.
var closesP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "div": true, "dl": true,
	"fieldset": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "main": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "table": true, "ul": true, "figcaption": true, "details": true,
}

// maxNest bounds the tree depth; deeper elements are flattened into their
// ancestor at this depth.
const maxNest = 256

// parseHTML builds a tree under a synthetic root from src.
func parseHTML(src string) *node {
	root := &node{tag: "#root"}
	stack := []*node{root}
	top := func() *node { return stack[len(stack)-1] }
	// Text is gathered in pending and becomes a node before the next
	// change to the tree, so runs split by comments or stray '<' cost
	// linear time.
	var pending strings.Builder
	addText := func(s string) { pending.WriteString(s) }
	flushText := func() {
		if pending.Len() == 0 {
			return
		}
		p := top()
		p.children = append(p.children, &node{text: pending.String(), parent: p})
		pending.Reset()
	}
	popTo := func(i int) {
		flushText()
		stack = stack[:i]
	}
	// closeImplied pops an open element named tag if it is reached before
	// any of the boundary elements.
	closeImplied := func(tag string, boundary ...string) {
		for i := len(stack) - 1; i > 0; i-- {
			t := stack[i].tag
			if t == tag {
				popTo(i)
				return
			}
			for _, b := range boundary {
				if t == b {
					return
				}
			}
		}
	}
	i := 0
	for i < len(src) {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			addText(html.UnescapeString(src[i:]))
			break
		}
		if lt > 0 {
			addText(html.UnescapeString(src[i : i+lt]))
			i += lt
		}
		// src[i] == '<'
		rest := src[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				i = len(src)
			} else {
				i += 4 + end + 3
			}
			continue
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			if strings.HasPrefix(rest, "<![CDATA[") {
				end := strings.Index(rest, "]]>")
				if end < 0 {
					addText(rest[9:])
					i = len(src)
				} else {
					addText(rest[9:end])
					i += end + 3
				}
				continue
			}
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(src)
			} else {
				i += end + 1
			}
			continue
		case len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
			name, _ := tagName(rest[2:])
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(src)
			} else {
				i += end + 1
			}
			if name == "br" {
				flushText()
				top().children = append(top().children, &node{tag: "br", parent: top()})
				continue
			}
			for k := len(stack) - 1; k > 0; k-- {
				if stack[k].tag == name {
					popTo(k)
					break
				}
			}
			continue
		case len(rest) > 1 && isLetter(rest[1]):
		default:
			addText("<")
			i++
			continue
		}
		// a start tag
		name, n := tagName(rest[1:])
		j := 1 + n
		var attrs []attr
		selfClose := false
		for j < len(rest) {
			c := rest[j]
			if c == '>' {
				j++
				break
			}
			if isSpace(c) || c == '/' {
				if c == '/' && j+1 < len(rest) && rest[j+1] == '>' {
					selfClose = true
				}
				j++
				continue
			}
			k := j
			for k < len(rest) && !isSpace(rest[k]) && rest[k] != '=' && rest[k] != '>' && !(rest[k] == '/' && k > j) {
				k++
			}
			key := strings.ToLower(rest[j:k])
			j = k
			for j < len(rest) && isSpace(rest[j]) {
				j++
			}
			val := ""
			if j < len(rest) && rest[j] == '=' {
				j++
				for j < len(rest) && isSpace(rest[j]) {
					j++
				}
				if j < len(rest) && (rest[j] == '"' || rest[j] == '\'') {
					q := rest[j]
					e := strings.IndexByte(rest[j+1:], q)
					if e < 0 {
						val = rest[j+1:]
						j = len(rest)
					} else {
						val = rest[j+1 : j+1+e]
						j += e + 2
					}
				} else {
					k := j
					for k < len(rest) && !isSpace(rest[k]) && rest[k] != '>' {
						k++
					}
					val = rest[j:k]
					j = k
				}
			}
			if len(attrs) < 64 {
				attrs = append(attrs, attr{key, html.UnescapeString(val)})
			}
		}
		i += j
		// implied end tags
		switch {
		case name == "li":
			closeImplied("li", "ul", "ol", "menu")
		case name == "dt" || name == "dd":
			closeImplied("dd", "dl")
			closeImplied("dt", "dl")
		case name == "tr":
			closeImplied("tr", "table", "tbody", "thead", "tfoot")
		case name == "td" || name == "th":
			closeImplied("td", "tr", "table")
			closeImplied("th", "tr", "table")
		case name == "option":
			closeImplied("option", "select")
		}
		if closesP[name] {
			closeImplied("p", "div", "article", "section", "main", "td", "li", "blockquote", "body")
		}
		el := &node{tag: name, attrs: attrs}
		flushText()
		deep := len(stack) >= maxNest
		if deep {
			// too deep: keep the text, drop the structure
			if name == "br" || name == "p" {
				top().children = append(top().children, &node{tag: "br", parent: top()})
			}
		} else {
			el.parent = top()
			top().children = append(top().children, el)
		}
		if voidTags[name] || selfClose && !rawTags[name] {
			continue
		}
		if rawTags[name] {
			end := indexFold(src[i:], "</"+name)
			if end < 0 {
				end = len(src) - i
			}
			content := src[i : i+end]
			if name == "title" || name == "textarea" {
				content = html.UnescapeString(content)
			}
			if content != "" && !deep {
				el.children = []*node{{text: content, parent: el}}
			}
			i += end
			if gt := strings.IndexByte(src[i:], '>'); gt >= 0 {
				i += gt + 1
			} else {
				i = len(src)
			}
			continue
		}
		if !deep {
			stack = append(stack, el)
		}
	}
	flushText()
	return root
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tagName reads a tag name at the start of s, lower-cased, and its length.
func tagName(s string) (string, int) {
	k := 0
	for k < len(s) && !isSpace(s[k]) && s[k] != '>' && s[k] != '/' {
		k++
	}
	return strings.ToLower(s[:k]), k
}

// indexFold is strings.Index ignoring ASCII case; sub must be lower case.
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if s[i] == '<' && strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// walkNodes calls f on n and its descendants in document order; f
// returning false skips a node's children.
func walkNodes(n *node, f func(*node) bool) {
	if !f(n) {
		return
	}
	for _, c := range n.children {
		walkNodes(c, f)
	}
}
