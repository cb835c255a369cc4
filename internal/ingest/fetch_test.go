package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
)

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"2606:4700:4700::1111", true},
		{"127.0.0.1", false},
		{"127.8.9.1", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fc00::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"64:ff9b::7f00:1", false},
		{"2002:7f00:1::", false},
	}
	for _, tc := range tests {
		if got := publicAddr(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("publicAddr(%s) = %v, want %v", tc.ip, got, tc.want)
		}
	}
}

// collect walks inputs and returns the documents and errors.
func collect(t *testing.T, inputs []string, opt Options) (docs []*dyad.Document, srcs []Source, errs []error) {
	t.Helper()
	err := Walk(context.Background(), inputs, nil, opt, func(d *dyad.Document, s Source, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		docs = append(docs, d)
		srcs = append(srcs, s)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return docs, srcs, errs
}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("word ", 1000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestURLRefusesLoopback(t *testing.T) {
	srv := newServer(t)
	for _, opt := range []Options{{}, {HTTPClient: srv.Client()}} {
		docs, _, errs := collect(t, []string{srv.URL + "/article"}, opt)
		if len(docs) != 0 || len(errs) != 1 {
			t.Fatalf("custom client %v: got %d docs, %d errors; want the URL refused", opt.HTTPClient != nil, len(docs), len(errs))
		}
		if !errors.Is(errs[0], ErrPrivateAddress) {
			t.Errorf("error %v does not wrap ErrPrivateAddress", errs[0])
		}
		if !strings.Contains(errs[0].Error(), srv.URL) {
			t.Errorf("error %q does not name the URL", errs[0])
		}
	}
}

func TestURLAllowPrivate(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name      string
		path      string
		opt       Options
		wantDocs  int
		wantTitle string
		wantURL   string
		wantErr   string
	}{
		{"html", "/article", Options{}, 1, "Ministers agree ceasefire talks in Geneva", srv.URL + "/world/2025/03/14/ceasefire-talks", ""},
		{"redirect", "/moved", Options{}, 1, "Ministers agree ceasefire talks in Geneva", srv.URL + "/world/2025/03/14/ceasefire-talks", ""},
		{"feed", "/feed", Options{}, 3, "Police arrest protest leaders in Minsk", "https://ledger.example/world/minsk-arrests", "item 3"},
		{"size cap", "/big", Options{MaxBytes: 1000}, 0, "", "", "larger than 1000 bytes"},
		{"timeout", "/slow", Options{Timeout: 200 * time.Millisecond}, 0, "", "", "timed out after 200ms"},
		{"not found", "/nothing", Options{}, 0, "", "", "404"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opt.AllowPrivate = true
			docs, _, errs := collect(t, []string{srv.URL + tc.path}, tc.opt)
			if len(docs) != tc.wantDocs {
				t.Fatalf("got %d docs (errors %v), want %d", len(docs), errs, tc.wantDocs)
			}
			if tc.wantDocs > 0 && (docs[0].Title != tc.wantTitle || docs[0].URL != tc.wantURL) {
				t.Errorf("first doc title %q url %q, want %q %q", docs[0].Title, docs[0].URL, tc.wantTitle, tc.wantURL)
			}
			if tc.wantErr == "" && len(errs) > 0 {
				t.Errorf("unexpected errors %v", errs)
			}
			if tc.wantErr != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.wantErr)) {
				t.Errorf("errors %v, want one containing %q", errs, tc.wantErr)
			}
		})
	}
}
