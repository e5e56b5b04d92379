package handlers_test

import (
	"slices"
	"testing"
)

// actor is one role of the allowed_actions tables.
type actor struct {
	name string
	who  person
}

// actors are the roles allowed_actions must be right for: staff of the
// community, a grid guide, a resident on a vote's roll and one who is not
// (a resident role without a membership), and an implementer.
func (w *world) actors() []actor {
	w.t.Helper()
	onRoll := w.member("名册上的居民", w.A1g1)
	return []actor{
		{"lead", w.leadA1}, {"guide", w.guideA1g1}, {"reviewer", w.reviewerA1},
		{"resident on the roll", onRoll}, {"resident not on the roll", w.resA1g1},
		{"implementer", w.implementer("物业代表", w.A1)},
	}
}

// allowedOf reads allowed_actions from an object answer; a caller who
// may not read the object may do nothing to it.
func allowedOf(r response) []string {
	r.t.Helper()
	if r.Code != 200 {
		return nil
	}
	var out []string
	for _, a := range r.obj()["allowed_actions"].([]any) {
		out = append(out, a.(string))
	}
	return out
}

// checkActions performs every action of all on a fresh object: a listed
// one must not be refused (403), an unlisted one must be refused or be
// out of state (403, 409), never succeed.
func checkActions(t *testing.T, label string, listed, all []string, perform func(action string) response) {
	t.Helper()
	for _, a := range all {
		r := perform(a)
		if slices.Contains(listed, a) {
			if r.Code == 403 {
				t.Errorf("%s: %s is listed but answers 403: %s", label, a, r.Body.String())
			}
			continue
		}
		if r.Code != 403 && r.Code != 409 {
			t.Errorf("%s: %s is not listed but answers %d: %s", label, a, r.Code, r.Body.String())
		}
	}
}

func TestVoteAllowedActionsMatchTheRoutes(t *testing.T) {
	w := newWorld(t)
	actors := w.actors()
	states := map[string]func() (int, int){
		"draft": func() (int, int) {
			id, opts := w.createVote(w.A1, voteBody("样式", []string{"木质", "金属"}, nil))
			return id, opts[0]
		},
		"open": func() (int, int) {
			id, opts := w.createVote(w.A1, voteBody("样式", []string{"木质", "金属"}, nil))
			w.openVote(id)
			return id, opts[0]
		},
		"closed": func() (int, int) {
			id, opts := w.createVote(w.A1, voteBody("样式", []string{"木质", "金属"}, nil))
			w.openVote(id)
			w.closeVote(id)
			return id, opts[0]
		},
	}
	want := map[string]map[string][]string{
		"lead":                 {"draft": {"open"}, "open": {"close"}},
		"resident on the roll": {"open": {"ballot"}},
	}
	all := []string{"open", "close", "ballot"}
	for _, a := range actors {
		for state, fresh := range states {
			id, _ := fresh()
			listed := allowedOf(w.do("GET", voteURL(id, ""), a.who.Token, nil))
			if !slices.Equal(listed, want[a.name][state]) {
				t.Errorf("%s, %s vote: allowed_actions %v, want %v", a.name, state, listed, want[a.name][state])
			}
			checkActions(t, a.name+", "+state+" vote", listed, all, func(action string) response {
				id, opt := fresh()
				if action == "ballot" {
					return w.cast(a.who, id, opt)
				}
				return w.do("POST", voteURL(id, "/"+action), a.who.Token, nil)
			})
		}
	}
}

func TestMeetingAllowedActionsMatchTheRoutes(t *testing.T) {
	w := newWorld(t)
	actors := w.actors()
	states := map[string]func() int{
		"scheduled": func() int { return w.meeting("议事会") },
		"held":      w.heldMeetingWithDraft,
		"cancelled": func() int {
			id := w.meeting("议事会")
			w.do("POST", meetingURL(id, "/cancel"), w.leadA1.Token, nil).want(200)
			return id
		},
	}
	staff := map[string][]string{
		"scheduled": {"update", "held", "cancel", "add_participant", "put_minutes"},
		"held":      {"add_participant", "put_minutes", "approve_minutes"},
	}
	want := map[string]map[string][]string{"lead": staff}
	all := []string{"update", "held", "cancel", "add_participant", "put_minutes", "approve_minutes"}
	for _, a := range actors {
		for state, fresh := range states {
			listed := allowedOf(w.do("GET", meetingURL(fresh(), ""), a.who.Token, nil))
			if !slices.Equal(listed, want[a.name][state]) {
				t.Errorf("%s, %s meeting: allowed_actions %v, want %v", a.name, state, listed, want[a.name][state])
			}
			checkActions(t, a.name+", "+state+" meeting", listed, all, func(action string) response {
				return w.performMeeting(a.who, fresh(), action)
			})
		}
	}
}

// performMeeting takes one meeting action as p.
func (w *world) performMeeting(p person, id int, action string) response {
	w.t.Helper()
	switch action {
	case "update":
		return w.do("PATCH", meetingURL(id, ""), p.Token, map[string]any{"title": "改期后的议事会"})
	case "add_participant":
		return w.do("POST", meetingURL(id, "/participants"), p.Token, map[string]any{
			"guest_name": "物业王经理", "guest_phone": "13912345678", "identity": "property_rep"})
	case "put_minutes":
		return w.do("PUT", meetingURL(id, "/minutes"), p.Token, map[string]any{"text": "会议记录"})
	case "approve_minutes":
		return w.do("POST", meetingURL(id, "/minutes/approve"), p.Token, nil)
	}
	return w.do("POST", meetingURL(id, "/"+action), p.Token, nil)
}

func TestMinutesAllowedActions(t *testing.T) {
	w := newWorld(t)
	id := w.heldMeetingWithDraft()
	got := allowedOf(w.do("GET", meetingURL(id, "/minutes"), w.leadA1.Token, nil))
	if !slices.Equal(got, []string{"update", "approve"}) {
		t.Fatalf("lead on a held meeting's draft: %v", got)
	}
	approved := w.do("POST", meetingURL(id, "/minutes/approve"), w.leadA1.Token, nil).want(200).obj()
	if got := approved["allowed_actions"].([]any); len(got) != 1 || got[0] != "update" {
		t.Fatalf("lead on approved minutes: %v", got)
	}
	got = allowedOf(w.do("GET", meetingURL(id, "/minutes"), w.resA1g1.Token, nil).want(200))
	if len(got) != 0 {
		t.Fatalf("resident on approved minutes: %v", got)
	}
}

func TestMeetingAllowedActionsOfAGuideAtTheirGrid(t *testing.T) {
	w := newWorld(t)
	fresh := func(held bool) int {
		id := w.do("POST", unitPath(w.A1g1, "/meetings"), w.guideA1g1.Token, deliberation("网格议事")).want(201).id()
		if held {
			w.do("POST", meetingURL(id, "/held"), w.guideA1g1.Token, nil).want(200)
		}
		return id
	}
	all := []string{"update", "held", "cancel", "add_participant", "put_minutes", "approve_minutes"}
	for _, held := range []bool{false, true} {
		want := []string{"update", "held", "cancel", "add_participant", "put_minutes"}
		if held {
			want = []string{"add_participant", "put_minutes"}
		}
		listed := allowedOf(w.do("GET", meetingURL(fresh(held), ""), w.guideA1g1.Token, nil))
		if !slices.Equal(listed, want) {
			t.Errorf("guide, held=%v: allowed_actions %v, want %v", held, listed, want)
		}
		checkActions(t, "guide at their grid", listed, all, func(action string) response {
			return w.performMeeting(w.guideA1g1, fresh(held), action)
		})
	}
}
