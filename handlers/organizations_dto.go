package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/units"
	"yishi/internal/vocab"
)

// organizationKinds are the kinds an organization may have (the schema's
// enum, via the one catalogue).
var organizationKinds = vocab.Of("organization.kind")

// createOrganizationRequest registers an organization at the unit.
type createOrganizationRequest struct {
	Name        string `json:"name" example:"四邻志愿服务队" maxLength:"200"`
	Kind        string `json:"kind" enums:"self_organization,property_company,merchant,party_branch,department"`
	Description string `json:"description,omitempty" maxLength:"2000"`
}

func (r *createOrganizationRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if msg := units.ValidateName(r.Name); msg != "" {
		out = append(out, apperr.FieldError{Field: "name", Message: msg})
	}
	if !organizationKinds.Has(r.Kind) {
		out = append(out, apperr.FieldError{Field: "kind", Message: "must be one of self_organization, property_company, merchant, party_branch, department"})
	}
	if len([]rune(r.Description)) > 2000 {
		out = append(out, apperr.FieldError{Field: "description", Message: "must be at most 2000 characters"})
	}
	return out
}

// organizationResponse is an organization.
type organizationResponse struct {
	ID          int       `json:"id"`
	UnitID      int       `json:"unit_id"`
	Name        string    `json:"name"`
	Kind        string    `json:"kind"`
	Description string    `json:"description,omitempty"`
	Status      string    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
	// AllowedActions are what the caller may do to the organization now,
	// decided by the rules of the routes that do them: "add_member" (POST
	// /v1/organizations/{id}/members). A listed action does not answer 403.
	AllowedActions []string `json:"allowed_actions" example:"add_member"`
}

// newOrganizationResponse is the organization without allowed_actions;
// organizationResponder adds them for the caller.
func newOrganizationResponse(o *ent.Organization) organizationResponse {
	return organizationResponse{ID: o.ID, UnitID: o.UnitID, Name: o.Name, Kind: string(o.Kind),
		Description: o.Description, Status: string(o.Status), CreatedAt: o.CreatedAt.UTC()}
}

// addOrganizationMemberRequest adds a user to an organization.
type addOrganizationMemberRequest struct {
	UserID int    `json:"user_id" example:"7"`
	Role   string `json:"role" enums:"leader,member" example:"leader"`
}

func (r *addOrganizationMemberRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.UserID <= 0 {
		out = append(out, apperr.FieldError{Field: "user_id", Message: "must be a user id"})
	}
	if r.Role != "leader" && r.Role != "member" {
		out = append(out, apperr.FieldError{Field: "role", Message: "must be leader or member"})
	}
	return out
}

// organizationMemberResponse is one member of an organization.
type organizationMemberResponse struct {
	ID             int       `json:"id"`
	OrganizationID int       `json:"organization_id"`
	UserID         int       `json:"user_id"`
	Role           string    `json:"role"`
	CreatedAt      time.Time `json:"created_at"`
}
