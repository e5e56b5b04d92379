package households

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// readRows reads and checks every data row, and repeated addresses.
func readRows(r *csv.Reader, idx map[string]int) ([]Row, []RowError) {
	var rows []Row
	var out []RowError
	seen := map[string]int{}
	for n := 1; ; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			line, why := csvReason(err)
			return nil, append(out, RowError{Row: line, Field: "file", Message: "is not valid CSV: " + why})
		}
		line, _ := r.FieldPos(0)
		if n > MaxRows {
			return nil, append(out, RowError{Row: line, Field: "file", Message: fmt.Sprintf("has more than %d rows", MaxRows)})
		}
		if err != nil {
			out = append(out, RowError{Row: line, Field: "row", Message: "has a different number of columns than the header"})
			continue
		}
		row, probs := parseRow(line, rec, idx)
		if prev, dup := seen[row.Input.Address]; dup && row.Input.Address != "" {
			probs = append(probs, RowError{Row: line, Field: "address", Message: "repeats row " + strconv.Itoa(prev)})
		} else {
			seen[row.Input.Address] = line
		}
		out = append(out, probs...)
		rows = append(rows, row)
	}
	return rows, out
}

// csvReason is the line and cause of a CSV syntax error.
func csvReason(err error) (int, string) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine, pe.Err.Error()
	}
	return 0, "unreadable"
}
