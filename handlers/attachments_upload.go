package handlers

import (
	"io"
	"mime/multipart"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/blobstore"
)

// attachmentUpload is a parsed upload whose file is already in the blob
// store under Key.
type attachmentUpload struct {
	Key         string
	Filename    string
	ContentType string
	Blob        blobstore.PutResult
	Internal    bool
}

// readAttachmentUpload reads the multipart body one part at a time: the
// file streams straight into the blob store, never into memory or a
// temporary form. On error nothing stays stored. allowInternal says
// whether the caller may send internal=true; sent before the file, a
// refused flag stops the upload before any byte is written.
func (s *server) readAttachmentUpload(c *gin.Context, allowInternal bool) (attachmentUpload, error) {
	var up attachmentUpload
	notMultipart := apperr.Invalid(apperr.FieldError{Field: "body", Message: "must be multipart/form-data"})
	if c.Request.Body == nil {
		return up, notMultipart
	}
	c.Request.Body = clientBody{c.Request.Body}
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return up, notMultipart
	}
	for err == nil {
		part, perr := mr.NextPart()
		if perr == io.EOF { // the closing boundary; a cut-off body wraps EOF instead
			break
		}
		if perr != nil {
			err = s.uploadBodyError(perr)
			break
		}
		err = s.readAttachmentPart(c, part, &up, allowInternal)
		_ = part.Close()
	}
	if err == nil && up.Key == "" {
		err = apperr.Invalid(apperr.FieldError{Field: "file", Message: "is required"})
	}
	if err != nil {
		if up.Key != "" {
			s.discardBlob(c.Request.Context(), up.Key)
		}
		return attachmentUpload{}, err
	}
	return up, nil
}

// readAttachmentPart handles one part: the file, or the internal flag.
// Unknown fields are refused, as bindJSON refuses unknown JSON keys.
func (s *server) readAttachmentPart(c *gin.Context, part *multipart.Part, up *attachmentUpload, allowInternal bool) error {
	switch name := part.FormName(); name {
	case "file":
		if up.Key != "" {
			return apperr.Invalid(apperr.FieldError{Field: "file", Message: "must be sent once"})
		}
		return s.storeAttachmentFile(c.Request.Context(), part, up)
	case "internal":
		raw, err := io.ReadAll(io.LimitReader(part, 17))
		if err != nil {
			return s.uploadBodyError(err)
		}
		v, perr := strconv.ParseBool(strings.TrimSpace(string(raw)))
		if perr != nil || len(raw) > 16 {
			return apperr.Invalid(apperr.FieldError{Field: "internal", Message: "must be true or false"})
		}
		if v && !allowInternal {
			return apperr.Forbidden("internal attachments are for staff")
		}
		up.Internal = v
		return nil
	case "":
		return apperr.Invalid(apperr.FieldError{Field: "body", Message: "every part must be a named form field"})
	default:
		return apperr.Invalid(apperr.FieldError{Field: name, Message: "is not a known field"})
	}
}
