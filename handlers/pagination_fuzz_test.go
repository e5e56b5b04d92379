package handlers

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/gin-gonic/gin"
)

// FuzzParsePage feeds parsePage arbitrary limit and cursor values. Every
// list of the API starts with it, so it must never panic; a page it
// accepts must have a limit of 1 to maxPageSize and a non-negative
// position; anything it refuses must be a 400 problem; and every cursor
// nextCursor issues must read back as the id it was made from.
func FuzzParsePage(f *testing.F) {
	gin.SetMode(gin.TestMode)
	f.Add("20", "NDI", 42)
	f.Fuzz(func(t *testing.T, limit, cursor string, lastID int) {
		q := url.Values{"limit": {limit}, "cursor": {cursor}}
		p, err := parsePageOf(q)
		if err != nil {
			if e := classify(err); e == nil || statusOf(e.Kind) != 400 {
				t.Fatalf("limit %q cursor %q: %v is not a 400", limit, cursor, err)
			}
		} else if p.Limit < 1 || p.Limit > maxPageSize || p.After < 0 {
			t.Fatalf("limit %q cursor %q accepted as %+v", limit, cursor, p)
		}
		if lastID < 0 {
			return
		}
		next := nextCursor(true, lastID)
		back, err := parsePageOf(url.Values{"cursor": {next}})
		if err != nil || back.After != lastID {
			t.Fatalf("cursor %q of id %d reads back as %+v, %v", next, lastID, back, err)
		}
	})
}

// parsePageOf runs parsePage on a request with query q.
func parsePageOf(q url.Values) (page, error) {
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest("GET", "/v1/fuzz?"+q.Encode(), nil)
	return parsePage(c)
}
