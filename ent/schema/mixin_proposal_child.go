package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

// CommunityMixin adds community_path: the path of the community a
// proposal was filed in. Residents see the public proposals of their own
// community, so rows that residents may read carry it for privacy rules.
type CommunityMixin struct{ mixin.Schema }

// Fields adds community_path.
func (CommunityMixin) Fields() []ent.Field {
	return []ent.Field{field.String("community_path").NotEmpty().MaxLen(255).Immutable()}
}

// Indexes supports community-wide listings.
func (CommunityMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("community_path")}
}
