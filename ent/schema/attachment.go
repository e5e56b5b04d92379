package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Attachment is a stored file (a scanned mailbox letter, a photo, signed
// minutes) owned by a proposal or another record. The bytes live in a
// blob store under storage_key; sha256 lets anyone verify them.
type Attachment struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps; the tenant columns
// are copied from the owning proposal (TenantChildMixin).
func (Attachment) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}, childOf(ofProposalAttachment())}
}

// Fields of Attachment. owner_type is "proposal" now; meetings and
// progress reports reuse it later.
func (Attachment) Fields() []ent.Field {
	return []ent.Field{
		field.String("owner_type").NotEmpty().MaxLen(32).Immutable(),
		field.Int("owner_id").Immutable(),
		field.String("filename").NotEmpty().MaxLen(255).Immutable(),
		field.String("content_type").NotEmpty().MaxLen(100).Immutable(),
		field.Int64("size").NonNegative().Immutable(),
		field.String("sha256").NotEmpty().MaxLen(64).Immutable(),
		field.String("storage_key").NotEmpty().MaxLen(255).Immutable(),
		field.Int("uploaded_by").Optional().Nillable().Immutable(),
		field.Bool("internal").Default(false).Immutable(),
	}
}

// Indexes of Attachment.
func (Attachment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("owner_type", "owner_id")}
}

// Policy: readable like the proposal; an uploader sees their own.
func (Attachment) Policy() ent.Policy { return proposalChildPolicy("uploaded_by") }
