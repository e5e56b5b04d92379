// Package proposals holds the proposal workflow's data work: filing,
// transitions with optimistic locking and a timeline event, co-signing,
// merging, escalation and the deadline job. Authorization happens before
// these functions are called; ent privacy still applies to every query.
package proposals

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/internal/units"
)

// Actor is who performs a change, as recorded on the timeline.
type Actor struct {
	Subject string // "u:7", "c:3" or "system"
	UserID  int
	Name    string
}

// NewProposal is a proposal to file at Unit.
type NewProposal struct {
	Unit            *ent.Unit
	Title, Body     string
	Kind, Channel   string
	CategoryCode    string
	Address         string
	AuthorID        *int
	AuthorName      string
	AuthorPhone     string
	OrganizationID  *int
	EnteredBy       *int
	CosignThreshold *int
	CosignDeadline  *time.Time
	FollowUpOf      *int
}

// Create files p as a draft and opens its timeline, in tx.
func Create(ctx context.Context, tx *ent.Tx, n NewProposal, by Actor) (*ent.Proposal, error) {
	if err := units.CheckOpen(ctx, tx.Client(), n.Unit.Path); err != nil {
		return nil, err
	}
	community := units.CommunityPath(n.Unit.Path)
	p, err := tx.Proposal.Create().
		SetTenantID(n.Unit.TenantID).SetUnitID(n.Unit.ID).SetUnitPath(n.Unit.Path).
		SetCommunityPath(community).SetOriginUnitID(n.Unit.ID).SetOriginPath(n.Unit.Path).
		SetTitle(strings.TrimSpace(n.Title)).SetBody(n.Body).
		SetKind(proposalKind(n.Kind)).SetChannel(proposalChannel(n.Channel)).
		SetCategoryCode(n.CategoryCode).SetAddress(n.Address).SetNillableAuthorID(n.AuthorID).
		SetAuthorName(n.AuthorName).SetAuthorPhone(n.AuthorPhone).
		SetNillableOrganizationID(n.OrganizationID).SetNillableEnteredBy(n.EnteredBy).
		SetNillableCosignThreshold(n.CosignThreshold).SetNillableCosignDeadline(n.CosignDeadline).
		SetNillableFollowUpOfID(n.FollowUpOf).
		Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("create proposal: %w", err)
	}
	detail := map[string]any{"channel": n.Channel, "kind": n.Kind}
	if n.EnteredBy != nil {
		detail["entered_by"] = *n.EnteredBy
	}
	if err := appendEvent(ctx, tx, p, by, "create", "", "draft", "", "", detail); err != nil {
		return nil, err
	}
	return p, nil
}
