package main

import (
	"context"
	"log/slog"
	"time"

	"yishi/internal/jobs"
	"yishi/internal/proposals"
	"yishi/internal/store"
)

// startJobs launches the periodic background jobs; they stop with ctx.
func startJobs(ctx context.Context, st *store.Store, logger *slog.Logger) {
	r := jobs.Runner{DB: st.DB, Dialect: st.Dialect, Logger: logger}
	go r.Every(ctx, jobs.Job{Name: "proposals.lapse", Interval: time.Minute,
		Run: func(ctx context.Context) (int, error) { return proposals.LapseDue(ctx, st.Client, time.Now().UTC()) }})
}
