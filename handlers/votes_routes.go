package handlers

import "github.com/gin-gonic/gin"

// registerVotes wires the votes routes.
func registerVotes(a *gin.RouterGroup, s *server) {}
