package handlers

import (
	"strings"
	"time"

	"yishi/authz"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/units"
)

// createAPIClientRequest registers a partner app at the unit in the URL.
// Its role bounds what it can do; scopes narrow that further.
type createAPIClientRequest struct {
	Name   string   `json:"name" example:"12345 市民热线" maxLength:"200"`
	Role   string   `json:"role" example:"guide" enums:"lead,reviewer,guide,implementer,resident"`
	Scopes []string `json:"scopes" example:"proposal:read,proposal:create_on_behalf"`
}

func (r *createAPIClientRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if msg := units.ValidateName(r.Name); msg != "" {
		out = append(out, apperr.FieldError{Field: "name", Message: msg})
	}
	if !authz.IsRole(r.Role) || r.Role == authz.RolePlatformAdmin || r.Role == authz.RoleTenantAdmin {
		out = append(out, apperr.FieldError{Field: "role", Message: "must be one of lead, reviewer, guide, implementer, resident"})
		return out
	}
	if len(r.Scopes) == 0 {
		out = append(out, apperr.FieldError{Field: "scopes", Message: "must name at least one permission"})
	}
	for _, sc := range r.Scopes {
		if !roleCovers(r.Role, sc) {
			out = append(out, apperr.FieldError{Field: "scopes", Message: sc + " is not a permission of role " + r.Role})
		}
	}
	return out
}

// roleCovers reports whether scope ("obj:act" or "obj:*") lies within the
// role's permissions.
func roleCovers(role, scope string) bool {
	obj, act, ok := strings.Cut(scope, ":")
	if !ok || obj == "" || act == "" {
		return false
	}
	for _, r := range authz.Roles() {
		if r.Name != role {
			continue
		}
		for _, p := range r.Permissions {
			if p == scope || (act == "*" && strings.HasPrefix(p, obj+":")) {
				return true
			}
		}
	}
	return false
}

// apiClientResponse is a partner app. client_secret appears only in the
// response that created it.
type apiClientResponse struct {
	ID           int        `json:"id" example:"3"`
	ClientID     string     `json:"client_id" example:"yc_4f9a…"`
	ClientSecret string     `json:"client_secret,omitempty" example:"shown once"`
	Name         string     `json:"name"`
	Role         string     `json:"role" example:"guide"`
	Scopes       []string   `json:"scopes"`
	UnitID       int        `json:"unit_id"`
	TenantID     int        `json:"tenant_id"`
	CreatedAt    time.Time  `json:"created_at"`
	RevokedAt    *time.Time `json:"revoked_at,omitempty"`
}

func newAPIClientResponse(a *ent.APIClient) apiClientResponse {
	return apiClientResponse{ID: a.ID, ClientID: a.ClientID, Name: a.Name, Role: a.Role, Scopes: a.Scopes,
		UnitID: a.UnitID, TenantID: a.TenantID, CreatedAt: a.CreatedAt.UTC(), RevokedAt: a.RevokedAt}
}
