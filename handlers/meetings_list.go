package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
)

// listMeetings godoc
//
//	@ID		listMeetings
//	@Summary	List the meetings of a unit's subtree, in calendar order
//	@Description	Meetings held by the unit or any unit below it, by start time. Staff see their subtree; residents see their community's meetings. from and to bound starts_at (RFC 3339 or YYYY-MM-DD; to is exclusive).
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int		true	"unit id"
//	@Param		from		query		string	false	"starts at or after"
//	@Param		to			query		string	false	"starts before"
//	@Param		status		query		string	false	"comma-separated: scheduled, held, cancelled"
//	@Param		format		query		string	false	"meeting format"
//	@Param		series_id	query		int		false	"occurrences of one series"
//	@Param		limit		query		int		false	"page size, 1-200"
//	@Param		cursor		query		string	false	"next_cursor of the previous page"
//	@Success	200			{object}	pageOf[meetingResponse]
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Router		/v1/units/{id}/meetings [get]
func (s *server) listMeetings(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	cur, err := parseMeetingCursor(c)
	if err != nil {
		return err
	}
	filters, err := meetingFilters(c)
	if err != nil {
		return err
	}
	rows, err := meetings.List(c.Request.Context(), s.Store.Client, u.Path, filters,
		meetings.Cursor{StartsAt: cur.StartsAt, ID: cur.ID}, cur.Limit)
	if err != nil {
		return err
	}
	out := pageOf[meetingResponse]{Items: []meetingResponse{}}
	if len(rows) > cur.Limit {
		rows = rows[:cur.Limit]
		last := rows[len(rows)-1]
		out.NextCursor = meetingCursor{StartsAt: last.StartsAt, ID: last.ID}.String()
	}
	for _, m := range rows {
		out.Items = append(out.Items, newMeetingResponse(m))
	}
	c.JSON(http.StatusOK, out)
	return nil
}
