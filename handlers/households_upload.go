package handlers

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
)

// maxCSVBytes bounds an import file: 5,000 rows fit in well under 1 MiB.
const maxCSVBytes = 4 << 20

// readCSVBody reads the file: the body itself (text/csv), or the "file"
// part of a browser's multipart/form-data upload.
func readCSVBody(c *gin.Context) ([]byte, error) {
	mt, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	var src io.Reader
	switch mt {
	case "text/csv", "application/csv":
		src = c.Request.Body
	case "multipart/form-data":
		part, err := csvPart(c)
		if err != nil {
			return nil, err
		}
		src = part
	default:
		return nil, apperr.Invalid(apperr.FieldError{Field: "body", Message: "send the file as text/csv or as the multipart part \"file\""})
	}
	data, err := io.ReadAll(io.LimitReader(src, maxCSVBytes+1))
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(err, &maxErr):
		return nil, decodeError(err)
	case err != nil:
		return nil, apperr.Invalid(apperr.FieldError{Field: "body", Message: "could not be read"})
	case len(data) > maxCSVBytes:
		return nil, &apperr.Error{Kind: apperr.KindInvalid, Code: "request.too_large", Detail: "the file exceeds 4 MiB",
			Fields: []apperr.FieldError{{Field: "file", Message: "too large"}}}
	}
	return data, nil
}

// csvPart finds the "file" part of a multipart upload.
func csvPart(c *gin.Context) (io.Reader, error) {
	mr, err := c.Request.MultipartReader()
	for err == nil {
		var part *multipart.Part
		if part, err = mr.NextPart(); err == nil && part.FormName() == "file" {
			return part, nil
		}
	}
	return nil, apperr.Invalid(apperr.FieldError{Field: "file", Message: "the upload needs a part named file"})
}
