// Package households checks households (dwellings and their floor areas)
// before they are stored, one at a time from the API or in bulk from a
// guide's CSV file, and stores and lists them. Floor areas weigh Civil
// Code Art. 278 votes, so a bad area must be refused, not rounded.
package households

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"yishi/internal/phone"
)

// MaxFloorArea bounds one dwelling's area in square metres; anything
// larger is a typo (an extra digit), not a flat.
const MaxFloorArea = 100000

// Input is one household as entered.
type Input struct {
	Address    string
	FloorArea  float64
	OwnerName  string
	OwnerPhone string
}

// Problem names one bad field of a household and why.
type Problem struct {
	Field   string
	Message string
}

// Check returns every problem of in. Areas are square metres with at
// most two decimals, as on a property certificate.
func Check(in Input) []Problem {
	var out []Problem
	add := func(f, m string) { out = append(out, Problem{Field: f, Message: m}) }
	a := strings.TrimSpace(in.Address)
	if n := utf8.RuneCountInString(a); n < 1 || n > 200 || strings.IndexFunc(a, unicode.IsControl) >= 0 {
		add("address", "must be 1 to 200 characters without control characters")
	}
	if m := checkArea(in.FloorArea); m != "" {
		add("floor_area", m)
	}
	if utf8.RuneCountInString(in.OwnerName) > 100 || strings.IndexFunc(in.OwnerName, unicode.IsControl) >= 0 {
		add("owner_name", "must be at most 100 characters without control characters")
	}
	if in.OwnerPhone != "" && !ValidPhone(in.OwnerPhone) {
		add("owner_phone", "must be an 11-digit mainland mobile number")
	}
	return out
}

// ValidPhone reports whether p is a mainland mobile number.
func ValidPhone(p string) bool { return phone.Valid(p) }

func checkArea(f float64) string {
	if !(f > 0) || f > MaxFloorArea {
		return "must be a number of square metres above 0 and at most 100000"
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 2 {
		return "must have at most two decimals"
	}
	return ""
}
