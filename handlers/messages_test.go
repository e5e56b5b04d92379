package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestProblemsFollowAcceptLanguage: the same refusal answers in Chinese
// by default and for zh-CN, in English for en; the code is the same.
func TestProblemsFollowAcceptLanguage(t *testing.T) {
	w := newWorld(t)
	body := map[string]any{"url": "", "events": []string{"*"}}
	path := unitPath(w.A, "/webhooks")
	cases := map[string]struct{ title, field string }{
		"":                      {"请求无效", "不能为空"},
		"zh-CN,zh;q=0.9":        {"请求无效", "不能为空"},
		"en-US,en;q=0.9":        {"Bad Request", "must not be empty"},
		"fr-FR, en;q=0.5":       {"Bad Request", "must not be empty"},
		"en;q=0.3, zh-CN;q=0.9": {"请求无效", "不能为空"},
	}
	for header, want := range cases {
		p := w.doWith("POST", path, w.adminA.Token, body, map[string]string{"Accept-Language": header}).want(400).obj()
		errs := p["errors"].([]any)
		msg := errs[0].(map[string]any)["message"]
		if p["code"] != "request.invalid" || p["title"] != want.title || msg != want.field {
			t.Errorf("Accept-Language %q: %v", header, p)
		}
	}
	nf := w.doWith("GET", fmt.Sprintf("/v1/webhooks/%d", 999999), w.adminA.Token, nil, map[string]string{"Accept-Language": "zh-CN"}).want(404).obj()
	if nf["code"] != "webhook.not_found" || nf["detail"] != "Webhook 不存在" || nf["title"] != "未找到" {
		t.Fatalf("zh 404: %v", nf)
	}
	en := w.doWith("GET", "/v1/nowhere", "", nil, map[string]string{"Accept-Language": "en"}).want(404).obj()
	if en["code"] != "route.not_found" || en["title"] != "Not Found" || en["detail"] != "no such route" {
		t.Fatalf("en 404: %v", en)
	}
}

// TestSeededListsInBothLanguages: a new tenant's guidebook lists carry
// Chinese and English titles, and the description follows Accept-Language.
func TestSeededListsInBothLanguages(t *testing.T) {
	w := newWorld(t)
	path := fmt.Sprintf("/v1/tenants/%d/list-items?limit=200", w.A)
	for lang, want := range map[string]string{"zh-CN": "建设或加装小型公共设施", "": "建设或加装小型公共设施", "en": "Building or installing small shared facilities"} {
		items := w.doWith("GET", path, w.adminA.Token, nil, map[string]string{"Accept-Language": lang}).want(200).obj()["items"].([]any)
		if len(items) != 19 {
			t.Fatalf("%q: %d items, want the 19 defaults", lang, len(items))
		}
		for _, raw := range items {
			it := raw.(map[string]any)
			if it["title"] == "" || it["title_en"] == "" || it["description"] == "" {
				t.Fatalf("%q: item lacks a title or description: %v", lang, it)
			}
			if it["code"] == "E01" && !strings.HasPrefix(it["description"].(string), want) {
				t.Fatalf("%q: E01 description %q", lang, it["description"])
			}
		}
	}
}
