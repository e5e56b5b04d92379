package tenancytest

import (
	"testing"

	"yishi/ent/comment"
	"yishi/ent/privacy"
)

// TestDroppedPolicyIsCaught shows the walk is not vacuous: with the
// comment policy (schema and TenantChildMixin alike) replaced by one that
// allows everything, as if the entity had been written without them, the
// same checks report the leaks. It swaps a generated package variable, so
// it must not run in parallel with other tests of this package.
func TestDroppedPolicyIsCaught(t *testing.T) {
	w := newWorld(t)
	for _, tb := range tenantTables() {
		if tb.Name == comment.Table {
			w.seedRow(t, tb)
		}
	}
	kept := comment.Policy
	t.Cleanup(func() { comment.Policy = kept })
	comment.Policy = privacy.Policy{} // no rule: everything allowed

	problems := w.isolationProblems(w.entities[comment.Table])
	if len(problems) < 3 {
		t.Fatalf("without a policy the comments table should leak on several checks, got %q", problems)
	}
	t.Logf("as expected, without a policy: %q", problems)
}
