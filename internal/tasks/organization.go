package tasks

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/organization"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// CheckOrganization loads the organization a task is assigned to: an
// active organization of p's tenant that serves p's place, registered at
// the subdistrict, at a unit above p's handling unit, or inside p's
// community. A property company registered at the subdistrict is often
// not visible to a community lead's privacy scope, so this is a
// deliberate system read, limited to p's tenant and answered with the
// same field error whether the organization is missing or elsewhere.
func CheckOrganization(ctx context.Context, tx *ent.Tx, p *ent.Proposal, id int) (*ent.Organization, error) {
	o, err := tx.Organization.Query().Where(organization.ID(id), organization.TenantID(p.TenantID)).
		Only(viewer.SystemContext(ctx))
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("load organization %d: %w", id, err)
	}
	if o == nil || !(strings.HasPrefix(p.UnitPath, o.UnitPath) || strings.HasPrefix(o.UnitPath, p.CommunityPath)) {
		return nil, apperr.Invalid(apperr.FieldError{Field: "organization_id",
			Message: "names no organization serving this proposal's community"})
	}
	if o.Status != organization.StatusActive {
		return nil, apperr.Invalid(apperr.FieldError{Field: "organization_id", Message: "the organization is dissolved"})
	}
	return o, nil
}
