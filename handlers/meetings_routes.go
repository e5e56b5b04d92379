package handlers

import "github.com/gin-gonic/gin"

// registerMeetings wires the meetings routes.
func registerMeetings(a *gin.RouterGroup, s *server) {}
