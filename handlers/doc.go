// Package handlers is Yishi's HTTP layer: one file per resource, routes.go
// wires them, errors.go is the only place errors become HTTP statuses.
//
//	@title						Yishi (议事) API
//	@version					1.0
//	@description				Multi-tenant community deliberation: residents raise problems, officials at subdistrict, community and grid level lead, guide and review them into proposals, meetings deliberate and vote, and delivery is tracked until residents' feedback closes the loop.
//	@BasePath					/
//	@securityDefinitions.apikey	BearerAuth
//	@in							header
//	@name						Authorization
//	@description				"Bearer " followed by an access token from /v1/auth/login or /v1/oauth/token.
package handlers
