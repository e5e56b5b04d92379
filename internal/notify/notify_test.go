package notify_test

import (
	"context"
	"errors"
	"testing"

	"yishi/ent"
	"yishi/ent/notification"
	"yishi/ent/proposalevent"
	"yishi/internal/notify"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// Users 1 (author), 2 (co-signer who also follows), 3 (follower, acts)
// and 4 (unrelated); notifications reference users by id only.
func setup(t *testing.T) (*store.Store, *ent.Proposal) {
	t.Helper()
	st := testdb.Open(t)
	ctx := viewer.SystemContext(context.Background())
	var p *ent.Proposal
	err := store.WithTx(ctx, st.Client, func(tx *ent.Tx) error {
		s, err := units.CreateTenant(ctx, tx, units.Input{Name: "胜利街道", Code: "shengli"})
		if err != nil {
			return err
		}
		author := 1
		p, err = proposals.Create(ctx, tx, proposals.NewProposal{Unit: s, Title: "转角遇到爱心椅", Body: "椅子",
			Kind: "joint", Channel: "online", AuthorID: &author, AuthorName: "李阿姨"}, proposals.Actor{Subject: "u:1", UserID: 1})
		if err != nil {
			return err
		}
		err = tx.Cosignature.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
			SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetUserID(2).Exec(ctx)
		for _, uid := range []int{2, 3} {
			if err == nil {
				err = tx.ProposalFollow.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
					SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetUserID(uid).Exec(ctx)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, p
}

func inbox(t *testing.T, st *store.Store) []*ent.Notification {
	t.Helper()
	rows, err := st.Client.Notification.Query().Order(ent.Asc(notification.FieldUserID)).
		All(viewer.SystemContext(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestNotificationsCommitAndRollBackWithTheirEvent: an event that rolls
// back leaves no notification; one that commits notifies the author and
// the co-signer (once, as co-signer) but not the acting follower; writing
// the same event's notifications again fails instead of doubling them.
func TestNotificationsCommitAndRollBackWithTheirEvent(t *testing.T) {
	st, p := setup(t)
	ctx := viewer.SystemContext(context.Background())
	if n := len(inbox(t, st)); n != 0 {
		t.Fatalf("filing a draft notified %d", n)
	}
	by := proposals.Actor{Subject: "u:3", UserID: 3, Name: "王大爷"}
	boom := errors.New("later step failed")
	err := store.WithTx(ctx, st.Client, func(tx *ent.Tx) error {
		if err := proposals.RecordEvent(ctx, tx, p, by, "progress_report", "椅子到货", nil); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || len(inbox(t, st)) != 0 {
		t.Fatalf("rolled back: err %v, notifications %d", err, len(inbox(t, st)))
	}
	err = store.WithTx(ctx, st.Client, func(tx *ent.Tx) error {
		return proposals.RecordEvent(ctx, tx, p, by, "progress_report", "椅子到货", nil)
	})
	got := inbox(t, st)
	if err != nil || len(got) != 2 || got[0].UserID != 1 || got[1].UserID != 2 ||
		got[1].Title != "你联名的提案「转角遇到爱心椅」有新的进展汇报" || got[0].Kind != "proposal_update" || got[0].Data["action"] != "progress_report" {
		t.Fatalf("committed: err %v, %v", err, got)
	}
	ev, err := st.Client.ProposalEvent.Query().Where(proposalevent.Action("progress_report")).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = store.WithTx(ctx, st.Client, func(tx *ent.Tx) error { return notify.ForEvent(ctx, tx, p, ev, 3) })
	if err == nil || len(inbox(t, st)) != 2 {
		t.Fatalf("second write for one event: err %v, %d notifications", err, len(inbox(t, st)))
	}
}

// TestInboxPrivacyIsOwnOnly: a user reads and marks only their own rows
// and can create none.
func TestInboxPrivacyIsOwnOnly(t *testing.T) {
	st, p := setup(t)
	ctx := viewer.SystemContext(context.Background())
	err := store.WithTx(ctx, st.Client, func(tx *ent.Tx) error {
		return proposals.RecordEvent(ctx, tx, p, proposals.Actor{Subject: "system"}, "report_meeting", "", nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	as := func(uid int) context.Context {
		return viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:x", UserID: uid, Scopes: []string{p.UnitPath}})
	}
	if n, err := st.Client.Notification.Query().Count(as(2)); err != nil || n != 1 {
		t.Fatalf("user 2 sees %d (%v), want 1", n, err)
	}
	if n, err := st.Client.Notification.Update().SetReadAt(p.CreatedAt).Save(as(4)); err != nil || n != 0 {
		t.Fatalf("user 4 marked %d (%v)", n, err)
	}
	err = st.Client.Notification.Create().SetUserID(4).SetTenantID(p.TenantID).SetEventID(1).
		SetKind("x").SetTitle("x").Exec(as(4))
	if err == nil {
		t.Fatal("a user created a notification")
	}
}
