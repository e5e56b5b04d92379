package authz

import (
	"fmt"

	"yishi/ent"
)

// gLine is one Casbin grouping rule: subject holds role at domain.
type gLine struct{ subject, role, domain string }

// apply brings the index up to date with rows (each in its current state:
// live or revoked), then reconciles casbin for every g line they touch.
// Reconciling against the index, rather than replaying events, handles a
// revoke and an identical re-grant in one batch, and a row seen twice.
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
	return p.enforcers.Load().reconcile(touched, idx)
}

// reconcile makes the primary hold exactly the touched lines the index
// still wants, then refreshes the permission enforcers.
func (s *enforcerSet) reconcile(touched map[gLine]struct{}, idx *subjectIndex) error {
	var adds, removes [][]string
	for l := range touched {
		rule := []string{l.subject, l.role, l.domain}
		has, err := s.primary.HasGroupingPolicy(rule)
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
		if _, err := s.primary.AddGroupingPoliciesEx(adds); err != nil {
			return fmt.Errorf("add %d g lines: %w", len(adds), err)
		}
	}
	if len(removes) > 0 {
		if _, err := s.primary.RemoveGroupingPolicies(removes); err != nil {
			return fmt.Errorf("remove %d g lines: %w", len(removes), err)
		}
	}
	if len(adds)+len(removes) == 0 {
		return nil
	}
	return s.roleLinksChanged()
}
