package members

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/membership"
	"yishi/ent/membershiprequest"
	"yishi/internal/apperr"
	"yishi/internal/notify"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// NewRequest is a person asking to join a unit; the HTTP layer validated it.
type NewRequest struct {
	UserID     int
	Building   string
	UnitNo     string
	Room       string
	Identities []string
	Message    string
}

// Request files in at u. The requester is outside every staff scope of u,
// so the row is written, and the duplicates checked, as the system,
// confined to u and the requester: an existing membership is 409
// member.exists, a pending request 409 membership_request.pending.
func Request(ctx context.Context, client *ent.Client, u *ent.Unit, in NewRequest) (*ent.MembershipRequest, error) {
	sys := viewer.SystemContext(ctx)
	var r *ent.MembershipRequest
	err := store.WithTx(sys, client, func(tx *ent.Tx) error {
		member, err := tx.Membership.Query().Where(membership.UnitID(u.ID), membership.UserID(in.UserID)).Exist(sys)
		if err != nil {
			return fmt.Errorf("check membership: %w", err)
		}
		if member {
			return ErrMemberExists()
		}
		pending, err := tx.MembershipRequest.Query().Where(membershiprequest.UnitID(u.ID),
			membershiprequest.UserID(in.UserID), membershiprequest.StatusEQ(membershiprequest.StatusPending)).Exist(sys)
		if err != nil {
			return fmt.Errorf("check pending requests: %w", err)
		}
		if pending {
			return apperr.Conflict("membership_request.pending", "you already asked to join this unit; staff have not decided yet")
		}
		r, err = tx.MembershipRequest.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetUserID(in.UserID).SetBuilding(in.Building).SetUnitNo(in.UnitNo).SetRoom(in.Room).
			SetIdentities(in.Identities).SetMessage(in.Message).Save(sys)
		if err != nil {
			return fmt.Errorf("create membership request: %w", err)
		}
		return nil
	})
	return r, err
}

// GetRequest reads the request with id as the caller (privacy applies).
func GetRequest(ctx context.Context, client *ent.Client, id int) (*ent.MembershipRequest, error) {
	return client.MembershipRequest.Get(ctx, id)
}

// RequestsInSubtree returns up to limit requests at path or below with the
// status (all when ""), id above after, oldest first, each with its user.
func RequestsInSubtree(ctx context.Context, client *ent.Client, path, status string, after, limit int) ([]*ent.MembershipRequest, error) {
	q := client.MembershipRequest.Query().Where(membershiprequest.UnitPathHasPrefix(path), membershiprequest.IDGT(after))
	if status != "" {
		q.Where(membershiprequest.StatusEQ(membershiprequest.Status(status)))
	}
	rows, err := q.Order(ent.Asc(membershiprequest.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list membership requests under %s: %w", path, err)
	}
	return rows, nil
}

// Decision is staff approving or rejecting a request.
type Decision struct {
	Approve   bool
	Note      string
	By        *int
	Actor     string
	RequestID string
	Grant     RoleGrant
}

// Decide applies d to r in one transaction: the status (guarded, so of
// two racing decisions one applies and the other is 409
// membership_request.decided), on approval the membership and the
// resident role (members.AddTx), and the requester's notification.
func Decide(ctx context.Context, client *ent.Client, r *ent.MembershipRequest, u *ent.Unit, d Decision, now time.Time) (*ent.MembershipRequest, error) {
	status := membershiprequest.StatusRejected
	if d.Approve {
		status = membershiprequest.StatusApproved
	}
	var out *ent.MembershipRequest
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		n, err := tx.MembershipRequest.Update().Where(membershiprequest.ID(r.ID),
			membershiprequest.StatusEQ(membershiprequest.StatusPending)).
			SetStatus(status).SetNillableDecidedBy(d.By).SetDecidedAt(now.UTC()).SetDecisionNote(d.Note).Save(ctx)
		if err != nil {
			return fmt.Errorf("decide membership request %d: %w", r.ID, err)
		}
		if n == 0 {
			return apperr.Conflict("membership_request.decided", "this request has already been decided")
		}
		if out, err = tx.MembershipRequest.Get(ctx, r.ID); err != nil {
			return fmt.Errorf("reread membership request %d: %w", r.ID, err)
		}
		if d.Approve {
			_, err := AddTx(ctx, tx, u, NewMember{UserID: r.UserID, Identities: r.Identities,
				Address: AddressOf(r), VerifiedBy: d.By, Actor: d.Actor, RequestID: d.RequestID, Grant: d.Grant})
			if err != nil {
				return err
			}
		}
		return notify.ForMembershipDecision(ctx, tx, out, u.Name)
	})
	return out, err
}

// AddressOf is the membership address a request gives: building, unit
// and room as written, space-separated.
func AddressOf(r *ent.MembershipRequest) string {
	var parts []string
	for _, p := range []string{r.Building, r.UnitNo, r.Room} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}
