package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/voting"
)

// voteOptionResponse is one choice on the ballot paper.
type voteOptionResponse struct {
	ID       int    `json:"id"`
	Label    string `json:"label"`
	Position int    `json:"position"`
	// QuestionID is the question the option answers (votes with
	// questions only).
	QuestionID int `json:"question_id,omitempty" example:"1"`
}

// voteQuestionResponse is one question of a multi-question vote with its
// own options.
type voteQuestionResponse struct {
	ID         int                  `json:"id" example:"1"`
	Prompt     string               `json:"prompt" example:"爱心椅的样式"`
	Method     string               `json:"method" enums:"single,multiple"`
	MaxChoices int                  `json:"max_choices" example:"1"`
	Options    []voteOptionResponse `json:"options"`
}

// voteResponse is a vote as clients see it. eligible_count and
// eligible_weight describe the roll frozen when it opened. allowed_actions
// names what the caller may do now (open a draft, close or ballot on an
// open vote), decided by the routes' own rules and the caller's line on
// the roll; a listed action may still answer 409 outside the window.
type voteResponse struct {
	ID                int                  `json:"id"`
	UnitID            int                  `json:"unit_id"`
	Title             string               `json:"title"`
	ProposalID        *int                 `json:"proposal_id"`
	MeetingID         *int                 `json:"meeting_id"`
	Method            string               `json:"method" enums:"single,multiple"`
	MaxChoices        int                  `json:"max_choices"`
	Eligibility       string               `json:"eligibility" enums:"members,participants,households"`
	Weighting         string               `json:"weighting" enums:"person,household,floor_area"`
	Rule              string               `json:"rule" enums:"plurality,majority_quorum,civil_code_278"`
	Quorum            *float64             `json:"quorum"`
	MajorMatter       bool                 `json:"major_matter"`
	Anonymous         bool                 `json:"anonymous"`
	ResultsVisibility string               `json:"results_visibility" enums:"live,after_close"`
	Status            string               `json:"status" enums:"draft,open,closed"`
	OpensAt           *time.Time           `json:"opens_at"`
	ClosesAt          *time.Time           `json:"closes_at"`
	OpenedAt          *time.Time           `json:"opened_at"`
	ClosedAt          *time.Time           `json:"closed_at"`
	EligibleCount     int                  `json:"eligible_count"`
	EligibleWeight    float64              `json:"eligible_weight"`
	Options           []voteOptionResponse `json:"options"`
	// Questions are present on a vote that asks several questions; its
	// options (above, all questions in ballot order) are then grouped here
	// per question, and method is multiple with max_choices the most
	// options one ballot holds.
	Questions      []voteQuestionResponse `json:"questions,omitempty"`
	CreatedBy      *int                   `json:"created_by"`
	Version        int                    `json:"version"`
	CreatedAt      time.Time              `json:"created_at"`
	AllowedActions []string               `json:"allowed_actions" example:"ballot"`
}

func newVoteResponse(v *ent.Vote, opts []*ent.VoteOption) voteResponse {
	out := voteResponse{ID: v.ID, UnitID: v.UnitID, Title: v.Title, ProposalID: v.ProposalID, MeetingID: v.MeetingID,
		Method: string(v.Method), MaxChoices: v.MaxChoices, Eligibility: string(v.Eligibility),
		Weighting: string(v.Weighting), Rule: string(v.Rule), Quorum: v.Quorum, MajorMatter: v.MajorMatter,
		Anonymous: v.Anonymous, ResultsVisibility: string(v.ResultsVisibility), Status: string(v.Status),
		OpensAt: utcPtr(v.OpensAt), ClosesAt: utcPtr(v.ClosesAt), OpenedAt: utcPtr(v.OpenedAt),
		ClosedAt: utcPtr(v.ClosedAt), EligibleCount: v.EligibleCount, EligibleWeight: v.EligibleWeight,
		CreatedBy: v.CreatedBy, Version: v.Version, CreatedAt: v.CreatedAt.UTC(),
		Options: make([]voteOptionResponse, 0, len(opts))}
	for _, o := range opts {
		out.Options = append(out.Options, voteOptionResponse{ID: o.ID, Label: o.Label, Position: o.Position, QuestionID: o.Question})
	}
	byQ := voting.QuestionOptions(opts)
	for _, q := range v.Questions {
		qr := voteQuestionResponse{ID: q.ID, Prompt: q.Prompt, Method: q.Method, MaxChoices: q.MaxChoices,
			Options: []voteOptionResponse{}}
		for _, o := range byQ[q.ID] {
			qr.Options = append(qr.Options, voteOptionResponse{ID: o.ID, Label: o.Label, Position: o.Position, QuestionID: o.Question})
		}
		out.Questions = append(out.Questions, qr)
	}
	return out
}
