package households

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/household"
	"yishi/ent/householdmember"
	"yishi/ent/user"
	"yishi/internal/apperr"
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

// KnownUsers returns those of ids that name registered users: only they
// may cast a household's ballot.
func KnownUsers(ctx context.Context, client *ent.Client, ids []int) ([]int, error) {
	found, err := client.User.Query().Where(user.IDIn(ids...)).IDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("check household members: %w", err)
	}
	return found, nil
}

// UsersByPhone maps the phones of registered users among phones to their
// ids, for an import that names members by phone.
func UsersByPhone(ctx context.Context, client *ent.Client, phones []string) (map[string]int, error) {
	users, err := client.User.Query().Where(user.PhoneIn(phones...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("resolve member phones: %w", err)
	}
	out := map[string]int{}
	for _, u := range users {
		out[u.Phone] = u.ID
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
