package main

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
)

// page is one page of any list endpoint.
type page struct {
	Items []struct {
		ID     int    `json:"id"`
		Action string `json:"action"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// listAll follows next_cursor through a list endpoint as token's owner.
func (a *api) listAll(path, token string) (ids []int, actions []string) {
	a.t.Helper()
	cursor := ""
	for {
		r, err := a.call(context.Background(), "GET", path+"?limit=200&cursor="+url.QueryEscape(cursor), token, nil)
		if err != nil || r.status != 200 {
			a.t.Fatalf("GET %s: %v %d %s", path, err, r.status, r.body)
		}
		var p page
		if err := json.Unmarshal(r.body, &p); err != nil {
			a.t.Fatalf("GET %s: %v", path, err)
		}
		for _, it := range p.Items {
			ids, actions = append(ids, it.ID), append(actions, it.Action)
		}
		if p.NextCursor == "" {
			return ids, actions
		}
		cursor = p.NextCursor
	}
}

// checkAPI confirms through the API that every acknowledged write is
// there, and returns how many it found (a missing one fails the test).
func checkAPI(a *api, f *fixture, led *ledger) (found int) {
	a.t.Helper()
	ctx := context.Background()
	for id, step := range led.proposals {
		r, err := a.call(ctx, "GET", proposalURL(id, ""), f.lead.token, nil)
		if err != nil || r.status != 200 {
			a.t.Errorf("acknowledged proposal %d: GET answered %d %s (%v)", id, r.status, r.body, err)
			continue
		}
		status, _ := decodeObject(a.t, r)["status"].(string)
		_, actions := a.listAll(proposalURL(id, "/events"), f.lead.token)
		want := []string{"create", "submit", "accept"}[:step]
		for i, action := range want {
			if slices.Contains(actions, action) {
				found++
			} else {
				a.t.Errorf("proposal %d: acknowledged %s has no timeline event (events %v)", id, want[i], actions)
			}
		}
		if (step >= stepSubmit && status == "draft") || (step == stepAccept && status != "accepted") {
			a.t.Errorf("proposal %d is %s after an acknowledged %s", id, status, want[step-1])
		}
	}
	for _, b := range led.ballots {
		r, err := a.call(ctx, "POST", voteURL(b.vote, "/receipt"), b.voterToken, map[string]string{"code": b.receipt})
		if err != nil || r.status != 200 || decodeObject(a.t, r)["token"] != b.token {
			a.t.Errorf("acknowledged ballot of user %d on vote %d: receipt check answered %d %s (%v)",
				b.voter, b.vote, r.status, r.body, err)
			continue
		}
		found++
	}
	listed := map[int]bool{}
	for _, task := range f.tasks {
		ids, _ := a.listAll(taskURL(task, "/reports"), f.lead.token)
		for _, id := range ids {
			listed[id] = true
		}
	}
	for id, task := range led.reports {
		if listed[id] {
			found++
		} else {
			a.t.Errorf("acknowledged progress report %d on task %d is not listed", id, task)
		}
	}
	return found
}
