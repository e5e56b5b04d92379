package handlers_test

import (
	"context"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/participant"
	"yishi/ent/vote"
	"yishi/internal/viewer"
)

// sys is the fixture writer's context.
func sys() context.Context { return viewer.SystemContext(context.Background()) }

// cst is China Standard Time, the calendar of dates and months.
func cst() *time.Location { return time.FixedZone("CST", 8*60*60) }

// monthOf is the first instant of t's month in China time.
func monthOf(t time.Time) time.Time {
	t = t.In(cst())
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, cst())
}

func (w *world) unitRow(id int) *ent.Unit {
	w.t.Helper()
	u, err := w.st.Client.Unit.Get(sys(), id)
	if err != nil {
		w.t.Fatal(err)
	}
	return u
}

// backdate moves a row's (immutable) created_at, to place fixtures in an
// earlier month; the ent client runs the statement as system.
func (w *world) backdate(table string, id int, at time.Time) {
	w.t.Helper()
	q := "UPDATE " + table + " SET created_at = ? WHERE id = ?"
	if w.st.Dialect == "postgres" {
		q = "UPDATE " + table + " SET created_at = $1 WHERE id = $2"
	}
	if _, err := w.st.Client.ExecContext(sys(), q, at.UTC(), id); err != nil {
		w.t.Fatal(err)
	}
}

// meetingWithAttendance writes a held meeting at unit starting at, with
// registered participants (attended or not) and one attending guest.
func (w *world) meetingWithAttendance(unit int, at time.Time, attended []person, absent ...person) {
	w.t.Helper()
	u := w.unitRow(unit)
	m, err := w.st.Client.Meeting.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(communityOf(u.Path)).SetTitle("议事会").SetFormat(meeting.FormatDeliberation).
		SetStartsAt(at).SetStatus(meeting.StatusHeld).Save(sys())
	if err != nil {
		w.t.Fatal(err)
	}
	add := func(uid *int, came bool) {
		err := w.st.Client.Participant.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetCommunityPath(m.CommunityPath).SetMeetingID(m.ID).SetNillableUserID(uid).SetGuestName("访客").
			SetIdentity(participant.IdentityResident).SetAttended(came).Exec(sys())
		if err != nil {
			w.t.Fatal(err)
		}
	}
	for _, p := range attended {
		add(&p.ID, true)
	}
	for _, p := range absent {
		add(&p.ID, false)
	}
	add(nil, true)
}

// voters writes a vote at unit and a participation for each voter.
func (w *world) voters(unit int, people ...person) {
	w.t.Helper()
	u := w.unitRow(unit)
	v, err := w.st.Client.Vote.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(communityOf(u.Path)).SetTitle("椅子样式").SetMethod(vote.MethodSingle).
		SetEligibility(vote.EligibilityMembers).SetWeighting(vote.WeightingPerson).Save(sys())
	if err != nil {
		w.t.Fatal(err)
	}
	for _, p := range people {
		err := w.st.Client.VoteParticipation.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).
			SetUnitPath(u.Path).SetCommunityPath(v.CommunityPath).SetVoteID(v.ID).
			SetVoterKey("u" + itoa(p.ID)).SetCastBy(p.ID).Exec(sys())
		if err != nil {
			w.t.Fatal(err)
		}
	}
}

// communityOf cuts a path to its community, as rows store it.
func communityOf(path string) string {
	n, slashes := 0, 0
	for i, r := range path {
		if r == '/' {
			if slashes++; slashes == 2 {
				n = i + 1
			}
		}
	}
	if n == 0 {
		return path
	}
	return path[:n]
}
