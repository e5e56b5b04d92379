package members

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/invitation"
	"yishi/ent/membership"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// NewInvitation is staff inviting a phone to a unit; the HTTP layer
// validated it.
type NewInvitation struct {
	Phone      string
	Name       string
	Identities []string
	InvitedBy  *int
}

// Invite records in at u. A pending invitation of the same phone to the
// same unit is 409 invitation.pending. Whether the phone is registered is
// neither checked nor revealed.
func Invite(ctx context.Context, client *ent.Client, u *ent.Unit, in NewInvitation) (*ent.Invitation, error) {
	dup, err := client.Invitation.Query().Where(invitation.UnitID(u.ID), invitation.Phone(in.Phone),
		invitation.StatusEQ(invitation.StatusPending)).Exist(ctx)
	if err != nil {
		return nil, fmt.Errorf("check pending invitations: %w", err)
	}
	if dup {
		return nil, apperr.Conflict("invitation.pending", "this phone already has a pending invitation to this unit")
	}
	inv, err := client.Invitation.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetPhone(in.Phone).SetName(strings.TrimSpace(in.Name)).SetIdentities(in.Identities).
		SetNillableInvitedBy(in.InvitedBy).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("create invitation: %w", err)
	}
	return inv, nil
}

// GetInvitation reads the invitation with id as the caller.
func GetInvitation(ctx context.Context, client *ent.Client, id int) (*ent.Invitation, error) {
	return client.Invitation.Get(ctx, id)
}

// PendingInvitations returns up to limit pending invitations at path or
// below whose id is above after, oldest first.
func PendingInvitations(ctx context.Context, client *ent.Client, path string, after, limit int) ([]*ent.Invitation, error) {
	rows, err := client.Invitation.Query().Where(invitation.UnitPathHasPrefix(path),
		invitation.StatusEQ(invitation.StatusPending), invitation.IDGT(after)).
		Order(ent.Asc(invitation.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list invitations under %s: %w", path, err)
	}
	return rows, nil
}

// Revoke withdraws a pending invitation; one already claimed or revoked
// is 409 invitation.not_pending.
func Revoke(ctx context.Context, client *ent.Client, inv *ent.Invitation) error {
	n, err := client.Invitation.Update().Where(invitation.ID(inv.ID), invitation.StatusEQ(invitation.StatusPending)).
		SetStatus(invitation.StatusRevoked).Save(ctx)
	if err != nil {
		return fmt.Errorf("revoke invitation %d: %w", inv.ID, err)
	}
	if n == 0 {
		return apperr.Conflict("invitation.not_pending", "this invitation was already claimed or revoked")
	}
	return nil
}

// GrantFor builds the resident grant a claimed invitation brings at u.
type GrantFor func(u *ent.Unit, inv *ent.Invitation) RoleGrant

// ClaimInvitations turns every pending invitation of the new user's phone
// into a membership, inside tx (the registration's transaction), as the
// system: nobody is signed in yet. A membership that already exists is
// left as it is; the invitation is claimed either way. It returns how
// many grants it may have written, so the caller syncs the policy.
func ClaimInvitations(ctx context.Context, tx *ent.Tx, u *ent.User, grant GrantFor, now time.Time) (int, error) {
	sys := viewer.SystemContext(ctx)
	invs, err := tx.Invitation.Query().Where(invitation.Phone(u.Phone), invitation.StatusEQ(invitation.StatusPending)).
		Order(ent.Asc(invitation.FieldID)).All(sys)
	if err != nil {
		return 0, fmt.Errorf("read invitations of new user %d: %w", u.ID, err)
	}
	for _, inv := range invs {
		unit, err := tx.Unit.Get(sys, inv.UnitID)
		if err != nil {
			return 0, fmt.Errorf("read unit of invitation %d: %w", inv.ID, err)
		}
		// Checked, not caught: a failed insert aborts a PostgreSQL transaction.
		member, err := tx.Membership.Query().Where(membership.UnitID(unit.ID), membership.UserID(u.ID)).Exist(sys)
		if err != nil {
			return 0, fmt.Errorf("check membership for invitation %d: %w", inv.ID, err)
		}
		if !member {
			_, err = AddTx(sys, tx, unit, NewMember{UserID: u.ID, Identities: inv.Identities, VerifiedBy: inv.InvitedBy,
				Actor: "system", Grant: grant(unit, inv)})
			if err != nil {
				return 0, err
			}
		}
		err = tx.Invitation.UpdateOne(inv).SetStatus(invitation.StatusClaimed).SetClaimedBy(u.ID).
			SetClaimedAt(now.UTC()).Exec(sys)
		if err != nil {
			return 0, fmt.Errorf("claim invitation %d: %w", inv.ID, err)
		}
	}
	return len(invs), nil
}
