package actor

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed data/*.actors
var builtinFS embed.FS

// Builtin loads the embedded data/*.actors files in name order; a later
// file's entry replaces an earlier one with the same KIND and KEY.
func Builtin() (*Dictionary, error) {
	names, err := fs.Glob(builtinFS, "data/*.actors")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	d := New()
	for _, n := range names {
		b, err := builtinFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		one, err := Parse(path.Join("actor", n), strings.NewReader(string(b)))
		if err != nil {
			return nil, err
		}
		for _, e := range one.entries {
			if e != nil {
				d.put(e)
			}
		}
	}
	d.compact()
	d.reindex()
	return d, nil
}

// ParseError is a format error at a line of an input.
type ParseError struct {
	Name  string
	Line  int
	Cause string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Cause) }

const maxLine = 1 << 20

// Parse reads one `.actors` file. name is used in error messages
// ("name:line: cause"). Within a file, a later entry with the same KIND and
// KEY replaces the earlier one.
func Parse(name string, r io.Reader) (*Dictionary, error) {
	d := New()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	line := 0
	var cur *Entry
	fail := func(format string, args ...any) error {
		return &ParseError{Name: name, Line: line, Cause: fmt.Sprintf(format, args...)}
	}
	finish := func() error {
		if cur == nil {
			return nil
		}
		if err := checkEntry(cur); err != nil {
			return &ParseError{Name: name, Line: cur.Line, Cause: err.Error()}
		}
		d.put(cur)
		cur = nil
		return nil
	}
	for sc.Scan() {
		line++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			return nil, fail("invalid UTF-8")
		}
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw = raw[:i]
		}
		text := strings.TrimRight(raw, " \t\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		if text[0] != ' ' && text[0] != '\t' {
			if err := finish(); err != nil {
				return nil, err
			}
			kind, key := splitField(text)
			switch kind {
			case KindCountry, KindIGO, KindOrg, KindAgent, KindPerson:
			default:
				return nil, fail("unknown kind %q (want country, igo, org, agent or person)", kind)
			}
			if key == "" {
				return nil, fail("%s entry without a key", kind)
			}
			if kind != KindPerson && !isCode(key) {
				return nil, fail("%s key %q is not a code (upper-case letters and digits)", kind, key)
			}
			if kind == KindCountry && len(key) != 3 {
				return nil, fail("country key %q is not a 3-letter code", key)
			}
			cur = &Entry{Kind: kind, Key: key, File: name, Line: line}
			if kind == KindPerson {
				cur.Name = key
			}
			continue
		}
		if cur == nil {
			return nil, fail("attribute line before any entry header")
		}
		attr, val := splitField(strings.TrimLeft(text, " \t"))
		if val == "" {
			return nil, fail("attribute %q without a value", attr)
		}
		if err := setAttr(cur, attr, val); err != nil {
			return nil, fail("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &ParseError{Name: name, Line: line + 1, Cause: "line too long"}
		}
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	d.compact()
	d.reindex()
	return d, nil
}

// splitField splits "WORD rest of line" at the first run of blanks.
func splitField(s string) (string, string) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i+1:])
}

func isCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// allowedAttrs lists the attributes of each kind.
func allowedAttrs(kind string) string {
	switch kind {
	case KindCountry:
		return "name alias adj people capital gov inst"
	case KindIGO:
		return "name alias adj code sector also"
	case KindOrg:
		return "name alias adj code country sector also"
	case KindAgent:
		return "word prefix"
	case KindPerson:
		return "alias country role"
	}
	return ""
}

func setAttr(e *Entry, attr, val string) error {
	ok := false
	for _, a := range strings.Fields(allowedAttrs(e.Kind)) {
		if a == attr {
			ok = true
			break
		}
	}
	if !ok {
		return fmt.Errorf("attribute %q not allowed in a %s entry (allowed: %s)", attr, e.Kind, allowedAttrs(e.Kind))
	}
	val = strings.Join(strings.Fields(val), " ")
	switch attr {
	case "name":
		if e.Name != "" {
			return fmt.Errorf("second name %q (use alias)", val)
		}
		e.Name = val
	case "alias":
		e.Aliases = append(e.Aliases, val)
	case "adj":
		e.Adjs = append(e.Adjs, val)
	case "people":
		e.People = append(e.People, val)
	case "capital":
		e.Capitals = append(e.Capitals, val)
	case "gov":
		e.Insts = append(e.Insts, Institution{Sector: "GOV", Name: val})
	case "inst":
		sec, n := splitField(val)
		if !isCode(sec) || n == "" {
			return fmt.Errorf("inst wants SECTOR NAME, got %q", val)
		}
		e.Insts = append(e.Insts, Institution{Sector: sec, Name: n})
	case "code":
		if !isCode(val) {
			return fmt.Errorf("code %q is not a code (upper-case letters and digits)", val)
		}
		e.Code = val
	case "country":
		if !isCountryCode(val) {
			return fmt.Errorf("country %q is not a 3-letter code", val)
		}
		e.Country = val
	case "sector":
		if !isCode(val) {
			return fmt.Errorf("sector %q is not a code", val)
		}
		e.Sector = val
	case "also":
		if !isCode(val) {
			return fmt.Errorf("also %q is not a code (upper-case letters and digits)", val)
		}
		e.Also = append(e.Also, val)
	case "word":
		e.Words = append(e.Words, strings.ToLower(val))
	case "prefix":
		e.Prefixes = append(e.Prefixes, strings.ToLower(val))
	case "role":
		r, err := parseRole(val)
		if err != nil {
			return err
		}
		e.Roles = append(e.Roles, r)
	}
	return nil
}

func checkEntry(e *Entry) error {
	switch e.Kind {
	case KindCountry, KindIGO, KindOrg:
		if e.Name == "" {
			return fmt.Errorf("%s %s has no name", e.Kind, e.Key)
		}
	case KindAgent:
		if len(e.Words) == 0 && len(e.Prefixes) == 0 {
			return fmt.Errorf("agent %s has no word", e.Key)
		}
	}
	if e.Code == "" && e.Kind != KindPerson && e.Kind != KindAgent {
		e.Code = e.Key
	}
	return nil
}

func parseRole(val string) (Role, error) {
	f := strings.Fields(val)
	if len(f) < 3 {
		return Role{}, fmt.Errorf("role wants CODE FROM TO [TITLE...], got %q", val)
	}
	r := Role{Code: f[0], From: f[1], To: f[2], Title: strings.Join(f[3:], " ")}
	if !isCode(r.Code) {
		return Role{}, fmt.Errorf("role code %q is not a code", r.Code)
	}
	var err error
	if r.from, err = parseDate(r.From, false); err != nil {
		return Role{}, fmt.Errorf("role FROM: %v", err)
	}
	if r.to, err = parseDate(r.To, true); err != nil {
		return Role{}, fmt.Errorf("role TO: %v", err)
	}
	if r.from > r.to {
		return Role{}, fmt.Errorf("role ends (%s) before it starts (%s)", r.To, r.From)
	}
	return r, nil
}

// parseDate parses YYYY-MM-DD, YYYY-MM, YYYY or "-" into yyyymmdd; a
// partial date is the first day of its period, or the last when end is set.
func parseDate(s string, end bool) (int, error) {
	if s == "-" {
		if end {
			return 99999999, nil
		}
		return 0, nil
	}
	num := func(t string) (int, bool) {
		if t == "" {
			return 0, false
		}
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	bad := fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM, YYYY or -)", s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, bad
	}
	y, ok := num(parts[0])
	if !ok {
		return 0, bad
	}
	m, dd := 1, 1
	if end {
		m, dd = 12, 31
	}
	if len(parts) >= 2 {
		if len(parts[1]) != 2 {
			return 0, bad
		}
		if m, ok = num(parts[1]); !ok || m < 1 || m > 12 {
			return 0, bad
		}
		if end {
			dd = daysIn(y, m)
		}
	}
	if len(parts) == 3 {
		if len(parts[2]) != 2 {
			return 0, bad
		}
		if dd, ok = num(parts[2]); !ok || dd < 1 || dd > daysIn(y, m) {
			return 0, bad
		}
	}
	return y*10000 + m*100 + dd, nil
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}
