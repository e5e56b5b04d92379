package handlers

import (
	"strings"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/units"
	"yishi/internal/vocab"
)

// venueKinds are where residents already gather (邻里茶馆, 四邻议事亭, …):
// the schema's enum, via the one catalogue.
var venueKinds = vocab.Of("venue.kind")

// createVenueRequest registers a venue at the unit in the URL.
type createVenueRequest struct {
	Name     string `json:"name" example:"邻里茶馆" maxLength:"200"`
	Kind     string `json:"kind" enums:"tea_house,pavilion,hall,online" example:"tea_house"`
	Address  string `json:"address,omitempty" example:"锦华路12号1楼" maxLength:"300"`
	Capacity *int   `json:"capacity,omitempty" example:"40" minimum:"0" maximum:"100000"`
}

func (r *createVenueRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if msg := units.ValidateName(r.Name); msg != "" {
		out = append(out, apperr.FieldError{Field: "name", Message: msg})
	}
	if !venueKinds.Has(r.Kind) {
		out = append(out, apperr.FieldError{Field: "kind", Message: "must be tea_house, pavilion, hall or online"})
	}
	return append(out, checkVenueDetails(&r.Address, r.Capacity)...)
}

// updateVenueRequest renames, moves, resizes or retires a venue; absent
// fields keep their value. A retired venue takes no new meetings, and
// existing meetings keep pointing at it.
type updateVenueRequest struct {
	Name     *string `json:"name,omitempty" example:"四邻议事亭" maxLength:"200"`
	Address  *string `json:"address,omitempty" maxLength:"300"`
	Capacity *int    `json:"capacity,omitempty" minimum:"0" maximum:"100000"`
	Status   *string `json:"status,omitempty" enums:"active,retired" example:"retired"`
}

func (r *updateVenueRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Name != nil {
		if msg := units.ValidateName(*r.Name); msg != "" {
			out = append(out, apperr.FieldError{Field: "name", Message: msg})
		}
	}
	if r.Status != nil && *r.Status != "active" && *r.Status != "retired" {
		out = append(out, apperr.FieldError{Field: "status", Message: "must be active or retired"})
	}
	return append(out, checkVenueDetails(r.Address, r.Capacity)...)
}

func checkVenueDetails(address *string, capacity *int) []apperr.FieldError {
	var out []apperr.FieldError
	if address != nil && utf8.RuneCountInString(strings.TrimSpace(*address)) > 300 {
		out = append(out, apperr.FieldError{Field: "address", Message: "must be at most 300 characters"})
	}
	if capacity != nil && (*capacity < 0 || *capacity > 100000) {
		out = append(out, apperr.FieldError{Field: "capacity", Message: "must be from 0 to 100000"})
	}
	return out
}

// venueResponse is a venue.
type venueResponse struct {
	ID        int       `json:"id" example:"3"`
	UnitID    int       `json:"unit_id" example:"12"`
	UnitPath  string    `json:"unit_path" example:"s1/c12/"`
	Name      string    `json:"name" example:"邻里茶馆"`
	Kind      string    `json:"kind" enums:"tea_house,pavilion,hall,online"`
	Address   string    `json:"address,omitempty"`
	Capacity  int       `json:"capacity" example:"40"`
	Status    string    `json:"status" enums:"active,retired"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func newVenueResponse(v *ent.Venue) venueResponse {
	return venueResponse{ID: v.ID, UnitID: v.UnitID, UnitPath: v.UnitPath, Name: v.Name, Kind: string(v.Kind),
		Address: v.Address, Capacity: v.Capacity, Status: string(v.Status),
		CreatedAt: v.CreatedAt.UTC(), UpdatedAt: v.UpdatedAt.UTC()}
}
