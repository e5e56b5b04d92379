package stats_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/participant"
	"yishi/ent/proposal"
	"yishi/ent/vote"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// world is two tenants of random activity written straight through ent:
// tenant s (communities c1, c2; grids g11, g12 under c1, g21 under c2)
// and tenant t, which must never be counted in s.
type world struct {
	st    *store.Store
	units map[string]*ent.Unit
}

func statusValues() []proposal.Status {
	return []proposal.Status{"draft", "collecting", "submitted", "needs_revision", "accepted", "rejected",
		"merged", "referred", "deliberating", "approved", "declined", "implementing", "completed", "closed",
		"withdrawn", "lapsed"}
}

// epoch is the start of the fixtures' four months; some rows sit within
// hours of a month's turn, where UTC and China time disagree.
func epoch() time.Time { return time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC) }

func randomWorld(t *testing.T, seed uint64) world {
	t.Helper()
	w := world{st: testdb.Open(t), units: map[string]*ent.Unit{}}
	ctx := viewer.SystemContext(context.Background())
	r := rand.New(rand.NewPCG(seed, 7))
	at := func() time.Time {
		if r.IntN(5) == 0 { // the last hours of a month in UTC: the next month in China
			return time.Date(2026, time.Month(9+r.IntN(3)), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0).Add(-time.Duration(1+r.IntN(7)) * time.Hour)
		}
		return epoch().Add(time.Duration(r.IntN(120*24)) * time.Hour)
	}
	err := store.WithTx(ctx, w.st.Client, func(tx *ent.Tx) error {
		w.mkUnits(ctx, t, tx)
		all := []*ent.Unit{w.units["s"], w.units["c1"], w.units["c2"], w.units["g11"], w.units["g12"], w.units["g21"], w.units["t"], w.units["tc"]}
		for i := 0; i < 80; i++ {
			w.randomProposal(ctx, t, tx, r, all[r.IntN(len(all))], at)
		}
		for i := 0; i < 12; i++ {
			w.randomMeeting(ctx, t, tx, r, all[r.IntN(len(all))], at())
			w.randomVote(ctx, t, tx, r, all[r.IntN(len(all))], at)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w world) mkUnits(ctx context.Context, t *testing.T, tx *ent.Tx) {
	mk := func(name, parent string) {
		var u *ent.Unit
		var err error
		if parent == "" {
			u, err = units.CreateTenant(ctx, tx, units.Input{Name: name, Code: name})
		} else {
			u, err = units.CreateChild(ctx, tx, w.units[parent], units.Input{Name: name, Code: name})
		}
		if err != nil {
			t.Fatal(err)
		}
		w.units[name] = u
	}
	for _, u := range [][2]string{{"s", ""}, {"c1", "s"}, {"c2", "s"}, {"g11", "c1"}, {"g12", "c1"}, {"g21", "c2"}, {"t", ""}, {"tc", "t"}} {
		mk(u[0], u[1])
	}
}

func (w world) randomProposal(ctx context.Context, t *testing.T, tx *ent.Tx, r *rand.Rand, u *ent.Unit, at func() time.Time) {
	all := statusValues()
	status := all[r.IntN(len(all))]
	created := at()
	c := tx.Proposal.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(units.CommunityPath(u.Path)).SetOriginUnitID(u.ID).SetOriginPath(u.Path).
		SetTitle("提案").SetBody("内容").SetKind([]proposal.Kind{"individual", "joint", "organizational"}[r.IntN(3)]).
		SetChannel([]proposal.Channel{"online", "mailbox", "hotline"}[r.IntN(3)]).
		SetCategoryCode([]string{"", "E01", "E02"}[r.IntN(3)]).SetStatus(status).SetAuthorName("居民").SetCreatedAt(created)
	if r.IntN(4) > 0 {
		c.SetAuthorID(1 + r.IntN(20))
	}
	if status != "draft" && status != "collecting" && r.IntN(6) > 0 {
		sub := created.Add(time.Duration(r.IntN(72)) * time.Hour)
		c.SetSubmittedAt(sub).SetResolvedAt(sub.Add(time.Duration(1+r.IntN(40*24)) * time.Hour))
	}
	p, err := c.Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if status == "draft" {
		return
	}
	for _, uid := range r.Perm(20)[:r.IntN(5)] {
		cs := tx.Cosignature.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
			SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetUserID(1 + uid).SetCreatedAt(at())
		if r.IntN(4) == 0 {
			cs.SetMergedFrom(p.ID + 1000)
		}
		if err := cs.Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if status != "completed" && status != "closed" {
		return
	}
	for _, uid := range r.Perm(20)[:r.IntN(6)] {
		err := tx.Feedback.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
			SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetUserID(1 + uid).
			SetSatisfaction(1 + r.IntN(5)).SetCreatedAt(at()).Exec(ctx)
		if err != nil {
			t.Fatal(err)
		}
	}
}

func (w world) randomMeeting(ctx context.Context, t *testing.T, tx *ent.Tx, r *rand.Rand, u *ent.Unit, starts time.Time) {
	m, err := tx.Meeting.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(units.CommunityPath(u.Path)).SetTitle("议事会").SetFormat(meeting.FormatDeliberation).
		SetStartsAt(starts).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, uid := range r.Perm(25)[:r.IntN(8)] {
		pc := tx.Participant.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetCommunityPath(m.CommunityPath).SetMeetingID(m.ID).SetIdentity(participant.IdentityResident).
			SetAttended(r.IntN(3) > 0)
		if i%4 == 3 {
			pc.SetGuestName(fmt.Sprintf("访客%d", i))
		} else {
			pc.SetUserID(1 + uid)
		}
		if err := pc.Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

func (w world) randomVote(ctx context.Context, t *testing.T, tx *ent.Tx, r *rand.Rand, u *ent.Unit, at func() time.Time) {
	v, err := tx.Vote.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(units.CommunityPath(u.Path)).SetTitle("投票").SetMethod(vote.MethodSingle).
		SetEligibility(vote.EligibilityMembers).SetWeighting(vote.WeightingPerson).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, uid := range r.Perm(25)[:r.IntN(8)] {
		vp := tx.VoteParticipation.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetCommunityPath(v.CommunityPath).SetVoteID(v.ID).SetVoterKey(fmt.Sprintf("k%d", uid)).SetCreatedAt(at())
		if i%5 != 4 {
			vp.SetCastBy(1 + uid)
		}
		if err := vp.Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
}
