package handlers

import "github.com/gin-gonic/gin"

// registerAttachments wires the attachment routes.
func registerAttachments(a *gin.RouterGroup, s *server) {}
