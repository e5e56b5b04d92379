package handlers_test

import (
	"net/http/httptest"
	"strings"
)

// postCSV uploads a households file as text/csv.
func (a *api) postCSV(unit int, by person, csv string) response {
	a.t.Helper()
	req := httptest.NewRequest("POST", unitPath(unit, "/households/import"), strings.NewReader(csv))
	req.Header.Set("Content-Type", "text/csv; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+by.Token)
	rec := httptest.NewRecorder()
	a.router.ServeHTTP(rec, req)
	return response{rec, a.t}
}
