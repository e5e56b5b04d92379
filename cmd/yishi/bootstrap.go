package main

import (
	"context"
	"fmt"

	"yishi/authz"
	"yishi/ent"
	"yishi/ent/roleassignment"
	"yishi/ent/user"
	"yishi/handlers"
	"yishi/internal/accounts"
	"yishi/internal/config"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// bootstrapAdmin makes sure a platform_admin exists: when none does and
// YISHI_ADMIN_PHONE / YISHI_ADMIN_PASSWORD are set, it registers that user
// (or reuses the account with that phone) and grants platform_admin.
func bootstrapAdmin(ctx context.Context, cfg config.Config, d handlers.Deps) error {
	sys := viewer.SystemContext(ctx)
	exists, err := d.Store.Client.RoleAssignment.Query().Where(
		roleassignment.Role(authz.RolePlatformAdmin), roleassignment.RevokedAtIsNil()).Exist(sys)
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	if exists {
		return nil
	}
	if cfg.AdminPhone == "" || cfg.AdminPassword == "" {
		d.Logger.Warn("no platform_admin exists; set YISHI_ADMIN_PHONE and YISHI_ADMIN_PASSWORD to create one")
		return nil
	}
	u, err := d.Store.Client.User.Query().Where(user.Phone(cfg.AdminPhone)).Only(sys)
	if ent.IsNotFound(err) {
		u, err = accounts.Register(ctx, d.Store.Client, d.Passwords,
			accounts.NewUser{Phone: cfg.AdminPhone, Password: cfg.AdminPassword, Name: "Platform admin"})
	}
	if err != nil {
		return fmt.Errorf("bootstrap admin user: %w", err)
	}
	err = store.WithTx(sys, d.Store.Client, func(tx *ent.Tx) error {
		_, err := d.Policy.WriteGrant(sys, tx, authz.Grant{UserID: &u.ID, Role: authz.RolePlatformAdmin, Actor: "system"})
		return err
	})
	if err != nil {
		return fmt.Errorf("bootstrap: grant platform_admin: %w", err)
	}
	if _, err := d.Policy.Sync(sys); err != nil {
		return fmt.Errorf("bootstrap: sync policy: %w", err)
	}
	d.Logger.Info("bootstrap: platform_admin created", "user_id", u.ID)
	return nil
}
