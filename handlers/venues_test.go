package handlers_test

import "testing"

// TestVenuesCreateListRetire: a lead registers the tea house and the
// pavilion, names are unique per unit, a retired venue stays listed under
// status=retired, and a guide registers but does not retire venues.
func TestVenuesCreateListRetire(t *testing.T) {
	w := newWorld(t)
	tea := w.teaHouse("邻里茶馆")
	w.do("POST", unitPath(w.A1, "/venues"), w.leadA1.Token, map[string]any{"name": "邻里茶馆", "kind": "hall"}).want(409)
	res := w.do("POST", unitPath(w.A1, "/venues"), w.leadA1.Token, map[string]any{"name": "", "kind": "bar", "capacity": -1}).want(400)
	if f := problemFields(res); len(f) != 3 {
		t.Fatalf("fields %v", f)
	}
	pavilion := w.do("POST", unitPath(w.A1g1, "/venues"), w.guideA1g1.Token, map[string]any{"name": "四邻议事亭", "kind": "pavilion"}).want(201).id()
	w.do("PATCH", "/v1/venues/"+itoa(pavilion), w.guideA1g1.Token, map[string]any{"status": "retired"}).want(403)
	got := w.do("PATCH", "/v1/venues/"+itoa(pavilion), w.leadA1.Token, map[string]any{"status": "retired", "capacity": 12}).want(200).obj()
	if got["status"] != "retired" || got["capacity"].(float64) != 12 || got["kind"] != "pavilion" {
		t.Fatalf("patched = %v", got)
	}
	active := w.do("GET", unitPath(w.A1, "/venues?status=active"), w.resA1g1.Token, nil).want(200).obj()["items"].([]any)
	if len(active) != 1 || int(active[0].(map[string]any)["id"].(float64)) != tea {
		t.Fatalf("active venues = %v", active)
	}
	if n := len(w.do("GET", unitPath(w.A1, "/venues"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)); n != 2 {
		t.Fatalf("all venues = %d", n)
	}
	w.do("GET", unitPath(w.A1, "/venues?status=gone"), w.leadA1.Token, nil).want(400)
	w.do("GET", "/v1/venues/"+itoa(tea), w.resA1g1.Token, nil).want(200)
	w.do("GET", "/v1/venues/"+itoa(tea), w.leadA2.Token, nil).want(404)
}
