package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/proposal"
	"yishi/ent/venue"
	"yishi/internal/meetings"
	"yishi/internal/viewer"
)

// meetingDetail assembles the venue, agenda and attendance of m.
func (s *server) meetingDetail(c *gin.Context, m *ent.Meeting) (meetingDetailResponse, error) {
	ctx := c.Request.Context()
	out := meetingDetailResponse{meetingResponse: newMeetingResponse(m), Agenda: []agendaItemResponse{}}
	if m.VenueID != nil {
		// The venue a visible meeting names is shown even when it belongs
		// to a unit above the reader (a subdistrict hall): it is where to
		// go, not tenant data. The read stays inside the meeting's tenant.
		v, err := s.Store.Client.Venue.Query().Where(venue.ID(*m.VenueID), venue.TenantID(m.TenantID)).
			Only(viewer.SystemContext(ctx))
		if err != nil && !ent.IsNotFound(err) {
			return out, err
		}
		if v != nil {
			vr := newVenueResponse(v)
			out.Venue = &vr
		}
	}
	items, err := s.Store.Client.AgendaItem.Query().Where(agendaitem.MeetingID(m.ID)).
		Order(ent.Asc(agendaitem.FieldPosition), ent.Asc(agendaitem.FieldID)).All(ctx)
	if err != nil {
		return out, err
	}
	status, err := s.agendaStatuses(c, items)
	if err != nil {
		return out, err
	}
	for _, it := range items {
		st := ""
		if it.ProposalID != nil {
			st = status[*it.ProposalID]
		}
		out.Agenda = append(out.Agenda, newAgendaItemResponse(it, st))
	}
	att, err := meetings.CountAttendance(ctx, s.Store.Client, m.ID)
	out.Participants = newAttendanceResponse(att)
	return out, err
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
	for _, p := range rows {
		out[p.ID] = string(p.Status)
	}
	return out, err
}
