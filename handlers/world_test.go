package handlers_test

import (
	"fmt"
	"testing"
)

// world is a platform with two tenants, used by most API tests:
//
//	tenant A: s(A) ─ c(A1) ─ g(A1g1), g(A1g2)
//	             └─ c(A2) ─ g(A2g1)
//	tenant B: s(B) ─ c(B1) ─ g(B1g1)
type world struct {
	*api
	platform                       person
	adminA, leadA1, leadA2         person
	reviewerA1, guideA1g1, resA1g1 person
	adminB, leadB1                 person
	A, A1, A2, A1g1, A1g2, A2g1    int
	B, B1, B1g1                    int
}

func newWorld(t testing.TB) *world {
	t.Helper()
	w := &world{api: newAPI(t)}
	w.platform = w.newPerson("平台管理员")
	w.grantDirect(w.platform, "platform_admin", 0)
	w.A = w.createTenant("胜利街道", "shengli")
	w.B = w.createTenant("幸福街道", "xingfu")
	w.adminA, w.adminB = w.newPerson("A管理员"), w.newPerson("B管理员")
	w.do("POST", fmt.Sprintf("/v1/units/%d/role-assignments", w.A), w.platform.Token,
		map[string]any{"user_id": w.adminA.ID, "role": "tenant_admin"}).want(201)
	w.do("POST", fmt.Sprintf("/v1/units/%d/role-assignments", w.B), w.platform.Token,
		map[string]any{"user_id": w.adminB.ID, "role": "tenant_admin"}).want(201)
	w.A1 = w.createChild(w.adminA, w.A, "锦华社区", "jinhua")
	w.A2 = w.createChild(w.adminA, w.A, "胜宏社区", "shenghong")
	w.A1g1 = w.createChild(w.adminA, w.A1, "锦华一网格", "jh-g1")
	w.A1g2 = w.createChild(w.adminA, w.A1, "锦华二网格", "jh-g2")
	w.A2g1 = w.createChild(w.adminA, w.A2, "胜宏一网格", "sh-g1")
	w.B1 = w.createChild(w.adminB, w.B, "B社区", "b1")
	w.B1g1 = w.createChild(w.adminB, w.B1, "B一网格", "b1-g1")
	w.leadA1 = w.withRole("锦华书记", "lead", w.A1)
	w.leadA2 = w.withRole("胜宏书记", "lead", w.A2)
	w.reviewerA1 = w.withRole("议事会成员", "reviewer", w.A1)
	w.guideA1g1 = w.withRole("网格员", "guide", w.A1g1)
	w.resA1g1 = w.withRole("李阿姨", "resident", w.A1g1)
	w.leadB1 = w.withRole("B书记", "lead", w.B1)
	return w
}

func (w *world) createTenant(name, code string) int {
	w.t.Helper()
	return w.do("POST", "/v1/tenants", w.platform.Token, map[string]string{"name": name, "code": code}).want(201).id()
}

func (w *world) createChild(by person, parent int, name, code string) int {
	w.t.Helper()
	return w.do("POST", fmt.Sprintf("/v1/units/%d/children", parent), by.Token,
		map[string]string{"name": name, "code": code}).want(201).id()
}

// withRole registers a person and has the tenant admin grant role at unit.
func (w *world) withRole(name, role string, unit int) person {
	w.t.Helper()
	p := w.newPerson(name)
	admin := w.adminA
	if unit == w.B || unit == w.B1 || unit == w.B1g1 {
		admin = w.adminB
	}
	w.do("POST", fmt.Sprintf("/v1/units/%d/role-assignments", unit), admin.Token,
		map[string]any{"user_id": p.ID, "role": role}).want(201)
	return p
}

func unitPath(id int, suffix string) string { return fmt.Sprintf("/v1/units/%d%s", id, suffix) }
