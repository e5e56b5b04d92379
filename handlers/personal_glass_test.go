package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlatformGrantsInATenantWithAdminsOnlyByBreakingGlass (issue 15):
// the platform operator appoints a tenant's first tenant_admin (newWorld
// does); once the tenant has one, a plain platform grant there is 403
// role_assignment.tenant_has_admin, and a break-glass grant needs a
// reason, succeeds, and is in the audit log the tenant's admins read,
// addressed to them.
func TestPlatformGrantsInATenantWithAdminsOnlyByBreakingGlass(t *testing.T) {
	w := newWorld(t)
	path := fmt.Sprintf("/v1/units/%d/role-assignments", w.A)
	cases := []struct {
		name   string
		by     person
		body   map[string]any
		status int
		code   string
	}{
		{"plain platform grant", w.platform, map[string]any{"role": "tenant_admin"}, 403, "role_assignment.tenant_has_admin"},
		{"break glass without reason", w.platform, map[string]any{"role": "tenant_admin", "break_glass": true}, 400, "request.invalid"},
		{"reason without break glass", w.platform, map[string]any{"role": "tenant_admin", "reason": "x"}, 400, "request.invalid"},
		{"tenant admin breaking glass", w.adminA, map[string]any{"role": "lead", "break_glass": true, "reason": "x"}, 400, "request.invalid"},
		{"tenant admin grants as usual", w.adminA, map[string]any{"role": "lead"}, 201, ""},
		{"break glass", w.platform, map[string]any{"role": "tenant_admin", "break_glass": true, "reason": "街道管理员离职"}, 201, ""},
	}
	var glass int
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.body["user_id"] = w.newPerson("新人").ID
			r := w.do("POST", path, c.by.Token, c.body)
			if c.code != "" {
				wantCode(t, r, c.status, c.code)
				return
			}
			glass = r.want(c.status).id()
		})
	}
	log := w.do("GET", unitPath(w.A, "/audit-log?limit=200"), w.adminA.Token, nil).want(200).obj()
	entry := 0
	for _, e := range log["items"].([]any) {
		m := e.(map[string]any)
		d, _ := m["detail"].(map[string]any)
		if m["action"] == "role.break_glass" && int(m["target_id"].(float64)) == glass &&
			m["actor"] == fmt.Sprintf("u:%d", w.platform.ID) && d["reason"] == "街道管理员离职" &&
			fmt.Sprint(d["tenant_admins"]) == fmt.Sprintf("[%d]", w.adminA.ID) {
			entry = int(m["id"].(float64))
		}
	}
	if entry == 0 {
		t.Fatalf("break-glass grant %d not in the tenant's audit log: %v", glass, log)
	}
	wantBreakGlassNotice(t, w, entry)
	// Tenant B still has one admin: the platform's plain grant there is refused too.
	wantCode(t, w.do("POST", fmt.Sprintf("/v1/units/%d/role-assignments", w.B), w.platform.Token,
		map[string]any{"user_id": w.newPerson("B新人").ID, "role": "tenant_admin"}), 403, "role_assignment.tenant_has_admin")
}

// wantBreakGlassNotice: the tenant's admin at the time of the grant has
// exactly one break_glass notification, naming the audit entry and the
// reason and no timeline event, unread; nobody else (the other tenant's
// admin, the platform operator, the grantee) has one.
func wantBreakGlassNotice(t *testing.T, w *world, entry int) {
	t.Helper()
	var got []map[string]any
	for _, n := range w.inbox(w.adminA, "") {
		if n["kind"] == "break_glass" {
			got = append(got, n)
		}
	}
	if len(got) != 1 {
		t.Fatalf("tenant admin has %d break_glass notifications: %v", len(got), got)
	}
	n := got[0]
	if n["audit_id"] != float64(entry) || n["event_id"] != nil || n["proposal_id"] != nil || n["read"] != false ||
		!strings.Contains(n["body"].(string), "街道管理员离职") || !strings.Contains(n["title"].(string), "tenant_admin") {
		t.Fatalf("break_glass notification %v, want audit entry %d", n, entry)
	}
	for _, p := range []person{w.adminB, w.platform} {
		for _, n := range w.inbox(p, "") {
			if n["kind"] == "break_glass" {
				t.Fatalf("user %d was notified of another tenant's break glass: %v", p.ID, n)
			}
		}
	}
}
