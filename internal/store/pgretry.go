package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/stdlib"
)

// beginRetryConnector hands out connections that report "the server
// killed this connection" as driver.ErrBadConn where a retry is safe, so
// database/sql runs the call again on another (pinged, or fresh)
// connection:
//   - BeginTx: a transaction that failed to begin has done nothing, so a
//     write that meets a dead pooled connection at BEGIN still succeeds;
//     only a write that cannot start at all (the database is down)
//     answers 503.
//   - a SELECT outside a transaction (the reads before a write's
//     transaction, and every plain read): reading again is harmless.
//
// Other statements are never replayed: one that fails mid-way may have
// run. Inside a transaction database/sql does not retry at all; the
// transaction fails and the request answers 503.
type beginRetryConnector struct{ driver.Connector }

// Connect wraps the pgx connection.
func (c beginRetryConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(*stdlib.Conn)
	if !ok {
		return nil, fmt.Errorf("store: pgx stdlib returned %T", conn)
	}
	return beginRetryConn{pc}, nil
}

// beginRetryConn is a pgx stdlib connection with a retryable BeginTx;
// every other driver interface is the embedded connection's.
type beginRetryConn struct{ *stdlib.Conn }

// QueryContext runs the query, mapping a killed connection to ErrBadConn
// for a SELECT. database/sql retries only calls made outside a
// transaction; inside one, ErrBadConn simply fails the transaction.
func (c beginRetryConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.Conn.QueryContext(ctx, query, args)
	if err != nil && ctx.Err() == nil && c.Conn.Conn().IsClosed() && isSelect(query) {
		return nil, driver.ErrBadConn
	}
	return rows, err
}

// isSelect reports a statement that starts with SELECT (ent's reads).
func isSelect(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	return len(q) >= 6 && strings.EqualFold(q[:6], "select")
}

// BeginTx begins, mapping "the server closed this connection" to
// ErrBadConn. A cancelled or expired context is not retried.
func (c beginRetryConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil && ctx.Err() == nil && c.Conn.Conn().IsClosed() {
		return nil, driver.ErrBadConn
	}
	return tx, err
}
