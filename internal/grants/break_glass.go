package grants

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/roleassignment"
	"yishi/internal/audit"
	"yishi/internal/notify"
	"yishi/internal/viewer"
)

// RoleTenantAdmin is the role whose live holders own a tenant's grants
// (the same name as authz.RoleTenantAdmin; grants sits below authz).
const RoleTenantAdmin = "tenant_admin"

// TenantAdmins returns the users holding a live tenant_admin role in the
// tenant. Once there is one, the platform operator no longer grants roles
// there except by breaking glass (issue 15). It is a system read of ids
// only: the platform operator sees no tenant data.
func TenantAdmins(ctx context.Context, client *ent.Client, tenantID int) ([]int, error) {
	ids, err := client.RoleAssignment.Query().Where(roleassignment.TenantID(tenantID),
		roleassignment.Role(RoleTenantAdmin), roleassignment.RevokedAtIsNil(), roleassignment.UserIDNotNil()).
		Select(roleassignment.FieldUserID).Ints(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("read tenant %d admins: %w", tenantID, err)
	}
	return ids, nil
}

// BreakGlass is a platform operator's grant inside a tenant that already
// has admins: why, by whom, and whom it must be shown to.
type BreakGlass struct {
	TenantID     int
	UnitPath     string
	Actor        string
	RequestID    string
	AssignmentID int
	Role         string
	GranteeID    int
	Reason       string
	Admins       []int
}

// RecordBreakGlass writes the break-glass entry of the audit log in tx,
// next to the grant's own role.grant entry: the reason and the tenant
// admins it is addressed to, so they find it in their audit log. In the
// same transaction each of those admins gets an inbox notification of
// the entry, so the override cannot happen without them being told.
func RecordBreakGlass(ctx context.Context, tx *ent.Tx, b BreakGlass) error {
	entry, err := audit.Save(ctx, tx, audit.Entry{TenantID: &b.TenantID, UnitPath: b.UnitPath, Actor: b.Actor,
		Action: "role.break_glass", TargetType: "role_assignment", TargetID: b.AssignmentID, RequestID: b.RequestID,
		Detail: map[string]any{"reason": b.Reason, "tenant_admins": b.Admins}})
	if err != nil {
		return err
	}
	return notify.ForAuditEntry(ctx, tx, entry, b.Admins, notify.Notice{Kind: string(notify.KindBreakGlass),
		Title: fmt.Sprintf("平台管理员紧急授权：授予用户 #%d 角色 %s", b.GranteeID, b.Role),
		Body: fmt.Sprintf("平台管理员（%s）在本街道以紧急授权（break glass）方式授予用户 #%d 角色 %s（授权记录 #%d）。\n原因：%s\n详情见审计日志（role.break_glass）。",
			b.Actor, b.GranteeID, b.Role, b.AssignmentID, b.Reason)})
}
