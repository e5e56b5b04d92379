package handlers_test

import (
	"fmt"
	"testing"
)

func grant(w *world, by person, unit int, user person, role string) response {
	return w.do("POST", unitPath(unit, "/role-assignments"), by.Token, map[string]any{"user_id": user.ID, "role": role})
}

func TestGrantsEscalationRefused(t *testing.T) {
	w := newWorld(t)
	target := w.newPerson("目标")
	grant(w, w.leadA1, w.A1, target, "tenant_admin").want(403) // stronger than lead may grant
	grant(w, w.leadA1, w.A1, target, "lead").want(403)         // equal to own: lead may not
	grant(w, w.leadA1, w.A1, target, "reviewer").want(403)
	grant(w, w.leadA1, w.A, target, "guide").want(404)  // at the parent unit: outside scope
	grant(w, w.leadA1, w.A2, target, "guide").want(404) // at a sibling
	grant(w, w.leadA1, w.B1, target, "guide").want(404) // in another tenant
	grant(w, w.adminA, w.B, target, "guide").want(404)  // tenant admin in another tenant
	grant(w, w.guideA1g1, w.A1g1, target, "resident").want(403)
	grant(w, w.resA1g1, w.A1g1, target, "resident").want(403)
	grant(w, w.leadA1, w.A1, w.leadA1, "guide").want(403) // to oneself
	grant(w, w.adminA, w.A, target, "platform_admin").want(400)
	grant(w, w.platform, w.A1, target, "tenant_admin").want(422) // platform appoints at subdistricts only
	grant(w, w.platform, w.A, target, "lead").want(403)
}

func TestGrants201AuditedAndEnforcedAtOnce(t *testing.T) {
	w := newWorld(t)
	p := w.newPerson("新书记")
	w.do("GET", unitPath(w.A1g2, "/members"), p.Token, nil).want(404)
	grant(w, w.leadA1, w.A1g2, p, "guide").want(201)
	w.do("GET", unitPath(w.A1g2, "/members"), p.Token, nil).want(200)
	grant(w, w.leadA1, w.A1g2, p, "guide").want(409)
	ra := grant(w, w.adminA, w.A1, p, "lead").want(201).id()
	log := w.do("GET", unitPath(w.A, "/audit-log?limit=200"), w.adminA.Token, nil).want(200).obj()
	found := false
	for _, e := range log["items"].([]any) {
		m := e.(map[string]any)
		if m["action"] == "role.grant" && int(m["target_id"].(float64)) == ra &&
			m["actor"] == fmt.Sprintf("u:%d", w.adminA.ID) && m["request_id"] != "" {
			found = true
		}
	}
	if !found {
		t.Fatalf("grant %d not in the audit log: %v", ra, log)
	}
}

func TestRevoke204TakesEffectOnNextRequest(t *testing.T) {
	w := newWorld(t)
	p := w.newPerson("临时网格员")
	id := grant(w, w.leadA1, w.A1g1, p, "guide").want(201).id()
	w.do("GET", unitPath(w.A1g1, "/members"), p.Token, nil).want(200)
	w.do("DELETE", fmt.Sprintf("/v1/role-assignments/%d", id), w.guideA1g1.Token, nil).want(403)
	w.do("DELETE", fmt.Sprintf("/v1/role-assignments/%d", id), w.leadA1.Token, nil).want(204)
	w.do("GET", unitPath(w.A1g1, "/members"), p.Token, nil).want(404)
	w.do("DELETE", fmt.Sprintf("/v1/role-assignments/%d", id), w.leadA1.Token, nil).want(204)
	w.do("DELETE", "/v1/role-assignments/x", w.leadA1.Token, nil).want(404)
	log := w.do("GET", unitPath(w.A1, "/audit-log?limit=200"), w.adminA.Token, nil).want(200).obj()
	revokes := 0
	for _, e := range log["items"].([]any) {
		if e.(map[string]any)["action"] == "role.revoke" {
			revokes++
		}
	}
	if revokes != 1 {
		t.Fatalf("revokes audited = %d, want 1", revokes)
	}
}

func TestPlatformAdminSeesNoResidentData(t *testing.T) {
	w := newWorld(t)
	w.do("GET", unitPath(w.A1, ""), w.platform.Token, nil).want(200)
	w.do("GET", unitPath(w.A1, "/members"), w.platform.Token, nil).want(403)
	w.do("POST", unitPath(w.A1, "/members"), w.platform.Token, map[string]any{"user_id": w.platform.ID, "identities": []string{"resident"}}).want(403)
	w.do("POST", unitPath(w.A, "/children"), w.platform.Token, map[string]string{"name": "x", "code": "x"}).want(403)
}
