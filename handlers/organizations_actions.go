package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
)

// organizationActions are the buttons an organization offers. Adding a
// member does not depend on the organization's status (a dissolved one
// still records its people), so the action has no Ready condition.
func organizationActions() []action {
	return []action{{Name: "add_member", Route: "POST /v1/organizations/:id/members"}}
}

// organizationAccess is an organization as access sees it, built as the
// route's organization loader builds it, for rows that are not a route's
// target (lists, a new organization).
func organizationAccess(o *ent.Organization) access.Target {
	return access.Target{Kind: "organization", UnitPath: o.UnitPath, Object: o}
}

// organizationResponder converts organizations for the caller of c, each
// with the actions the caller may take on it.
func (s *server) organizationResponder(c *gin.Context) func(*ent.Organization) organizationResponse {
	return func(o *ent.Organization) organizationResponse {
		out := newOrganizationResponse(o)
		out.AllowedActions = s.allowedActions(c, organizationAccess(o), organizationActions())
		return out
	}
}
