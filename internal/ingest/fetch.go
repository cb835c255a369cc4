package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"syscall"
	"time"
)

// ErrPrivateAddress is returned for a URL whose host resolves to a
// private, loopback, link-local or otherwise non-public address while
// Options.AllowPrivate is false.
var ErrPrivateAddress = errors.New("refusing a private, loopback or link-local address (use --allow-private to allow)")

// publicAddr reports whether ip may be fetched without AllowPrivate.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// nonPublic are special-purpose ranges not covered by netip's predicates:
// "this network", carrier-grade NAT, IETF protocol assignments,
// documentation, benchmarking, reserved, NAT64 and 6to4 relays that embed
// IPv4 addresses, documentation IPv6.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("100::/64"),
}

// guardedClient builds the default client: no proxy, a dialer that checks
// the resolved address of every connection (redirects included) unless
// allowPrivate, at most 5 redirects and only to http(s).
func guardedClient(allowPrivate bool, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: min(timeout, 10*time.Second)}
	if !allowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("dial %s: %w", address, err)
			}
			if !publicAddr(ap.Addr()) {
				return fmt.Errorf("%s: %w", ap.Addr(), ErrPrivateAddress)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
			}
			return nil
		},
	}
}

// checkHost resolves a URL's host and refuses non-public addresses; used
// before requests made with a caller's client, whose dialer Walk cannot
// guard.
func checkHost(ctx context.Context, host string) error {
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		if !publicAddr(ip) {
			return fmt.Errorf("%s: %w", ip, ErrPrivateAddress)
		}
		return nil
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return err
	}
	for _, a := range addrs {
		if !publicAddr(a) {
			return fmt.Errorf("%s resolves to %s: %w", host, a, ErrPrivateAddress)
		}
	}
	return nil
}

// url fetches one http(s) URL, capped at MaxBytes, and reads the body by
// its Content-Type (HTML, feed, WARC, JSON Lines, text, gzip, zip),
// falling back to the URL's extension and the content.
func (w *walker) url(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Host == "" {
		return errors.New("URL has no host")
	}
	timeout := w.opt.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	client := w.opt.HTTPClient
	if client == nil {
		client = guardedClient(w.opt.AllowPrivate, timeout)
		defer client.CloseIdleConnections()
	} else if !w.opt.AllowPrivate {
		if err := checkHost(w.ctx, u.Hostname()); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(w.ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "dyad-ingest/1 (+https://github.com/dyad-events/dyad)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	timedOut := func(err error) bool {
		var ne net.Error
		return w.ctx.Err() == nil && (ctx.Err() != nil || errors.As(err, &ne) && ne.Timeout())
	}
	resp, err := client.Do(req)
	if err != nil {
		if timedOut(err) {
			return fmt.Errorf("timed out after %v", timeout)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %s", resp.Status)
	}
	max := w.opt.maxBytes()
	if resp.ContentLength > max {
		return fmt.Errorf("response of %d bytes is larger than the %d-byte cap", resp.ContentLength, max)
	}
	body, err := w.readCapped(resp.Body)
	if err != nil {
		if timedOut(err) {
			return fmt.Errorf("timed out after %v reading the response", timeout)
		}
		return fmt.Errorf("reading the response: %w", err)
	}
	final := raw
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	name := path.Base(u.Path)
	k := kindOf(name)
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch mt {
	case "text/html", "application/xhtml+xml":
		k = kHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		k = kFeed
	case "application/warc":
		k = kWARC
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		k = kJSONL
	case "text/plain":
		if k == kUnknown {
			k = kText
		}
	case "application/gzip", "application/x-gzip":
		k = kGzip
	case "application/zip":
		k = kZip
	}
	if s := sniff(body[:min(len(body), 1024)]); k == kUnknown || s == kGzip || s == kZip || s == kWARC || (k == kFeed && looksHTML(body[:min(len(body), 1024)])) || (k == kText && s == kFeed) {
		k = s
	}
	r := bytes.NewReader(body)
	return w.read(r, k, name, "", 0, final)
}
