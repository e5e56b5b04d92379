package handlers

import "github.com/gin-gonic/gin"

// registerFeedback wires closing the loop (抓反馈) from the residents'
// side: feedback on completed proposals, following proposals, the inbox
// their events fill, and the statistics the office reports with.
func registerFeedback(a *gin.RouterGroup, s *server) {
	a.POST("/proposals/:id/feedback", s.createProposalFeedback)
	a.GET("/proposals/:id/feedback", s.listProposalFeedback)
	a.POST("/proposals/:id/follow", s.followProposal)
	a.DELETE("/proposals/:id/follow", s.unfollowProposal)
	a.GET("/me/notifications", s.listMyNotifications)
	a.POST("/me/notifications/read", s.markNotificationsRead)
	a.GET("/units/:id/stats", s.getUnitStats)
}
