package handlers

import (
	"strings"
	"testing"
)

func TestAttachmentTypeSniffsTheBytes(t *testing.T) {
	for head, want := range map[string]string{
		"\xFF\xD8\xFF\xE0\x00\x10JFIF":             "image/jpeg",
		"RIFF\x24\x00\x00\x00WEBPVP8 ":             "image/webp",
		"%PDF-1.7\n":                               "application/pdf",
		"来电：三楼转角也需要一把椅子。":                          "text/plain; charset=utf-8",
		"\xC0\xB4\xB5\xE7\xA3\xBA":                 "text/plain",                // GBK: not UTF-8
		"<svg xmlns='http://www.w3.org/2000/svg'>": "text/plain; charset=utf-8", // stored and served as text, never as SVG
		"<!DOCTYPE html><p>":                       "",
		"<?xml version='1.0'?><svg/>":              "",
		"MZ\x90\x00\x03\x00":                       "",
		"PK\x03\x04":                               "",
	} {
		got, _, ok := attachmentType([]byte(head))
		if got != want || ok != (want != "") {
			t.Errorf("attachmentType(%q) = %q, %v; want %q", head, got, ok, want)
		}
	}
}

func TestValidUTF8PrefixAllowsACutRune(t *testing.T) {
	cut := []byte("椅子")[:5]
	if !validUTF8Prefix(cut) || validUTF8Prefix([]byte("\xC0\xB4x")) || validUTF8Prefix([]byte("\xC0")) {
		t.Fatal("validUTF8Prefix misjudged a cut rune or GBK")
	}
}

func TestAttachmentFilenameKeepsExtensionWithinLimit(t *testing.T) {
	jpeg := []string{".jpg", ".jpeg"}
	for raw, want := range map[string]string{
		`C:\scans\来信.JPEG`:                 "来信.JPEG",
		"photo":                            "photo.jpg",
		".jpg":                             "attachment.jpg",
		" 来信 . ":                           "来信.jpg",
		"a\u200Bb\u202E.jpg":               "ab.jpg",
		strings.Repeat("x", 300) + ".jpeg": strings.Repeat("x", 250) + ".jpeg",
	} {
		if got := attachmentFilename(raw, jpeg); got != want {
			t.Errorf("attachmentFilename(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestContentDispositionEncodesEveryName(t *testing.T) {
	got := contentDisposition(`爱 "心".png`)
	want := `attachment; filename="_ ___.png"; filename*=UTF-8''%E7%88%B1%20%22%E5%BF%83%22.png`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestEtagMatches(t *testing.T) {
	etag := `"abc"`
	for _, h := range []string{`"abc"`, `W/"abc"`, `"x", "abc"`, `*`} {
		if !etagMatches(h, etag) {
			t.Errorf("%s should match", h)
		}
	}
	if etagMatches("", etag) || etagMatches(`"abcd"`, etag) {
		t.Error("matched a different tag")
	}
}
