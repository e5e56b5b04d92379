package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ListItem is one entry of a subdistrict's proposal guidebook: an
// encouraged category (鼓励清单) or a negative-list item (负面清单).
// Items are retired, never deleted, so old screening flags still resolve.
// The owning unit is always the subdistrict; communities and grids use it.
type ListItem struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (ListItem) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of ListItem.
func (ListItem) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("encouraged", "negative").Immutable(),
		field.String("code").NotEmpty().MaxLen(64).Immutable(),
		field.String("title").NotEmpty().MaxLen(200),
		field.String("title_en").Optional().MaxLen(200),
		field.String("description").Optional().MaxLen(2000),
		field.Strings("keywords"),
		field.Enum("status").Values("active", "retired").Default("active"),
		field.Int("position").Default(0),
	}
}

// Indexes: a code is unique per tenant and kind.
func (ListItem) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "kind", "code").Unique()}
}

// Policy: list items are tenant reference data, read by everyone with a
// role in the tenant and written at the tenant root.
func (ListItem) Policy() ent.Policy { return tenantReferencePolicy("unit_path") }
