package handlers

import "github.com/gin-gonic/gin"

// registerTasks wires the tasks routes.
func registerTasks(a *gin.RouterGroup, s *server) {}
