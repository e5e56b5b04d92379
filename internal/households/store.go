package households

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/household"
	"yishi/ent/householdmember"
	"yishi/internal/apperr"
	"yishi/internal/members"
	"yishi/internal/units"
)

// householdBatch keeps bulk inserts under SQLite's bound-variable limit.
const householdBatch = 500

// Insert writes rows (with members[i] for rows[i]) at unit u in
// tx. A listed address is 409 household.exists, enforced by the unique
// index so two imports cannot race past a check.
func Insert(ctx context.Context, tx *ent.Tx, u *ent.Unit, rows []Row, members [][]int) ([]*ent.Household, error) {
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

// List reads up to limit+1 households of the subtree at unitPath after id
// after, oldest first.
func List(ctx context.Context, client *ent.Client, unitPath string, after, limit int) ([]*ent.Household, error) {
	rows, err := client.Household.Query().Where(household.UnitPathHasPrefix(unitPath), household.IDGT(after)).
		Order(ent.Asc(household.FieldID)).Limit(limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list households: %w", err)
	}
	return rows, nil
}

// MembersOf reads the member user ids of rows in one query, keyed by
// household id, so a page of households costs two queries.
func MembersOf(ctx context.Context, client *ent.Client, rows []*ent.Household) (map[int][]int, error) {
	out := map[int][]int{}
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int, 0, len(rows))
	for _, h := range rows {
		ids = append(ids, h.ID)
	}
	ms, err := client.HouseholdMember.Query().Where(householdmember.HouseholdIDIn(ids...)).
		Order(ent.Asc(householdmember.FieldUserID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list household members: %w", err)
	}
	for _, m := range ms {
		out[m.HouseholdID] = append(out[m.HouseholdID], m.UserID)
	}
	return out, nil
}

// KnownUsers returns those of ids that name users known to the tenant
// (members.KnownToTenant): only they may cast a household's ballot, and a
// user of another tenant reads like nobody.
func KnownUsers(ctx context.Context, client *ent.Client, tenantID int, ids []int) ([]int, error) {
	found, err := members.KnownToTenant(ctx, client, tenantID, ids)
	if err != nil {
		return nil, fmt.Errorf("check household members: %w", err)
	}
	return found, nil
}

// UsersByPhone maps those of phones that belong to users known to the
// tenant to their ids, for an import that names members by phone. An
// unregistered phone and a phone of another tenant's user are both absent,
// so the import's row errors cannot tell them apart (issue 15).
func UsersByPhone(ctx context.Context, client *ent.Client, tenantID int, phones []string) (map[string]int, error) {
	out, err := members.KnownPhones(ctx, client, tenantID, phones)
	if err != nil {
		return nil, fmt.Errorf("resolve member phones: %w", err)
	}
	return out, nil
}

// ListedAddresses returns those of addresses already listed at the unit,
// so an import reports them per row before writing anything.
func ListedAddresses(ctx context.Context, client *ent.Client, unitID int, addresses []string) ([]string, error) {
	listed, err := client.Household.Query().Where(household.UnitID(unitID), household.AddressIn(addresses...)).
		Select(household.FieldAddress).Strings(ctx)
	if err != nil {
		return nil, fmt.Errorf("read listed addresses: %w", err)
	}
	return listed, nil
}
