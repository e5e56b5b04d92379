package phone

import (
	"regexp"
	"testing"
)

// TestValidMatchesPattern: Valid and the published Pattern agree.
func TestValidMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(Pattern)
	for _, p := range []string{"13812341234", "19900000000", "12812341234", "1381234123", "138123412345",
		"2381234123a", "1381234123a", "", "+8613812341234", "１３８１２３４１２３４", "13812341234\n"} {
		if got, want := Valid(p), re.MatchString(p); got != want {
			t.Errorf("Valid(%q) = %v, pattern says %v", p, got, want)
		}
	}
}
