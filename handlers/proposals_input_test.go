package handlers_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"yishi/internal/viewer"
)

func TestProposalCreate400WritesNothing(t *testing.T) {
	w := newWorld(t)
	ctx := viewer.SystemContext(context.Background())
	before := w.st.Client.Proposal.Query().CountX(ctx)
	org := w.organization("志愿队")
	with := func(k string, v any) map[string]any {
		b := loveSeat("online")
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
		return b
	}
	joint := func(extra map[string]any) map[string]any {
		b := loveSeat("online")
		b["kind"] = "joint"
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	future := time.Now().Add(48 * time.Hour).Format(time.RFC3339)
	cases := map[string]struct {
		body  any
		field string
	}{
		"empty title":          {with("title", ""), "title"},
		"5 MB body":            {`{"title":"x","kind":"individual","channel":"online","body":"` + strings.Repeat("长", 5<<20/3) + `"}`, "body"},
		"unknown kind":         {with("kind", "secret"), "kind"},
		"unknown channel":      {with("channel", "wechat"), "channel"},
		"unknown category":     {with("category_code", "E99"), "category_code"},
		"negative as category": {with("category_code", "N01"), "category_code"},
		"threshold below 2":    {joint(map[string]any{"cosign_threshold": 1, "cosign_deadline": future}), "cosign_threshold"},
		"joint no deadline":    {joint(map[string]any{"cosign_threshold": 5}), "cosign_deadline"},
		"org not led":          {with("kind", "organizational"), "organization_id"},
		"org not leader": {func() map[string]any {
			b := with("kind", "organizational")
			b["organization_id"] = org
			return b
		}(), "organization_id"},
		"unknown field": {with("priority", "high"), "priority"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, tc.body).want(400)
			if !namesField(r.obj(), tc.field) {
				t.Fatalf("problem does not name %q: %.300s", tc.field, r.Body.String())
			}
		})
	}
	if after := w.st.Client.Proposal.Query().CountX(ctx); after != before {
		t.Fatalf("bad input wrote proposals: %d → %d", before, after)
	}
	// The same organizational proposal from the organization's leader works.
	w.do("POST", "/v1/organizations/"+itoa(org)+"/members", w.leadA1.Token, map[string]any{"user_id": w.resA1g1.ID, "role": "leader"}).want(201)
	b := with("kind", "organizational")
	b["organization_id"] = org
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, b).want(201)
}

// TestProposalConcurrentTransitionsApplyOnce: an accept and a reject raced
// on one proposal leave exactly one of them applied and one event.
func TestProposalConcurrentTransitionsApplyOnce(t *testing.T) {
	w := newWorld(t)
	for round := 0; round < 5; round++ {
		id := w.submittedProposal()
		var wg sync.WaitGroup
		codes := make([]int, 4)
		for i := range codes {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				action := []string{"accept", "reject", "return", "accept"}[i]
				codes[i] = w.act(w.leadA1, id, action, map[string]any{"note": "并发"}).Code
			}(i)
		}
		wg.Wait()
		ok := 0
		for _, c := range codes {
			if c == 200 {
				ok++
			} else if c != 409 {
				t.Fatalf("round %d: codes %v", round, codes)
			}
		}
		events := w.do("GET", proposalURL(id, "/events"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
		if ok != 1 || len(events) != 3 {
			t.Fatalf("round %d: %d successes, %d events (codes %v)", round, ok, len(events), codes)
		}
	}
}

func TestProposalListFiltersAndSearch(t *testing.T) {
	w := newWorld(t)
	love := w.submittedProposal()
	sewer := loveSeat("online")
	sewer["title"], sewer["body"], sewer["category_code"] = "下水井堵塞", "3栋门前的下水井堵了一个月，污水外溢。", "E02"
	sid := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, sewer).want(201).id()
	ids := func(query string) []int {
		items := w.do("GET", unitPath(w.A1, "/proposals"+query), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
		var out []int
		for _, it := range items {
			out = append(out, int(it.(map[string]any)["id"].(float64)))
		}
		return out
	}
	if got := ids("?q=" + "爱心椅"); len(got) != 1 || got[0] != love {
		t.Fatalf("q=爱心椅 → %v", got)
	}
	if got := ids("?q=" + "下水"); len(got) != 1 || got[0] != sid {
		t.Fatalf("q=下水 → %v", got)
	}
	if got := ids("?status=draft"); len(got) != 1 || got[0] != sid {
		t.Fatalf("status=draft → %v", got)
	}
	if got := ids("?category=E01&channel=online&kind=individual"); len(got) != 1 || got[0] != love {
		t.Fatalf("category filter → %v", got)
	}
	if got := ids("?from=2000-01-01&to=2001-01-01"); len(got) != 0 {
		t.Fatalf("date range → %v", got)
	}
	if got := ids("?limit=1"); len(got) != 1 || got[0] != sid {
		t.Fatalf("newest first → %v", got)
	}
	w.do("GET", unitPath(w.A1, "/proposals?status=nope&kind=x&from=yesterday"), w.leadA1.Token, nil).want(400)
	// The similar-proposal hint on a near duplicate.
	dup := loveSeat("online")
	dup["title"], dup["body"] = "楼道转角放椅子", "老人上下楼没地方歇脚，希望楼道转角放几把椅子。"
	sim := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, dup).want(201).obj()["similar"].([]any)
	if len(sim) == 0 || int(sim[0].(map[string]any)["id"].(float64)) != love {
		t.Fatalf("similar = %v", sim)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestProposalTransitionIfMatch412(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	etag := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).Header().Get("ETag")
	w.doWith("POST", proposalURL(id, "/return"), w.leadA1.Token, map[string]any{"note": "x"},
		map[string]string{"If-Match": `W/"1"`}).want(412)
	w.doWith("POST", proposalURL(id, "/accept"), w.leadA1.Token, nil, map[string]string{"If-Match": etag}).want(200)
	w.doWith("POST", proposalURL(id, "/schedule"), w.leadA1.Token, nil, map[string]string{"If-Match": etag}).want(412)
}

// TestProposalOfflineAuthorMustBeATenantMember: a guide names a registered
// author only from the subdistrict; a stranger and a missing user get the
// same 400, so the answer reveals nobody.
func TestProposalOfflineAuthorMustBeATenantMember(t *testing.T) {
	w := newWorld(t)
	outsider := w.newPerson("外街道居民")
	body := loveSeat("mailbox")
	delete(body, "author_name")
	delete(body, "author_phone")
	var details []string
	for _, id := range []int{outsider.ID, 987654} {
		body["author_id"] = id
		r := w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, body).want(400)
		if !namesField(r.obj(), "author_id") {
			t.Fatalf("author %d: %s", id, r.Body.String())
		}
		details = append(details, r.Body.String()[strings.Index(r.Body.String(), `"errors"`):])
	}
	if details[0] != details[1] {
		t.Fatalf("a stranger and a missing user are told apart: %v", details)
	}
	body["author_id"] = w.member("李阿姨", w.A1g2).ID
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, body).want(201)
}

func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	w := newWorld(t)
	w.doWith("GET", "/v1/me", "", nil, map[string]string{"Authorization": "bearer " + w.leadA1.Token}).want(200)
	w.doWith("GET", "/v1/me", "", nil, map[string]string{"Authorization": "Basic " + w.leadA1.Token}).want(401)
}
