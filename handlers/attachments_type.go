package handlers

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// attachmentType sniffs a file's first bytes and returns the content type
// to store with the extensions a file of that type may carry (the first is
// the one added when missing). The client's claimed type is ignored: it is
// trivially forged, and a forged text/html would be served back to other
// residents. Everything else (HTML, SVG, executables, archives) is refused.
func attachmentType(head []byte) (contentType string, exts []string, ok bool) {
	ct := http.DetectContentType(head)
	mediaType, _, _ := strings.Cut(ct, ";")
	switch mediaType {
	case "image/jpeg":
		return ct, []string{".jpg", ".jpeg"}, true
	case "image/png":
		return ct, []string{".png"}, true
	case "image/webp":
		return ct, []string{".webp"}, true
	case "application/pdf":
		return ct, []string{".pdf"}, true
	case "text/plain": // a letter typed up by a hotline worker
		if strings.HasSuffix(ct, "charset=utf-8") && !validUTF8Prefix(head) {
			ct = "text/plain" // GBK and other legacy encodings: let the reader guess
		}
		return ct, []string{".txt"}, true
	}
	return "", nil, false
}

// validUTF8Prefix reports whether head is UTF-8, allowing the last rune to
// be cut off where the sniffing window ends.
func validUTF8Prefix(head []byte) bool {
	for i := 1; i < utf8.UTFMax && i <= len(head); i++ {
		if tail := head[len(head)-i:]; utf8.RuneStart(tail[0]) {
			if !utf8.FullRune(tail) {
				head = head[:len(head)-i]
			}
			break
		}
	}
	return utf8.Valid(head)
}

// attachmentFilename makes the client's filename safe to store and to send
// back: the base name only, without control or bidi-override characters
// (which disguise "fdp.exe" as "exe.pdf"), at most 255 bytes, and ending in
// an extension that matches the sniffed type, so a saved PNG named
// "letter.html" cannot open as a web page.
func attachmentFilename(raw string, exts []string) string {
	name := strings.ToValidUTF8(raw, "")
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, name)
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if !slices.ContainsFunc(exts, func(e string) bool { return strings.EqualFold(e, ext) }) {
		stem, ext = name, exts[0]
	}
	stem = strings.TrimFunc(stem, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	if stem == "" {
		stem = "attachment"
	}
	return truncateUTF8(stem, 255-len(ext)) + ext
}

// truncateUTF8 cuts s to at most n bytes without splitting a rune.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
