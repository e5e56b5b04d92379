package meetings

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
	"yishi/internal/units"
)

// Formats are the meeting formats of the article, in the order the API
// documents them.
func Formats() []string {
	return []string{"deliberation", "tuesday_talk", "face_to_face", "hearing", "report_meeting"}
}

// NewMeeting is a meeting, or the first occurrence of a series, to hold
// at Unit. ProposalIDs become the agenda (of a single meeting only).
type NewMeeting struct {
	Unit        *ent.Unit
	Title       string
	Format      string
	VenueID     *int
	StartsAt    time.Time
	EndsAt      *time.Time
	ConvenerID  *int
	Rule        *Rule
	ProposalIDs []int
}

// Create writes the meeting, or every occurrence of its series (each with
// series_id = the first occurrence's id and the same duration), and its
// agenda, in tx. It returns the occurrences in time order.
func Create(ctx context.Context, tx *ent.Tx, n NewMeeting, by proposals.Actor) ([]*ent.Meeting, error) {
	if err := checkVenue(ctx, tx, n.Unit.TenantID, n.VenueID, "venue_id"); err != nil {
		return nil, err
	}
	starts := []time.Time{n.StartsAt}
	if n.Rule != nil {
		var err error
		if starts, err = n.Rule.Expand(n.StartsAt); err != nil {
			return nil, err
		}
	}
	out := make([]*ent.Meeting, 0, len(starts))
	for i, at := range starts {
		c := tx.Meeting.Create().SetTenantID(n.Unit.TenantID).SetUnitID(n.Unit.ID).SetUnitPath(n.Unit.Path).
			SetCommunityPath(units.CommunityPath(n.Unit.Path)).SetTitle(strings.TrimSpace(n.Title)).
			SetFormat(meeting.Format(n.Format)).SetNillableVenueID(n.VenueID).SetStartsAt(at.UTC()).
			SetNillableConvenerID(n.ConvenerID)
		if n.EndsAt != nil {
			end := at.Add(n.EndsAt.Sub(n.StartsAt)).UTC()
			if !Representable(end) { // a late occurrence of a series can end past 9999
				return nil, apperr.Invalid(apperr.FieldError{Field: "ends_at", Message: "must be in the years 0001 to 9999 (UTC) for every occurrence"})
			}
			c.SetEndsAt(end)
		}
		if n.Rule != nil {
			c.SetRecurrence(n.Rule.String())
			if i > 0 {
				c.SetSeriesID(out[0].ID)
			}
		}
		m, err := c.Save(ctx)
		if err != nil {
			return nil, fmt.Errorf("create meeting: %w", err)
		}
		if n.Rule != nil && i == 0 {
			if m, err = tx.Meeting.UpdateOne(m).SetSeriesID(m.ID).Save(ctx); err != nil {
				return nil, fmt.Errorf("start series: %w", err)
			}
		}
		out = append(out, m)
	}
	for _, pid := range n.ProposalIDs {
		if _, err := AddAgendaItem(ctx, tx, out[0], AgendaInput{ProposalID: &pid, Field: "proposal_ids"}, by); err != nil {
			return nil, err
		}
	}
	return out, nil
}
