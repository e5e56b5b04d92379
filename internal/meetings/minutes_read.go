package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/minutes"
)

// CurrentMinutes reads the latest version of a meeting's minutes; with
// drafts false, the latest approved one (readers who do not run the
// meeting never see a draft). Not found is ent's.
func CurrentMinutes(ctx context.Context, client *ent.Client, meetingID int, drafts bool) (*ent.Minutes, error) {
	q := client.Minutes.Query().Where(minutes.MeetingID(meetingID))
	if !drafts {
		q.Where(minutes.StatusEQ(minutes.StatusApproved))
	}
	row, err := q.Order(ent.Desc(minutes.FieldVersion)).First(ctx)
	if err != nil {
		return nil, fmt.Errorf("read minutes: %w", err)
	}
	return row, nil
}

// MinutesVersions reads up to limit+1 versions after version after,
// oldest first, so corrections can be compared with what was approved.
func MinutesVersions(ctx context.Context, client *ent.Client, meetingID int, drafts bool, after, limit int) ([]*ent.Minutes, error) {
	q := client.Minutes.Query().Where(minutes.MeetingID(meetingID), minutes.VersionGT(after))
	if !drafts {
		q.Where(minutes.StatusEQ(minutes.StatusApproved))
	}
	rows, err := q.Order(ent.Asc(minutes.FieldVersion)).Limit(limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list minutes versions: %w", err)
	}
	return rows, nil
}
