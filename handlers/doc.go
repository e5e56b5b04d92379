// Package handlers is Yishi's HTTP layer: one file per resource, routes.go
// wires them, errors.go is the only place errors become HTTP statuses.
//
//	@title						Yishi (议事) API
//	@version					1.0
//	@license.name				Proprietary (all rights reserved)
//	@license.url				/docs/index.html
//	@description				Multi-tenant community deliberation: residents raise problems, officials at subdistrict, community and grid level lead, guide and review them into proposals, meetings deliberate and vote, and delivery is tracked until residents' feedback closes the loop. Every authenticated POST honours an Idempotency-Key header (1–255 visible ASCII characters, scoped to the caller, kept 24 hours): a retry with the same key and the same request replays the first final answer with Idempotent-Replayed: true instead of writing twice; the same key with a different request is 422 idempotency.key_reused, and while the first is still running 409 idempotency.in_progress. Server errors are not stored, so they may be retried with the same key. The /v1/auth and /v1/oauth endpoints ignore the header. Limits: a request body is JSON (at most 1 MiB) unless the operation accepts another type (uploads, the household import, oauth/token); any other Content-Type is 415 request.unsupported_media_type. Every authenticated write except casting a ballot counts against YISHI_WRITE_RATE writes a minute per caller (429 write.rate_limited with Retry-After). Sign-in, registration, refresh and oauth/token are throttled per client address on failed attempts only (429 auth.throttled with Retry-After); one-time codes (POST /v1/auth/codes) are throttled per phone and per client address on every request, and may answer 503 server.busy with Retry-After when every password-hashing slot is taken.
//	@BasePath					/
//	@securityDefinitions.apikey	BearerAuth
//	@in							header
//	@name						Authorization
//	@description				"Bearer " followed by an access token from /v1/auth/login or /v1/oauth/token.
package handlers
