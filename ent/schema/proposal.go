package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/schema/schematype"
)

// Proposal is a resident's problem on its way to being solved: filed
// through a channel, screened against the lists, reviewed, deliberated,
// delivered and closed. unit_id/unit_path name the handling unit, which
// escalation moves up; origin_* and community_path keep where it was filed.
type Proposal struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps.
func (Proposal) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}}
}

// Fields of Proposal. version increments on every transition so that two
// concurrent transitions cannot both apply (optimistic locking).
func (Proposal) Fields() []ent.Field {
	return []ent.Field{
		field.Int("origin_unit_id").Immutable(),
		field.String("origin_path").NotEmpty().MaxLen(255).Immutable(),
		field.String("title").NotEmpty().MaxLen(200),
		field.Text("body"),
		field.Enum("kind").Values("individual", "joint", "organizational").Immutable(),
		field.Enum("channel").Values("online", "mailbox", "face_to_face", "tuesday_talk", "grid_visit", "hotline").Immutable(),
		field.String("category_code").Optional().MaxLen(64),
		field.String("address").Optional().MaxLen(200),
		field.Enum("status").Values(
			"draft", "collecting", "submitted", "needs_revision", "accepted", "rejected", "merged",
			"referred", "deliberating", "approved", "declined", "implementing", "completed", "closed",
			"withdrawn", "lapsed").Default("draft"),
		field.Int("author_id").Optional().Nillable().Immutable(),
		field.String("author_name").NotEmpty().MaxLen(100),
		field.String("author_phone").Optional().MaxLen(20),
		field.Int("organization_id").Optional().Nillable().Immutable(),
		field.Int("entered_by").Optional().Nillable().Immutable(),
		field.Int("cosign_threshold").Optional().Nillable(),
		field.Time("cosign_deadline").Optional().Nillable(),
		field.Int("cosign_count").Default(0),
		field.JSON("screening_flags", []schematype.ScreeningFlag{}).Optional(),
		field.String("reason_code").Optional().MaxLen(64),
		field.String("referred_to").Optional().MaxLen(200),
		field.Int("merged_into_id").Optional().Nillable(),
		field.Enum("outcome").Values("approved", "declined").Optional().Nillable(),
		field.Text("decision_note").Optional(),
		field.Int("decision_vote_id").Optional().Nillable(),
		field.Int("decision_minutes_id").Optional().Nillable(),
		field.Ints("decision_vote_ids").Optional(),
		field.Ints("decision_minutes_ids").Optional(),
		field.JSON("escalations", []schematype.Escalation{}).Optional(),
		field.Int("follow_up_of_id").Optional().Nillable().Immutable(),
		field.Int("version").Default(1),
		field.Time("submitted_at").Optional().Nillable(),
		field.Time("resolved_at").Optional().Nillable(),
		field.Time("closed_at").Optional().Nillable(),
	}
}

// Indexes serve subtree listings by status and time, and the lapse job.
func (Proposal) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("tenant_id", "status"),
		index.Fields("status", "cosign_deadline"),
		index.Fields("author_id"),
		index.Fields("created_at"),
	}
}

// Policy: staff see the subtree they serve; residents see non-draft
// proposals of their community; authors see their own.
func (Proposal) Policy() ent.Policy { return proposalPolicy() }
