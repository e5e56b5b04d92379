package households

import (
	"slices"
	"strconv"
	"strings"
)

// parseRow turns one record into a Row and its problems.
func parseRow(line int, rec []string, idx map[string]int) (Row, []RowError) {
	cell := func(name string) string {
		if i, ok := idx[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	row := Row{Line: line, Input: Input{Address: cell("address"), OwnerName: cell("owner_name"), OwnerPhone: cell("owner_phone")}}
	var out []RowError
	area, err := strconv.ParseFloat(cell("floor_area"), 64)
	if err != nil {
		out = append(out, RowError{Row: line, Field: "floor_area", Message: "must be a number of square metres"})
	}
	row.Input.FloorArea = area
	for _, p := range Check(row.Input) {
		if err == nil || p.Field != "floor_area" {
			out = append(out, RowError{Row: line, Field: p.Field, Message: p.Message})
		}
	}
	phones, probs := memberPhones(line, cell("member_phones"))
	row.MemberPhones = phones
	return row, append(out, probs...)
}

// memberPhones splits "139…;138…" (a full-width "；" also works, as
// Chinese input methods type it) and checks each number.
func memberPhones(line int, s string) ([]string, []RowError) {
	var phones []string
	var out []RowError
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !ValidPhone(p) {
			out = append(out, RowError{Row: line, Field: "member_phones", Message: p + " is not an 11-digit mainland mobile number"})
			continue
		}
		if !slices.Contains(phones, p) {
			phones = append(phones, p)
		}
	}
	return phones, out
}
