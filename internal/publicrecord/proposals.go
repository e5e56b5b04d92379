package publicrecord

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/ent/task"
	"yishi/ent/unit"
	"yishi/internal/apperr"
	"yishi/internal/tasks"
)

// Proposal is a proposal as the public sees it.
type Proposal struct {
	ID           int
	Title        string
	CategoryCode string
	Status       string
	UnitID       int
	UnitName     string
	Outcome      *string
	DecisionNote string
	CreatedAt    time.Time
	SubmittedAt  *time.Time
	ResolvedAt   *time.Time
	ClosedAt     *time.Time
	// Progress is the weighted mean percent of its tasks; nil without tasks.
	Progress  *float64
	Tasks     int
	TasksDone int
}

// Proposals lists the tenant's public proposals with a status among
// statuses (all public ones when empty), newest first, below the id
// before when it is positive. ctx must be Reader's.
func Proposals(ctx context.Context, client *ent.Client, tenant *ent.Unit, statuses []string, before, limit int) ([]Proposal, error) {
	if len(statuses) == 0 {
		statuses = Statuses()
	}
	st := make([]proposal.Status, 0, len(statuses))
	for _, s := range statuses {
		st = append(st, proposal.Status(s))
	}
	q := client.Proposal.Query().Where(proposal.UnitPathHasPrefix(tenant.Path), proposal.StatusIn(st...))
	if before > 0 {
		q.Where(proposal.IDLT(before))
	}
	rows, err := q.Order(ent.Desc(proposal.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("public record: proposals: %w", err)
	}
	return project(ctx, client, rows, time.Now())
}

// ProposalByID is one public proposal of the tenant; any other (another
// tenant's, a draft, a rejected one) is 404.
func ProposalByID(ctx context.Context, client *ent.Client, tenant *ent.Unit, id int) (Proposal, error) {
	p, err := client.Proposal.Query().Where(proposal.ID(id), proposal.UnitPathHasPrefix(tenant.Path)).Only(ctx)
	if ent.IsNotFound(err) || (err == nil && !IsPublicStatus(string(p.Status))) {
		return Proposal{}, apperr.NotFound("proposal")
	}
	if err != nil {
		return Proposal{}, fmt.Errorf("public record: proposal %d: %w", id, err)
	}
	out, err := project(ctx, client, []*ent.Proposal{p}, time.Now())
	if err != nil {
		return Proposal{}, err
	}
	return out[0], nil
}

// project keeps the public fields of rows, with their unit names and
// task progress read in two queries for the whole page.
func project(ctx context.Context, client *ent.Client, rows []*ent.Proposal, now time.Time) ([]Proposal, error) {
	ids, unitIDs := make([]int, 0, len(rows)), make([]int, 0, len(rows))
	for _, p := range rows {
		ids, unitIDs = append(ids, p.ID), append(unitIDs, p.UnitID)
	}
	units, err := client.Unit.Query().Where(unit.IDIn(unitIDs...)).Select(unit.FieldID, unit.FieldName).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("public record: units: %w", err)
	}
	names := make(map[int]string, len(units))
	for _, u := range units {
		names[u.ID] = u.Name
	}
	ts, err := client.Task.Query().Where(task.ProposalIDIn(ids...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("public record: tasks: %w", err)
	}
	byProposal := make(map[int][]*ent.Task, len(rows))
	for _, t := range ts {
		byProposal[t.ProposalID] = append(byProposal[t.ProposalID], t)
	}
	out := make([]Proposal, 0, len(rows))
	for _, p := range rows {
		item := Proposal{ID: p.ID, Title: p.Title, CategoryCode: p.CategoryCode, Status: string(p.Status),
			UnitID: p.UnitID, UnitName: names[p.UnitID], DecisionNote: p.DecisionNote, CreatedAt: p.CreatedAt,
			SubmittedAt: p.SubmittedAt, ResolvedAt: p.ResolvedAt, ClosedAt: p.ClosedAt}
		if p.Outcome != nil {
			o := string(*p.Outcome)
			item.Outcome = &o
		}
		if t := byProposal[p.ID]; len(t) > 0 {
			s := tasks.Summarize(t, now)
			item.Progress, item.Tasks, item.TasksDone = &s.Progress, s.Tasks, s.Done
		}
		out = append(out, item)
	}
	return out, nil
}
