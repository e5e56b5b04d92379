package handlers_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// publicRecordMatrix has the isolation entries of the public record.
func publicRecordMatrix() map[string]routeCase {
	return map[string]routeCase{
		"PUT /v1/tenants/:id/public-record": {owner: func(w *world) person { return w.adminA }, ok: 200, sameTenantAllowed: true,
			call: func(w *world) (string, any) {
				return fmt.Sprintf("/v1/tenants/%d/public-record", w.A), map[string]any{"enabled": true}
			}},
		"GET /public/v1/tenants/:code":               {public: "a published record without personal data; TestPublicRecord"},
		"GET /public/v1/tenants/:code/proposals":     {public: "a published record without personal data; TestPublicRecord"},
		"GET /public/v1/tenants/:code/proposals/:id": {public: "a published record without personal data; TestPublicRecord"},
		"GET /public/v1/tenants/:code/votes":         {public: "a published record without personal data; TestPublicRecord"},
	}
}

// publicGet reads a public URL from a given client address, unsigned.
func (w *world) publicGet(path, addr string) response {
	w.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	w.router.ServeHTTP(rec, req)
	return response{rec, w.t}
}

// phoneLike finds anything shaped like a mainland mobile number.
var phoneLike = regexp.MustCompile(`1[3-9]\d{9}`)

// TestPublicRecord: off by default; only the tenant admin at the root turns
// it on (audited); the record lists resolved and in-progress proposals,
// closed votes' counts and statistics, and nothing personal anywhere; other
// tenants' rows are 404 under this code; withdrawing is immediate; each
// address is limited.
func TestPublicRecord(t *testing.T) {
	w := newWorld(t)
	statsScenario(t, w)
	vote, opts, voter := w.openMembersVote(nil)
	w.cast(voter, vote, opts[0]).want(201)
	w.closeVote(vote)
	other := w.withRole("B居民", "resident", w.B1g1)
	bProposal := w.do("POST", unitPath(w.B1g1, "/proposals"), other.Token, loveSeat("online")).want(201).id()
	w.act(other, bProposal, "submit", nil).want(200)
	w.act(w.leadB1, bProposal, "accept", nil).want(200)

	const ip = "198.51.100.7"
	w.publicGet("/public/v1/tenants/shengli", ip).want(404)
	w.publicGet("/public/v1/tenants/nosuch", ip).want(404)
	put := func(by person, tenant int, on any) response {
		return w.do("PUT", fmt.Sprintf("/v1/tenants/%d/public-record", tenant), by.Token, map[string]any{"enabled": on})
	}
	put(w.leadA1, w.A, true).want(403)
	put(w.resA1g1, w.A, true).want(403)
	put(w.adminB, w.A, true).want(404)
	put(w.adminA, w.A1, true).want(404) // a community is not a tenant
	w.do("PUT", fmt.Sprintf("/v1/tenants/%d/public-record", w.A), w.adminA.Token, map[string]any{}).want(400)
	put(w.adminA, w.A, "yes").want(400)
	on := put(w.adminA, w.A, true).want(200).obj()
	if on["enabled"] != true || on["url"] != "/public/v1/tenants/shengli" {
		t.Fatalf("answer %v", on)
	}
	if log := w.do("GET", unitPath(w.A, "/audit-log?limit=200"), w.adminA.Token, nil).want(200).Body.String(); !strings.Contains(log, "tenant.public_record") {
		t.Fatal("publishing is not audited")
	}

	tenant := w.publicGet("/public/v1/tenants/shengli", ip).want(200)
	if cc := tenant.Header().Get("Cache-Control"); cc != "public, max-age=30" {
		t.Fatalf("Cache-Control %q", cc)
	}
	staff := decode[statsBody](w.do("GET", unitPath(w.A, "/stats"), w.adminA.Token, nil).want(200))
	pub := decode[struct {
		Name  string    `json:"name"`
		Stats statsBody `json:"stats"`
	}](tenant)
	if pub.Name != "胜利街道" || pub.Stats.Proposals.Total != staff.Proposals.Total || pub.Stats.Resolved != staff.Resolved {
		t.Fatalf("public stats %+v, staff %+v", pub, staff)
	}

	list := w.publicGet("/public/v1/tenants/shengli/proposals", ip).want(200)
	items := decode[struct {
		Items []map[string]any `json:"items"`
	}](list).Items
	public := map[string]bool{"accepted": true, "deliberating": true, "approved": true, "implementing": true, "completed": true, "closed": true}
	completed := 0
	for _, it := range items {
		if !public[it["status"].(string)] {
			t.Fatalf("status %v is public", it["status"])
		}
		if int(it["id"].(float64)) == bProposal {
			t.Fatal("tenant B's proposal is in tenant A's record")
		}
		if it["status"] == "completed" {
			completed++
		}
	}
	if len(items) < 3 || completed != 2 {
		t.Fatalf("items %v", items)
	}
	first := int(items[0]["id"].(float64))
	detail := w.publicGet(fmt.Sprintf("/public/v1/tenants/shengli/proposals/%d", first), ip).want(200)
	w.publicGet(fmt.Sprintf("/public/v1/tenants/shengli/proposals/%d", bProposal), ip).want(404)
	w.publicGet("/public/v1/tenants/shengli/proposals/999999", ip).want(404)
	w.publicGet("/public/v1/tenants/shengli/proposals/abc", ip).want(404)
	w.publicGet("/public/v1/tenants/shengli/proposals?status=draft", ip).want(400)
	w.publicGet("/public/v1/tenants/shengli/proposals?limit=0", ip).want(400)
	done := decode[struct {
		Items []map[string]any `json:"items"`
	}](w.publicGet("/public/v1/tenants/shengli/proposals?status=completed,completed", ip).want(200)).Items
	if len(done) != 2 {
		t.Fatalf("completed: %v", done)
	}
	votes := w.publicGet("/public/v1/tenants/shengli/votes", ip).want(200)
	vs := decode[struct {
		Items []struct {
			ID      int `json:"id"`
			Ballots int `json:"ballots"`
			Options []struct {
				Count int `json:"count"`
			} `json:"options"`
		} `json:"items"`
	}](votes).Items
	if len(vs) != 1 || vs[0].ID != vote || vs[0].Ballots != 1 || vs[0].Options[0].Count != 1 {
		t.Fatalf("votes %+v", vs)
	}

	// Nothing personal anywhere: no phone, no author, no resident's name.
	names := []string{"发起人", "甲", "乙", "邻居", "议事代表", "投票人", "二网格", "社区居民", "李阿姨", "锦华书记"}
	for _, r := range []response{tenant, list, detail, votes} {
		body := r.Body.String()
		if m := phoneLike.FindString(body); m != "" {
			t.Fatalf("a phone number %s in %s", m, body)
		}
		for _, key := range []string{`"author`, `"phone`, `"body"`, `"user_id"`, `"entered_by"`} {
			if strings.Contains(body, key) {
				t.Fatalf("field %s in %s", key, body)
			}
		}
		for _, n := range names {
			if strings.Contains(body, `"`+n) {
				t.Fatalf("name %s in %s", n, body)
			}
		}
	}

	// Withdrawn: at once, cached answers included.
	put(w.adminA, w.A, false).want(200)
	w.publicGet("/public/v1/tenants/shengli/proposals", ip).want(404)
	put(w.adminA, w.A, true).want(200)

	// 120 requests a minute per address; another address is unaffected.
	limited := false
	for i := 0; i < 130 && !limited; i++ {
		r := w.publicGet("/public/v1/tenants/shengli", "203.0.113.9")
		if r.Code == 429 {
			limited = r.Header().Get("Retry-After") != ""
			break
		}
		r.want(200)
	}
	if !limited {
		t.Fatal("no 429 with Retry-After after 130 requests from one address")
	}
	w.publicGet("/public/v1/tenants/shengli", "203.0.113.10").want(200)
}
