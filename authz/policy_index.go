package authz

import "sync"

// subjectIndex maps subject → live assignments. Every request fills its
// viewer's scopes from here, so it must answer without touching the
// database; it mirrors exactly the g lines in the enforcer.
type subjectIndex struct {
	mu     sync.RWMutex
	bySubj map[string][]Assignment
}

// newSubjectIndex returns an empty index.
func newSubjectIndex() *subjectIndex {
	return &subjectIndex{bySubj: map[string][]Assignment{}}
}

// add records a live assignment; adding a known id is a no-op, so
// replaying a change is harmless.
func (x *subjectIndex) add(subject string, a Assignment) {
	x.mu.Lock()
	defer x.mu.Unlock()
	list := x.bySubj[subject]
	for _, have := range list {
		if have.ID == a.ID {
			return
		}
	}
	x.bySubj[subject] = append(list, a)
}

// remove drops assignment id of subject, if present.
func (x *subjectIndex) remove(subject string, id int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	list := x.bySubj[subject]
	for i, have := range list {
		if have.ID != id {
			continue
		}
		if len(list) == 1 {
			delete(x.bySubj, subject)
			return
		}
		x.bySubj[subject] = append(list[:i:i], list[i+1:]...)
		return
	}
}

// list returns a copy of the subject's assignments.
func (x *subjectIndex) list(subject string) []Assignment {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return append([]Assignment(nil), x.bySubj[subject]...)
}

// scopes returns the distinct unit domains the subject holds roles at;
// PlatformDomain is not a unit, so it is left out.
func (x *subjectIndex) scopes(subject string) []string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	var out []string
	for _, a := range x.bySubj[subject] {
		if a.Domain != PlatformDomain && !contains(out, a.Domain) {
			out = append(out, a.Domain)
		}
	}
	return out
}

// hasRole reports whether the subject holds role at domain, or anywhere
// when domain is "".
func (x *subjectIndex) hasRole(subject, role, domain string) bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	for _, a := range x.bySubj[subject] {
		if a.Role == role && (domain == "" || a.Domain == domain) {
			return true
		}
	}
	return false
}

// contains is a linear search; a subject holds a handful of roles.
func contains(list []string, s string) bool {
	for _, have := range list {
		if have == s {
			return true
		}
	}
	return false
}
