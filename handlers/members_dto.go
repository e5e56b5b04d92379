package handlers

import (
	"slices"
	"time"

	"yishi/ent"
	"yishi/internal/accounts"
	"yishi/internal/apperr"
	"yishi/internal/vocab"
)

// stakeholderIdentities are the identities a member can hold; meetings and
// votes count participants by them (one table with participant.identity).
var stakeholderIdentities = vocab.Of("membership.identity")

// createMemberRequest adds a user to the unit in the URL.
type createMemberRequest struct {
	UserID     int      `json:"user_id" example:"7"`
	Identities []string `json:"identities" example:"resident,building_head" enums:"party_member,resident_rep,building_head,org_leader,merchant,property_rep,grid_worker,volunteer,resident"`
	Address    string   `json:"address,omitempty" example:"3栋2单元401" maxLength:"200"`
}

func (r *createMemberRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.UserID <= 0 {
		out = append(out, apperr.FieldError{Field: "user_id", Message: "must be a user id"})
	}
	if len(r.Identities) == 0 {
		out = append(out, apperr.FieldError{Field: "identities", Message: "must name at least one identity"})
	}
	for i, id := range r.Identities {
		if !stakeholderIdentities.Has(id) || slices.Index(r.Identities, id) != i {
			out = append(out, apperr.FieldError{Field: "identities", Message: "has an unknown or repeated identity: " + id})
		}
	}
	if len([]rune(r.Address)) > 200 {
		out = append(out, apperr.FieldError{Field: "address", Message: "must be at most 200 characters"})
	} else if hasControl(r.Address) {
		out = append(out, apperr.FieldError{Field: "address", Message: "must not contain control characters"})
	}
	return out
}

// memberResponse is a membership. The phone is masked (138****1234) for
// everyone but the member themself.
type memberResponse struct {
	ID         int       `json:"id" example:"40"`
	UnitID     int       `json:"unit_id" example:"12"`
	UnitPath   string    `json:"unit_path" example:"s1/c12/"`
	UserID     int       `json:"user_id" example:"7"`
	Name       string    `json:"name" example:"李阿姨"`
	Phone      string    `json:"phone" example:"138****1234"`
	Identities []string  `json:"identities" example:"resident,building_head"`
	Address    string    `json:"address,omitempty"`
	VerifiedBy *int      `json:"verified_by" example:"2"`
	CreatedAt  time.Time `json:"created_at"`
}

func newMemberResponse(m *ent.Membership, own bool) memberResponse {
	out := memberResponse{ID: m.ID, UnitID: m.UnitID, UnitPath: m.UnitPath, UserID: m.UserID,
		Identities: m.Identities, Address: m.Address, VerifiedBy: m.VerifiedBy, CreatedAt: m.CreatedAt.UTC()}
	if u := m.Edges.User; u != nil {
		out.Name, out.Phone = u.Name, maskPhone(u.Phone)
		if own {
			out.Phone = u.Phone
		}
		if accounts.IsDeleted(u) {
			out.Phone = "" // a deleted account has no phone to show
		}
	}
	return out
}
