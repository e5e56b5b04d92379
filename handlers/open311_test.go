package handlers_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// open311Key registers a hotline partner app at tenant A's root with the
// role and scopes Open311 needs and returns its api_key.
func (w *world) open311Key(scopes ...string) string {
	w.t.Helper()
	res := w.do("POST", unitPath(w.A, "/api-clients"), w.adminA.Token,
		map[string]any{"name": "12345 热线", "role": "guide", "scopes": scopes}).want(201).obj()
	return res["client_id"].(string) + ":" + res["client_secret"].(string)
}

// postForm sends a GeoReport form-encoded POST.
func (w *world) postForm(path string, form url.Values) response {
	w.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	w.router.ServeHTTP(rec, req)
	return response{rec, w.t}
}

// TestOpen311FilesAndReportsHotlineRequests follows the GeoReport v2
// documentation's examples: services, a form-encoded request with
// service_code, lat, long, address_string, description, first_name and
// phone, then its status as open and, once rejected, closed with the
// reviewer's note.
func TestOpen311FilesAndReportsHotlineRequests(t *testing.T) {
	w := newWorld(t)
	key := w.open311Key("proposal:create_on_behalf", "proposal:submit", "proposal:read")
	svcs := decode[[]map[string]any](w.do("GET", "/open311/v2/services.json?jurisdiction_id=shengli", "", nil).want(200))
	if len(svcs) != 6 || svcs[0]["service_code"] != "E01" || svcs[0]["type"] != "realtime" {
		t.Fatalf("services: %v", svcs)
	}
	w.do("GET", "/open311/v2/services.json?jurisdiction_id=nowhere", "", nil).want(404)
	form := url.Values{"jurisdiction_id": {"shengli"}, "api_key": {key}, "service_code": {"E02"},
		"lat": {"37.76524078"}, "long": {"-122.4212043"}, "address_string": {"锦华小区3号楼"},
		"description": {"3号楼下水道堵塞，污水外溢"}, "first_name": {"阿姨"}, "last_name": {"李"}, "phone": {"13800000001"},
		"email": {"li@example.com"}, "device_id": {"tt222111"}, "media_url": {"http://example.com/a.jpg"}}
	created := decode[[]map[string]any](w.postForm("/open311/v2/requests.json", form).want(201))
	id := created[0]["service_request_id"].(string)
	reqs := decode[[]map[string]any](w.do("GET", "/open311/v2/requests/"+id+".json?jurisdiction_id=shengli&api_key="+url.QueryEscape(key), "", nil).want(200))
	if len(reqs) != 1 || reqs[0]["status"] != "open" || reqs[0]["service_code"] != "E02" ||
		!strings.Contains(reqs[0]["description"].(string), "锦华小区3号楼") {
		t.Fatalf("request: %v", reqs)
	}
	p := w.do("GET", "/v1/proposals/"+id, w.leadA1.Token, nil)
	if p.Code == 200 && p.obj()["channel"] != "hotline" {
		t.Fatalf("proposal: %s", p.Body.String())
	}
	rootLead := w.withRole("街道书记", "lead", w.A)
	rej := w.do("POST", "/v1/proposals/"+id+"/reject", rootLead.Token, map[string]any{"note": "属于物业维修范围，已转物业", "reason_code": "N06"})
	rej.want(200)
	all := decode[[]map[string]any](w.do("GET", "/open311/v2/requests.json?jurisdiction_id=shengli&service_request_id="+id+"&api_key="+url.QueryEscape(key), "", nil).want(200))
	if len(all) != 1 {
		t.Fatalf("requests: %v", all)
	}
	if all[0]["status"] != "closed" || all[0]["status_notes"] != "属于物业维修范围，已转物业" {
		t.Fatalf("after reject: status %v, notes %v", all[0]["status"], all[0]["status_notes"])
	}
}

// TestOpen311RefusesBadKeysAndInput: no key, a wrong secret, another
// tenant's app and an app without the on-behalf scopes are refused; bad
// fields are 400 naming them; another tenant's request is 404.
func TestOpen311RefusesBadKeysAndInput(t *testing.T) {
	w := newWorld(t)
	good := w.open311Key("proposal:create_on_behalf", "proposal:submit", "proposal:read")
	readOnly := w.open311Key("proposal:read")
	base := url.Values{"jurisdiction_id": {"shengli"}, "service_code": {"E02"}, "description": {"路灯不亮"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for kk, vv := range base {
			f[kk] = vv
		}
		f.Set(k, v)
		return f
	}
	w.postForm("/open311/v2/requests.json", base).want(401)
	w.postForm("/open311/v2/requests.json", with("api_key", strings.Split(good, ":")[0]+":wrong")).want(401)
	w.postForm("/open311/v2/requests.json", with("api_key", readOnly)).want(403)
	f := with("api_key", good)
	f.Set("jurisdiction_id", "xingfu")
	w.postForm("/open311/v2/requests.json", f).want(401)
	for field, value := range map[string]string{"service_code": "N01", "description": "", "lat": "91", "long": "x"} {
		res := w.postForm("/open311/v2/requests.json", func() url.Values { f := with("api_key", good); f.Set(field, value); return f }()).want(400)
		if !strings.Contains(res.Body.String(), `"`+field+`"`) {
			t.Fatalf("%s: %s", field, res.Body.String())
		}
	}
	id := decode[[]map[string]any](w.postForm("/open311/v2/requests.json", with("api_key", good)).want(201))[0]["service_request_id"].(string)
	w.do("GET", fmt.Sprintf("/open311/v2/requests/%s.json?jurisdiction_id=xingfu&api_key=%s", id, url.QueryEscape(good)), "", nil).want(401)
	w.do("GET", "/open311/v2/requests/999999.json?jurisdiction_id=shengli&api_key="+url.QueryEscape(good), "", nil).want(404)
}
