package authz

import (
	"context"
	"sync"
	"time"

	"entgo.io/ent/dialect"
)

// Watch keeps this instance in step with role changes made by any
// instance, until ctx ends. It polls the version (NOTIFY has no replay,
// and SQLite has no NOTIFY) and, on PostgreSQL with WithPostgresURL,
// also LISTENs so changes usually arrive within milliseconds. Either path
// alone meets the one-second bound of DESIGN.md §2.
func (p *Policy) Watch(ctx context.Context) {
	var wg sync.WaitGroup
	switch {
	case p.dialect == dialect.Postgres && p.cfg.postgresURL != "":
		wg.Go(func() { p.listen(ctx) })
	case p.dialect == dialect.Postgres:
		p.logger.Info("authz: no PostgreSQL URL for LISTEN; polling only", "every", p.cfg.pollInterval)
	}
	p.poll(ctx)
	wg.Wait()
}

// memoTrimInterval bounds how long casbin's g() memo may grow between
// role changes; see trimMemo.
const memoTrimInterval = 10 * time.Minute

// poll calls Sync every poll interval until ctx ends, and trims casbin's
// memo now and then.
func (p *Policy) poll(ctx context.Context) {
	t := time.NewTicker(p.cfg.pollInterval)
	defer t.Stop()
	lastTrim := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			p.syncLogged(ctx, "poll")
			if now.Sub(lastTrim) >= memoTrimInterval {
				p.trimMemo()
				lastTrim = now
			}
		}
	}
}

// trimMemo drops casbin's g() memo, which otherwise keeps one entry per
// (subject, role, domain) ever asked until the next role change: on a
// quiet policy that is unbounded growth.
func (p *Policy) trimMemo() {
	if err := p.enforcers.Load().roleLinksChanged(); err != nil {
		p.logger.Error("authz: trim casbin memo", "err", err)
	}
}

// syncLogged runs Sync for a background trigger; there is no caller to
// return an error to, so it is logged (unless we are shutting down).
func (p *Policy) syncLogged(ctx context.Context, trigger string) {
	changed, err := p.Sync(ctx)
	if err != nil && ctx.Err() == nil {
		p.logger.Warn("authz: policy sync failed", "trigger", trigger, "err", err)
		return
	}
	if changed {
		p.logger.Debug("authz: policy synced", "trigger", trigger, "version", p.Version())
	}
}
