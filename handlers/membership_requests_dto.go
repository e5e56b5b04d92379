package handlers

import (
	"slices"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/apperr"
)

// createMembershipRequestRequest asks to join the unit in the URL.
type createMembershipRequestRequest struct {
	Building   string   `json:"building,omitempty" example:"3栋" maxLength:"50"`
	Unit       string   `json:"unit,omitempty" example:"2单元" maxLength:"50"`
	Room       string   `json:"room,omitempty" example:"401" maxLength:"50"`
	Identities []string `json:"identities" example:"resident" enums:"party_member,resident_rep,building_head,org_leader,merchant,property_rep,grid_worker,volunteer,resident"`
	Message    string   `json:"message,omitempty" maxLength:"500"`
}

func (r *createMembershipRequestRequest) validate() []apperr.FieldError {
	out := checkIdentities(r.Identities)
	for _, f := range []struct{ name, v string }{{"building", r.Building}, {"unit", r.Unit}, {"room", r.Room}} {
		if utf8.RuneCountInString(f.v) > 50 || hasControl(f.v) {
			out = append(out, apperr.FieldError{Field: f.name, Message: "must be at most 50 characters, without control characters"})
		}
	}
	if utf8.RuneCountInString(r.Message) > 500 {
		out = append(out, apperr.FieldError{Field: "message", Message: "must be at most 500 characters"})
	}
	return out
}

// checkIdentities: at least one known stakeholder identity, none repeated.
func checkIdentities(ids []string) []apperr.FieldError {
	var out []apperr.FieldError
	if len(ids) == 0 {
		out = append(out, apperr.FieldError{Field: "identities", Message: "must name at least one identity"})
	}
	for i, id := range ids {
		if !stakeholderIdentities.Has(id) || slices.Index(ids, id) != i {
			out = append(out, apperr.FieldError{Field: "identities", Message: "has an unknown or repeated identity: " + id})
		}
	}
	return out
}

// decideMembershipRequestRequest approves or rejects with a note.
type decideMembershipRequestRequest struct {
	Note string `json:"note,omitempty" example:"已核实房产信息" maxLength:"500"`
}

func (r *decideMembershipRequestRequest) validate() []apperr.FieldError {
	if utf8.RuneCountInString(r.Note) > 500 {
		return []apperr.FieldError{{Field: "note", Message: "must be at most 500 characters"}}
	}
	return nil
}

// membershipRequestResponse is a request to join a unit.
type membershipRequestResponse struct {
	ID           int        `json:"id"`
	UnitID       int        `json:"unit_id"`
	UnitPath     string     `json:"unit_path"`
	UserID       int        `json:"user_id"`
	Building     string     `json:"building,omitempty"`
	Unit         string     `json:"unit,omitempty"`
	Room         string     `json:"room,omitempty"`
	Identities   []string   `json:"identities"`
	Message      string     `json:"message,omitempty"`
	Status       string     `json:"status" enums:"pending,approved,rejected"`
	DecidedBy    *int       `json:"decided_by"`
	DecidedAt    *time.Time `json:"decided_at"`
	DecisionNote string     `json:"decision_note,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
}

func newMembershipRequestResponse(r *ent.MembershipRequest) membershipRequestResponse {
	return membershipRequestResponse{ID: r.ID, UnitID: r.UnitID, UnitPath: r.UnitPath, UserID: r.UserID,
		Building: r.Building, Unit: r.UnitNo, Room: r.Room, Identities: r.Identities, Message: r.Message,
		Status: string(r.Status), DecidedBy: r.DecidedBy, DecidedAt: r.DecidedAt, DecisionNote: r.DecisionNote,
		CreatedAt: r.CreatedAt.UTC()}
}
