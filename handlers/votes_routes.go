package handlers

import "github.com/gin-gonic/gin"

// registerVotes wires the votes and households routes.
func registerVotes(a *gin.RouterGroup, s *server) {
	a.POST("/units/:id/votes", s.createVote)
	a.GET("/units/:id/votes", s.listVotes)
	a.GET("/votes/:id", s.getVote)
	a.POST("/votes/:id/open", s.openVote)
	a.POST("/votes/:id/close", s.closeVote)
	a.POST("/votes/:id/ballots", s.castBallot)
	a.GET("/votes/:id/ballots", s.listVoteBallots)
	a.GET("/votes/:id/results", s.getVoteResults)
	a.POST("/votes/:id/receipt", s.verifyVoteReceipt)
	a.POST("/units/:id/households", s.createHousehold)
	a.GET("/units/:id/households", s.listHouseholds)
	a.POST("/units/:id/households/import", s.importHouseholds)
}
