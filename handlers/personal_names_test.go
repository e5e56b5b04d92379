package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// namesOnTimeline maps each timeline actor subject to the actor_name the
// reader sees.
func (w *world) namesOnTimeline(id int, reader person) map[string]string {
	w.t.Helper()
	_, events := w.eventActions(id, reader)
	out := map[string]string{}
	for _, e := range events {
		out[e["actor"].(string)] = e["actor_name"].(string)
	}
	return out
}

// TestPersonalNamesMaskedOnTimelines (issue 15): a resident reading a
// proposal's timeline sees other people's names masked (张** for 张三丰),
// exactly as the proposal masks its author; the actor sees their own
// name, and staff who read internal fields see every name.
func TestPersonalNamesMaskedOnTimelines(t *testing.T) {
	w := newWorld(t)
	author, cosigner := w.member("王大妈", w.A1g1), w.member("张三丰", w.A1g1)
	neighbour := w.member("邻居老刘", w.A1g2)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(48*time.Hour), 3)).want(201).id()
	w.act(author, id, "submit", nil).want(200)
	w.act(cosigner, id, "cosign", nil).want(200)
	sub := func(p person) string { return fmt.Sprintf("u:%d", p.ID) }

	cases := []struct {
		name   string
		reader person
		want   map[string]string
	}{
		{"neighbour", neighbour, map[string]string{sub(author): "王**", sub(cosigner): "张**"}},
		{"author", author, map[string]string{sub(author): "王大妈", sub(cosigner): "张**"}},
		{"cosigner", cosigner, map[string]string{sub(author): "王**", sub(cosigner): "张三丰"}},
		{"lead", w.leadA1, map[string]string{sub(author): "王大妈", sub(cosigner): "张三丰"}},
		{"guide", w.guideA1g1, map[string]string{sub(author): "王大妈", sub(cosigner): "张三丰"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := w.namesOnTimeline(id, c.reader)
			for actor, want := range c.want {
				if got[actor] != want {
					t.Errorf("%s reads %s as %q, want %q", c.name, actor, got[actor], want)
				}
			}
		})
	}
}

// actorLines collects the 经办 lines of p's notifications about proposal id.
func (w *world) actorLines(p person, id int) []string {
	w.t.Helper()
	var out []string
	for _, it := range w.inbox(p, "") {
		if pid, _ := it["proposal_id"].(float64); int(pid) != id {
			continue
		}
		for _, line := range strings.Split(it["body"].(string), "\n") {
			if strings.HasPrefix(line, "经办：") {
				out = append(out, strings.TrimPrefix(line, "经办："))
			}
		}
	}
	return out
}

// TestPersonalNamesMaskedInNotifications (issue 15): an inbox names who
// acted only to readers who read internal fields where the proposal is
// handled; a resident author or follower reads the name masked.
func TestPersonalNamesMaskedInNotifications(t *testing.T) {
	w := newWorld(t)
	author, cosigner := w.member("王大妈", w.A1g1), w.member("张三丰", w.A1g1)
	follower := w.member("邻居老刘", w.A1g2)
	second := w.member("赵六", w.A1g1)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(48*time.Hour), 2)).want(201).id()
	w.act(author, id, "submit", nil).want(200)
	w.do("POST", proposalURL(id, "/follow"), follower.Token, nil).want(201)
	w.do("POST", proposalURL(id, "/follow"), w.reviewerA1.Token, nil).want(201)
	w.act(cosigner, id, "cosign", nil).want(200)
	w.act(second, id, "cosign", nil).want(200) // threshold reached: submitted, news to all
	w.act(w.leadA1, id, "accept", nil).want(200)

	cases := []struct {
		name   string
		reader person
		want   []string
	}{
		{"resident author", author, []string{"锦***", "赵*"}},
		{"resident follower", follower, []string{"锦***", "赵*"}},
		{"reviewer follower", w.reviewerA1, []string{"锦华书记", "赵六"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := w.actorLines(c.reader, id)
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("%s reads the actors as %v, want %v", c.name, got, c.want)
			}
		})
	}
}
