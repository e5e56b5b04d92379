package proposals

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/comment"
)

// AddComment records authorID's comment on p, copying p's tenancy paths
// so privacy scopes the row exactly like its proposal. internal marks a
// staff note; whether the author may write one is the caller's check.
//
// The body is screened against the tenant's negative list (issue 12):
// matches are stored as screening flags that moderators see.
func AddComment(ctx context.Context, client *ent.Client, p *ent.Proposal, authorID int, body string, internal bool) (*ent.Comment, error) {
	body = strings.TrimSpace(body)
	flags, err := screenComment(ctx, client, p.TenantID, body)
	if err != nil {
		return nil, err
	}
	m, err := client.Comment.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
		SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetAuthorID(authorID).
		SetBody(body).SetInternal(internal).SetScreeningFlags(flags).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("insert comment on proposal %d: %w", p.ID, err)
	}
	return m, nil
}

// Comments lists p's comments oldest first, after the id after, at most
// limit rows; staff notes only when withInternal.
func Comments(ctx context.Context, client *ent.Client, p *ent.Proposal, withInternal bool, after, limit int) ([]*ent.Comment, error) {
	q := client.Comment.Query().Where(comment.ProposalID(p.ID), comment.IDGT(after))
	if !withInternal {
		q.Where(comment.Internal(false))
	}
	rows, err := q.Order(ent.Asc(comment.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list comments of proposal %d: %w", p.ID, err)
	}
	return rows, nil
}
