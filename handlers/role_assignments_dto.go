package handlers

import (
	"strings"
	"time"
	"unicode/utf8"

	"yishi/authz"
	"yishi/ent"
	"yishi/internal/apperr"
)

// createRoleAssignmentRequest grants role to a user at the unit in the URL.
// BreakGlass and Reason are the platform operator's audited override in a
// tenant that already has a tenant_admin (issue 15).
type createRoleAssignmentRequest struct {
	UserID     int    `json:"user_id" example:"7"`
	Role       string `json:"role" example:"guide" enums:"tenant_admin,lead,reviewer,guide,implementer,resident"`
	BreakGlass bool   `json:"break_glass,omitempty"`
	Reason     string `json:"reason,omitempty" example:"街道管理员离职，账号无人接管" maxLength:"500"`
}

func (r *createRoleAssignmentRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.UserID <= 0 {
		out = append(out, apperr.FieldError{Field: "user_id", Message: "must be a user id"})
	}
	if !authz.IsRole(r.Role) || r.Role == authz.RolePlatformAdmin {
		out = append(out, apperr.FieldError{Field: "role", Message: "must be one of tenant_admin, lead, reviewer, guide, implementer, resident"})
	}
	reason := strings.TrimSpace(r.Reason)
	switch {
	case r.BreakGlass && (reason == "" || utf8.RuneCountInString(reason) > 500):
		out = append(out, apperr.FieldError{Field: "reason", Message: "breaking glass needs a reason of 1 to 500 characters"})
	case !r.BreakGlass && r.Reason != "":
		out = append(out, apperr.FieldError{Field: "reason", Message: "is only for break_glass"})
	}
	return out
}

// roleAssignmentResponse is one grant. unit_id is null for platform_admin.
type roleAssignmentResponse struct {
	ID        int        `json:"id" example:"31"`
	UserID    *int       `json:"user_id" example:"7"`
	ClientID  *int       `json:"api_client_id,omitempty"`
	Role      string     `json:"role" example:"guide"`
	UnitID    *int       `json:"unit_id" example:"12"`
	UnitPath  string     `json:"unit_path" example:"s1/c12/"`
	GrantedBy *int       `json:"granted_by" example:"2"`
	GrantedAt time.Time  `json:"granted_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

func newRoleAssignmentResponse(r *ent.RoleAssignment) roleAssignmentResponse {
	out := roleAssignmentResponse{
		ID: r.ID, UserID: r.UserID, ClientID: r.APIClientID, Role: r.Role, UnitID: r.UnitID,
		UnitPath: r.Domain, GrantedBy: r.GrantedBy, GrantedAt: r.GrantedAt.UTC(),
	}
	if r.RevokedAt != nil {
		t := r.RevokedAt.UTC()
		out.RevokedAt = &t
	}
	return out
}
