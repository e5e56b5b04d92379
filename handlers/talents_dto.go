package handlers

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/talents"
)

// createTalentRequest records a talent at the unit in the URL: a member
// (user_id) or a named person not yet registered (linked later by PATCH).
type createTalentRequest struct {
	UserID         *int       `json:"user_id,omitempty" example:"7"`
	Name           string     `json:"name" example:"王师傅" maxLength:"100"`
	Skills         []string   `json:"skills" example:"木工,电工"`
	Source         string     `json:"source" enums:"home_visit,activity,self_registration,recommendation"`
	FoundAt        *time.Time `json:"found_at,omitempty" example:"2022-03-01T09:00:00Z"`
	Profile        string     `json:"profile,omitempty" maxLength:"1000"`
	ContactConsent bool       `json:"contact_consent"`
}

func (r *createTalentRequest) validate() []apperr.FieldError {
	out := checkTalentName(&r.Name)
	out = append(out, checkSkills(r.Skills, true)...)
	out = append(out, checkTalentSource(&r.Source)...)
	out = append(out, checkProfile(&r.Profile)...)
	if r.UserID != nil && *r.UserID <= 0 {
		out = append(out, apperr.FieldError{Field: "user_id", Message: "must be a user id"})
	}
	return append(out, checkTaskDue(r.FoundAt)...)
}

// updateTalentRequest changes a talent; absent fields stay. user_id links
// a talent recorded before the person registered.
type updateTalentRequest struct {
	UserID         *int     `json:"user_id,omitempty" example:"7"`
	Name           *string  `json:"name,omitempty" maxLength:"100"`
	Skills         []string `json:"skills,omitempty" example:"木工"`
	Source         *string  `json:"source,omitempty" enums:"home_visit,activity,self_registration,recommendation"`
	Profile        *string  `json:"profile,omitempty" maxLength:"1000"`
	ContactConsent *bool    `json:"contact_consent,omitempty"`
}

func (r *updateTalentRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Name != nil {
		out = append(out, checkTalentName(r.Name)...)
	}
	if r.Skills != nil {
		out = append(out, checkSkills(r.Skills, true)...)
	}
	out = append(out, checkTalentSource(r.Source)...)
	out = append(out, checkProfile(r.Profile)...)
	if r.UserID != nil && *r.UserID <= 0 {
		out = append(out, apperr.FieldError{Field: "user_id", Message: "must be a user id"})
	}
	return out
}

func checkTalentName(name *string) []apperr.FieldError {
	if n := utf8.RuneCountInString(strings.TrimSpace(*name)); n < 1 || n > 100 || hasControl(*name) {
		return []apperr.FieldError{{Field: "name", Message: "must be 1 to 100 characters, without control characters"}}
	}
	return nil
}

// checkSkills: 1 to 20 tags of 1 to 20 characters, no "|" (the index
// separator) and no control characters.
func checkSkills(skills []string, required bool) []apperr.FieldError {
	bad := func(msg string) []apperr.FieldError { return []apperr.FieldError{{Field: "skills", Message: msg}} }
	norm := talents.NormalizeSkills(skills)
	if required && len(norm) == 0 {
		return bad("must name at least one skill, e.g. 木工")
	}
	if len(norm) > 20 {
		return bad("must name at most 20 skills")
	}
	for _, s := range norm {
		if utf8.RuneCountInString(s) > 20 || strings.Contains(s, "|") || hasControl(s) {
			return bad("each skill must be at most 20 characters, without | or control characters")
		}
	}
	return nil
}

func checkTalentSource(src *string) []apperr.FieldError {
	if src != nil && !slices.Contains(talents.Sources(), *src) {
		return []apperr.FieldError{{Field: "source", Message: "must be one of home_visit, activity, self_registration, recommendation"}}
	}
	return nil
}

func checkProfile(p *string) []apperr.FieldError {
	if p != nil && utf8.RuneCountInString(*p) > 1000 {
		return []apperr.FieldError{{Field: "profile", Message: "must be at most 1000 characters"}}
	}
	return nil
}

// createTalentRecordRequest adds one dated growth step.
type createTalentRecordRequest struct {
	Kind       string     `json:"kind" enums:"training,micro_venture,award,role"`
	Title      string     `json:"title" example:"微创投大赛二等奖" maxLength:"200"`
	Detail     string     `json:"detail,omitempty" maxLength:"1000"`
	OccurredOn *time.Time `json:"occurred_on" example:"2022-05-20T00:00:00Z"`
}

func (r *createTalentRecordRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if !slices.Contains(talents.RecordKinds(), r.Kind) {
		out = append(out, apperr.FieldError{Field: "kind", Message: "must be one of training, micro_venture, award, role"})
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Title)); n < 1 || n > 200 || hasControl(r.Title) {
		out = append(out, apperr.FieldError{Field: "title", Message: "must be 1 to 200 characters"})
	}
	if utf8.RuneCountInString(r.Detail) > 1000 {
		out = append(out, apperr.FieldError{Field: "detail", Message: "must be at most 1000 characters"})
	}
	if r.OccurredOn == nil {
		out = append(out, apperr.FieldError{Field: "occurred_on", Message: "is required (RFC 3339)"})
	} else {
		for _, f := range checkTaskDue(r.OccurredOn) {
			out = append(out, apperr.FieldError{Field: "occurred_on", Message: f.Message})
		}
	}
	return out
}

// talentResponse is a talent; the detail read adds records and
// participation.
type talentResponse struct {
	ID             int                    `json:"id"`
	UnitID         int                    `json:"unit_id"`
	UnitPath       string                 `json:"unit_path"`
	UserID         *int                   `json:"user_id"`
	Name           string                 `json:"name"`
	Skills         []string               `json:"skills"`
	Source         string                 `json:"source"`
	FoundBy        *int                   `json:"found_by"`
	FoundAt        time.Time              `json:"found_at"`
	Profile        string                 `json:"profile,omitempty"`
	ContactConsent bool                   `json:"contact_consent"`
	CreatedAt      time.Time              `json:"created_at"`
	Records        []talentRecordResponse `json:"records,omitempty"`
	Participation  *talents.Participation `json:"participation,omitempty"`
}

func newTalentResponse(t *ent.Talent) talentResponse {
	return talentResponse{ID: t.ID, UnitID: t.UnitID, UnitPath: t.UnitPath, UserID: t.UserID, Name: t.Name,
		Skills: t.Skills, Source: string(t.Source), FoundBy: t.FoundBy, FoundAt: t.FoundAt.UTC(), Profile: t.Profile,
		ContactConsent: t.ContactConsent, CreatedAt: t.CreatedAt.UTC()}
}

// talentRecordResponse is one growth record.
type talentRecordResponse struct {
	ID         int       `json:"id"`
	TalentID   int       `json:"talent_id"`
	Kind       string    `json:"kind"`
	Title      string    `json:"title"`
	Detail     string    `json:"detail,omitempty"`
	OccurredOn time.Time `json:"occurred_on"`
	CreatedAt  time.Time `json:"created_at"`
}

func newTalentRecordResponse(r *ent.TalentRecord) talentRecordResponse {
	return talentRecordResponse{ID: r.ID, TalentID: r.TalentID, Kind: string(r.Kind), Title: r.Title,
		Detail: r.Detail, OccurredOn: r.OccurredOn.UTC(), CreatedAt: r.CreatedAt.UTC()}
}

// talentSuggestionResponse is a talent ranked for a proposal.
type talentSuggestionResponse struct {
	Talent  talentResponse `json:"talent"`
	Score   int            `json:"score" example:"6"`
	Matched []string       `json:"matched" example:"木工"`
}

// talentSuggestionsResponse lists the ranked talents, best first.
type talentSuggestionsResponse struct {
	Items []talentSuggestionResponse `json:"items"`
}
