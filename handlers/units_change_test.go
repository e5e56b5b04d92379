package handlers_test

import (
	"fmt"
	"testing"
)

// TestUnitRenameRecodeWithIfMatch: the tenant admin renames and recodes
// a grid; a stale If-Match is 412, a sibling's code 409, bad input 400
// naming the field, a resident 403 and another tenant 404.
func TestUnitRenameRecodeWithIfMatch(t *testing.T) {
	w := newWorld(t)
	path := unitPath(w.A1g1, "")
	read := w.do("GET", path, w.adminA.Token, nil).want(200)
	etag := read.Header().Get("ETag")
	if etag == "" || read.obj()["etag"] != etag {
		t.Fatalf("unit ETag %q / %v", etag, read.obj()["etag"])
	}
	got := w.doWith("PATCH", path, w.adminA.Token, map[string]any{"name": "锦华第一网格", "code": "jh-first"},
		map[string]string{"If-Match": etag}).want(200)
	if o := got.obj(); o["name"] != "锦华第一网格" || o["code"] != "jh-first" || got.Header().Get("ETag") == etag {
		t.Fatalf("after PATCH: %v", o)
	}
	w.doWith("PATCH", path, w.adminA.Token, map[string]any{"name": "旧版本"}, map[string]string{"If-Match": etag}).want(412)
	if r := w.do("PATCH", path, w.adminA.Token, map[string]any{"code": "jh-g2"}).want(409); r.obj()["code"] != "unit.code_taken" {
		t.Fatalf("sibling code: %s", r.Body.String())
	}
	w.do("PATCH", unitPath(w.A2g1, ""), w.adminA.Token, map[string]any{"code": "jh-g2"}).want(200) // another parent
	if r := w.do("PATCH", path, w.adminA.Token, map[string]any{"code": "bad code!"}).want(400); !namesField(r.obj(), "code") {
		t.Fatalf("bad code: %s", r.Body.String())
	}
	w.do("PATCH", path, w.adminA.Token, map[string]any{}).want(400)
	w.do("PATCH", path, w.resA1g1.Token, map[string]any{"name": "居民改名"}).want(403)
	w.do("PATCH", path, w.adminB.Token, map[string]any{"name": "别人的"}).want(404)
	w.do("PATCH", path, w.leadA1.Token, map[string]any{"name": "书记改名"}).want(403) // leads do not edit the tree
	if n := w.do("GET", path, w.adminA.Token, nil).want(200).obj()["name"]; n != "锦华第一网格" {
		t.Fatalf("name = %v", n)
	}
}

// TestUnitArchiveBlocksNewProposalsBelowAndKeepsHistory: archiving a
// community stops new proposals there and in its grids (409
// unit.archived), keeps earlier proposals readable, and restoring opens
// it again; every step is audited.
func TestUnitArchiveBlocksNewProposalsBelowAndKeepsHistory(t *testing.T) {
	w := newWorld(t)
	old := w.submittedProposal()
	w.do("POST", unitPath(w.A1, "/archive"), w.leadA1.Token, nil).want(403)
	a := w.do("POST", unitPath(w.A1, "/archive"), w.adminA.Token, nil).want(200).obj()
	if a["archived_at"] == nil {
		t.Fatalf("archive: %v", a)
	}
	w.do("POST", unitPath(w.A1, "/archive"), w.adminA.Token, nil).want(409)
	for _, u := range []int{w.A1, w.A1g1} {
		r := w.do("POST", unitPath(u, "/proposals"), w.leadA1.Token, loveSeat("online")).want(409)
		if r.obj()["code"] != "unit.archived" {
			t.Fatalf("proposal in archived unit %d: %s", u, r.Body.String())
		}
	}
	w.do("POST", unitPath(w.A2g1, "/proposals"), w.leadA2.Token, loveSeat("online")).want(201) // another community
	w.do("GET", proposalURL(old, ""), w.resA1g1.Token, nil).want(200)
	w.do("GET", unitPath(w.A1, "/proposals"), w.leadA1.Token, nil).want(200)
	w.do("POST", unitPath(w.A1g1, "/restore"), w.adminA.Token, nil).want(409) // the grid itself is not archived
	w.do("POST", unitPath(w.A1, "/restore"), w.adminA.Token, nil).want(200)
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	w.do("POST", unitPath(w.A1, "/archive"), w.adminB.Token, nil).want(404)
	w.do("POST", unitPath(w.A1, "/restore"), w.adminB.Token, nil).want(404)
	log := w.do("GET", unitPath(w.A1, "/audit-log"), w.adminA.Token, nil).want(200).obj()
	seen := map[string]bool{}
	for _, e := range log["items"].([]any) {
		seen[e.(map[string]any)["action"].(string)] = true
	}
	if !seen["unit.archive"] || !seen["unit.restore"] {
		t.Fatalf("audit log lacks archive/restore: %v", seen)
	}
}

// TestTenantSuspendRefusesItsUsersOnly: the platform lists tenants and
// suspends A: A's staff, residents and admin get 403 tenant.suspended on
// every route, B works, nothing is deleted, and unsuspending serves A
// again. Nobody but the platform lists, suspends or unsuspends.
func TestTenantSuspendRefusesItsUsersOnly(t *testing.T) {
	w := newWorld(t)
	pid := w.submittedProposal()
	page := w.do("GET", "/v1/tenants?limit=1", w.platform.Token, nil).want(200).obj()
	next := w.do("GET", "/v1/tenants?limit=1&cursor="+page["next_cursor"].(string), w.platform.Token, nil).want(200).obj()
	if len(page["items"].([]any)) != 1 || len(next["items"].([]any)) != 1 {
		t.Fatalf("tenant pages: %v / %v", page, next)
	}
	w.do("GET", "/v1/tenants?status=gone", w.platform.Token, nil).want(400)
	for _, p := range []person{w.adminA, w.leadA1, w.resA1g1} {
		w.do("GET", "/v1/tenants", p.Token, nil).want(403)
	}
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", w.A), w.adminA.Token, nil).want(403) // sees the tenant, may not
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", w.A), w.leadA1.Token, nil).want(404) // below it: not told
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", w.A), w.adminB.Token, nil).want(404)
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", w.A1), w.platform.Token, nil).want(404) // not a tenant
	s := w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", w.A), w.platform.Token, nil).want(200).obj()
	if s["status"] != "suspended" {
		t.Fatalf("suspend: %v", s)
	}
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", w.A), w.platform.Token, nil).want(409)
	for name, p := range map[string]person{"admin": w.adminA, "lead": w.leadA1, "resident": w.resA1g1} {
		for _, path := range []string{"/v1/me", unitPath(w.A1, ""), proposalURL(pid, ""), "/v1/me/notifications"} {
			r := w.do("GET", path, p.Token, nil).want(403)
			if r.obj()["code"] != "tenant.suspended" {
				t.Fatalf("%s GET %s: %s", name, path, r.Body.String())
			}
		}
	}
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(403)
	w.do("GET", unitPath(w.B1, ""), w.leadB1.Token, nil).want(200)
	w.do("POST", unitPath(w.B1g1, "/proposals"), w.leadB1.Token, loveSeat("online")).want(201)
	w.do("GET", unitPath(w.A, ""), w.platform.Token, nil).want(200)
	if list := w.do("GET", "/v1/tenants?status=suspended", w.platform.Token, nil).want(200).obj(); len(list["items"].([]any)) != 1 {
		t.Fatalf("suspended tenants: %v", list)
	}
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/unsuspend", w.A), w.adminA.Token, nil).want(403)
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/unsuspend", w.A), w.platform.Token, nil).want(200)
	w.do("POST", fmt.Sprintf("/v1/tenants/%d/unsuspend", w.A), w.platform.Token, nil).want(409)
	w.do("GET", proposalURL(pid, ""), w.resA1g1.Token, nil).want(200)
	w.do("GET", unitPath(w.A1, ""), w.leadA1.Token, nil).want(200)
}

// TestTenantAdminReadsProposalsAcrossTheTenant: the tenant admin lists
// and reads every community's proposals (403 before issue 12), without
// the personal data reserved for case handlers; another tenant's admin
// still gets 404.
func TestTenantAdminReadsProposalsAcrossTheTenant(t *testing.T) {
	w := newWorld(t)
	a1 := w.submittedProposal()
	a2 := w.do("POST", unitPath(w.A2g1, "/proposals"), w.leadA2.Token, loveSeat("online")).want(201).id()
	w.act(w.leadA2, a2, "submit", nil).want(200)
	for _, u := range []int{w.A, w.A1, w.A2} {
		w.do("GET", unitPath(u, "/proposals"), w.adminA.Token, nil).want(200)
	}
	items := w.do("GET", unitPath(w.A, "/proposals?limit=200"), w.adminA.Token, nil).want(200).obj()["items"].([]any)
	if len(items) < 2 {
		t.Fatalf("tenant admin sees %d proposals", len(items))
	}
	got := w.do("GET", proposalURL(a1, ""), w.adminA.Token, nil).want(200).obj()
	if author, _ := got["author"].(map[string]any); author != nil && author["phone"] == "13812341234" {
		t.Fatalf("the tenant admin sees the author's phone: %v", author)
	}
	w.do("GET", proposalURL(a2, ""), w.adminA.Token, nil).want(200)
	w.do("GET", proposalURL(a1, ""), w.adminB.Token, nil).want(404)
	w.do("GET", unitPath(w.A, "/proposals"), w.adminB.Token, nil).want(404)
}
