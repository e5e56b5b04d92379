package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/schema/schematype"
)

// Minutes is one version of a meeting's minutes (会议记录): text plus
// structured decisions linked to agenda items. Once a lead approves a
// version it is locked; a correction is a new version, never an edit.
type Minutes struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps; the tenant columns
// are copied from the meeting (TenantChildMixin).
func (Minutes) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}, childOf(ofMeeting())}
}

// Fields of Minutes.
func (Minutes) Fields() []ent.Field {
	return []ent.Field{
		field.Int("meeting_id").Immutable(),
		field.Int("version").Positive().Immutable(),
		field.Text("text"),
		field.JSON("decisions", []schematype.MinutesDecision{}).Optional(),
		field.Enum("status").Values("draft", "approved").Default("draft"),
		field.Int("written_by").Optional().Nillable().Immutable(),
		field.Int("approved_by").Optional().Nillable(),
		field.Time("approved_at").Optional().Nillable(),
	}
}

// Indexes: versions are numbered per meeting.
func (Minutes) Indexes() []ent.Index {
	return []ent.Index{index.Fields("meeting_id", "version").Unique()}
}

// Policy: like the meeting.
func (Minutes) Policy() ent.Policy { return proposalChildPolicy("") }
