package handlers

import (
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/grants"
)

// checkBreakGlass applies the platform operator's limit (issue 15): the
// platform appoints a tenant's first tenant_admin; once the tenant has a
// live one, its admins own its grants, and the platform grants there only
// by breaking glass, with a reason. It returns the break-glass record to
// write with the grant, or nil for an ordinary grant.
func (s *server) checkBreakGlass(c *gin.Context, u *ent.Unit, req createRoleAssignmentRequest) (*grants.BreakGlass, error) {
	v := caller(c)
	asPlatform := v.Platform && !v.InScope(u.Path)
	if !asPlatform {
		if req.BreakGlass {
			return nil, apperr.Invalid(apperr.FieldError{Field: "break_glass",
				Message: "is for the platform operator, in a tenant that has admins"})
		}
		return nil, nil
	}
	admins, err := grants.TenantAdmins(c.Request.Context(), s.Store.Client, u.TenantID)
	if err != nil {
		return nil, err
	}
	if len(admins) == 0 {
		return nil, nil
	}
	if !req.BreakGlass {
		return nil, apperr.New(apperr.KindForbidden, "role_assignment.tenant_has_admin",
			"this tenant has a tenant_admin, who grants its roles; the platform operator grants here only by breaking glass (break_glass with a reason), which is audited and shown to the tenant's admins")
	}
	return &grants.BreakGlass{TenantID: u.TenantID, UnitPath: u.Path, Actor: v.Subject, RequestID: requestID(c),
		Role: req.Role, GranteeID: req.UserID, Reason: strings.TrimSpace(req.Reason), Admins: admins}, nil
}
