package handlers_test

import (
	"fmt"
	"testing"
)

// organizationMatrix lists the organization routes for the isolation matrix.
func organizationMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	return map[string]routeCase{
		"POST /v1/units/:id/organizations": {call: func(w *world) (string, any) {
			return unitPath(w.A1, "/organizations"), map[string]any{"name": fmt.Sprintf("志愿队%d", w.phones.Add(1)), "kind": "self_organization"}
		}, owner: leadA1, ok: 201},
		"GET /v1/units/:id/organizations": {call: func(w *world) (string, any) {
			return unitPath(w.A1, "/organizations"), nil
		}, owner: leadA1, ok: 200},
		"POST /v1/organizations/:id/members": {call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/organizations/%d/members", w.organization("物业公司")), map[string]any{"user_id": w.member("物业代表", w.A1).ID, "role": "member"}
		}, owner: leadA1, ok: 201},
	}
}

// organization registers an organization at A1 and returns its id.
func (w *world) organization(name string) int {
	w.t.Helper()
	return w.do("POST", unitPath(w.A1, "/organizations"), w.leadA1.Token,
		map[string]any{"name": fmt.Sprintf("%s%d", name, w.phones.Add(1)), "kind": "property_company"}).want(201).id()
}

func TestOrganizations201And409(t *testing.T) {
	w := newWorld(t)
	w.do("POST", unitPath(w.A1, "/organizations"), w.guideA1g1.Token, map[string]any{"name": "x", "kind": "self_organization"}).want(404) // above the guide
	w.do("POST", unitPath(w.A1g1, "/organizations"), w.guideA1g1.Token, map[string]any{"name": "四邻志愿队", "kind": "self_organization"}).want(201)
	w.do("POST", unitPath(w.A1g1, "/organizations"), w.guideA1g1.Token, map[string]any{"name": "四邻志愿队", "kind": "self_organization"}).want(409)
	w.do("POST", unitPath(w.A1g1, "/organizations"), w.guideA1g1.Token, map[string]any{"name": "", "kind": "club"}).want(400)
	org := w.organization("胜宏物业")
	path := fmt.Sprintf("/v1/organizations/%d/members", org)
	w.do("POST", path, w.leadA1.Token, map[string]any{"user_id": w.resA1g1.ID, "role": "leader"}).want(201)
	w.do("POST", path, w.leadA1.Token, map[string]any{"user_id": w.resA1g1.ID, "role": "member"}).want(409)
	w.do("POST", path, w.resA1g1.Token, map[string]any{"user_id": w.leadA1.ID, "role": "member"}).want(404) // above the resident
	w.do("GET", unitPath(w.A1, "/organizations"), w.resA1g1.Token, nil).want(404)                           // residents hold roles in their grid only
}
