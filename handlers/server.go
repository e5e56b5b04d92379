package handlers

import (
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/internal/blobstore"
	"yishi/internal/config"
	"yishi/internal/password"
	"yishi/internal/session"
	"yishi/internal/sms"
	"yishi/internal/store"
	"yishi/internal/throttle"
)

// Deps is everything the HTTP layer needs; main builds it and nothing here
// reaches for globals.
type Deps struct {
	Config    config.Config
	Store     *store.Store
	Logger    *slog.Logger
	Policy    *authz.Policy
	Tokens    *authz.Tokens
	Keys      *authz.KeySet
	Sessions  *session.Sessions
	Passwords password.Hasher
	// Logins slows password guessing by counting failed unauthenticated
	// attempts; its store is shared by all instances on PostgreSQL.
	Logins   *throttle.Guard
	Registry *prometheus.Registry
	Version  string
	// Blobs holds attachment bytes; the database keeps only their keys.
	Blobs blobstore.Store
	// Writes counts each authenticated caller's writes per minute
	// (YISHI_WRITE_RATE); NewRouter makes one when it is nil.
	Writes *throttle.Limiter
	// CommonPasswords are refused at registration; NewRouter loads the
	// embedded list when it is nil.
	CommonPasswords *password.Common
	// SMS delivers one-time codes without blocking the request
	// (YISHI_SMS_SENDER); NewRouter builds the configured one when nil.
	// Tests inject an sms.Memory and read the codes from it.
	SMS sms.Sender
}

// server carries Deps to the handler methods.
type server struct {
	Deps
	// access decides every route's declared rule (authz/access).
	access *access.Decider
	// routes is the route table by "METHOD /path", for allowed_actions.
	routes map[string]route
	// public caches and rate-limits the public record.
	public *publicCache
}

// now is the server's clock, in UTC as every API timestamp is.
func (s *server) now() time.Time { return time.Now().UTC() }
