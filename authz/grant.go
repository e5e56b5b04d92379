package authz

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/audit"
)

// Grant is one role grant to write: to a user or to an API client, at a
// unit (nil Unit means the platform domain).
type Grant struct {
	UserID    *int
	ClientID  *int
	Role      string
	Unit      *ent.Unit
	GrantedBy *int
	Actor     string
	RequestID string
}

func (g Grant) subject() string {
	if g.ClientID != nil {
		return ClientSubject(*g.ClientID)
	}
	return UserSubject(*g.UserID)
}

// WriteGrant records g inside tx: it bumps the policy version, inserts the
// assignment and appends the audit entry. Call Sync after the commit so
// this instance enforces it on the next request. A live duplicate is a
// conflict, enforced by a unique index rather than a read.
func (p *Policy) WriteGrant(ctx context.Context, tx *ent.Tx, g Grant) (*ent.RoleAssignment, error) {
	version, err := p.BumpVersion(ctx, tx)
	if err != nil {
		return nil, err
	}
	b := tx.RoleAssignment.Create().
		SetSubject(g.subject()).SetNillableUserID(g.UserID).SetNillableAPIClientID(g.ClientID).
		SetRole(g.Role).SetNillableGrantedBy(g.GrantedBy).SetGrantedVersion(version).SetDomain(PlatformDomain)
	entry := audit.Entry{Actor: g.Actor, Action: "role.grant", TargetType: "role_assignment", RequestID: g.RequestID}
	if g.Unit != nil {
		b.SetTenantID(g.Unit.TenantID).SetUnitID(g.Unit.ID).SetDomain(g.Unit.Path)
		entry.TenantID, entry.UnitPath = &g.Unit.TenantID, g.Unit.Path
	}
	ra, err := b.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("role_assignment.exists", "the user already holds this role at this unit")
	}
	if err != nil {
		return nil, fmt.Errorf("grant %s: %w", g.Role, err)
	}
	entry.TargetID = ra.ID
	entry.Detail = map[string]any{"subject": ra.Subject, "role": ra.Role, "domain": ra.Domain}
	if err := audit.Record(ctx, tx, entry); err != nil {
		return nil, err
	}
	return ra, nil
}

// WriteRevoke stamps ra revoked inside tx, bumping the policy version and
// auditing it. Revoking twice is a no-op.
func (p *Policy) WriteRevoke(ctx context.Context, tx *ent.Tx, ra *ent.RoleAssignment, by *int, actor, requestID string) error {
	if ra.RevokedAt != nil {
		return nil
	}
	version, err := p.BumpVersion(ctx, tx)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	err = tx.RoleAssignment.UpdateOne(ra).SetRevokedAt(now).SetNillableRevokedBy(by).SetRevokedVersion(version).Exec(ctx)
	if err != nil {
		return fmt.Errorf("revoke %d: %w", ra.ID, err)
	}
	return audit.Record(ctx, tx, audit.Entry{
		TenantID: ra.TenantID, UnitPath: domainPath(ra.Domain), Actor: actor, Action: "role.revoke",
		TargetType: "role_assignment", TargetID: ra.ID, RequestID: requestID,
		Detail: map[string]any{"subject": ra.Subject, "role": ra.Role, "domain": ra.Domain},
	})
}

// domainPath is the audit unit path of a domain ("" for the platform).
func domainPath(domain string) string {
	if domain == PlatformDomain {
		return ""
	}
	return domain
}
