package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/privacy"
)

// Unit is one node of a tenant tree: a subdistrict (the tenant root), a
// community or a grid. Roles are held at units and apply to their subtree.
type Unit struct{ ent.Schema }

// Mixin adds timestamps.
func (Unit) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of Unit. tenant_id is the id of the subdistrict at the root of the
// unit's tree (its own id for a subdistrict); path is the materialized path
// such as "s1/c4/g9/".
func (Unit) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("level").Values("subdistrict", "community", "grid").Immutable(),
		field.Int("parent_id").Optional().Nillable().Immutable(),
		field.Int("tenant_id").Optional(),
		field.String("path").Optional().MaxLen(255),
		field.String("code").NotEmpty().MaxLen(64),
		field.String("name").NotEmpty().MaxLen(200),
		field.Enum("status").Values("active", "suspended").Default("active"),
		// public_record publishes the tenant's record without sign-in
		// (GET /public/v1/tenants/{code}/...); set on the tenant root only.
		field.Bool("public_record").Default(false),
		// archived_at marks a unit closed for new proposals (issue 12): its
		// history stays readable; restore clears it.
		field.Time("archived_at").Optional().Nillable(),
	}
}

// Edges of Unit: the tree.
func (Unit) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Unit.Type).
			From("parent").Field("parent_id").Unique().Immutable(),
	}
}

// Indexes keep codes unique among siblings, and tenant codes unique.
func (Unit) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("parent_id", "code").Unique(),
		index.Fields("code").Unique().
			Annotations(entsql.IndexWhere("parent_id IS NULL")),
		index.Fields("path"),
		index.Fields("tenant_id"),
	}
}

// Policy scopes units to the viewer's subtrees (a read marked
// viewer.WithCommunityReach also reaches the viewer's communities); a new
// unit's path starts as its parent's path, so creating a child needs the
// parent in scope.
func (Unit) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), allowPlatform(), communityReachFilter("path"), scopeFilter("path", "")},
		Mutation: privacy.MutationPolicy{
			allowSystem(), allowPlatform(), scopedCreate("path"), scopeFilter("path", ""),
		},
	}
}
