package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
)

// Get reads the meeting with id as the caller in ctx: privacy hides a row the
// caller may not see, which then answers like a missing one (ent's not
// found). It is the route loader's read, so access is decided on the row.
func Get(ctx context.Context, client *ent.Client, id int) (*ent.Meeting, error) {
	row, err := client.Meeting.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read meeting %d: %w", id, err)
	}
	return row, nil
}

// GetVenue reads the venue with id as the caller in ctx: privacy hides a row the
// caller may not see, which then answers like a missing one (ent's not
// found). It is the route loader's read, so access is decided on the row.
func GetVenue(ctx context.Context, client *ent.Client, id int) (*ent.Venue, error) {
	row, err := client.Venue.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read venue %d: %w", id, err)
	}
	return row, nil
}

// GetParticipant reads the meeting participant with id as the caller in ctx: privacy hides a row the
// caller may not see, which then answers like a missing one (ent's not
// found). It is the route loader's read, so access is decided on the row.
func GetParticipant(ctx context.Context, client *ent.Client, id int) (*ent.Participant, error) {
	row, err := client.Participant.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read meeting participant %d: %w", id, err)
	}
	return row, nil
}
