package meetings

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
)

// Filter narrows a meeting list; zero fields do not filter. The caller
// has validated the values (ValidStatus, Formats).
type Filter struct {
	Statuses []string
	Format   string
	SeriesID int
	From, To *time.Time // starts_at in [From, To)
}

// Cursor is the calendar position after which a page starts: (starts_at,
// id) of the last meeting seen; the zero Cursor starts at the beginning.
type Cursor struct {
	StartsAt time.Time
	ID       int
}

// List reads up to limit+1 meetings of the subtree at unitPath in
// calendar order after cur, so the caller can tell whether more follow.
func List(ctx context.Context, client *ent.Client, unitPath string, f Filter, cur Cursor, limit int) ([]*ent.Meeting, error) {
	q := client.Meeting.Query().Where(meeting.UnitPathHasPrefix(unitPath))
	if len(f.Statuses) > 0 {
		sts := make([]meeting.Status, 0, len(f.Statuses))
		for _, st := range f.Statuses {
			sts = append(sts, meeting.Status(st))
		}
		q.Where(meeting.StatusIn(sts...))
	}
	if f.Format != "" {
		q.Where(meeting.FormatEQ(meeting.Format(f.Format)))
	}
	if f.SeriesID > 0 {
		q.Where(meeting.SeriesID(f.SeriesID))
	}
	if f.From != nil {
		q.Where(meeting.StartsAtGTE(*f.From))
	}
	if f.To != nil {
		q.Where(meeting.StartsAtLT(*f.To))
	}
	if cur.ID > 0 {
		q.Where(meeting.Or(meeting.StartsAtGT(cur.StartsAt),
			meeting.And(meeting.StartsAt(cur.StartsAt), meeting.IDGT(cur.ID))))
	}
	rows, err := q.Order(ent.Asc(meeting.FieldStartsAt), ent.Asc(meeting.FieldID)).Limit(limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	return rows, nil
}
