package handlers

import (
	"context"
	"fmt"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/households"
	"yishi/internal/units"
)

// householdBatch keeps bulk inserts under SQLite's bound-variable limit.
const householdBatch = 500

// insertHouseholds writes rows (with members[i] for rows[i]) at unit u in
// tx. A listed address is 409 household.exists, enforced by the unique
// index so two imports cannot race past a check.
func insertHouseholds(ctx context.Context, tx *ent.Tx, u *ent.Unit, rows []households.Row, members [][]int) ([]*ent.Household, error) {
	community := units.CommunityPath(u.Path)
	out := make([]*ent.Household, 0, len(rows))
	for start := 0; start < len(rows); start += householdBatch {
		chunk := rows[start:min(start+householdBatch, len(rows))]
		bulk := make([]*ent.HouseholdCreate, 0, len(chunk))
		for _, r := range chunk {
			bulk = append(bulk, tx.Household.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
				SetCommunityPath(community).SetAddress(r.Input.Address).SetFloorArea(r.Input.FloorArea).
				SetOwnerName(r.Input.OwnerName).SetOwnerPhone(r.Input.OwnerPhone))
		}
		hs, err := tx.Household.CreateBulk(bulk...).Save(ctx)
		if ent.IsConstraintError(err) {
			return nil, apperr.Conflict("household.exists", "an address is already listed at this unit")
		}
		if err != nil {
			return nil, fmt.Errorf("insert households: %w", err)
		}
		out = append(out, hs...)
	}
	var links []*ent.HouseholdMemberCreate
	for i, h := range out {
		for _, uid := range members[i] {
			links = append(links, tx.HouseholdMember.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).
				SetUnitPath(u.Path).SetCommunityPath(community).SetHouseholdID(h.ID).SetUserID(uid))
		}
	}
	for start := 0; start < len(links); start += householdBatch {
		if err := tx.HouseholdMember.CreateBulk(links[start:min(start+householdBatch, len(links))]...).Exec(ctx); err != nil {
			return nil, fmt.Errorf("insert household members: %w", err)
		}
	}
	return out, nil
}

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
