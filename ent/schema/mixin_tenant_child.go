package schema

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/schema/mixin"

	"yishi/ent/privacy"
	"yishi/internal/viewer"
)

// TenantChildMixin is for rows that hang off a parent row (a comment off
// its proposal, a ballot off its vote): the child's tenant columns are the
// parent's, copied on create, so a child in another tenant, unit or
// community than its parent cannot be written. The child still declares
// TenantMixin (and CommunityMixin) for the columns themselves; this mixin
// adds no field, so it never changes the database schema.
//
// The copying is a mutation rule of the mixin's privacy policy, plus a
// hook. ent installs an entity's privacy policy as its first hook (ahead
// of every mixin and schema hook) and evaluates a mixin's policy before
// the schema's own, so only a rule here fills the columns before the
// schema's create check (createInCommunity) reads them. The hook keeps
// the parent read once per bulk insert (see batchParents); callers that
// have just read the parent skip the read with WithParents.
type TenantChildMixin struct {
	mixin.Schema
	parent  parentRef
	columns []string
	batch   *batchParents
}

// childOf makes the mixin for a child whose parent is named by parent;
// it copies tenant_id, unit_id, unit_path and community_path.
func childOf(parent parentRef) TenantChildMixin {
	return TenantChildMixin{parent: parent, columns: tenantColumns(), batch: newBatchParents()}
}

// only narrows the copied columns for children (and parents) that lack
// some of them, e.g. notifications carry tenant_id alone.
func (m TenantChildMixin) only(columns ...string) TenantChildMixin {
	m.columns = columns
	return m
}

// tenantColumns are every tenancy column a child may copy.
func tenantColumns() []string {
	return []string{"tenant_id", "unit_id", "unit_path", "community_path"}
}

// Policy fills and checks the tenant columns on create and refuses
// updates that would move a child away from its parent.
func (m TenantChildMixin) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{
		privacy.OnMutationOperation(inheritTenant(m), ent.OpCreate),
		privacy.OnMutationOperation(keepTenant(m.columns), ent.OpUpdate|ent.OpUpdateOne),
	}}
}

// Hooks scope the parent cache to one create or bulk create.
func (m TenantChildMixin) Hooks() []ent.Hook {
	return []ent.Hook{m.batch.hook(m.parent)}
}

// inheritTenant copies the parent's tenant columns into a new child, or,
// where the caller set them, refuses the write unless they agree.
func inheritTenant(m TenantChildMixin) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, mu ent.Mutation) error {
		if viewer.FromContext(ctx) == nil {
			return privacy.Denyf("privacy: no viewer") // fail closed before reading anything
		}
		parent := m.parent.pick(mu)
		id, err := parent.id(mu)
		if err != nil {
			return err
		}
		row, ok := knownParent(ctx, parent.kind, id)
		if !ok {
			row, ok = m.batch.lookup(ctx, parent.kind, id)
		}
		if !ok {
			if row, err = parent.load(ctx, mu, id, m.columns); err != nil {
				return err
			}
		}
		for _, col := range m.columns {
			want := row.value(col)
			if got, set := mu.Field(col); set {
				if got != want {
					return privacy.Denyf("tenancy: %s %s %v differs from its %s %d (%v)", mu.Type(), col, got, parent.kind, id, want)
				}
				continue
			}
			if err := mu.SetField(col, want); err != nil {
				return privacy.Denyf("tenancy: copy %s onto %s: %v", col, mu.Type(), err)
			}
		}
		return privacy.Skip
	})
}

// keepTenant refuses an update that sets a copied column: tenant_id and
// community_path are immutable anyway, and unit_id/unit_path of a child
// follow its parent only when the child is written.
func keepTenant(columns []string) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(_ context.Context, mu ent.Mutation) error {
		for _, col := range columns {
			if _, set := mu.Field(col); set {
				return privacy.Denyf("tenancy: %s.%s follows its parent and cannot be updated", mu.Type(), col)
			}
		}
		return privacy.Skip
	})
}
