package handlers_test

import (
	"context"
	"testing"
	"time"

	"yishi/ent/participant"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// meetingWith stores a meeting at A1 with the given registered
// participants and one guest, as the meetings API would.
func (w *world) meetingWith(people ...person) int {
	w.t.Helper()
	ctx := viewer.SystemContext(context.Background())
	u := w.st.Client.Unit.GetX(ctx, w.A1)
	cp := units.CommunityPath(u.Path)
	m := w.st.Client.Meeting.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(cp).SetTitle("爱心椅议事会").SetFormat("deliberation").SetStartsAt(time.Now()).SaveX(ctx)
	for _, p := range people {
		w.st.Client.Participant.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetCommunityPath(cp).SetMeetingID(m.ID).SetUserID(p.ID).SetIdentity(participant.IdentityResidentRep).ExecX(ctx)
	}
	w.st.Client.Participant.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(cp).SetMeetingID(m.ID).SetGuestName("物业代表").SetIdentity(participant.IdentityPropertyRep).ExecX(ctx)
	return m.ID
}

// TestVoteParticipantsRollIsTheMeeting: a participants vote's roll is the
// meeting's registered participants; guests and other residents are not
// on it.
func TestVoteParticipantsRollIsTheMeeting(t *testing.T) {
	w := newWorld(t)
	rep, head, absent := w.member("居民代表", w.A1g1), w.member("楼道长", w.A1g2), w.member("未参会", w.A1g1)
	m := w.meetingWith(rep, head)
	id, opts := w.createVote(w.A1, voteBody("议事会表决", []string{"同意", "反对"},
		map[string]any{"eligibility": "participants", "meeting_id": m, "results_visibility": "live"}))
	if n := w.openVote(id)["eligible_count"].(float64); n != 2 {
		t.Fatalf("roll of %v, want the 2 registered participants", n)
	}
	w.cast(rep, id, opts[0]).want(201)
	w.cast(head, id, opts[0]).want(201)
	wantCode(t, w.cast(absent, id, opts[0]), 403, "vote.not_eligible")
	out := w.do("GET", voteURL(id, "/results"), absent.Token, nil).want(200).obj()
	if out["outcome"].(map[string]any)["winners"].([]any)[0].(float64) != float64(opts[0]) {
		t.Fatalf("live results = %v", out)
	}
}
