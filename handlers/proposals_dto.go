package handlers

import (
	"strings"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
	"yishi/internal/phone"
	"yishi/internal/vocab"
)

// proposalKinds are the three kinds of proposal (个人, 联名, 组织) and
// proposalChannels the intake channels: the schema's enums, via the one
// catalogue.
var (
	proposalKinds    = vocab.Of("proposal.kind")
	proposalChannels = vocab.Of("proposal.channel")
)

// createProposalRequest files a proposal at the unit in the URL. A guide
// entering an offline submission (mailbox, face_to_face, tuesday_talk,
// grid_visit, hotline) names the author: a registered user (author_id) or
// an unregistered person (author_name and author_phone).
type createProposalRequest struct {
	Title           string     `json:"title" example:"转角遇到爱心椅" maxLength:"200"`
	Body            string     `json:"body" example:"爷爷上楼要在楼梯上歇好几次，希望楼道转角能放几把椅子。" maxLength:"20000"`
	Kind            string     `json:"kind" enums:"individual,joint,organizational" example:"individual"`
	Channel         string     `json:"channel" enums:"online,mailbox,face_to_face,tuesday_talk,grid_visit,hotline" example:"mailbox"`
	CategoryCode    string     `json:"category_code,omitempty" example:"E01"`
	Address         string     `json:"address,omitempty" example:"3栋2单元楼道" maxLength:"200"`
	AuthorID        *int       `json:"author_id,omitempty" example:"7"`
	AuthorName      string     `json:"author_name,omitempty" example:"小明"`
	AuthorPhone     string     `json:"author_phone,omitempty" example:"13812341234"`
	OrganizationID  *int       `json:"organization_id,omitempty"`
	CosignThreshold *int       `json:"cosign_threshold,omitempty" minimum:"2" example:"10"`
	CosignDeadline  *time.Time `json:"cosign_deadline,omitempty"`
}

func (r *createProposalRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Title)); n < 1 || n > 200 {
		add("title", "must be 1 to 200 characters")
	}
	if n := utf8.RuneCountInString(r.Body); strings.TrimSpace(r.Body) == "" || n > 20000 {
		add("body", "must be 1 to 20000 characters")
	}
	if !proposalKinds.Has(r.Kind) {
		add("kind", "must be individual, joint or organizational")
	}
	if !proposalChannels.Has(r.Channel) {
		add("channel", "must be online, mailbox, face_to_face, tuesday_talk, grid_visit or hotline")
	}
	if r.Kind == "joint" {
		if r.CosignThreshold == nil || *r.CosignThreshold < 2 || *r.CosignThreshold > 100000 {
			add("cosign_threshold", "a joint proposal needs a threshold of at least 2")
		}
		if r.CosignDeadline == nil || !r.CosignDeadline.After(time.Now()) {
			add("cosign_deadline", "a joint proposal needs a deadline in the future")
		}
	} else if r.CosignThreshold != nil || r.CosignDeadline != nil {
		add("cosign_threshold", "only joint proposals collect co-signatures")
	}
	if r.Kind == "organizational" && r.OrganizationID == nil {
		add("organization_id", "is required for an organizational proposal")
	}
	if r.Kind != "organizational" && r.OrganizationID != nil {
		add("organization_id", "is only for organizational proposals")
	}
	if r.AuthorPhone != "" && !phone.Valid(r.AuthorPhone) {
		add("author_phone", "must be an 11-digit mainland mobile number")
	}
	if utf8.RuneCountInString(r.Address) > 200 {
		add("address", "must be at most 200 characters")
	}
	if utf8.RuneCountInString(r.AuthorName) > 100 {
		add("author_name", "must be at most 100 characters")
	}
	return out
}

// authorResponse names the author; other people's name and phone are
// masked for residents.
type authorResponse struct {
	UserID *int   `json:"user_id"`
	Name   string `json:"name" example:"李*"`
	Phone  string `json:"phone,omitempty" example:"138****1234"`
}

// proposalItem is a proposal as lists show it: every field of the row,
// without the per-caller extras of a single proposal's answer.
type proposalItem struct {
	ID                int                        `json:"id"`
	UnitID            int                        `json:"unit_id"`
	UnitPath          string                     `json:"unit_path"`
	OriginUnitID      int                        `json:"origin_unit_id"`
	Title             string                     `json:"title"`
	Body              string                     `json:"body"`
	Kind              string                     `json:"kind" enums:"individual,joint,organizational"`
	Channel           string                     `json:"channel"`
	CategoryCode      string                     `json:"category_code"`
	Address           string                     `json:"address,omitempty" example:"3栋2单元楼道"`
	Status            string                     `json:"status"`
	Author            authorResponse             `json:"author"`
	OrganizationID    *int                       `json:"organization_id"`
	EnteredBy         *int                       `json:"entered_by"`
	CosignThreshold   *int                       `json:"cosign_threshold"`
	CosignDeadline    *time.Time                 `json:"cosign_deadline"`
	CosignCount       int                        `json:"cosign_count"`
	ScreeningFlags    []schematype.ScreeningFlag `json:"screening_flags"`
	ReasonCode        string                     `json:"reason_code,omitempty"`
	ReferredTo        string                     `json:"referred_to,omitempty"`
	MergedIntoID      *int                       `json:"merged_into_id"`
	Outcome           *string                    `json:"outcome"`
	DecisionNote      string                     `json:"decision_note,omitempty"`
	DecisionVoteID    *int                       `json:"decision_vote_id"`
	DecisionMinutesID *int                       `json:"decision_minutes_id"`
	// DecisionVoteIDs and DecisionMinutesIDs are every vote and minutes
	// the decision cites (the single-id fields hold the first).
	DecisionVoteIDs    []int `json:"decision_vote_ids"`
	DecisionMinutesIDs []int `json:"decision_minutes_ids"`
	// Escalations are the proposal's steps up the unit tree, oldest
	// first, each with its escalated_at; submitted_at is kept.
	Escalations  []schematype.Escalation `json:"escalations"`
	FollowUpOfID *int                    `json:"follow_up_of_id"`
	Version      int                     `json:"version"`
	CreatedAt    time.Time               `json:"created_at"`
	UpdatedAt    time.Time               `json:"updated_at"`
	SubmittedAt  *time.Time              `json:"submitted_at"`
	ResolvedAt   *time.Time              `json:"resolved_at"`
	ClosedAt     *time.Time              `json:"closed_at"`
}

// proposalResponse is a single proposal as clients see it (GET, create,
// transitions): the list fields, the actions the caller may take now, and
// the similar or follow-up proposals of the answers that name them.
type proposalResponse struct {
	proposalItem
	// AllowedActions are the lifecycle actions (POST /v1/proposals/{id}/{action})
	// the caller may take on the proposal in its current status, decided
	// by the same rules as the action routes: a listed action does not
	// answer 403, an unlisted one answers 403 or 409. Preconditions beyond
	// the status are not reflected, so a listed action may still answer
	// 409 (start without a task, complete with open tasks, a co-signature
	// after the deadline) or 400 for a missing note.
	AllowedActions []string           `json:"allowed_actions" example:"submit,withdraw"`
	Similar        []similarProposal  `json:"similar,omitempty"`
	FollowUps      []followUpResponse `json:"follow_ups,omitempty"`
}

// similarProposal is an open proposal close to a new one, offered so the
// resident can co-sign it instead of filing a duplicate.
type similarProposal struct {
	ID     int     `json:"id"`
	Title  string  `json:"title"`
	Status string  `json:"status"`
	Score  float64 `json:"score" example:"0.62"`
}

// newProposalItem converts p, masking other people's name and phone
// unless personal.
func newProposalItem(p *ent.Proposal, personal bool) proposalItem {
	out := proposalItem{
		ID: p.ID, UnitID: p.UnitID, UnitPath: p.UnitPath, OriginUnitID: p.OriginUnitID, Title: p.Title, Body: p.Body,
		Kind: string(p.Kind), Channel: string(p.Channel), CategoryCode: p.CategoryCode, Status: string(p.Status),
		Author:         authorResponse{UserID: p.AuthorID, Name: p.AuthorName, Phone: p.AuthorPhone},
		OrganizationID: p.OrganizationID, EnteredBy: p.EnteredBy, CosignThreshold: p.CosignThreshold,
		CosignDeadline: utcPtr(p.CosignDeadline), CosignCount: p.CosignCount, ScreeningFlags: p.ScreeningFlags,
		ReasonCode: p.ReasonCode, ReferredTo: p.ReferredTo, MergedIntoID: p.MergedIntoID,
		DecisionNote: p.DecisionNote, DecisionVoteID: p.DecisionVoteID, DecisionMinutesID: p.DecisionMinutesID, FollowUpOfID: p.FollowUpOfID, Version: p.Version,
		Address: p.Address, DecisionVoteIDs: nonNilInts(p.DecisionVoteIds), DecisionMinutesIDs: nonNilInts(p.DecisionMinutesIds),
		Escalations: p.Escalations,
		CreatedAt:   p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC(), SubmittedAt: utcPtr(p.SubmittedAt),
		ResolvedAt: utcPtr(p.ResolvedAt), ClosedAt: utcPtr(p.ClosedAt),
	}
	if p.Outcome != nil {
		o := string(*p.Outcome)
		out.Outcome = &o
	}
	if out.Escalations == nil {
		out.Escalations = []schematype.Escalation{}
	}
	if out.ScreeningFlags == nil {
		out.ScreeningFlags = []schematype.ScreeningFlag{}
	}
	if !personal {
		out.Author.Name, out.Author.Phone = maskName(p.AuthorName), ""
		if p.AuthorPhone != "" {
			out.Author.Phone = maskPhone(p.AuthorPhone)
		}
	}
	return out
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// maskName keeps the family name: 李阿姨 → 李**.
func maskName(n string) string {
	r := []rune(n)
	if len(r) <= 1 {
		return n
	}
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}
