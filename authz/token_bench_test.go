package authz

import "testing"

// BenchmarkVerifyAccess compares a cache hit with a full Ed25519 check.
func BenchmarkVerifyAccess(b *testing.B) {
	ks := newTestKeySet(b, newTestKey(b))
	for _, bc := range []struct {
		name  string
		cache int
	}{{"cached", defaultCacheSize}, {"uncached", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			tk := newTokens(ks, testIssuer, testAudience, testTTL, nil, bc.cache)
			raw := issueTest(b, tk, AccessClaimsInput{Subject: "u:42", TenantID: 3})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tk.VerifyAccess(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
