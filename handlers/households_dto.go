package handlers

import (
	"strings"
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/households"
)

// createHouseholdRequest is one dwelling. member_user_ids are registered
// users who may cast the household's ballot; they vote as residents, so
// they should also be members of the community.
type createHouseholdRequest struct {
	Address       string  `json:"address" example:"3栋2单元401" maxLength:"200"`
	FloorArea     float64 `json:"floor_area" example:"89.37"`
	OwnerName     string  `json:"owner_name,omitempty" example:"王建国"`
	OwnerPhone    string  `json:"owner_phone,omitempty" example:"13800000001"`
	MemberUserIDs []int   `json:"member_user_ids,omitempty"`
}

func (r *createHouseholdRequest) input() households.Input {
	return households.Input{Address: strings.TrimSpace(r.Address), FloorArea: r.FloorArea,
		OwnerName: strings.TrimSpace(r.OwnerName), OwnerPhone: r.OwnerPhone}
}

func (r *createHouseholdRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	for _, p := range households.Check(r.input()) {
		out = append(out, apperr.FieldError{Field: p.Field, Message: p.Message})
	}
	if len(r.MemberUserIDs) > 50 {
		out = append(out, apperr.FieldError{Field: "member_user_ids", Message: "at most 50 members"})
	}
	return out
}

// householdResponse is a household as staff see it.
type householdResponse struct {
	ID            int       `json:"id"`
	UnitID        int       `json:"unit_id"`
	Address       string    `json:"address"`
	FloorArea     float64   `json:"floor_area"`
	OwnerName     string    `json:"owner_name"`
	OwnerPhone    string    `json:"owner_phone"`
	MemberUserIDs []int     `json:"member_user_ids"`
	CreatedAt     time.Time `json:"created_at"`
}

// householdImportResponse counts what an import wrote.
type householdImportResponse struct {
	Households int `json:"households"`
	Members    int `json:"members"`
}

func newHouseholdResponse(h *ent.Household, members []int) householdResponse {
	if members == nil {
		members = []int{}
	}
	return householdResponse{ID: h.ID, UnitID: h.UnitID, Address: h.Address, FloorArea: h.FloorArea,
		OwnerName: h.OwnerName, OwnerPhone: h.OwnerPhone, MemberUserIDs: members, CreatedAt: h.CreatedAt.UTC()}
}
