package handlers_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// onePixelPNG is a real 1×1 PNG, so http.DetectContentType says image/png.
func onePixelPNG() []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err) // encoding into memory cannot fail
	}
	return buf.Bytes()
}

// letterScan is the love-seat mailbox letter as a guide would scan it.
func letterScan() multipartBody {
	return multipartBody{field: "file", filename: "爱心椅来信.png", data: onePixelPNG()}
}

// attach uploads body to proposal id as by.
func (w *world) attach(id int, by person, body multipartBody) response {
	w.t.Helper()
	return w.do("POST", fmt.Sprintf("/v1/proposals/%d/attachments", id), by.Token, body)
}

// blobFiles counts the files in the blob store, temporary ones included,
// to prove a refused upload leaves nothing behind.
func (a *api) blobFiles(t *testing.T) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(a.blobDir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// raw sends body as is, with headers given as name, value pairs: for the
// requests api.do cannot make.
func (a *api) raw(method, path, token string, body io.Reader, headers ...string) response {
	a.t.Helper()
	req := httptest.NewRequest(method, path, body)
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	a.router.ServeHTTP(rec, req)
	return response{rec, a.t}
}
