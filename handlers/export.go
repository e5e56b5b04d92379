package handlers

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/export"
)

// exportPage is how many rows an export reads at a time: memory holds one
// page, whatever the size of the file.
const exportPage = 500

// exportFormatOf reads how a list or report is to be answered: ?format=
// (json, csv or xlsx) wins, else the Accept header; JSON when neither asks
// for a file. ok is false for JSON.
func exportFormatOf(c *gin.Context) (f export.Format, ok bool, err error) {
	switch v := c.Query("format"); v {
	case "":
	case "json":
		return "", false, nil
	case string(export.CSV), string(export.XLSX):
		return export.Format(v), true, nil
	default:
		return "", false, apperr.Invalid(apperr.FieldError{Field: "format", Message: "must be json, csv or xlsx"})
	}
	switch c.NegotiateFormat(gin.MIMEJSON, export.CSVMediaType, export.XLSXMediaType) {
	case export.CSVMediaType:
		return export.CSV, true, nil
	case export.XLSXMediaType:
		return export.XLSX, true, nil
	}
	return "", false, nil
}

// writeExport answers a table as a file download. rows calls emit once per
// row and may read in pages; the first call happens before anything is
// sent, so an early failure is still a problem answer. For XLSX the file is
// assembled (rows spill to a temporary file) before the first byte; CSV
// streams. A failure after the first byte aborts the connection, so a
// client never mistakes a cut file for a complete one.
func writeExport(c *gin.Context, f export.Format, name string, header []string, rows func(emit func(cells ...any) error) error) error {
	dst := &lazyStatus{c: c, headers: map[string]string{
		"Content-Type":           f.ContentType(),
		"Content-Disposition":    fmt.Sprintf(`attachment; filename="%s-%s.%s"`, name, time.Now().UTC().Format("20060102"), f),
		"Cache-Control":          "no-store",
		"X-Content-Type-Options": "nosniff",
	}}
	w, err := export.New(f, dst, name, header)
	if err != nil {
		return err
	}
	if err := rows(w.Row); err != nil {
		if dst.started {
			panic(http.ErrAbortHandler)
		}
		return err
	}
	if err := w.Close(); err != nil {
		if dst.started {
			panic(http.ErrAbortHandler)
		}
		return err
	}
	if !dst.started {
		dst.start()
	}
	return nil
}

// lazyStatus sets the file's headers and 200 on the first byte, so that
// until then an error can still answer a problem with its own status.
type lazyStatus struct {
	c       *gin.Context
	headers map[string]string
	started bool
}

func (l *lazyStatus) start() {
	l.started = true
	for k, v := range l.headers {
		l.c.Header(k, v)
	}
	l.c.Status(http.StatusOK)
	l.c.Writer.WriteHeaderNow()
}

func (l *lazyStatus) Write(p []byte) (int, error) {
	if !l.started {
		l.start()
	}
	return l.c.Writer.Write(p)
}
