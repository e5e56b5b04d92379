// Package messages is the one catalogue of client-facing messages in
// Chinese (zh-CN, the default) and English, keyed by the stable problem
// codes of internal/apperr. Codes never change with the language; only
// title, detail and field messages do.
package messages

import (
	"net/http"
	"strings"
)

// Lang is a supported language.
type Lang string

// The supported languages; Chinese is the default.
const (
	Zh Lang = "zh-CN"
	En Lang = "en"
)

// Text is one message in both languages.
type Text struct{ Zh, En string }

// In returns t in lang.
func (t Text) In(lang Lang) string {
	if lang == En {
		return t.En
	}
	return t.Zh
}

// Negotiate picks the language of an Accept-Language header: the first
// range naming English or Chinese wins (q-values are honoured in order of
// appearance, which browsers already sort); anything else is Chinese.
func Negotiate(header string) Lang {
	best, bestQ := Zh, ""
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		q := "1"
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			q = v
		}
		var l Lang
		switch {
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			l = En
		case tag == "zh" || strings.HasPrefix(tag, "zh-"):
			l = Zh
		default:
			continue
		}
		if q == "0" || q == "0.0" || q == "0.00" || q == "0.000" {
			continue
		}
		if bestQ == "" || q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// Title is the problem title of an HTTP status in lang.
func Title(status int, lang Lang) string {
	if t, ok := titles[status]; ok {
		return t.In(lang)
	}
	return http.StatusText(status)
}

// Detail is the detail of code in lang. English keeps the detail the code
// gave (it names the specifics: which state, which setting); Chinese
// uses the catalogue. A code not in the catalogue (yet) falls back to
// the detail given in code.
func Detail(code string, lang Lang, given string) string {
	t, ok := catalogue[code]
	switch {
	case !ok:
		return given
	case lang == En && given != "":
		return given
	}
	return t.In(lang)
}

// Has reports whether code has both a Chinese and an English entry.
func Has(code string) bool {
	t, ok := catalogue[code]
	return ok && t.Zh != "" && t.En != ""
}

// Field is a field message in lang: English as given; Chinese from the
// catalogue of field messages, by prefix for messages that end in
// specifics, else as given.
func Field(msg string, lang Lang) string {
	if lang == En {
		return msg
	}
	if t, ok := fields[msg]; ok {
		return t
	}
	for _, p := range fieldPrefixes {
		if rest, ok := strings.CutPrefix(msg, p[0]); ok {
			return p[1] + rest
		}
	}
	return msg
}
