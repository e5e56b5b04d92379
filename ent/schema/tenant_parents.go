package schema

import (
	"context"
	"fmt"

	"entgo.io/ent"

	gen "yishi/ent"
	"yishi/ent/auditlog"
	"yishi/ent/comment"
	"yishi/ent/household"
	"yishi/ent/meeting"
	"yishi/ent/membershiprequest"
	"yishi/ent/organization"
	"yishi/ent/privacy"
	"yishi/ent/proposal"
	"yishi/ent/proposalevent"
	"yishi/ent/talent"
	"yishi/ent/task"
	"yishi/ent/vote"
	"yishi/internal/viewer"
)

// parentRef names a child's parent: the field holding the parent's id and
// how to read the parent's tenant columns. ownerField/ownerKind are for
// polymorphic children (attachments): the parent applies only when
// ownerField holds ownerKind, and any other owner is refused.
type parentRef struct {
	kind       string
	idField    string
	ownerField string
	ownerKind  string
	selectRow  func(c *gen.Client, id int, columns ...string) scanner
	// alt is the parent of a child whose idField is unset (a notification
	// reports a timeline event, a membership request decision or an audit
	// entry); see or.
	alt *parentRef
	// optional parents may be absent altogether (with every alternative);
	// the child then sets its tenant columns itself (a notification about a
	// vote has no timeline event).
	optional bool
}

// or makes alt the parent of a child whose p field is unset.
func (p parentRef) or(alt parentRef) parentRef {
	p.alt = &alt
	return p
}

// named reports whether mu names a parent id in field.
func named(mu ent.Mutation, field string) bool {
	v, ok := mu.Field(field)
	id, _ := v.(int)
	return ok && id > 0
}

// pick returns the parent that applies to mu: p, or its alternative when
// mu leaves p's id field unset.
func (p parentRef) pick(mu ent.Mutation) parentRef {
	if p.alt != nil && !named(mu, p.idField) {
		return p.alt.pick(mu)
	}
	return p
}

// absent reports whether an optional parent, and every alternative, is
// not named on mu.
func (p parentRef) absent(mu ent.Mutation) bool {
	if !p.optional {
		return false
	}
	for q := &p; q != nil; q = q.alt {
		if named(mu, q.idField) {
			return false
		}
	}
	return true
}

// scanner is what every generated XSelect offers.
type scanner interface {
	Scan(ctx context.Context, v any) error
}

// tenantRow holds a parent's tenant columns; unselected ones stay zero.
type tenantRow struct {
	TenantID      int    `sql:"tenant_id"`
	UnitID        int    `sql:"unit_id"`
	UnitPath      string `sql:"unit_path"`
	CommunityPath string `sql:"community_path"`
}

// value returns the column's value as ent's mutations hold it.
func (r tenantRow) value(col string) ent.Value {
	switch col {
	case "tenant_id":
		return r.TenantID
	case "unit_id":
		return r.UnitID
	case "unit_path":
		return r.UnitPath
	default:
		return r.CommunityPath
	}
}

// id reads the parent's id off a create mutation; a child without one
// (or with another owner kind) has no tenancy to inherit and is refused.
func (p parentRef) id(mu ent.Mutation) (int, error) {
	if p.ownerField != "" {
		if k, _ := mu.Field(p.ownerField); k != p.ownerKind {
			return 0, privacy.Denyf("tenancy: %s owned by %v has no known parent", mu.Type(), k)
		}
	}
	v, ok := mu.Field(p.idField)
	id, _ := v.(int)
	if !ok || id <= 0 {
		return 0, privacy.Denyf("tenancy: %s needs %s", mu.Type(), p.idField)
	}
	return id, nil
}

// load reads the parent's tenant columns on the mutation's own client
// (so inside its transaction). It reads as the system: the child's own
// create check then decides, on the copied paths, whether the caller may
// write there; this read only learns where the parent lives.
func (p parentRef) load(ctx context.Context, mu ent.Mutation, id int, columns []string) (tenantRow, error) {
	cm, ok := mu.(interface{ Client() *gen.Client })
	if !ok {
		return tenantRow{}, fmt.Errorf("tenancy: %T has no client", mu)
	}
	var rows []tenantRow
	if err := p.selectRow(cm.Client(), id, columns...).Scan(viewer.SystemContext(ctx), &rows); err != nil {
		return tenantRow{}, fmt.Errorf("tenancy: read %s %d: %w", p.kind, id, err)
	}
	if len(rows) == 0 {
		return tenantRow{}, privacy.Denyf("tenancy: %s %d of %s not found", p.kind, id, mu.Type())
	}
	return rows[0], nil
}

// ofProposal: comments, co-signatures, events, follows, feedback, tasks.
func ofProposal() parentRef {
	return parentRef{kind: "proposal", idField: "proposal_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Proposal.Query().Where(proposal.ID(id)).Select(cols...)
	}}
}

// ofProposalAttachment: attachments whose owner_type is "proposal".
func ofProposalAttachment() parentRef {
	p := ofProposal()
	p.idField, p.ownerField, p.ownerKind = "owner_id", "owner_type", "proposal"
	return p
}

// ofMeeting: agenda items, participants, minutes.
func ofMeeting() parentRef {
	return parentRef{kind: "meeting", idField: "meeting_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Meeting.Query().Where(meeting.ID(id)).Select(cols...)
	}}
}

// ofVote: options, ballots, participations, the eligible roll.
func ofVote() parentRef {
	return parentRef{kind: "vote", idField: "vote_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Vote.Query().Where(vote.ID(id)).Select(cols...)
	}}
}

// ofTask: progress reports.
func ofTask() parentRef {
	return parentRef{kind: "task", idField: "task_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Task.Query().Where(task.ID(id)).Select(cols...)
	}}
}

// ofHousehold: household members.
func ofHousehold() parentRef {
	return parentRef{kind: "household", idField: "household_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Household.Query().Where(household.ID(id)).Select(cols...)
	}}
}

// ofOrganization: organization members.
func ofOrganization() parentRef {
	return parentRef{kind: "organization", idField: "organization_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Organization.Query().Where(organization.ID(id)).Select(cols...)
	}}
}

// ofMembershipRequest: notifications announcing a membership request's
// decision.
func ofMembershipRequest() parentRef {
	return parentRef{kind: "membership request", idField: "membership_request_id",
		selectRow: func(c *gen.Client, id int, cols ...string) scanner {
			return c.MembershipRequest.Query().Where(membershiprequest.ID(id)).Select(cols...)
		}}
}

// ofNotificationParent: a notification belongs to the proposal event it
// reports, the membership request whose decision it announces, or the
// audit entry (a break-glass grant) it tells a tenant's admins of; votes,
// meetings and overdue tasks notify without either and name their tenant
// themselves.
func ofNotificationParent() parentRef {
	return ofEvent().or(ofMembershipRequest().or(ofAuditEntry()))
}

// ofEvent: notifications, which belong to the proposal event they
// report when there is one.
func ofEvent() parentRef {
	return parentRef{kind: "proposal event", idField: "event_id", optional: true, selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.ProposalEvent.Query().Where(proposalevent.ID(id)).Select(cols...)
	}}
}

// ofComment: reports on a comment.
func ofComment() parentRef {
	return parentRef{kind: "comment", idField: "comment_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Comment.Query().Where(comment.ID(id)).Select(cols...)
	}}
}

// ofAuditEntry: notifications that report an audit entry of their tenant
// (a break-glass grant) rather than a proposal event.
func ofAuditEntry() parentRef {
	return parentRef{kind: "audit entry", idField: "audit_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.AuditLog.Query().Where(auditlog.ID(id), auditlog.TenantIDNotNil()).Select(cols...)
	}}
}

// ofTalent: growth records.
func ofTalent() parentRef {
	return parentRef{kind: "talent", idField: "talent_id", selectRow: func(c *gen.Client, id int, cols ...string) scanner {
		return c.Talent.Query().Where(talent.ID(id)).Select(cols...)
	}}
}
