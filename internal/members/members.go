// Package members records the verified members of a unit: a user, their
// stakeholder identities, their household address and who verified them.
// Membership is what lets a person act as a resident, so adding one also
// grants the resident role in the same transaction; meetings and votes
// count members by their identities.
package members

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/membership"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/grants"
	"yishi/internal/store"
)

// RoleGrant is the role a membership brings. The caller names the user's
// policy subject and writes the grant, because writing one bumps the
// policy version, which authz owns; Add decides whether it is needed.
type RoleGrant struct {
	Subject string
	Role    string
	Write   func(ctx context.Context, tx *ent.Tx) error
}

// NewMember is a verified member to record at a unit, with who records it
// (for the audit log) and the role the membership brings.
type NewMember struct {
	UserID     int
	Identities []string
	Address    string
	VerifiedBy *int
	Actor      string
	RequestID  string
	Grant      RoleGrant
}

// Add records in at u in one transaction: the membership, its audit entry
// and, unless the user already holds it there, the role it brings. A user
// who is already a member of u is 409 member.exists. The returned row
// carries its user (name and phone) when the caller may read it.
func Add(ctx context.Context, client *ent.Client, u *ent.Unit, in NewMember) (*ent.Membership, error) {
	var m *ent.Membership
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		var err error
		m, err = AddTx(ctx, tx, u, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	// The name and phone are decoration: a caller whom privacy does not
	// let read the user still gets the membership they created.
	m.Edges.User, _ = client.User.Get(ctx, in.UserID)
	return m, nil
}

// AddTx is Add inside tx: an approved membership request and a claimed
// invitation create the membership in their own transaction.
func AddTx(ctx context.Context, tx *ent.Tx, u *ent.Unit, in NewMember) (*ent.Membership, error) {
	m, err := tx.Membership.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetUserID(in.UserID).SetIdentities(in.Identities).SetAddress(in.Address).
		SetNillableVerifiedBy(in.VerifiedBy).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, ErrMemberExists()
	}
	if err != nil {
		return nil, fmt.Errorf("create membership: %w", err)
	}
	if err := audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: in.Actor,
		Action: "member.create", TargetType: "membership", TargetID: m.ID, RequestID: in.RequestID}); err != nil {
		return nil, err
	}
	held, err := grants.Holds(ctx, tx.RoleAssignment, in.Grant.Subject, in.Grant.Role, u.Path)
	if err != nil || held {
		return m, err
	}
	return m, in.Grant.Write(ctx, tx)
}

// ErrMemberExists is the 409 for a user who is already a member of the unit.
func ErrMemberExists() error {
	return apperr.Conflict("member.exists", "the user is already a member of this unit")
}

// OfUser returns every membership of the user, oldest first, each with
// the user: what /v1/me shows its caller.
func OfUser(ctx context.Context, client *ent.Client, userID int) ([]*ent.Membership, error) {
	rows, err := client.Membership.Query().Where(membership.UserID(userID)).
		WithUser().Order(ent.Asc(membership.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list memberships of user %d: %w", userID, err)
	}
	return rows, nil
}
