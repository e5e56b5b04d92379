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
