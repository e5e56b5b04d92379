package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

// routeCase says how to call one route against tenant A's data. ok is the
// status A's own staff get, proving the call is real; callers whose roles
// sit in tenant B or in a sibling community must get 404 instead.
//
// sameTenantAllowed marks tenant-wide reference data (the subdistrict's
// proposal lists): every community of the tenant works under it, so the
// sibling lead is inside the target, not beside it, and legitimately reads
// it (or gets 403 on a change). Only other-tenant callers are checked for
// 404 here; list_items_test.go covers what siblings get.
type routeCase struct {
	public            string // non-empty: the route holds no tenant data, and why
	call              func(w *world) (path string, body any)
	owner             func(w *world) person
	ok                int
	sameTenantAllowed bool
}

// isolationMatrix has an entry for every route the router serves;
// TestIsolationMatrixCoversEveryRoute fails when a new route has none.
func isolationMatrix() map[string]routeCase {
	unit := func(suffix string) func(w *world) (string, any) {
		return func(w *world) (string, any) { return unitPath(w.A1, suffix), nil }
	}
	adminA := func(w *world) person { return w.adminA }
	leadA1 := func(w *world) person { return w.leadA1 }
	m := map[string]routeCase{
		"GET /healthz":                       {public: "liveness only"},
		"GET /readyz":                        {public: "readiness only"},
		"GET /openapi.json":                  {public: "the spec"},
		"GET /swagger.json":                  {public: "the spec"},
		"GET /docs/*any":                     {public: "Swagger UI assets"},
		"GET /.well-known/jwks.json":         {public: "public keys"},
		"POST /v1/auth/register":             {public: "creates the caller's own account"},
		"POST /v1/auth/codes":                {public: "a code for a phone, answered alike for every phone; TestCodesAnswerAlikeForKnownAndUnknownPhones"},
		"POST /v1/auth/password-reset":       {public: "the caller's own account, proven by a code; TestPasswordResetRevokesEverySession"},
		"PATCH /v1/me":                       {public: "the caller's own profile; TestUpdateMeRenamesOnlyTheCaller"},
		"DELETE /v1/me":                      {public: "the caller's own account; TestExportThenDeleteAnonymizes"},
		"POST /v1/me/password":               {public: "the caller's own password and sessions; TestChangePasswordKeepsOnlyThisSession"},
		"GET /v1/me/export":                  {public: "the caller's own data only; TestExportThenDeleteAnonymizes"},
		"POST /v1/auth/login":                {public: "the caller's own credentials"},
		"POST /v1/auth/refresh":              {public: "the caller's own refresh token"},
		"POST /v1/auth/logout":               {public: "the caller's own refresh token"},
		"POST /v1/oauth/token":               {public: "the partner app's own credentials"},
		"GET /open311/v2/services.json":      {public: "the tenant's public categories"},
		"POST /open311/v2/requests.json":     {public: "the partner app's own api_key; TestOpen311RefusesBadKeysAndInput"},
		"GET /open311/v2/requests.json":      {public: "the partner app's own api_key; TestOpen311RefusesBadKeysAndInput"},
		"GET /open311/v2/requests/:id":       {public: "the partner app's own api_key; TestOpen311RefusesBadKeysAndInput"},
		"GET /v1/me":                         {public: "the caller's own user; TestMeShowsOnlyOwnData"},
		"GET /v1/roles":                      {public: "the static role catalog"},
		"POST /v1/tenants":                   {public: "platform-level; TestTenantsCreateByTenantStaff403"},
		"GET /v1/units/:id":                  {call: unit(""), owner: leadA1, ok: 200},
		"GET /v1/units/:id/children":         {call: unit("/children"), owner: leadA1, ok: 200},
		"GET /v1/units/:id/members":          {call: unit("/members"), owner: leadA1, ok: 200},
		"GET /v1/units/:id/audit-log":        {call: unit("/audit-log"), owner: adminA, ok: 200},
		"GET /v1/units/:id/api-clients":      {call: unit("/api-clients"), owner: adminA, ok: 200},
		"GET /v1/units/:id/role-assignments": {call: unit("/role-assignments"), owner: leadA1, ok: 200},
		"POST /v1/units/:id/children": {owner: adminA, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A1, "/children"), map[string]string{"name": "新网格", "code": "new-g"}
		}},
		"POST /v1/units/:id/members": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			p := w.newPerson("新居民")
			return unitPath(w.A1, "/members"), map[string]any{"user_id": p.ID, "identities": []string{"resident"}}
		}},
		"POST /v1/units/:id/role-assignments": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			p := w.newPerson("新网格员")
			return unitPath(w.A1, "/role-assignments"), map[string]any{"user_id": p.ID, "role": "guide"}
		}},
		"POST /v1/units/:id/api-clients": {owner: adminA, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A1, "/api-clients"), map[string]any{"name": "热线", "role": "guide", "scopes": []string{"unit:read"}}
		}},
		"DELETE /v1/role-assignments/:id": {owner: leadA1, ok: 204, call: func(w *world) (string, any) {
			p := w.newPerson("临时")
			id := w.do("POST", unitPath(w.A1g2, "/role-assignments"), w.leadA1.Token,
				map[string]any{"user_id": p.ID, "role": "implementer"}).want(201).id()
			return fmt.Sprintf("/v1/role-assignments/%d", id), nil
		}},
		"DELETE /v1/api-clients/:id": {owner: adminA, ok: 204, call: func(w *world) (string, any) {
			id := w.do("POST", unitPath(w.A1, "/api-clients"), w.adminA.Token,
				map[string]any{"name": "物业系统", "role": "implementer", "scopes": []string{"task:read"}}).want(201).id()
			return fmt.Sprintf("/v1/api-clients/%d", id), nil
		}},
	}
	for _, more := range []map[string]routeCase{proposalMatrix(), organizationMatrix(), peopleMatrix(), organizationRosterMatrix(), listItemMatrix(), attachmentMatrix(), meetingMatrix(), voteMatrix(), taskMatrix(), feedbackMatrix(), publicRecordMatrix(), workflow12Matrix(), webhookMatrix()} {
		for k, v := range more {
			m[k] = v
		}
	}
	return m
}

func TestIsolationMatrixCoversEveryRoute(t *testing.T) {
	w := newWorld(t)
	matrix := isolationMatrix()
	for _, rt := range w.router.Routes() {
		if _, ok := matrix[rt.Method+" "+rt.Path]; !ok {
			t.Errorf("route %s %s has no entry in the isolation matrix", rt.Method, rt.Path)
		}
	}
}

// TestIsolationMatrix404OtherTenantOrSibling walks every tenant-data route:
// callers from another subdistrict, or from a sibling community, get 404
// and nothing of the target; the target's own staff succeed.
func TestIsolationMatrix404OtherTenantOrSibling(t *testing.T) {
	w := newWorld(t)
	for route, rc := range isolationMatrix() {
		if rc.public != "" {
			continue
		}
		t.Run(route, func(t *testing.T) {
			method := strings.Fields(route)[0]
			path, body := rc.call(w)
			for name, outsider := range map[string]person{"other tenant admin": w.adminB, "other tenant lead": w.leadB1, "sibling lead": w.leadA2} {
				if rc.sameTenantAllowed && name == "sibling lead" {
					continue
				}
				res := w.do(method, path, outsider.Token, body)
				if res.Code != 404 {
					t.Fatalf("%s: %s %s = %d, want 404: %s", name, method, path, res.Code, res.Body.String())
				}
				if strings.Contains(res.Body.String(), "锦华") {
					t.Fatalf("%s: 404 leaks target data: %s", name, res.Body.String())
				}
			}
			w.do(method, path, rc.owner(w).Token, body).want(rc.ok)
		})
	}
}
