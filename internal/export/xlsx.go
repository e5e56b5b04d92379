package export

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxWriter streams rows into one sheet. excelize's stream writer keeps
// rows beyond a small buffer in a temporary file, so memory stays bounded;
// the workbook is written to the destination on Close.
type xlsxWriter struct {
	dst  io.Writer
	file *excelize.File
	sw   *excelize.StreamWriter
	next int
}

func newXLSX(w io.Writer, sheet string) (*xlsxWriter, error) {
	f := excelize.NewFile()
	if sheet == "" {
		sheet = "Sheet1"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		f.Close()
		return nil, fmt.Errorf("export: xlsx sheet: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("export: xlsx stream: %w", err)
	}
	return &xlsxWriter{dst: w, file: f, sw: sw, next: 1}, nil
}

// Row appends one row. Times become text in RFC 3339 (UTC), which every
// reader shows the same way; numbers stay numbers.
func (x *xlsxWriter) Row(cells ...any) error {
	row := make([]any, len(cells))
	for i, v := range cells {
		switch c := v.(type) {
		case time.Time, *time.Time, *string, *float64, *int, nil:
			row[i] = text(c)
		default:
			row[i] = c
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.next)
	if err != nil {
		return fmt.Errorf("export: xlsx cell: %w", err)
	}
	if err := x.sw.SetRow(cell, row); err != nil {
		return fmt.Errorf("export: xlsx row %d: %w", x.next, err)
	}
	x.next++
	return nil
}

func (x *xlsxWriter) Close() error {
	defer x.file.Close()
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("export: xlsx flush: %w", err)
	}
	if _, err := x.file.WriteTo(x.dst); err != nil {
		return fmt.Errorf("export: xlsx write: %w", err)
	}
	return nil
}
