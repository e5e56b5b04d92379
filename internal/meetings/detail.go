package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/proposal"
	"yishi/ent/venue"
	"yishi/internal/viewer"
)

// VenueOf reads the venue m names, or nil. A visible meeting's venue is
// shown even when it belongs to a unit above the reader (a subdistrict
// hall): it is where to go, not tenant data, so it is read as the system,
// but only inside the meeting's tenant.
func VenueOf(ctx context.Context, client *ent.Client, m *ent.Meeting) (*ent.Venue, error) {
	if m.VenueID == nil {
		return nil, nil
	}
	v, err := client.Venue.Query().Where(venue.ID(*m.VenueID), venue.TenantID(m.TenantID)).
		Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load meeting venue: %w", err)
	}
	return v, nil
}

// Agenda lists m's agenda items in their order on the agenda.
func Agenda(ctx context.Context, client *ent.Client, meetingID int) ([]*ent.AgendaItem, error) {
	items, err := client.AgendaItem.Query().Where(agendaitem.MeetingID(meetingID)).
		Order(ent.Asc(agendaitem.FieldPosition), ent.Asc(agendaitem.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load agenda: %w", err)
	}
	return items, nil
}

// ProposalStatuses reads the current status of the items' proposals that
// the caller (client reads through privacy) can see, keyed by proposal id:
// an agenda shows where each proposal stands now.
func ProposalStatuses(ctx context.Context, client *ent.Client, items []*ent.AgendaItem) (map[int]string, error) {
	var ids []int
	for _, it := range items {
		if it.ProposalID != nil {
			ids = append(ids, *it.ProposalID)
		}
	}
	out := map[int]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := client.Proposal.Query().Where(proposal.IDIn(ids...)).
		Select(proposal.FieldID, proposal.FieldStatus).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read agenda proposals: %w", err)
	}
	for _, p := range rows {
		out[p.ID] = string(p.Status)
	}
	return out, nil
}

// AgendaProposals reads the proposals of ids the caller can see, so the
// handler can decide proposal:schedule where each is handled before they
// go on an agenda. Those the caller cannot see are left to the agenda's
// own field error.
func AgendaProposals(ctx context.Context, client *ent.Client, ids []int) ([]*ent.Proposal, error) {
	ps, err := client.Proposal.Query().Where(proposal.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load agenda proposals: %w", err)
	}
	return ps, nil
}
