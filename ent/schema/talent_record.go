package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// TalentRecord is one dated step of a talent's growth: a training, a
// micro-venture contest (微创投), an award, a role taken on. The tenant
// columns are copied from the talent (TenantChildMixin).
type TalentRecord struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (TalentRecord) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, TimeMixin{}, childOf(ofTalent()).only("tenant_id", "unit_id", "unit_path")}
}

// Fields of TalentRecord.
func (TalentRecord) Fields() []ent.Field {
	return []ent.Field{
		field.Int("talent_id").Immutable(),
		field.Enum("kind").Values("training", "micro_venture", "award", "role").Immutable(),
		field.String("title").NotEmpty().MaxLen(200).Immutable(),
		field.String("detail").Optional().MaxLen(1000).Immutable(),
		field.Time("occurred_on").Immutable(),
		field.Int("recorded_by").Optional().Nillable().Immutable(),
	}
}

// Indexes: a talent's records.
func (TalentRecord) Indexes() []ent.Index {
	return []ent.Index{index.Fields("talent_id")}
}

// Policy: readable like the talent.
func (TalentRecord) Policy() ent.Policy { return tenantPolicy("unit_path", "") }
