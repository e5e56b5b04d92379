package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// defaultConnectTimeout bounds a connection attempt when the URL sets no
// connect_timeout, so a vanished server costs a request seconds, not the
// operating system's TCP timeout.
const defaultConnectTimeout = "5"

// openPostgres opens the pgx stdlib pool with a health check that drops
// connections the server has killed before a query is sent on them.
//
// pgx pings a pooled connection before reuse only after it idled for a
// second. Under load every connection is reused sooner, so after a
// pg_terminate_backend, failover or restart each dead connection would
// fail one query. Once the server has killed one connection (a FATAL
// error such as 57P01), every connection last used before that moment is
// pinged on its next checkout; a dead one is discarded (driver.ErrBadConn)
// and database/sql moves on to another, then to a fresh connection. A
// BEGIN that meets a dead connection is retried the same way (pgbegin.go).
func openPostgres(rawURL string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(withConnectTimeout(rawURL))
	if err != nil {
		return nil, fmt.Errorf("postgres url: %w", err)
	}
	h := &connHealth{}
	next := cfg.OnPgError
	cfg.OnPgError = func(c *pgconn.PgConn, e *pgconn.PgError) bool {
		keep := next(c, e)
		if !keep {
			h.lost()
		}
		return keep
	}
	connector := stdlib.GetConnector(*cfg, stdlib.OptionShouldPing(h.shouldPing))
	return sql.OpenDB(beginRetryConnector{connector}), nil
}

// withConnectTimeout adds connect_timeout to a postgres:// URL that has
// none; a URL that does not parse is returned as is for pgx to reject.
func withConnectTimeout(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	q := u.Query()
	if q.Get("connect_timeout") != "" {
		return rawURL
	}
	q.Set("connect_timeout", defaultConnectTimeout)
	u.RawQuery = q.Encode()
	return u.String()
}

// connHealth remembers when the server last killed one of the pool's
// connections.
type connHealth struct {
	lostAt atomic.Int64 // unix nanoseconds; 0 = never
}

func (h *connHealth) lost() { h.lostAt.Store(time.Now().UnixNano()) }

// shouldPing keeps pgx's default (ping after a second idle) and adds: ping
// any connection last checked out before the server killed a connection.
func (h *connHealth) shouldPing(_ context.Context, p stdlib.ShouldPingParams) bool {
	if p.IdleDuration > time.Second {
		return true
	}
	lastUse := time.Now().Add(-p.IdleDuration).UnixNano()
	return lastUse <= h.lostAt.Load()
}
