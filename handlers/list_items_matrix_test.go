package handlers_test

import "fmt"

// listItemMatrix covers the list-item routes. The lists are tenant-wide
// reference data, so every entry is sameTenantAllowed: tenant B's callers
// must get 404, while the sibling community's lead reads them (and gets 403
// on changes, see TestListItemsChange403InsideTenant).
func listItemMatrix() map[string]routeCase {
	tenantA := func(w *world) (string, any) { return listItemsPath(w.A, ""), nil }
	firstItem := func(body any) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			return listItemPath(w.listItems(w.adminA, w.A, "")[0].id()), body
		}
	}
	adminA := func(w *world) person { return w.adminA }
	leadA1 := func(w *world) person { return w.leadA1 }
	return map[string]routeCase{
		"GET /v1/tenants/:id/list-items": {call: tenantA, owner: leadA1, ok: 200, sameTenantAllowed: true},
		"POST /v1/tenants/:id/list-items": {owner: adminA, ok: 201, sameTenantAllowed: true, call: func(w *world) (string, any) {
			return listItemsPath(w.A, ""), map[string]any{"kind": "negative", "code": "N99", "title": "测试项", "keywords": []string{"测试"}}
		}},
		"GET /v1/list-items/:id":   {call: firstItem(nil), owner: leadA1, ok: 200, sameTenantAllowed: true},
		"PATCH /v1/list-items/:id": {call: firstItem(map[string]any{"title": "社区建设类"}), owner: adminA, ok: 200, sameTenantAllowed: true},
	}
}

func listItemsPath(tenant int, query string) string {
	return fmt.Sprintf("/v1/tenants/%d/list-items%s", tenant, query)
}

func listItemPath(id int) string { return fmt.Sprintf("/v1/list-items/%d", id) }
