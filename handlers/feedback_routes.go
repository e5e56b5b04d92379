package handlers

import "github.com/gin-gonic/gin"

// registerFeedback wires the feedback routes.
func registerFeedback(a *gin.RouterGroup, s *server) {}
