package handlers

import "github.com/gin-gonic/gin"

// registerMeetings wires the deliberation routes: venues, meetings and
// their agenda, participants and minutes.
func registerMeetings(a *gin.RouterGroup, s *server) {
	a.POST("/units/:id/venues", s.createVenue)
	a.GET("/units/:id/venues", s.listVenues)
	a.GET("/venues/:id", s.getVenue)
	a.PATCH("/venues/:id", s.updateVenue)
	a.POST("/units/:id/meetings", s.createMeeting)
	a.GET("/units/:id/meetings", s.listMeetings)
	a.GET("/meetings/:id", s.getMeeting)
	a.PATCH("/meetings/:id", s.updateMeeting)
	a.POST("/meetings/:id/:action", s.transitionMeeting)
	a.POST("/meetings/:id/agenda", s.createAgendaItem)
	a.POST("/meetings/:id/participants", s.createParticipant)
	a.GET("/meetings/:id/participants", s.listParticipants)
	a.PATCH("/participants/:id", s.updateParticipant)
	a.PUT("/meetings/:id/minutes", s.putMinutes)
	a.GET("/meetings/:id/minutes", s.getMinutes)
	a.GET("/meetings/:id/minutes/versions", s.listMinutesVersions)
	a.POST("/meetings/:id/minutes/approve", s.approveMinutes)
}
