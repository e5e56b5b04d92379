// Package idempotency remembers the answers to POST requests sent with an
// Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header), so a
// client that retries after a timeout gets the first answer back instead
// of causing a second write.
//
// The unique index on (subject, key) is the lock: the first request
// inserts an in-flight row, later ones collide with it. No transaction is
// held while the handler runs, because the handler needs the connection
// (in-memory SQLite has only one).
//
// Every statement runs under viewer.SystemContext: the rows are the
// middleware's bookkeeping, not tenant data, and each is scoped by the
// caller's subject instead of by unit.
package idempotency

import (
	"time"

	"yishi/ent"
	"yishi/ent/schema/schematype"
)

const (
	// TTL is how long an answer is replayed; the draft suggests a day,
	// well past any client's retry schedule.
	TTL = 24 * time.Hour
	// Lease is how long an unfinished request holds its key. Past it the
	// instance that ran it is presumed dead (the server's write timeout is
	// a minute), so a retry may run instead of getting 409 for a day.
	Lease = 5 * time.Minute
)

// Keys stores idempotency keys in the database; main and the middleware
// each build one from the shared ent client.
type Keys struct {
	client *ent.Client
	now    func() time.Time
}

// New returns the key store; now is injected so tests control expiry.
func New(client *ent.Client, now func() time.Time) *Keys {
	return &Keys{client: client, now: now}
}

// Request identifies one keyed request: who sent it, the key, and the
// fingerprint that tells a retry from a different request reusing the key.
type Request struct {
	Subject string
	Key     string
	Method  string
	Path    string
	Hash    string
}

// Response is a stored final answer, replayed byte for byte.
type Response struct {
	Status      int
	ContentType string
	Body        []byte
	// Headers are the replayable response headers (Location, ETag).
	Headers map[string]string
	// Checks are the body-dependent access decisions the request passed;
	// a replay decides them again before answering.
	Checks []schematype.AccessCheck
}

// ReplayedHeaders lists the response headers stored with an answer: the
// ones a client acts on after a create.
func ReplayedHeaders() []string { return []string{"Location", "ETag"} }

// Claim is the in-flight row a first request owns until it completes or
// releases it. Rows are addressed by id, so a claim never touches a newer
// row that replaced it after expiry.
type Claim struct {
	ID int
}
