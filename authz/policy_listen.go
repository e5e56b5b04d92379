package authz

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Reconnect backoff for the LISTEN connection: quick after a blip, capped
// so a PostgreSQL outage is not hammered. Polling covers the gap.
const (
	listenBackoffMin = 100 * time.Millisecond
	listenBackoffMax = 10 * time.Second
	// listenConnectTimeout bounds one connection attempt, so a server
	// that silently drops packets costs a retry, not a stuck listener.
	listenConnectTimeout = 10 * time.Second
)

// listen holds a dedicated connection LISTENing on notifyChannel and syncs
// on each notification, reconnecting with backoff until ctx ends.
func (p *Policy) listen(ctx context.Context) {
	backoff := listenBackoffMin
	for {
		connected, err := p.listenOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		if connected {
			backoff = listenBackoffMin
		}
		p.logger.Warn("authz: policy listener lost; reconnecting", "err", err, "in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, listenBackoffMax)
	}
}

// listenOnce connects, LISTENs, catches up with one Sync (notifications
// sent while disconnected are lost) and then syncs on every notification
// newer than the local version. It returns when the connection fails.
func (p *Policy) listenOnce(ctx context.Context) (connected bool, err error) {
	cctx, cancel := context.WithTimeout(ctx, listenConnectTimeout)
	conn, err := pgx.Connect(cctx, p.cfg.postgresURL)
	cancel()
	if err != nil {
		return false, fmt.Errorf("listen: connect: %w", err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		conn.Close(cctx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		return false, fmt.Errorf("listen: %w", err)
	}
	p.syncLogged(ctx, "listen-start")
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, fmt.Errorf("listen: wait: %w", err)
		}
		if v, err := strconv.ParseInt(n.Payload, 10, 64); err == nil && v <= p.Version() {
			continue
		}
		p.syncLogged(ctx, "notify")
	}
}
