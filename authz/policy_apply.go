package authz

import (
	"fmt"

	"yishi/ent"
)

// gLine is one Casbin grouping rule: subject holds role at domain.
type gLine struct{ subject, role, domain string }

// apply brings the index up to date with rows (each in its current
// state: live or revoked), then reconciles the enforcer for every g line
// the rows touch. Reconciling against the index, rather than replaying
// events, handles a grant and revoke of the same line in one batch and
// duplicate live grants of one role at one unit.
func (p *Policy) apply(rows []*ent.RoleAssignment) error {
	idx := p.index.Load()
	touched := map[gLine]struct{}{}
	for _, row := range rows {
		a, ok := assignmentOf(row)
		if !ok {
			p.logger.Warn("authz: skipping invalid role assignment", "id", row.ID)
			continue
		}
		if row.RevokedAt == nil {
			idx.add(row.Subject, a)
		} else {
			idx.remove(row.Subject, a.ID)
		}
		touched[gLine{row.Subject, a.Role, a.Domain}] = struct{}{}
	}
	e := p.enforcer.Load()
	var adds, removes [][]string
	for l := range touched {
		rule := []string{l.subject, l.role, l.domain}
		has, err := e.HasGroupingPolicy(rule)
		if err != nil {
			return fmt.Errorf("check g line: %w", err)
		}
		want := idx.hasRole(l.subject, l.role, l.domain)
		switch {
		case want && !has:
			adds = append(adds, rule)
		case !want && has:
			removes = append(removes, rule)
		}
	}
	if len(adds) > 0 {
		if _, err := e.AddGroupingPoliciesEx(adds); err != nil {
			return fmt.Errorf("add %d g lines: %w", len(adds), err)
		}
	}
	if len(removes) > 0 {
		if _, err := e.RemoveGroupingPolicies(removes); err != nil {
			return fmt.Errorf("remove %d g lines: %w", len(removes), err)
		}
	}
	return nil
}
