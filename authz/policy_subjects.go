package authz

import (
	"strconv"
	"strings"
)

// Subject prefixes keep users and partner API clients apart in one
// namespace and can never collide with a role name.
const (
	userSubjectPrefix   = "u:"
	clientSubjectPrefix = "c:"
)

// UserSubject is the Casbin subject of a user, as stored in
// RoleAssignment.subject.
func UserSubject(userID int) string {
	return userSubjectPrefix + strconv.Itoa(userID)
}

// ClientSubject is the Casbin subject of a partner API client.
func ClientSubject(apiClientID int) string {
	return clientSubjectPrefix + strconv.Itoa(apiClientID)
}

// validSubject reports whether s is a user or client subject. Anything
// else (a role name in particular) would let Casbin treat the caller as
// the role itself, so it is denied.
func validSubject(s string) bool {
	return len(s) > 2 && (strings.HasPrefix(s, userSubjectPrefix) || strings.HasPrefix(s, clientSubjectPrefix))
}
