package schema

import (
	"context"

	"entgo.io/ent"

	gen "yishi/ent"
)

// The event sources of the webhook outbox (outbox.go), one line each.
// Event types are "<resource>.<what happened>"; internal/webhooks lists the
// resources an endpoint may subscribe to.

// Hooks: every timeline entry is a proposal.<action> event.
func (ProposalEvent) Hooks() []ent.Hook {
	return []ent.Hook{emitOnCreateOf(func(v ent.Value) []string {
		ev, _ := v.(*gen.ProposalEvent)
		if ev == nil {
			return nil
		}
		return []string{"proposal." + ev.Action}
	})}
}

// Hooks: every notification is an event, so a partner can deliver it by
// SMS, WeChat or e-mail.
func (Notification) Hooks() []ent.Hook { return []ent.Hook{emitOnCreate("notification.created")} }

// Hooks: feedback on a completed proposal.
func (Feedback) Hooks() []ent.Hook { return []ent.Hook{emitOnCreate("feedback.given")} }

// Hooks: a meeting is scheduled when created and changed by any later
// edit but the bookkeeping of its series and version.
func (Meeting) Hooks() []ent.Hook {
	return []ent.Hook{
		emitOnCreate("meeting.scheduled"),
		emitOnUpdate(func(m ent.Mutation) []string {
			if setsAnyBut(m, "series_id", "version", "updated_at") {
				return []string{"meeting.changed"}
			}
			return nil
		}, func(ctx context.Context, c *gen.Client, id int) (ent.Value, error) { return c.Meeting.Get(ctx, id) }),
	}
}

// Hooks: a vote opens, closes and publishes its result.
func (Vote) Hooks() []ent.Hook {
	return []ent.Hook{emitOnUpdate(func(m ent.Mutation) []string {
		switch {
		case fieldIs(m, "status", "open"):
			return []string{"vote.opened"}
		case fieldIs(m, "status", "closed"):
			return []string{"vote.closed", "vote.result"}
		}
		return nil
	}, func(ctx context.Context, c *gen.Client, id int) (ent.Value, error) { return c.Vote.Get(ctx, id) })}
}

// Hooks: a task is assigned (on creation or reassignment), done, or
// found overdue (tasks.AnnounceOverdue stamps overdue_announced_at).
func (Task) Hooks() []ent.Hook {
	return []ent.Hook{
		emitOnCreateOf(func(v ent.Value) []string {
			if t, _ := v.(*gen.Task); t != nil && (t.AssigneeID != nil || t.OrganizationID != nil) {
				return []string{"task.assigned"}
			}
			return nil
		}),
		emitOnUpdate(taskUpdateTypes, func(ctx context.Context, c *gen.Client, id int) (ent.Value, error) {
			return c.Task.Get(ctx, id)
		}),
	}
}

// taskUpdateTypes names the task events one update produces.
func taskUpdateTypes(m ent.Mutation) []string {
	var out []string
	for _, f := range []string{"assignee_id", "organization_id"} {
		if v, ok := m.Field(f); ok && v != nil {
			out = append(out, "task.assigned")
			break
		}
	}
	if fieldIs(m, "status", "done") {
		out = append(out, "task.done")
	}
	if _, ok := m.Field("overdue_announced_at"); ok {
		out = append(out, "task.overdue")
	}
	return out
}
