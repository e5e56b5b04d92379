package webhooks

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// Guard is the SSRF policy for endpoint URLs: https only unless AllowHTTP,
// and no loopback, private, link-local, unspecified or metadata address
// unless AllowPrivate (which also allows http, for local development and
// tests). It is checked at registration on the resolved host and again
// when each connection is dialled, so DNS rebinding gains nothing.
type Guard struct {
	AllowHTTP    bool
	AllowPrivate bool
	// Resolve looks a host up; nil uses net.DefaultResolver.
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)
}

// ErrRefusedAddress is a target the guard does not let Yishi reach.
var ErrRefusedAddress = errors.New("webhook target address refused")

// CheckURL validates raw for registration and returns a message naming
// what is wrong ("" when fine).
func (g Guard) CheckURL(ctx context.Context, raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return "must be an absolute https URL"
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !g.AllowHTTP && !g.AllowPrivate {
			return "must use https"
		}
	default:
		return "must be an absolute https URL"
	}
	if u.User != nil {
		return "must not carry credentials"
	}
	if g.AllowPrivate {
		return ""
	}
	addrs, err := g.lookup(ctx, u.Hostname())
	if err != nil || len(addrs) == 0 {
		return "host does not resolve"
	}
	for _, a := range addrs {
		if refused(a) {
			return "must not point at a loopback, private, link-local or metadata address"
		}
	}
	return ""
}

// lookup resolves host (or parses it when it is an address).
func (g Guard) lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return []netip.Addr{a}, nil
	}
	if g.Resolve != nil {
		return g.Resolve(ctx, host)
	}
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// refused reports whether a is an address no webhook may reach.
func refused(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// blockedPrefixes are ranges beyond the standard library's predicates:
// carrier-grade NAT, the cloud metadata service, the "this network"
// block and documentation ranges' neighbours used internally.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("fd00:ec2::/32"),
	netip.MustParsePrefix("64:ff9b::/96"),
}

// control is a net.Dialer Control func refusing a connection to a
// refused address, whatever DNS answered at registration.
func (g Guard) control(_, address string, _ syscall.RawConn) error {
	if g.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrRefusedAddress, address)
	}
	if refused(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrRefusedAddress, ap.Addr())
	}
	return nil
}

// schemeProblem re-checks the scheme at delivery, so a setting turned off
// since registration takes effect ("" when fine).
func (g Guard) schemeProblem(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "invalid URL"
	}
	if u.Scheme == "http" && !g.AllowHTTP && !g.AllowPrivate {
		return "http endpoints are not allowed"
	}
	return ""
}
