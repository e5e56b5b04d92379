package handlers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// hostileWorld is the world with one caller who holds every role at
// tenant A (and platform_admin), and one live object of every kind the
// API addresses by id, so malformed requests get past authorization and
// loading and reach validation. Everything is created over HTTP.
type hostileWorld struct {
	*world
	boss person
	// ids maps the first path segment after /v1/ ("units", "votes" …) to
	// the ids a valid request may name.
	ids map[string][]int
}

func newHostileWorld(t testing.TB) *hostileWorld {
	t.Helper()
	w := &hostileWorld{world: newWorld(t)}
	w.boss = w.newPerson("模糊测试负责人")
	w.grantDirect(w.boss, "platform_admin", 0)
	for _, role := range []string{"tenant_admin", "lead", "reviewer", "guide"} {
		w.grantDirect(w.boss, role, w.A)
	}
	w.grantDirect(w.boss, "resident", w.A1g1)
	w.ids = map[string][]int{"units": {w.A1, w.A1g1}, "tenants": {w.A}}
	w.fixtures()
	return w
}

// post creates something as the boss and returns the new id.
func (w *hostileWorld) post(path string, body any) int {
	w.t.Helper()
	r := w.do("POST", path, w.boss.Token, body)
	if r.Code != 201 && r.Code != 200 {
		w.t.Fatalf("fixture POST %s: %d %s", path, r.Code, r.Body.String())
	}
	return r.id()
}

func (w *hostileWorld) fixtures() {
	w.t.Helper()
	start := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	p := w.post(unitPath(w.A1g1, "/proposals"), map[string]any{
		"title": "转角遇到爱心椅", "kind": "individual", "channel": "mailbox", "category_code": "E01",
		"author_name": "小明家长", "author_phone": "13812341234",
		"body": "我爷爷年纪大了，每次上楼都要在楼梯上歇好几次。希望在楼道转角放几把椅子。"})
	approved := w.post(unitPath(w.A1g1, "/proposals"), map[string]any{
		"title": "楼道照明", "kind": "individual", "channel": "mailbox", "category_code": "E01",
		"author_name": "王阿姨", "author_phone": "13812341235", "body": "三楼楼道的灯坏了。"})
	for _, act := range []string{"submit", "accept", "schedule"} {
		w.do("POST", fmt.Sprintf("/v1/proposals/%d/%s", approved, act), w.boss.Token, nil).want(200)
	}
	w.do("POST", fmt.Sprintf("/v1/proposals/%d/decide", approved), w.boss.Token,
		map[string]any{"outcome": "approved", "note": "议事会通过"}).want(200)
	task := w.post(fmt.Sprintf("/v1/proposals/%d/tasks", approved), map[string]any{
		"title": "更换灯泡", "assignee_id": w.boss.ID, "due_at": start.Add(48 * time.Hour).Format(time.RFC3339)})
	meeting := w.post(unitPath(w.A1, "/meetings"), map[string]any{"title": "爱心椅议事会",
		"format": "deliberation", "starts_at": start.Format(time.RFC3339)})
	participant := w.post(fmt.Sprintf("/v1/meetings/%d/participants", meeting), map[string]any{
		"guest_name": "物业王经理", "guest_phone": "13912345678", "identity": "property_rep"})
	vote := w.post(unitPath(w.A1, "/votes"), map[string]any{"title": "爱心椅的样式", "method": "single",
		"options": []string{"木质靠背椅", "金属折叠椅"}, "eligibility": "members"})
	venue := w.post(unitPath(w.A1, "/venues"), map[string]any{"name": "锦华茶馆", "kind": "tea_house",
		"address": "锦华路12号", "capacity": 40})
	item := w.post(fmt.Sprintf("/v1/tenants/%d/list-items", w.A), map[string]any{"kind": "negative",
		"code": "N90", "title": "模糊测试", "description": "测试用", "keywords": []string{"模糊"}})
	org := w.post(unitPath(w.A1, "/organizations"), map[string]any{"name": "锦华物业", "kind": "property_company"})
	client := w.post(unitPath(w.A1, "/api-clients"), map[string]any{"name": "市民热线", "role": "guide",
		"scopes": []string{"proposal:read"}})
	grantee := w.newPerson("临时网格员")
	grant := w.post(unitPath(w.A1g1, "/role-assignments"), map[string]any{"user_id": grantee.ID, "role": "guide"})
	attachment := w.post(fmt.Sprintf("/v1/proposals/%d/attachments", p), multipartBody{field: "file",
		filename: "爱心椅来信.txt", data: []byte("爷爷上楼要歇好几次")})
	for seg, id := range map[string]int{"proposals": p, "tasks": task, "meetings": meeting, "participants": participant,
		"votes": vote, "venues": venue, "list-items": item, "organizations": org, "api-clients": client,
		"role-assignments": grant, "attachments": attachment} {
		w.ids[seg] = []int{id}
	}
	w.ids["proposals"] = append(w.ids["proposals"], approved)
	w.ids["users"] = []int{grantee.ID}
}

// known names a fixture for an id property: venue_id a venue, user_id,
// author_id and assignee_id a user, proposal_ids a list of one proposal.
func (w *hostileWorld) known(prop string) (any, bool) {
	seg, many := strings.CutSuffix(prop, "_ids")
	if !many {
		var ok bool
		if seg, ok = strings.CutSuffix(prop, "_id"); !ok {
			return nil, false
		}
	}
	if seg == "author" || seg == "assignee" || seg == "member_user" {
		seg = "user"
	}
	ids := w.ids[seg+"s"]
	switch {
	case len(ids) == 0:
		return nil, false
	case many:
		return ids[:1], true
	}
	return ids[0], true
}

// send is one raw request as the boss: body bytes are sent as they are,
// with contentType, so nothing is re-encoded on the way.
func (w *hostileWorld) send(method, path, contentType string, body []byte, headers map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "/", bytes.NewReader(body))
	req.URL.Path, req.URL.RawQuery, _ = strings.Cut(path, "?")
	req.RequestURI = path
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+w.boss.Token)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	w.router.ServeHTTP(rec, req)
	return rec
}

// refine drops from base the properties a 400 names, a few times over, so
// the sample is accepted where it can be and each wrong value is judged on
// its own. A property named again once dropped is required: it goes back.
func (w *hostileWorld) refine(method, target string, base map[string]any) map[string]any {
	base = maps.Clone(base)
	dropped := map[string]any{}
	for range 5 {
		body, _ := json.Marshal(base) // samples always marshal
		rec := w.send(method, target, "application/json", body, nil)
		if rec.Code != 400 {
			return base
		}
		var p struct {
			Errors []struct{ Field string } `json:"errors"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &p)
		changed := false
		for _, e := range p.Errors {
			if v, ok := base[e.Field]; ok {
				dropped[e.Field] = v
				delete(base, e.Field)
				changed = true
			} else if v, ok := dropped[e.Field]; ok {
				base[e.Field] = v
				return base
			}
		}
		if !changed {
			return base
		}
	}
	return base
}
