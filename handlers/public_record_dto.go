package handlers

import (
	"time"

	"yishi/internal/apperr"
	"yishi/internal/publicrecord"
)

// setPublicRecordRequest turns a tenant's public record on or off.
type setPublicRecordRequest struct {
	Enabled *bool `json:"enabled" binding:"required" example:"true"`
}

func (r *setPublicRecordRequest) validate() []apperr.FieldError {
	if r.Enabled == nil {
		return []apperr.FieldError{{Field: "enabled", Message: "is required"}}
	}
	return nil
}

// publicRecordResponse is whether a tenant publishes its record, and where.
type publicRecordResponse struct {
	TenantID int    `json:"tenant_id" example:"1"`
	Code     string `json:"code" example:"shengli"`
	Enabled  bool   `json:"enabled" example:"true"`
	// URL is the record's root, relative to the API's origin.
	URL string `json:"url" example:"/public/v1/tenants/shengli"`
}

// publicProposal is a proposal in the public record: no author, phone,
// body, comment or any other personal data.
type publicProposal struct {
	ID           int        `json:"id" example:"12"`
	Title        string     `json:"title" example:"转角遇到爱心椅"`
	CategoryCode string     `json:"category_code" example:"E01"`
	Status       string     `json:"status" example:"completed" enums:"accepted,deliberating,approved,implementing,completed,closed"`
	UnitID       int        `json:"unit_id" example:"4"`
	UnitName     string     `json:"unit_name" example:"锦华社区"`
	Outcome      *string    `json:"outcome" enums:"approved,declined" extensions:"x-nullable"`
	DecisionNote string     `json:"decision_note" example:"居民表决通过，采购300把椅子"`
	CreatedAt    time.Time  `json:"created_at"`
	SubmittedAt  *time.Time `json:"submitted_at" extensions:"x-nullable"`
	ResolvedAt   *time.Time `json:"resolved_at" extensions:"x-nullable"`
	ClosedAt     *time.Time `json:"closed_at" extensions:"x-nullable"`
	// Progress is the weighted mean percent of its tasks; null without tasks.
	Progress  *float64 `json:"progress" example:"75" extensions:"x-nullable"`
	Tasks     int      `json:"tasks" example:"2"`
	TasksDone int      `json:"tasks_done" example:"1"`
}

func newPublicProposal(p publicrecord.Proposal) publicProposal {
	return publicProposal{ID: p.ID, Title: p.Title, CategoryCode: p.CategoryCode, Status: p.Status,
		UnitID: p.UnitID, UnitName: p.UnitName, Outcome: p.Outcome, DecisionNote: p.DecisionNote,
		CreatedAt: p.CreatedAt.UTC(), SubmittedAt: utcPtr(p.SubmittedAt), ResolvedAt: utcPtr(p.ResolvedAt),
		ClosedAt: utcPtr(p.ClosedAt), Progress: p.Progress, Tasks: p.Tasks, TasksDone: p.TasksDone}
}

// publicVoteOption is one option's published count.
type publicVoteOption struct {
	Label  string  `json:"label" example:"木质长椅"`
	Count  int     `json:"count" example:"41"`
	Weight float64 `json:"weight" example:"41"`
}

// publicVote is a closed vote's result: counts only.
type publicVote struct {
	ID         int                `json:"id" example:"3"`
	Title      string             `json:"title" example:"爱心椅样式"`
	ProposalID *int               `json:"proposal_id" extensions:"x-nullable"`
	ClosedAt   *time.Time         `json:"closed_at" extensions:"x-nullable"`
	Weighting  string             `json:"weighting" enums:"person,household,floor_area" example:"person"`
	Eligible   int                `json:"eligible" example:"73"`
	Ballots    int                `json:"ballots" example:"73"`
	Options    []publicVoteOption `json:"options"`
}

func newPublicVote(v publicrecord.Vote) publicVote {
	out := publicVote{ID: v.ID, Title: v.Title, ProposalID: v.ProposalID, ClosedAt: utcPtr(v.ClosedAt),
		Weighting: v.Weighting, Eligible: v.Eligible, Ballots: v.Ballots, Options: make([]publicVoteOption, 0, len(v.Options))}
	for _, o := range v.Options {
		out.Options = append(out.Options, publicVoteOption{Label: o.Label, Count: o.Count, Weight: o.Weight})
	}
	return out
}

// publicTenant is a published tenant with its aggregate statistics.
type publicTenant struct {
	Code  string       `json:"code" example:"shengli"`
	Name  string       `json:"name" example:"胜利街道"`
	Stats statsMetrics `json:"stats"`
}
