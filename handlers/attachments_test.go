package handlers_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestAttachmentsUpload201ListAndDownload(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	data := onePixelPNG()
	sum := sha256.Sum256(data)
	got := w.attach(id, w.guideA1g1, letterScan()).want(201).obj()
	if got["sha256"] != hex.EncodeToString(sum[:]) || got["content_type"] != "image/png" ||
		got["size"] != float64(len(data)) || got["filename"] != "爱心椅来信.png" ||
		got["uploaded_by"] != float64(w.guideA1g1.ID) || got["internal"] != false {
		t.Fatalf("upload answered %v", got)
	}
	url := got["download_url"].(string)
	if url != fmt.Sprintf("/v1/attachments/%v/content", got["id"]) {
		t.Fatalf("download_url %q", url)
	}
	list := w.do("GET", fmt.Sprintf("/v1/proposals/%d/attachments", id), w.leadA1.Token, nil).want(200).obj()
	if items := list["items"].([]any); len(items) != 1 || items[0].(map[string]any)["sha256"] != got["sha256"] {
		t.Fatalf("list %v", list)
	}
	res := w.do("GET", url, w.guideA1g1.Token, nil).want(200)
	if !bytes.Equal(res.Body.Bytes(), data) {
		t.Fatal("downloaded bytes differ from the upload")
	}
	etag := `"` + hex.EncodeToString(sum[:]) + `"`
	for h, want := range map[string]string{
		"Content-Type": "image/png", "Content-Length": fmt.Sprint(len(data)), "ETag": etag,
		"X-Content-Type-Options": "nosniff",
		"Content-Disposition":    `attachment; filename="_____.png"; filename*=UTF-8''%E7%88%B1%E5%BF%83%E6%A4%85%E6%9D%A5%E4%BF%A1.png`,
	} {
		if res.Header().Get(h) != want {
			t.Errorf("%s = %q, want %q", h, res.Header().Get(h), want)
		}
	}
	if w.blobFiles(t) != 1 {
		t.Fatalf("%d blob files, want 1", w.blobFiles(t))
	}
}

func TestAttachmentsDownload304IfNoneMatch(t *testing.T) {
	w := newWorld(t)
	got := w.attach(w.submittedProposal(), w.guideA1g1, letterScan()).want(201).obj()
	res := w.doWith("GET", got["download_url"].(string), w.guideA1g1.Token, nil,
		map[string]string{"If-None-Match": `W/"other", "` + got["sha256"].(string) + `"`}).want(304)
	if res.Body.Len() != 0 {
		t.Fatalf("304 with a body: %q", res.Body.String())
	}
}

func TestAttachmentsResidentSeesPublicNotInternal(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	public := w.attach(id, w.guideA1g1, letterScan()).want(201).obj()
	internal := letterScan()
	internal.fields = map[string]string{"internal": "true"}
	staff := w.attach(id, w.guideA1g1, internal).want(201).obj()
	if staff["internal"] != true {
		t.Fatalf("internal flag lost: %v", staff)
	}
	neighbour := w.withRole("邻居", "resident", w.A1g2) // same community, other grid
	for _, res := range []person{w.resA1g1, neighbour} {
		list := w.do("GET", fmt.Sprintf("/v1/proposals/%d/attachments", id), res.Token, nil).want(200).obj()
		if items := list["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != public["id"] {
			t.Fatalf("resident list %v", list)
		}
		w.do("GET", public["download_url"].(string), res.Token, nil).want(200)
		w.do("GET", staff["download_url"].(string), res.Token, nil).want(404)
	}
	list := w.do("GET", fmt.Sprintf("/v1/proposals/%d/attachments", id), w.reviewerA1.Token, nil).want(200).obj()
	if len(list["items"].([]any)) != 2 {
		t.Fatalf("staff list %v", list)
	}
	w.do("GET", staff["download_url"].(string), w.reviewerA1.Token, nil).want(200)
}

func TestAttachmentsResidentUpload201(t *testing.T) {
	w := newWorld(t)
	photo := multipartBody{field: "file", filename: `C:\Users\李阿姨\楼道.PNG`, data: onePixelPNG()}
	got := w.attach(w.submittedProposal(), w.resA1g1, photo).want(201).obj()
	if got["uploaded_by"] != float64(w.resA1g1.ID) || got["filename"] != "楼道.PNG" {
		t.Fatalf("resident upload %v", got)
	}
}

func TestAttachmentsFilenameSanitized201(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	for raw, want := range map[string]string{
		"../../etc/evil\u202Egnp.html":    "evilgnp.html.png",
		"scan\t.png":                      "scan.png",
		"..":                              "attachment.png",
		strings.Repeat("长", 100) + ".png": strings.Repeat("长", 83) + ".png",
	} {
		got := w.attach(id, w.guideA1g1, multipartBody{field: "file", filename: raw, data: onePixelPNG()}).want(201).obj()
		if got["filename"] != want {
			t.Errorf("filename %q stored as %q, want %q", raw, got["filename"], want)
		}
	}
}

func TestAttachmentsPlainText201(t *testing.T) {
	w := newWorld(t)
	text := multipartBody{field: "file", filename: "热线记录", data: []byte("来电：三楼转角也需要一把椅子。")}
	got := w.attach(w.submittedProposal(), w.guideA1g1, text).want(201).obj()
	if got["content_type"] != "text/plain; charset=utf-8" || got["filename"] != "热线记录.txt" {
		t.Fatalf("text upload %v", got)
	}
}

func TestAttachmentsUpload400(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	path := fmt.Sprintf("/v1/proposals/%d/attachments", id)
	for name, tc := range map[string]struct {
		body  any
		code  string
		field string
	}{
		"html named png": {multipartBody{field: "file", filename: "letter.png",
			data: []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")}, "attachment.type_not_allowed", "file"},
		"exe":           {multipartBody{field: "file", filename: "setup.exe", data: append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 600)...)}, "attachment.type_not_allowed", "file"},
		"empty file":    {multipartBody{field: "file", filename: "a.png"}, "request.invalid", "file"},
		"no file":       {multipartBody{field: "internal", data: []byte("false")}, "request.invalid", "file"},
		"unknown field": {multipartBody{field: "note", filename: "a.png", data: onePixelPNG()}, "request.invalid", "note"},
		"bad flag": {multipartBody{field: "file", filename: "a.png", data: onePixelPNG(),
			fields: map[string]string{"internal": "maybe"}}, "request.invalid", "internal"},
		"json": {map[string]any{"file": "aGVsbG8="}, "request.invalid", "body"},
	} {
		t.Run(name, func(t *testing.T) {
			p := w.do("POST", path, w.guideA1g1.Token, tc.body).want(400).obj()
			errs, _ := p["errors"].([]any)
			if p["code"] != tc.code || len(errs) == 0 || errs[0].(map[string]any)["field"] != tc.field {
				t.Fatalf("problem %v, want code %s on %s", p, tc.code, tc.field)
			}
		})
	}
	if n := w.blobFiles(t); n != 0 {
		t.Fatalf("refused uploads left %d files", n)
	}
}

func TestAttachmentsInternalByResident403(t *testing.T) {
	w := newWorld(t)
	body := letterScan()
	body.fields = map[string]string{"internal": "true"}
	w.attach(w.submittedProposal(), w.resA1g1, body).want(403)
	if n := w.blobFiles(t); n != 0 {
		t.Fatalf("refused upload left %d files", n)
	}
}

func TestAttachmentsTooLarge413(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	atLimit := append(onePixelPNG(), make([]byte, testMaxUpload)...)[:testMaxUpload]
	w.attach(id, w.guideA1g1, multipartBody{field: "file", filename: "ok.png", data: atLimit}).want(201)
	over := append(onePixelPNG(), make([]byte, testMaxUpload)...)[:testMaxUpload+1]
	p := w.attach(id, w.guideA1g1, multipartBody{field: "file", filename: "big.png", data: over}).want(413).obj()
	if p["code"] != "attachment.too_large" {
		t.Fatalf("problem %v", p)
	}
	// A body far over the limit is cut off by the multipart body cap.
	huge := append(onePixelPNG(), make([]byte, 3*testMaxUpload)...)
	w.attach(id, w.guideA1g1, multipartBody{field: "file", filename: "huge.png", data: huge}).want(413)
	list := w.do("GET", fmt.Sprintf("/v1/proposals/%d/attachments", id), w.leadA1.Token, nil).want(200).obj()
	if n := len(list["items"].([]any)); n != 1 {
		t.Fatalf("%d rows, want only the one at the limit", n)
	}
	if n := w.blobFiles(t); n != 1 {
		t.Fatalf("%d blob files, want only the one at the limit", n)
	}
}

func TestAttachments404OtherTenantOrSibling(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	got := w.attach(id, w.guideA1g1, letterScan()).want(201).obj()
	siblingResident := w.withRole("胜宏居民", "resident", w.A2g1)
	for name, p := range map[string]person{"other tenant lead": w.leadB1, "sibling lead": w.leadA2, "sibling resident": siblingResident} {
		w.do("GET", got["download_url"].(string), p.Token, nil).want(404)
		w.do("GET", fmt.Sprintf("/v1/proposals/%d/attachments", id), p.Token, nil).want(404)
		if res := w.attach(id, p, letterScan()); res.Code != 404 {
			t.Fatalf("%s uploaded: %d %s", name, res.Code, res.Body.String())
		}
	}
	if n := w.blobFiles(t); n != 1 {
		t.Fatalf("%d blob files, want 1", n)
	}
}

func TestAttachmentsOnDraft404ForNeighbours(t *testing.T) {
	w := newWorld(t)
	draft := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	got := w.attach(draft, w.resA1g1, letterScan()).want(201).obj()
	neighbour := w.withRole("邻居", "resident", w.A1g1)
	w.do("GET", got["download_url"].(string), neighbour.Token, nil).want(404)
	w.do("GET", got["download_url"].(string), w.resA1g1.Token, nil).want(200)
	w.do("GET", "/v1/attachments/999999/content", w.resA1g1.Token, nil).want(404)
	w.do("GET", "/v1/attachments/abc/content", w.resA1g1.Token, nil).want(404)
}

// TestAttachmentsBodyCap413 proves multipart bodies are capped too: a
// preamble larger than the upload limit fails before any file is read.
func TestAttachmentsBodyCap413(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	body, contentType := letterScan().encode(t)
	padded := io.MultiReader(strings.NewReader(strings.Repeat(strings.Repeat("x", 1022)+"\r\n", 2*testMaxUpload/1024)), body)
	w.raw("POST", fmt.Sprintf("/v1/proposals/%d/attachments", id), w.guideA1g1.Token, padded,
		"Content-Type", contentType).want(413)
	if n := w.blobFiles(t); n != 0 {
		t.Fatalf("%d blob files, want 0", n)
	}
}
