// Package phone is the one definition of a valid phone number in Yishi:
// a mainland China mobile number, the sign-in identity of residents and
// the contact the guides record for households, guests and offline
// authors. Every layer validates with Valid, so the rule cannot drift.
package phone

// Pattern is the rule as a regular expression, for the OpenAPI spec's
// `pattern` and for clients; Valid implements the same rule without one.
const Pattern = `^1[3-9][0-9]{9}$`

// Valid reports whether p is an 11-digit mobile number starting 13–19.
func Valid(p string) bool {
	if len(p) != 11 || p[0] != '1' || p[1] < '3' || p[1] > '9' {
		return false
	}
	for i := 2; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}
