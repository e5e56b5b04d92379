package handlers_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
)

// listItem is one decoded item of a list-items page.
type listItem map[string]any

func (it listItem) id() int             { return int(it["id"].(float64)) }
func (it listItem) str(k string) string { s, _ := it[k].(string); return s }

// listItems reads every item of tenant's lists as p (query like "?kind=negative"),
// following next_cursor to the end.
func (w *world) listItems(p person, tenant int, query string) []listItem {
	w.t.Helper()
	var out []listItem
	sep, cursor := "?", ""
	if query != "" {
		sep = "&"
	}
	for range 100 {
		path := listItemsPath(tenant, query)
		if cursor != "" {
			path += sep + "cursor=" + cursor
		}
		page := decode[struct {
			Items      []listItem `json:"items"`
			NextCursor string     `json:"next_cursor"`
		}](w.do("GET", path, p.Token, nil).want(200))
		out = append(out, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			return out
		}
	}
	w.t.Fatal("list-items pagination does not end")
	return nil
}

// doIfMatch is do with an If-Match header.
func (a *api) doIfMatch(method, path, token, ifMatch string, body any) response {
	a.t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		a.t.Fatal(err)
	}
	req := httptest.NewRequest(method, path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("If-Match", ifMatch)
	rec := httptest.NewRecorder()
	a.router.ServeHTTP(rec, req)
	return response{rec, a.t}
}
