package authz

import "yishi/ent"

// Assignment is one live role a subject holds, as kept in the in-memory
// index: enough to fill a viewer's scopes and check grants without a
// database round trip.
type Assignment struct {
	ID     int    `json:"id"`
	Role   string `json:"role"`
	Domain string `json:"domain"`
}

// assignmentOf validates a row before it can grant anything: the subject
// must be a user or client, the role known, and the domain PlatformDomain
// for platform_admin or a well-formed unit path for every other role. The
// role string is replaced by the catalog's, so 100k rows share a handful
// of strings.
func assignmentOf(row *ent.RoleAssignment) (Assignment, bool) {
	c := catalog()
	i, ok := c.byName[row.Role]
	if !ok || !validSubject(row.Subject) {
		return Assignment{}, false
	}
	role := c.roles[i].Name
	if role == RolePlatformAdmin {
		ok = row.Domain == PlatformDomain
	} else {
		ok = row.Domain != "" && validUnitPath(row.Domain)
	}
	return Assignment{ID: row.ID, Role: role, Domain: row.Domain}, ok
}
