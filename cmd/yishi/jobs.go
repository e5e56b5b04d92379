package main

import (
	"context"
	"log/slog"
	"time"

	"yishi/internal/config"
	"yishi/internal/idempotency"
	"yishi/internal/jobs"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/voting"
)

// startJobs launches the periodic background jobs; they stop with ctx.
// cfg carries their settings (the feedback window).
func startJobs(ctx context.Context, cfg config.Config, st *store.Store, logger *slog.Logger) {
	r := jobs.Runner{DB: st.DB, Dialect: st.Dialect, Logger: logger}
	go r.Every(ctx, jobs.Job{Name: "proposals.lapse", Interval: time.Minute,
		Run: func(ctx context.Context) (int, error) { return proposals.LapseDue(ctx, st.Client, time.Now().UTC()) }})
	go r.Every(ctx, jobs.Job{Name: "proposals.close", Interval: time.Minute, Run: func(ctx context.Context) (int, error) {
		return proposals.CloseDue(ctx, st.Client, time.Now().UTC(), cfg.FeedbackWindow)
	}})
	keys := idempotency.New(st.Client, func() time.Time { return time.Now().UTC() })
	go r.Every(ctx, jobs.Job{Name: "idempotency.sweep", Interval: time.Hour, Run: keys.Sweep})
	go r.Every(ctx, jobs.Job{Name: "votes.schedule", Interval: 10 * time.Second,
		Run: func(ctx context.Context) (int, error) { return voting.RunSchedule(ctx, st.Client, time.Now().UTC()) }})
}
