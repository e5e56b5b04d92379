package households

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxRows bounds one import; a grid has hundreds of dwellings, not tens
// of thousands.
const MaxRows = 5000

// Row is one valid data row: the household and the phones of the
// registered users who may vote for it.
type Row struct {
	Line         int
	Input        Input
	MemberPhones []string
}

// RowError is one problem of one row. Row is the line in the file (the
// header is row 1), which is the row number a spreadsheet shows.
type RowError struct {
	Row     int
	Field   string
	Message string
}

// Columns are the header names an import knows, in the order of the
// template offered to guides; address and floor_area are required.
func Columns() []string {
	return []string{"address", "floor_area", "owner_name", "owner_phone", "member_phones"}
}

// Parse reads a CSV file with a header row (columns in any order:
// address, floor_area, owner_name, owner_phone, member_phones, the last a
// ";"-separated list). It returns every readable row and every problem
// found, so a caller can add its own checks (phones, listed addresses)
// and report them all at once; it must store nothing when there are
// problems.
func Parse(data []byte) (rows []Row, problems []RowError) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, []RowError{{Row: 1, Field: "file", Message: "must be UTF-8 (save as \"CSV UTF-8\")"}}
	}
	// PostgreSQL text cannot hold NUL, and callers look the rows'
	// addresses up before storing anything: refuse it for the whole file.
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, []RowError{{Row: 1 + bytes.Count(data[:i], []byte("\n")), Field: "file", Message: "must not contain NUL characters"}}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, []RowError{{Row: 1, Field: "file", Message: "needs a header row: " + strings.Join(Columns(), ",")}}
	}
	idx, problems := headerIndex(header)
	if len(problems) > 0 {
		return nil, problems
	}
	return readRows(r, idx)
}

// headerIndex maps column names to positions.
func headerIndex(header []string) (map[string]int, []RowError) {
	idx := map[string]int{}
	var out []RowError
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(Columns(), name) {
			out = append(out, RowError{Row: 1, Field: name, Message: "is not a known column"})
		}
		idx[name] = i
	}
	for _, need := range Columns()[:2] {
		if _, ok := idx[need]; !ok {
			out = append(out, RowError{Row: 1, Field: need, Message: "column is missing"})
		}
	}
	return idx, out
}
