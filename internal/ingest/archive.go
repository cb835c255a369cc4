package ingest

import (
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// gzip reads a gzip stream (several members, as in .warc.gz, are read as
// one stream) as the file named without its .gz suffix.
func (w *walker) gzip(r io.Reader, name, prefix string, depth int) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return w.fail(prefix, fmt.Errorf("gzip: %w", err))
	}
	defer zr.Close()
	inner := name
	switch l := strings.ToLower(name); {
	case strings.HasSuffix(l, ".gz"):
		inner = name[:len(name)-3]
	case strings.HasSuffix(l, ".tgz"):
		inner = name[:len(name)-4] + ".tar"
	}
	if inner == name {
		inner = zr.Name // the name stored in the gzip header, if any
	}
	return w.settle(prefix, w.stream(&gzipErrReader{zr}, inner, prefix, depth))
}

// settle reports a read error of a nested stream as a bad record and
// returns nil, so reading goes on; fn's stop and ctx's end pass through.
func (w *walker) settle(rec string, err error) error {
	var stop *stopError
	if err == nil || errors.As(err, &stop) || w.ctx.Err() != nil {
		return err
	}
	var ge *gzipError
	if errors.As(err, &ge) {
		err = ge
	}
	return w.fail(rec, err)
}

// gzipErrReader marks decompression errors so a corrupt stream is reported
// once for the archive, not as a bad record.
type gzipErrReader struct{ r io.Reader }

type gzipError struct{ err error }

func (e *gzipError) Error() string { return "gzip: " + e.err.Error() }
func (e *gzipError) Unwrap() error { return e.err }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = &gzipError{err}
	}
	return n, err
}

// zip reads each entry of a zip archive with a known extension, in the
// archive's order, as its own record "entry NAME".
func (w *walker) zip(r io.ReaderAt, size int64, prefix string, depth int) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return w.fail(prefix, fmt.Errorf("zip: %w", err))
	}
	for _, f := range zr.File {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := f.Name
		base := path.Base(name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.HasPrefix(name, "__MACOSX/") || !known(base) {
			continue
		}
		rec := join(prefix, "entry "+name)
		if f.UncompressedSize64 > uint64(w.opt.maxBytes()) && kindOf(strings.TrimSuffix(strings.ToLower(base), ".gz")) != kWARC && kindOf(base) != kJSONL {
			if err := w.fail(rec, fmt.Errorf("entry larger than %d bytes", w.opt.maxBytes())); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			if err := w.fail(rec, err); err != nil {
				return err
			}
			continue
		}
		if kindOf(base) == kZip {
			err = w.read(rc, kZip, base, rec, depth, "")
		} else {
			err = w.stream(rc, base, rec, depth)
		}
		rc.Close()
		if err := w.settle(rec, err); err != nil {
			return err
		}
	}
	return nil
}
