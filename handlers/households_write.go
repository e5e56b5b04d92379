package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
)

// auditHouseholds records a household change: floor areas decide Art. 278
// votes, so who entered them must be on record.
// A single household is the target; an import targets the unit.
func (s *server) auditHouseholds(c *gin.Context, tx *ent.Tx, u *ent.Unit, action string, householdID, n int) error {
	targetType, target := "household", householdID
	if householdID == 0 {
		targetType, target = "unit", u.ID
	}
	return audit.Record(c.Request.Context(), tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path,
		Actor: caller(c).Subject, Action: action, TargetType: targetType, TargetID: target,
		RequestID: requestID(c), Detail: map[string]any{"households": n}})
}

// auditHousehold records who entered household h with its floor area and
// members, in the creating transaction: the area weighs Art. 278 votes
// and the members cast its ballot, so both must be traceable to a person
// (issue 15). The owner's name and phone stay out of the log.
func (s *server) auditHousehold(c *gin.Context, tx *ent.Tx, u *ent.Unit, h *ent.Household, members []int) error {
	if members == nil {
		members = []int{}
	}
	return audit.Record(c.Request.Context(), tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path,
		Actor: caller(c).Subject, Action: "household.create", TargetType: "household", TargetID: h.ID,
		RequestID: requestID(c), Detail: map[string]any{"households": 1, "address": h.Address,
			"floor_area": h.FloorArea, "member_user_ids": members}})
}
