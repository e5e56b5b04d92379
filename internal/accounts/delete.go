package accounts

import (
	"context"
	"fmt"
	"strconv"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"yishi/ent"
	"yishi/ent/household"
	"yishi/ent/membership"
	"yishi/ent/notification"
	"yishi/ent/proposal"
	"yishi/ent/proposalevent"
	"yishi/ent/user"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// DeletedName is how a deleted account shows wherever a name is shown.
const DeletedName = "已注销用户"

// IsDeleted reports whether u is a deleted (anonymized) account, whose
// placeholder phone must not be shown.
func IsDeleted(u *ent.User) bool { return u.Status == user.StatusDeleted }

// deletedPhone is the placeholder phone of deleted account id: unique, no
// mobile number (so the real phone is free to register again), and never
// reachable by sign-in (Authenticate refuses deleted accounts).
func deletedPhone(id int) string { return "deleted:" + strconv.Itoa(id) }

// Anonymize deletes u's account the PIPL way (issue 11): the row stays so
// ids in tallies, ballots, co-signature counts, timelines and the audit
// log keep pointing at someone, but its personal fields are erased: name
// "已注销用户", phone freed, password unusable, the copies of the name and
// phone on their proposals and timeline events replaced, the address of
// their memberships and a household owner record by their phone cleared,
// and their notifications removed. One audit entry records the deletion
// by user id only. Refresh tokens are revoked by the caller.
func Anonymize(ctx context.Context, client *ent.Client, dialect string, u *ent.User, requestID string, now time.Time) error {
	sys := viewer.SystemContext(ctx)
	actor := "u:" + strconv.Itoa(u.ID)
	err := store.WithTx(sys, client, func(tx *ent.Tx) error {
		if err := tx.User.UpdateOne(u).SetName(DeletedName).SetPhone(deletedPhone(u.ID)).
			SetPasswordHash("!deleted").SetStatus(user.StatusDeleted).SetDeletedAt(now).Exec(sys); err != nil {
			return err
		}
		if err := tx.Proposal.Update().Where(proposal.AuthorID(u.ID)).
			SetAuthorName(DeletedName).ClearAuthorPhone().Exec(sys); err != nil {
			return err
		}
		if err := renameEvents(sys, tx, dialect, actor); err != nil {
			return err
		}
		if err := tx.Membership.Update().Where(membership.UserID(u.ID)).ClearAddress().Exec(sys); err != nil {
			return err
		}
		if err := tx.Household.Update().Where(household.OwnerPhone(u.Phone)).
			ClearOwnerName().ClearOwnerPhone().Exec(sys); err != nil {
			return err
		}
		if _, err := tx.Notification.Delete().Where(notification.UserID(u.ID)).Exec(sys); err != nil {
			return err
		}
		return audit.Record(sys, tx, audit.Entry{Actor: actor, Action: "user.delete",
			TargetType: "user", TargetID: u.ID, RequestID: requestID})
	})
	if err != nil {
		return fmt.Errorf("delete account %d: %w", u.ID, err)
	}
	return nil
}

// renameEvents replaces the actor name copied onto the timeline events of
// actor. The column is immutable in the generated builders (a timeline is
// append-only), so the one sanctioned rewrite is a plain UPDATE.
func renameEvents(ctx context.Context, tx *ent.Tx, dialect, actor string) error {
	q, args := entsql.Dialect(dialect).Update(proposalevent.Table).
		Set(proposalevent.FieldActorName, DeletedName).
		Where(entsql.EQ(proposalevent.FieldActor, actor)).Query()
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("rename timeline events: %w", err)
	}
	return nil
}
