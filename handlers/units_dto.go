package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/units"
)

// createUnitRequest is the body of POST /v1/tenants and POST
// /v1/units/{id}/children.
type createUnitRequest struct {
	Name string `json:"name" example:"胜利街道" maxLength:"200"`
	Code string `json:"code" example:"shengli" maxLength:"64" pattern:"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"`
}

func (r *createUnitRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if msg := units.ValidateName(r.Name); msg != "" {
		out = append(out, apperr.FieldError{Field: "name", Message: msg})
	}
	if msg := units.ValidateCode(r.Code); msg != "" {
		out = append(out, apperr.FieldError{Field: "code", Message: msg})
	}
	return out
}

// unitResponse is a unit as clients see it.
type unitResponse struct {
	ID       int    `json:"id" example:"12"`
	Level    string `json:"level" enums:"subdistrict,community,grid" example:"community"`
	ParentID *int   `json:"parent_id" example:"1"`
	TenantID int    `json:"tenant_id" example:"1"`
	Path     string `json:"path" example:"s1/c12/"`
	Code     string `json:"code" example:"xingfu"`
	Name     string `json:"name" example:"幸福社区"`
	Status   string `json:"status" enums:"active,suspended" example:"active"`
	// ArchivedAt is set while the unit is archived: it takes no new
	// proposals, and its history stays readable.
	ArchivedAt *time.Time `json:"archived_at" example:"2026-11-30T10:00:00Z"`
	// ETag is the unit's version, for If-Match on PATCH.
	ETag      string    `json:"etag" example:"\"5f2c3e9a01b2c4d6\""`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// updateUnitRequest renames or recodes a unit; absent fields keep their
// value.
type updateUnitRequest struct {
	Name *string `json:"name,omitempty" example:"幸福里社区" maxLength:"200"`
	Code *string `json:"code,omitempty" example:"xingfuli" maxLength:"64" pattern:"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"`
}

func (r *updateUnitRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Name == nil && r.Code == nil {
		return []apperr.FieldError{{Field: "name", Message: "give name or code"}}
	}
	if r.Name != nil {
		if msg := units.ValidateName(*r.Name); msg != "" {
			out = append(out, apperr.FieldError{Field: "name", Message: msg})
		}
	}
	if r.Code != nil {
		if msg := units.ValidateCode(*r.Code); msg != "" {
			out = append(out, apperr.FieldError{Field: "code", Message: msg})
		}
	}
	return out
}

// unitPage is one page of units.
type unitPage struct {
	Items      []unitResponse `json:"items"`
	NextCursor string         `json:"next_cursor" example:"eyJpZCI6MTJ9"`
}

func newUnitResponse(u *ent.Unit) unitResponse {
	return unitResponse{
		ID: u.ID, Level: string(u.Level), ParentID: u.ParentID, TenantID: u.TenantID,
		Path: u.Path, Code: u.Code, Name: u.Name, Status: string(u.Status),
		ArchivedAt: utcPtr(u.ArchivedAt), ETag: unitETag(u),
		CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.UpdatedAt.UTC(),
	}
}
