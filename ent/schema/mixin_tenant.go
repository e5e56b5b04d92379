package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

// TenantMixin marks a row as owned by a subdistrict tenant and a unit inside
// it. unit_path is the owning unit's materialized path, so privacy rules can
// scope a query to a subtree with one prefix match and no joins.
type TenantMixin struct{ mixin.Schema }

// Fields adds tenant_id, unit_id and unit_path; all are immutable because a
// row never changes tenant.
func (TenantMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Immutable().Positive(),
		field.Int("unit_id").Positive(),
		field.String("unit_path").NotEmpty().MaxLen(255),
	}
}

// Indexes supports subtree scans and tenant sharding.
func (TenantMixin) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("tenant_id"),
		index.Fields("unit_path"),
	}
}
