package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
)

// Fault says what a database error means to the caller, whatever the
// dialect, so the HTTP layer can answer 503 or 507 instead of a bare 500
// without knowing SQLSTATEs or SQLite result codes.
type Fault int

// The faults. NoFault covers everything that is not the database being
// unreachable, busy or full: constraint violations, bugs, corruption.
const (
	NoFault Fault = iota
	// Unavailable: the database could not be reached, dropped the
	// connection (pg_terminate_backend, restart, failover) or did not
	// answer before the request's deadline.
	Unavailable
	// Busy: the database answers but is locked or overloaded for now; the
	// same request may succeed in a moment.
	Busy
	// Full: the disk under the database is full; retrying will not help
	// until an operator frees space.
	Full
)

// FaultOf classifies err. It looks through wrapping, so errors from ent,
// database/sql, pgx and modernc sqlite are all recognised.
func FaultOf(err error) Fault {
	if err == nil {
		return NoFault
	}
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		// Whatever the server said (starting up, shutting down, not
		// accepting connections), no connection means no service.
		return Unavailable
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgFault(pgErr.Code)
	}
	var sqErr *sqlite.Error
	if errors.As(err, &sqErr) {
		return sqliteFault(sqErr.Code())
	}
	if connectionLost(err) {
		return Unavailable
	}
	return NoFault
}

// connectionLost reports errors of the connection rather than the query:
// a pool that cannot connect, a socket closed under a query, a deadline.
func connectionLost(err error) bool {
	var netErr net.Error
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &netErr), pgconn.SafeToRetry(err),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, pgconn.ErrConnClosed):
		return true
	}
	return false
}

// pgFault maps a SQLSTATE. Class 08 and 57P are the connection going away
// (57P01 is pg_terminate_backend or a fast shutdown); 25006 is a write
// reaching a standby after a failover.
func pgFault(code string) Fault {
	switch {
	case strings.HasPrefix(code, "08"), strings.HasPrefix(code, "57P"), code == "25006":
		return Unavailable
	case code == "53100":
		return Full
	case code == "53200", code == "53300", code == "55P03", code == "57014",
		code == "40001", code == "40P01":
		// out of memory, too many connections, lock timeout, statement
		// timeout, serialization failure, deadlock: all transient.
		return Busy
	}
	return NoFault
}

// SQLite primary result codes (sqlite3.h); the driver reports extended
// codes whose low byte is the primary one.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteNoMem    = 7
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

func sqliteFault(code int) Fault {
	switch code & 0xff {
	case sqliteBusy, sqliteLocked, sqliteNoMem:
		return Busy
	case sqliteFull:
		return Full
	case sqliteIOErr, sqliteReadOnly, sqliteCantOpen:
		return Unavailable
	}
	return NoFault
}
