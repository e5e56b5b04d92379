package handlers

import (
	"fmt"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/proposal"
	"yishi/ent/venue"
	"yishi/internal/meetings"
	"yishi/internal/viewer"
)

// meetingDetail assembles the venue, agenda and attendance of m, and what
// the caller may do to it now.
func (s *server) meetingDetail(c *gin.Context, m *ent.Meeting) (meetingDetailResponse, error) {
	ctx := c.Request.Context()
	out := meetingDetailResponse{meetingResponse: newMeetingResponse(m), Agenda: []agendaItemResponse{},
		AllowedActions: s.allowedActions(c, meetingAccess(m), meetingActionList(m, s.now()))}
	if m.VenueID != nil {
		// The venue a visible meeting names is shown even when it belongs
		// to a unit above the reader (a subdistrict hall): it is where to
		// go, not tenant data. The read stays inside the meeting's tenant.
		v, err := s.Store.Client.Venue.Query().Where(venue.ID(*m.VenueID), venue.TenantID(m.TenantID)).
			Only(viewer.SystemContext(ctx))
		if err != nil && !ent.IsNotFound(err) {
			return out, fmt.Errorf("load meeting venue: %w", err)
		}
		if v != nil {
			vr := newVenueResponse(v)
			out.Venue = &vr
		}
	}
	items, err := s.Store.Client.AgendaItem.Query().Where(agendaitem.MeetingID(m.ID)).
		Order(ent.Asc(agendaitem.FieldPosition), ent.Asc(agendaitem.FieldID)).All(ctx)
	if err != nil {
		return out, fmt.Errorf("load agenda: %w", err)
	}
	status, err := s.agendaStatuses(c, items)
	if err != nil {
		return out, err
	}
	for _, it := range items {
		out.Agenda = append(out.Agenda, newAgendaItemResponse(it, agendaStatus(it, status)))
	}
	att, err := meetings.CountAttendance(ctx, s.Store.Client, m.ID)
	if err != nil {
		return out, fmt.Errorf("count attendance: %w", err)
	}
	out.Participants = newAttendanceResponse(att)
	return out, nil
}

// agendaStatuses reads the current status of the agenda's proposals that
// the caller can see.
func (s *server) agendaStatuses(c *gin.Context, items []*ent.AgendaItem) (map[int]string, error) {
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
	rows, err := s.Store.Client.Proposal.Query().Where(proposal.IDIn(ids...)).
		Select(proposal.FieldID, proposal.FieldStatus).All(c.Request.Context())
	if err != nil {
		return nil, fmt.Errorf("read agenda proposals: %w", err)
	}
	for _, p := range rows {
		out[p.ID] = string(p.Status)
	}
	return out, nil
}

// agendaStatus is the status of it's proposal in status, "" for a free
// item or a proposal the caller cannot see.
func agendaStatus(it *ent.AgendaItem, status map[int]string) string {
	if it.ProposalID == nil {
		return ""
	}
	return status[*it.ProposalID]
}
