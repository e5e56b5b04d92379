package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"yishi/internal/accounts"
	"yishi/internal/config"
	"yishi/internal/idempotency"
	"yishi/internal/jobs"
	"yishi/internal/notify"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/tasks"
	"yishi/internal/voting"
	"yishi/internal/webhooks"
)

// startJobs launches the periodic background jobs; they stop with ctx,
// and wg lets the caller wait for that before closing the database. cfg
// carries their settings (the feedback window); rights is the policy
// vote rolls are checked against.
func startJobs(ctx context.Context, wg *sync.WaitGroup, cfg config.Config, st *store.Store, rights voting.Rights, logger *slog.Logger) {
	r := jobs.Runner{DB: st.DB, Dialect: st.Dialect, Logger: logger}
	every(ctx, wg, r, jobs.Job{Name: "proposals.lapse", Interval: time.Minute,
		Run: func(ctx context.Context) (int, error) { return proposals.LapseDue(ctx, st.Client, time.Now().UTC()) }})
	every(ctx, wg, r, jobs.Job{Name: "proposals.close", Interval: time.Minute, Run: func(ctx context.Context) (int, error) {
		return proposals.CloseDue(ctx, st.Client, time.Now().UTC(), cfg.FeedbackWindow)
	}})
	keys := idempotency.New(st.Client, func() time.Time { return time.Now().UTC() })
	every(ctx, wg, r, jobs.Job{Name: "idempotency.sweep", Interval: time.Hour, Run: keys.Sweep})
	every(ctx, wg, r, jobs.Job{Name: "codes.purge", Interval: time.Hour, Run: func(ctx context.Context) (int, error) {
		return accounts.PurgeCodes(ctx, st.Client, time.Now().UTC().Add(-24*time.Hour))
	}})
	every(ctx, wg, r, jobs.Job{Name: "tasks.announce_overdue", Interval: time.Minute,
		Run: func(ctx context.Context) (int, error) { return tasks.AnnounceOverdue(ctx, st.Client, time.Now().UTC()) }})
	d := &webhooks.Dispatcher{Store: webhooks.Store{Client: st.Client, Dialect: st.Dialect}, Logger: logger,
		Guard: webhooks.Guard{AllowHTTP: cfg.WebhookAllowHTTP, AllowPrivate: cfg.WebhookAllowPrivate}}
	wg.Go(func() { d.Run(ctx) }) // every instance delivers; claims are SKIP LOCKED, not an advisory lock
	every(ctx, wg, r, jobs.Job{Name: "webhooks.sweep", Interval: time.Hour, Run: func(ctx context.Context) (int, error) {
		return d.Store.Sweep(ctx, time.Now().UTC().Add(-webhooks.Retention))
	}})
	every(ctx, wg, r, jobs.Job{Name: "votes.schedule", Interval: 10 * time.Second,
		Run: func(ctx context.Context) (int, error) {
			return voting.RunSchedule(ctx, st.Client, time.Now().UTC(), rights)
		}})
	every(ctx, wg, r, jobs.Job{Name: "notify.overdue", Interval: 10 * time.Minute,
		Run: func(ctx context.Context) (int, error) { return notify.TasksOverdue(ctx, st.Client, time.Now().UTC()) }})
}

// every runs j on r until ctx ends, tracked by wg.
func every(ctx context.Context, wg *sync.WaitGroup, r jobs.Runner, j jobs.Job) {
	wg.Go(func() { r.Every(ctx, j) })
}
