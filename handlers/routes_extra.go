package handlers

import "github.com/gin-gonic/gin"

// registerExtra wires the resource groups that live in their own files,
// each owned by one register function, so adding a resource touches one
// line here.
func registerExtra(a *gin.RouterGroup, s *server) {
	registerAttachments(a, s)
	registerMeetings(a, s)
	registerVotes(a, s)
	registerTasks(a, s)
	registerFeedback(a, s)
}
