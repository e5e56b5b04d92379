package clients

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/apiclient"
	"yishi/internal/audit"
	"yishi/internal/grants"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// NewClient is a partner app to register at a unit: what it is called,
// the role it acts with, the permissions it is narrowed to, its minted
// credentials, and who registers it (for the audit log).
type NewClient struct {
	Name      string
	Role      string
	Scopes    []string
	Creds     Credentials
	CreatedBy *int
	Actor     string
	RequestID string
}

// Register records in at u in one transaction with its audit entry and
// its role grant. The caller writes the grant (grant runs inside the
// transaction, after the row exists), because writing one bumps the
// policy version, which authz owns.
func Register(ctx context.Context, client *ent.Client, u *ent.Unit, in NewClient,
	grant func(ctx context.Context, tx *ent.Tx, ac *ent.APIClient) error) (*ent.APIClient, error) {
	var ac *ent.APIClient
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		var err error
		ac, err = tx.APIClient.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetClientID(in.Creds.ClientID).SetSecretHash(in.Creds.SecretHash).SetName(in.Name).
			SetRole(in.Role).SetScopes(in.Scopes).SetNillableCreatedBy(in.CreatedBy).Save(ctx)
		if err != nil {
			return fmt.Errorf("create api client: %w", err)
		}
		if err := audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: in.Actor,
			Action: "api_client.create", TargetType: "api_client", TargetID: ac.ID, RequestID: in.RequestID,
			Detail: map[string]any{"role": in.Role, "scopes": in.Scopes}}); err != nil {
			return err
		}
		return grant(ctx, tx, ac)
	})
	if err != nil {
		return nil, err
	}
	return ac, nil
}

// Revocation is who revokes a partner app and how its grants are
// revoked: subject is the app's policy subject and revoke writes one
// grant's revocation (authz owns the policy version it bumps).
type Revocation struct {
	Subject   string
	Revoke    func(ctx context.Context, tx *ent.Tx, ra *ent.RoleAssignment) error
	Actor     string
	RequestID string
}

// Revoke stamps ac revoked at now and revokes every live grant it holds,
// in one transaction with its audit entry, so tokens it already holds stop
// authorizing anything. Revoking a revoked app is a no-op.
func Revoke(ctx context.Context, client *ent.Client, ac *ent.APIClient, now time.Time, r Revocation) error {
	if ac.RevokedAt != nil {
		return nil
	}
	return store.WithTx(ctx, client, func(tx *ent.Tx) error {
		if err := tx.APIClient.UpdateOneID(ac.ID).SetRevokedAt(now).Exec(ctx); err != nil {
			return fmt.Errorf("revoke api client %d: %w", ac.ID, err)
		}
		held, err := grants.LiveOf(ctx, tx.RoleAssignment, r.Subject)
		if err != nil {
			return err
		}
		for _, g := range held {
			if err := r.Revoke(ctx, tx, g); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &ac.TenantID, UnitPath: ac.UnitPath, Actor: r.Actor,
			Action: "api_client.revoke", TargetType: "api_client", TargetID: ac.ID, RequestID: r.RequestID})
	})
}

// AtUnit returns up to limit partner apps registered at the unit with id
// unitID whose id is above after, oldest first: one page of them.
func AtUnit(ctx context.Context, client *ent.Client, unitID, after, limit int) ([]*ent.APIClient, error) {
	rows, err := client.APIClient.Query().Where(apiclient.UnitID(unitID), apiclient.IDGT(after)).
		Order(ent.Asc(apiclient.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list api clients of unit %d: %w", unitID, err)
	}
	return rows, nil
}

// Authenticate returns the live partner app whose client id and secret
// these are, and false for an unknown id, a revoked app or a wrong
// secret alike. It runs before anyone is authenticated, so it reads as
// the system; it returns nothing to a caller who does not hold the secret.
func Authenticate(ctx context.Context, client *ent.Client, clientID, secret string) (*ent.APIClient, bool, error) {
	ac, err := client.APIClient.Query().Where(apiclient.ClientID(clientID)).Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("find api client: %w", err)
	}
	if ac.RevokedAt != nil || !SecretMatches(ac.SecretHash, secret) {
		return nil, false, nil
	}
	return ac, true, nil
}
