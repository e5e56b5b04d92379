package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
)

// meetingDetail assembles the venue, agenda and attendance of m, and what
// the caller may do to it now.
func (s *server) meetingDetail(c *gin.Context, m *ent.Meeting) (meetingDetailResponse, error) {
	ctx := c.Request.Context()
	out := meetingDetailResponse{meetingResponse: newMeetingResponse(m), Agenda: []agendaItemResponse{},
		AllowedActions: s.allowedActions(c, meetingAccess(m), meetingActionList(m, s.now()))}
	v, err := meetings.VenueOf(ctx, s.Store.Client, m)
	if err != nil {
		return out, err
	}
	if v != nil {
		vr := newVenueResponse(v)
		out.Venue = &vr
	}
	items, err := meetings.Agenda(ctx, s.Store.Client, m.ID)
	if err != nil {
		return out, err
	}
	status, err := meetings.ProposalStatuses(ctx, s.Store.Client, items)
	if err != nil {
		return out, err
	}
	for _, it := range items {
		out.Agenda = append(out.Agenda, newAgendaItemResponse(it, agendaStatus(it, status)))
	}
	att, err := meetings.CountAttendance(ctx, s.Store.Client, m.ID)
	if err != nil {
		return out, err
	}
	out.Participants = newAttendanceResponse(att)
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
