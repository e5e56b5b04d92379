package talents

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/talentrecord"
)

// NewRecord is one growth step; the HTTP layer validated it.
type NewRecord struct {
	Kind       string
	Title      string
	Detail     string
	OccurredOn time.Time
	RecordedBy *int
}

// AddRecord appends in to t's growth; the tenant columns come from t.
func AddRecord(ctx context.Context, client *ent.Client, t *ent.Talent, in NewRecord) (*ent.TalentRecord, error) {
	r, err := client.TalentRecord.Create().SetTalentID(t.ID).SetKind(talentrecord.Kind(in.Kind)).
		SetTitle(strings.TrimSpace(in.Title)).SetDetail(in.Detail).SetOccurredOn(in.OccurredOn.UTC()).
		SetNillableRecordedBy(in.RecordedBy).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("add record to talent %d: %w", t.ID, err)
	}
	return r, nil
}

// Records returns t's growth records, oldest first by date.
func Records(ctx context.Context, client *ent.Client, talentID int) ([]*ent.TalentRecord, error) {
	rows, err := client.TalentRecord.Query().Where(talentrecord.TalentID(talentID)).
		Order(ent.Asc(talentrecord.FieldOccurredOn), ent.Asc(talentrecord.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("records of talent %d: %w", talentID, err)
	}
	return rows, nil
}
