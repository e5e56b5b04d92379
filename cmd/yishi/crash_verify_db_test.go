package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"

	"yishi/internal/store"
)

// rows is what the database holds of the objects the load writes, read
// with plain SQL so the check does not trust ent or the API.
type rows struct {
	status        map[int]string          // proposal → status
	actions       map[int]map[string]bool // proposal → event actions
	lastTo        map[int]string          // proposal → to_status of its latest event
	reportEvents  map[int]bool            // report ids named by progress_report events
	reports       map[int]int             // report id → task
	lastPercent   map[int]int             // task → percent of its latest report
	taskPercent   map[int]int             // task → percent
	participation map[string]bool         // "vote/voter_key"
	castBy        map[string]bool         // "vote/user"
	ballotKeys    map[string]bool         // "vote/voter_key"
	tokens        map[string]bool         // "vote/token"
}

// readRows loads the rows from the database at url.
func readRows(t *testing.T, url string) rows {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatalf("open database for the check: %v", err)
	}
	defer st.Close()
	r := rows{status: map[int]string{}, actions: map[int]map[string]bool{}, lastTo: map[int]string{},
		reportEvents: map[int]bool{}, reports: map[int]int{}, lastPercent: map[int]int{}, taskPercent: map[int]int{},
		participation: map[string]bool{}, castBy: map[string]bool{}, ballotKeys: map[string]bool{}, tokens: map[string]bool{}}
	scan(t, st.DB, "SELECT id, status FROM proposals", func(s scanner) error {
		var id int
		var status string
		err := s.Scan(&id, &status)
		r.status[id] = status
		return err
	})
	scan(t, st.DB, "SELECT proposal_id, action, to_status, detail FROM proposal_events ORDER BY id", r.event)
	scan(t, st.DB, "SELECT id, task_id, percent FROM progress_reports ORDER BY id", func(s scanner) error {
		var id, task, percent int
		err := s.Scan(&id, &task, &percent)
		r.reports[id], r.lastPercent[task] = task, percent
		return err
	})
	scan(t, st.DB, "SELECT id, percent FROM tasks", func(s scanner) error {
		var id, percent int
		err := s.Scan(&id, &percent)
		r.taskPercent[id] = percent
		return err
	})
	scan(t, st.DB, "SELECT vote_id, voter_key, cast_by FROM vote_participations", func(s scanner) error {
		var vote int
		var key string
		var by sql.NullInt64
		err := s.Scan(&vote, &key, &by)
		r.participation[fmt.Sprintf("%d/%s", vote, key)] = true
		r.castBy[fmt.Sprintf("%d/%d", vote, by.Int64)] = true
		return err
	})
	scan(t, st.DB, "SELECT vote_id, voter_key, token FROM ballots", func(s scanner) error {
		var vote int
		var key sql.NullString
		var token string
		err := s.Scan(&vote, &key, &token)
		r.ballotKeys[fmt.Sprintf("%d/%s", vote, key.String)] = true
		r.tokens[fmt.Sprintf("%d/%s", vote, token)] = true
		return err
	})
	return r
}

// event records one timeline row.
func (r rows) event(s scanner) error {
	var pid int
	var action, to string
	var detail []byte
	if err := s.Scan(&pid, &action, &to, &detail); err != nil {
		return err
	}
	if r.actions[pid] == nil {
		r.actions[pid] = map[string]bool{}
	}
	r.actions[pid][action], r.lastTo[pid] = true, to
	if action == "progress_report" {
		var d struct {
			ReportID int `json:"report_id"`
		}
		if err := json.Unmarshal(detail, &d); err != nil {
			return fmt.Errorf("progress_report detail %q: %w", detail, err)
		}
		r.reportEvents[d.ReportID] = true
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

// scan runs query and hands each row to fn.
func scan(t *testing.T, db *sql.DB, query string, fn func(scanner) error) {
	t.Helper()
	rs, err := db.QueryContext(context.Background(), query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rs.Close()
	for rs.Next() {
		if err := fn(rs); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	if err := rs.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
