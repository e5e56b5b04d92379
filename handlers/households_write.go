package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
)

// auditHousehold records who entered household h with its floor area and
// members, in the creating transaction: the area weighs Art. 278 votes
// and the members cast its ballot, so both must be traceable to a person
// (issue 15). The owner's name and phone stay out of the log.
func (s *server) auditHousehold(c *gin.Context, tx *ent.Tx, u *ent.Unit, h *ent.Household, members []int) error {
	return audit.Record(c.Request.Context(), tx, householdEntry(c, u, h, members, ""))
}

// auditImported records each imported household as auditHousehold does,
// marked via "import", in the import's transaction and in bulk (a few
// statements for a file of thousands of rows): who set a household's area
// and members is then found the same way however it was entered.
func (s *server) auditImported(c *gin.Context, tx *ent.Tx, u *ent.Unit, hs []*ent.Household, members [][]int) error {
	es := make([]audit.Entry, len(hs))
	for i, h := range hs {
		es[i] = householdEntry(c, u, h, members[i], "import")
	}
	return audit.RecordAll(c.Request.Context(), tx, es)
}

// householdEntry is the household.create entry for h; via names the path
// that wrote it when it is not the single-household route.
func householdEntry(c *gin.Context, u *ent.Unit, h *ent.Household, members []int, via string) audit.Entry {
	if members == nil {
		members = []int{}
	}
	detail := map[string]any{"households": 1, "address": h.Address, "floor_area": h.FloorArea, "member_user_ids": members}
	if via != "" {
		detail["via"] = via
	}
	return audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: caller(c).Subject, Action: "household.create",
		TargetType: "household", TargetID: h.ID, RequestID: requestID(c), Detail: detail}
}
