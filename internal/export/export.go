// Package export writes tables (proposal lists, statistics) as the files
// an office opens in a spreadsheet: CSV in UTF-8 with a byte-order mark, so
// Excel shows Chinese correctly, and XLSX. Rows are written as they come,
// so a 100,000-row export holds one page of rows in memory, not the file.
package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"time"
)

// Format names a file format a table can be exported in.
type Format string

// The formats a client may ask for, by ?format= or by Accept.
const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// Media types of the formats, for Accept and Content-Type.
const (
	CSVMediaType  = "text/csv"
	XLSXMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// ContentType is the Content-Type header value of f.
func (f Format) ContentType() string {
	if f == XLSX {
		return XLSXMediaType
	}
	return CSVMediaType + "; charset=utf-8"
}

// Writer writes one table: a header row, then data rows, then Close.
type Writer interface {
	// Row writes one row; cells are strings, ints, floats, times or nil.
	Row(cells ...any) error
	// Close finishes the file and writes whatever is buffered to the
	// destination.
	Close() error
}

// New starts a table in format f on w with the given column headers.
func New(f Format, w io.Writer, sheet string, header []string) (Writer, error) {
	var out Writer
	switch f {
	case CSV:
		out = newCSV(w)
	case XLSX:
		x, err := newXLSX(w, sheet)
		if err != nil {
			return nil, err
		}
		out = x
	default:
		return nil, fmt.Errorf("export: unknown format %q", f)
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	if err := out.Row(cells...); err != nil {
		return nil, err
	}
	return out, nil
}

// text renders a cell for CSV: times in RFC 3339, nil as empty.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case *string:
		if x == nil {
			return ""
		}
		return *x
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case *time.Time:
		if x == nil {
			return ""
		}
		return x.UTC().Format(time.RFC3339)
	case *float64:
		if x == nil {
			return ""
		}
		return fmt.Sprint(*x)
	case *int:
		if x == nil {
			return ""
		}
		return fmt.Sprint(*x)
	}
	return fmt.Sprint(v)
}

// csvWriter writes CSV with a UTF-8 byte-order mark.
type csvWriter struct {
	buf *bufio.Writer
	w   *csv.Writer
	row []string
}

func newCSV(w io.Writer) *csvWriter {
	buf := bufio.NewWriterSize(w, 32<<10)
	buf.WriteString("\ufeff")
	return &csvWriter{buf: buf, w: csv.NewWriter(buf)}
}

// Row writes one CSV record. A cell that a spreadsheet would read as a
// formula (=, +, -, @ first) is prefixed with a quote mark, so a resident's
// title cannot run a formula on a secretary's machine (CSV injection).
func (c *csvWriter) Row(cells ...any) error {
	c.row = c.row[:0]
	for _, v := range cells {
		s := text(v)
		if _, isText := v.(string); isText && s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
			s = "'" + s
		}
		c.row = append(c.row, s)
	}
	if err := c.w.Write(c.row); err != nil {
		return fmt.Errorf("export: csv row: %w", err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	if err := c.buf.Flush(); err != nil {
		return fmt.Errorf("export: csv flush: %w", err)
	}
	return nil
}
