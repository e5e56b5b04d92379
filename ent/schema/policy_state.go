package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// PolicyState is a single row holding the policy version. Every role change
// bumps it inside the change's transaction; the row lock serialises
// versions, so instances can apply changes in order.
type PolicyState struct{ ent.Schema }

// Fields of PolicyState.
func (PolicyState) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("version").Default(0),
	}
}

// Policy: only the policy store (system context) touches the version.
func (PolicyState) Policy() ent.Policy { return systemOnlyPolicy() }
