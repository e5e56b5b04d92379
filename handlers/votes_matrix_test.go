package handlers_test

import "fmt"

// voteMatrix lists the votes and households routes for the isolation
// matrix. Votes sit at community A1; their voters are members of A1g1.
func voteMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	guide := func(w *world) person { return w.guideA1g1 }
	var voter person
	self := func(*world) person { return voter }
	onVote := func(suffix string, closed bool) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			id, _, _ := w.openMembersVote(nil)
			if closed {
				w.closeVote(id)
			}
			return voteURL(id, suffix), nil
		}
	}
	return map[string]routeCase{
		"POST /v1/units/:id/votes": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A1, "/votes"), voteBody("椅子放在哪里", []string{"一楼转角", "三楼转角"}, nil)
		}},
		"GET /v1/units/:id/votes": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			w.createVote(w.A1, voteBody("项目名称", []string{"转角遇到爱心椅", "歇脚椅"}, nil))
			return unitPath(w.A1, "/votes"), nil
		}},
		"GET /v1/votes/:id": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			id, _ := w.createVote(w.A1, voteBody("项目名称", []string{"转角遇到爱心椅", "歇脚椅"}, nil))
			return voteURL(id, ""), nil
		}},
		"POST /v1/votes/:id/open": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			w.member("居民", w.A1g1)
			id, _ := w.createVote(w.A1, voteBody("项目名称", []string{"转角遇到爱心椅", "歇脚椅"}, nil))
			return voteURL(id, "/open"), nil
		}},
		"POST /v1/votes/:id/close":  {owner: leadA1, ok: 200, call: onVote("/close", false)},
		"GET /v1/votes/:id/results": {owner: leadA1, ok: 200, call: onVote("/results", false)},
		"GET /v1/votes/:id/ballots": {owner: leadA1, ok: 200, call: onVote("/ballots", true)},
		"POST /v1/votes/:id/ballots": {owner: self, ok: 201, call: func(w *world) (string, any) {
			id, opts, p := w.openMembersVote(nil)
			voter = p
			return voteURL(id, "/ballots"), map[string]any{"option_ids": []int{opts[0]}}
		}},
		"POST /v1/votes/:id/receipt": {owner: self, ok: 200, call: func(w *world) (string, any) {
			id, opts, p := w.openMembersVote(nil)
			voter = p
			code := w.cast(p, id, opts[1]).want(201).obj()["receipt"]
			return voteURL(id, "/receipt"), map[string]any{"code": code}
		}},
		"POST /v1/units/:id/households": {owner: guide, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A1g1, "/households"), map[string]any{"address": fmt.Sprintf("1栋%d", w.phones.Add(1)), "floor_area": 88.5}
		}},
		"GET /v1/units/:id/households": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token,
				map[string]any{"address": "2栋101", "floor_area": 60}).want(201)
			return unitPath(w.A1, "/households"), nil
		}},
		"POST /v1/units/:id/households/import": {owner: guide, ok: 201, call: func(w *world) (string, any) {
			csv := fmt.Sprintf("address,floor_area\n3栋%d,75.5\n", w.phones.Add(1))
			return unitPath(w.A1g1, "/households/import"), multipartBody{field: "file", filename: "households.csv", data: []byte(csv)}
		}},
	}
}
