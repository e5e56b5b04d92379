package handlers

import "github.com/gin-gonic/gin"

// registerTasks wires delivery: tasks on approved proposals, their
// progress reports, and the overdue and personal task lists.
func registerTasks(a *gin.RouterGroup, s *server) {
	a.POST("/proposals/:id/tasks", s.createTask)
	a.GET("/proposals/:id/tasks", s.listProposalTasks)
	a.GET("/tasks/:id", s.getTask)
	a.PATCH("/tasks/:id", s.updateTask)
	a.POST("/tasks/:id/reports", s.createTaskReport)
	a.GET("/tasks/:id/reports", s.listTaskReports)
	a.GET("/units/:id/tasks", s.listUnitTasks)
	a.GET("/me/tasks", s.listMyTasks)
}
