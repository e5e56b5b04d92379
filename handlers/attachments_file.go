package handlers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"

	"yishi/internal/apperr"
	"yishi/internal/blobstore"
)

// storeAttachmentFile sniffs the part's first 512 bytes, refuses types
// outside the allow list, then streams the whole part into a fresh blob.
func (s *server) storeAttachmentFile(ctx context.Context, part *multipart.Part, up *attachmentUpload) error {
	head := make([]byte, 512)
	n, err := io.ReadFull(part, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return s.uploadBodyError(err) // a short file is fine; a cut-off body fails again in Put
	}
	head = head[:n]
	if n == 0 {
		return apperr.Invalid(apperr.FieldError{Field: "file", Message: "must not be empty"})
	}
	contentType, exts, ok := attachmentType(head)
	if !ok {
		return &apperr.Error{Kind: apperr.KindInvalid, Code: "attachment.type_not_allowed",
			Detail: "only JPEG, PNG, WebP, PDF and plain-text files can be attached",
			Fields: []apperr.FieldError{{Field: "file", Message: "must be a JPEG, PNG, WebP, PDF or plain-text file"}}}
	}
	key := blobstore.NewKey()
	res, err := s.Blobs.Put(ctx, key, io.MultiReader(bytes.NewReader(head), part), s.Config.MaxUploadBytes)
	if err != nil {
		var cerr *clientReadError
		if errors.Is(err, blobstore.ErrTooLarge) || errors.As(err, &cerr) ||
			errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, context.Canceled) {
			return s.uploadBodyError(err)
		}
		return fmt.Errorf("store attachment: %w", err)
	}
	up.Key, up.Blob, up.ContentType = key, res, contentType
	up.Filename = attachmentFilename(part.FileName(), exts)
	return nil
}

// uploadBodyError classifies a failure to read the client's upload: over
// a limit is 413, anything else (a malformed or cut-off body, a client
// that went away) is 400. Neither is the server's fault, so neither is
// logged as one.
func (s *server) uploadBodyError(err error) error {
	var maxErr *http.MaxBytesError
	if errors.Is(err, blobstore.ErrTooLarge) || errors.As(err, &maxErr) {
		return &apperr.Error{Kind: apperr.KindTooLarge, Code: "attachment.too_large",
			Detail: fmt.Sprintf("the file exceeds %d bytes", s.Config.MaxUploadBytes),
			Fields: []apperr.FieldError{{Field: "file", Message: "too large"}}}
	}
	return &apperr.Error{Kind: apperr.KindInvalid, Code: "request.invalid",
		Detail: "the body is not a complete multipart/form-data upload",
		Fields: []apperr.FieldError{{Field: "body", Message: "is not valid multipart/form-data"}}}
}

// discardBlob deletes a blob whose row will never exist. It runs even if
// the request was canceled; a failure only leaves an orphan file, so it
// is logged rather than returned.
func (s *server) discardBlob(ctx context.Context, key string) {
	if err := s.Blobs.Delete(context.WithoutCancel(ctx), key); err != nil {
		s.Logger.ErrorContext(ctx, "discard attachment blob", "key", key, "err", err)
	}
}

// clientBody marks errors from reading the request body, so a failed
// upload can be told apart from a failing disk.
type clientBody struct{ io.ReadCloser }

func (c clientBody) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	if err != nil && err != io.EOF { // io.Copy needs io.EOF itself, unwrapped
		err = &clientReadError{err}
	}
	return n, err
}

// clientReadError is an error reading the request body.
type clientReadError struct{ err error }

func (e *clientReadError) Error() string { return "read upload: " + e.err.Error() }
func (e *clientReadError) Unwrap() error { return e.err }
