package notify

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/internal/viewer"
)

// Kinds of the membership-request notifications.
const (
	KindMembershipApproved Kind = "membership_approved"
	KindMembershipRejected Kind = "membership_rejected"
)

// ForMembershipDecision tells the requester of r that staff approved or
// rejected it (r.Status), with the decision note. It runs in tx, the
// decision's own transaction, so the notice exists exactly when the
// decision does; the row copies its tenant from r.
func ForMembershipDecision(ctx context.Context, tx *ent.Tx, r *ent.MembershipRequest, unitName string) error {
	kind, title := KindMembershipApproved, "您加入"+unitName+"的申请已通过"
	if r.Status != "approved" {
		kind, title = KindMembershipRejected, "您加入"+unitName+"的申请未通过"
	}
	title = cut(title, 200)
	err := tx.Notification.Create().SetUserID(r.UserID).SetMembershipRequestID(r.ID).SetKind(string(kind)).
		SetTitle(title).SetBody(r.DecisionNote).Exec(viewer.SystemContext(ctx))
	if err != nil {
		return fmt.Errorf("notify membership request %d: %w", r.ID, err)
	}
	return nil
}
