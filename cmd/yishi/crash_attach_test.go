package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
)

// attach uploads data as a plain-text file on proposal pid and returns
// the attachment's id: a blob the backup must carry.
func (a *api) attach(pid int, token string, data []byte) int {
	a.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", "来信.txt")
	if err == nil {
		_, err = fw.Write(data)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		a.t.Fatal(err)
	}
	req, err := http.NewRequest("POST", a.base+proposalURL(pid, "/attachments"), &buf)
	if err != nil {
		a.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := a.hc.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusCreated {
		a.t.Fatalf("upload: status %d; body %s", res.StatusCode, body)
	}
	return idOf(a.t, decodeObject(a.t, reply{status: res.StatusCode, body: body}), "id")
}

// download reads an attachment's bytes.
func (a *api) download(id int, token string) []byte {
	a.t.Helper()
	r, err := a.call(context.Background(), "GET", "/v1/attachments/"+itoa(id)+"/content", token, nil)
	if err != nil || r.status != http.StatusOK {
		a.t.Fatalf("download attachment %d: %v %d %s", id, err, r.status, r.body)
	}
	return r.body
}
