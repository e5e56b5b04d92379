package access

import "strings"

// Permission is one obj:act pair of the role catalogue (authz/policy.csv).
type Permission struct {
	Obj string
	Act string
}

// Perm parses "obj:act"; the route table spells permissions that way, as
// the catalogue does.
func Perm(s string) Permission {
	obj, act, _ := strings.Cut(s, ":")
	return Permission{Obj: obj, Act: act}
}

// String is the "obj:act" spelling.
func (p Permission) String() string {
	if p.Obj == "" {
		return ""
	}
	return p.Obj + ":" + p.Act
}

// RoleHole is the placeholder a permission's act may end in when the role
// comes from the target (revoking a lead needs role_assignment:grant:lead).
const RoleHole = "{role}"

// For fills the role placeholder from t.
func (p Permission) For(t Target) Permission {
	if strings.HasSuffix(p.Act, RoleHole) {
		p.Act = strings.TrimSuffix(p.Act, RoleHole) + t.Grant
	}
	return p
}
