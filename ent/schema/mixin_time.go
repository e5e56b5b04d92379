package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin stamps rows with creation and update times in UTC, so API
// timestamps are comparable across instances and databases.
type TimeMixin struct{ mixin.Schema }

// Fields adds created_at and updated_at.
func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(nowUTC).Immutable(),
		field.Time("updated_at").Default(nowUTC).UpdateDefault(nowUTC),
	}
}

func nowUTC() time.Time { return time.Now().UTC() }
