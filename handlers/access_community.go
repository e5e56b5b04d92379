package handlers

import (
	"strings"

	"github.com/gin-gonic/gin"
)

// isCommunityWide reports the proposal actions residents may take anywhere
// in their own community, not only in the grid where they hold their
// role: they read, co-sign and comment on their neighbours' proposals.
func isCommunityWide(act string) bool {
	switch act {
	case "read", "cosign", "comment", "feedback":
		return true
	}
	return false
}

// allowInCommunity is allow, widened for community-wide actions: it also
// passes when the caller holds obj:act at a unit inside communityPath. ent
// privacy then limits the rows to what residents may see there (nothing
// in draft but their own).
func (s *server) allowInCommunity(c *gin.Context, obj, act, path, communityPath string) error {
	err := s.allow(c, obj, act, path)
	if err == nil || !isCommunityWide(act) || communityPath == "" {
		return err
	}
	v := caller(c)
	if !v.TokenAllows(obj, act) {
		return err
	}
	for _, scope := range v.Scopes {
		if strings.HasPrefix(scope, communityPath) && s.Policy.Enforce(v.Subject, obj, act, scope) {
			return nil
		}
	}
	return err
}
