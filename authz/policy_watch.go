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
	if p.dialect == dialect.Postgres && p.cfg.postgresURL != "" {
		wg.Go(func() { p.listen(ctx) })
	}
	p.poll(ctx)
	wg.Wait()
}

// poll calls Sync every poll interval until ctx ends.
func (p *Policy) poll(ctx context.Context) {
	t := time.NewTicker(p.cfg.pollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.syncLogged(ctx, "poll")
		}
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
