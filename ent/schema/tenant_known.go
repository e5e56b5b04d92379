package schema

import (
	"context"

	gen "yishi/ent"
)

// WithParents hands TenantChildMixin parent rows the caller has just read
// in the same transaction, so the children written under the returned
// context are filled and checked against them without reading the parent
// again. It is for hot paths (a ballot and its participation row after
// the vote was read to check it is open; an event's notifications). Pass
// only rows read from the database, with their tenant columns selected:
// children are checked against exactly what is passed. Types other than
// the parents below are ignored.
func WithParents(ctx context.Context, parents ...any) context.Context {
	known := map[parentKey]tenantRow{}
	if prev, ok := ctx.Value(knownKey{}).(map[parentKey]tenantRow); ok {
		for k, v := range prev {
			known[k] = v
		}
	}
	for _, p := range parents {
		if k, row, ok := knownRow(p); ok {
			known[k] = row
		}
	}
	return context.WithValue(ctx, knownKey{}, known)
}

type knownKey struct{}

type parentKey struct {
	kind string
	id   int
}

// knownParent returns a row passed to WithParents, if any.
func knownParent(ctx context.Context, kind string, id int) (tenantRow, bool) {
	known, _ := ctx.Value(knownKey{}).(map[parentKey]tenantRow)
	row, ok := known[parentKey{kind, id}]
	return row, ok
}

func knownRow(p any) (parentKey, tenantRow, bool) {
	switch p := p.(type) {
	case *gen.Vote:
		return parentKey{ofVote().kind, p.ID}, tenantRow{p.TenantID, p.UnitID, p.UnitPath, p.CommunityPath}, true
	case *gen.ProposalEvent:
		return parentKey{ofEvent().kind, p.ID}, tenantRow{p.TenantID, p.UnitID, p.UnitPath, p.CommunityPath}, true
	case *gen.Proposal:
		return parentKey{ofProposal().kind, p.ID}, tenantRow{p.TenantID, p.UnitID, p.UnitPath, p.CommunityPath}, true
	case *gen.Meeting:
		return parentKey{ofMeeting().kind, p.ID}, tenantRow{p.TenantID, p.UnitID, p.UnitPath, p.CommunityPath}, true
	case *gen.AuditLog:
		if p.TenantID == nil {
			return parentKey{}, tenantRow{}, false
		}
		return parentKey{ofAuditEntry().kind, p.ID}, tenantRow{TenantID: *p.TenantID}, true
	case *gen.Task:
		return parentKey{ofTask().kind, p.ID}, tenantRow{p.TenantID, p.UnitID, p.UnitPath, p.CommunityPath}, true
	}
	return parentKey{}, tenantRow{}, false
}
