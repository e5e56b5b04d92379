// Package notify writes in-app notifications for proposal timeline
// events. It runs inside the transaction that writes the event, so a
// notification exists exactly when its event does: a rolled-back change
// notifies nobody, and a committed one cannot lose its notifications. The
// unique (user_id, event_id) index makes a second write for the same event
// fail instead of notifying anyone twice. It also reads a user's inbox and
// marks it read (inbox.go).
package notify

import (
	"context"
	"fmt"

	"slices"

	"yishi/ent"
	"yishi/ent/schema"
	"yishi/internal/viewer"
)

// Notifies reports whether a timeline event is news to the proposal's
// people: every status change, and the entries that report on a proposal
// without moving it (meeting decisions, report meetings, progress
// reports, vote results, agendas, follow-ups). Filing a draft and a
// co-signature that leaves the status unchanged are not: the first has no
// audience yet, the second would flood the author of a popular proposal.
func Notifies(ev *ent.ProposalEvent) bool {
	switch {
	case ev.Action == "create":
		return false
	case ev.Action == "cosign" && ev.FromStatus == ev.ToStatus:
		return false
	}
	return true
}

// ForEvent notifies the author, the co-signers and the followers of p of
// ev, except the person who caused it (actorUserID; 0 for the system and
// partner apps). It must run in tx, the event's own transaction.
//
// This is the event writer: notifications are system-created (their
// privacy policy lets no caller create one), so the recipients are read
// and the rows written under viewer.SystemContext, on the same tx.
func ForEvent(ctx context.Context, tx *ent.Tx, p *ent.Proposal, ev *ent.ProposalEvent, actorUserID int) error {
	if err := queued(ctx, tx, p, ev, actorUserID); err != nil {
		return err
	}
	if !Notifies(ev) {
		return nil
	}
	// The notifications copy tenant_id from ev (TenantChildMixin), which
	// this tx has just written: no need to read it back.
	sys := schema.WithParents(viewer.SystemContext(ctx), ev)
	people, err := recipients(sys, tx, p)
	if err != nil {
		return err
	}
	delete(people, actorUserID)
	if len(people) == 0 {
		return nil
	}
	ids := sortedIDs(people)
	prefs, err := prefsOf(sys, tx.Client(), ids)
	if err != nil {
		return err
	}
	body := Body(ev)
	data := map[string]any{"proposal_id": p.ID, "event_id": ev.ID, "action": ev.Action,
		"from_status": ev.FromStatus, "to_status": ev.ToStatus}
	builders := make([]*ent.NotificationCreate, 0, len(ids))
	for _, uid := range ids {
		pr := prefs[uid]
		if slices.Contains(pr.NotifyMuted, string(KindProposalUpdate)) {
			continue
		}
		builders = append(builders, tx.Notification.Create().SetUserID(uid).SetProposalID(p.ID).
			SetEventID(ev.ID).SetKind(string(KindProposalUpdate)).SetData(data).SetDigest(pr.NotifyDigest).
			SetTitle(Title(people[uid], p.Title, ev)).SetBody(body))
	}
	if len(builders) == 0 {
		return nil
	}
	if err := tx.Notification.CreateBulk(builders...).Exec(sys); err != nil {
		return fmt.Errorf("notify event %d: %w", ev.ID, err)
	}
	return nil
}

// queued tells the staff who handle proposals where p now lies that it
// entered their queue: on submission (a submit, a resubmit, or the
// co-signature that reaches the threshold) and on escalation, when p
// has just moved up to its new unit.
func queued(ctx context.Context, tx *ent.Tx, p *ent.Proposal, ev *ent.ProposalEvent, actor int) error {
	entered := ev.ToStatus == "submitted" && ev.FromStatus != "submitted"
	if !entered && ev.Action != "escalate" {
		return nil
	}
	client := tx.Client()
	staff, err := staffAt(ctx, client, p.UnitPath, proposalQueueRoles)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("新提案「%s」待受理", p.Title)
	if ev.Action == "escalate" {
		title = fmt.Sprintf("提案「%s」已上报至本级，待处理", p.Title)
	}
	pid := p.ID
	return Send(ctx, client, Batch{Kind: KindProposalQueued, TenantID: p.TenantID, ProposalID: &pid,
		Title: title, Body: fmt.Sprintf("当前状态：%s", statusLabel(ev.ToStatus)),
		Data:     map[string]any{"proposal_id": p.ID, "event_id": ev.ID, "action": ev.Action, "unit_id": p.UnitID},
		DedupKey: fmt.Sprintf("proposal_queued:%d", ev.ID)}, staff, actor)
}
