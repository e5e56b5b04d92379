package proposals

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/proposal"
)

// ListFilter narrows a unit's proposal list; zero fields do not filter.
// The HTTP layer validates the values, so the list trusts them.
type ListFilter struct {
	Statuses []string
	Category string
	Channel  string
	Kind     string
	UnitID   *int       // the handling unit
	From, To *time.Time // created at or after From, before To
	Text     string     // a substring of title or body
}

// predicates turns f into query predicates.
func (f ListFilter) predicates() []predicate.Proposal {
	var out []predicate.Proposal
	if len(f.Statuses) > 0 {
		sts := make([]proposal.Status, 0, len(f.Statuses))
		for _, st := range f.Statuses {
			sts = append(sts, proposal.Status(st))
		}
		out = append(out, proposal.StatusIn(sts...))
	}
	if f.Category != "" {
		out = append(out, proposal.CategoryCode(f.Category))
	}
	if f.Channel != "" {
		out = append(out, proposal.ChannelEQ(proposal.Channel(f.Channel)))
	}
	if f.Kind != "" {
		out = append(out, proposal.KindEQ(proposal.Kind(f.Kind)))
	}
	return append(out, f.rangePredicates()...)
}

// rangePredicates are the unit, time and text filters.
func (f ListFilter) rangePredicates() []predicate.Proposal {
	var out []predicate.Proposal
	if f.UnitID != nil {
		out = append(out, proposal.UnitID(*f.UnitID))
	}
	if f.From != nil {
		out = append(out, proposal.CreatedAtGTE(*f.From))
	}
	if f.To != nil {
		out = append(out, proposal.CreatedAtLT(*f.To))
	}
	if f.Text != "" {
		out = append(out, proposal.Or(proposal.TitleContainsFold(f.Text), proposal.BodyContainsFold(f.Text)))
	}
	return out
}

// ListUnder lists the proposals handled or filed in the subtree at path,
// newest first: a unit answers for what it handles and for what its
// people filed, even after escalation moved it up. before > 0 continues
// a page below that id; limit caps the rows. Privacy limits them to what
// the caller in ctx may see.
func ListUnder(ctx context.Context, client *ent.Client, path string, f ListFilter, before, limit int) ([]*ent.Proposal, error) {
	q := client.Proposal.Query().Where(
		proposal.Or(proposal.UnitPathHasPrefix(path), proposal.OriginPathHasPrefix(path)))
	q.Where(f.predicates()...)
	if before > 0 {
		q.Where(proposal.IDLT(before))
	}
	rows, err := q.Order(ent.Desc(proposal.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list proposals under %s: %w", path, err)
	}
	return rows, nil
}
