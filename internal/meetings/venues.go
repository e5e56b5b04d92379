package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/venue"
	"yishi/internal/apperr"
	"yishi/internal/units"
)

// NewVenue is a place where residents already gather, registered at a
// unit so meetings can name it.
type NewVenue struct {
	Name     string
	Kind     string
	Address  string
	Capacity *int
}

// VenueChange holds the fields of a venue to change; nil keeps a value.
type VenueChange struct {
	Name     *string
	Address  *string
	Capacity *int
	Status   *string
}

func errVenueNameTaken() error {
	return apperr.Conflict("venue.name_taken", "a venue with this name exists at this unit")
}

// CreateVenue registers n at u. Names are unique within a unit, enforced
// by the unique index (409 venue.name_taken).
func CreateVenue(ctx context.Context, client *ent.Client, u *ent.Unit, n NewVenue) (*ent.Venue, error) {
	v, err := client.Venue.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(units.CommunityPath(u.Path)).SetName(n.Name).SetKind(venue.Kind(n.Kind)).
		SetAddress(n.Address).SetNillableCapacity(n.Capacity).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errVenueNameTaken()
	}
	if err != nil {
		return nil, fmt.Errorf("create venue: %w", err)
	}
	return v, nil
}

// UpdateVenue applies ch to v; retiring a venue keeps it on the meetings
// already there.
func UpdateVenue(ctx context.Context, client *ent.Client, v *ent.Venue, ch VenueChange) (*ent.Venue, error) {
	upd := client.Venue.UpdateOne(v).SetNillableCapacity(ch.Capacity).SetNillableName(ch.Name).
		SetNillableAddress(ch.Address)
	if ch.Status != nil {
		upd.SetStatus(venue.Status(*ch.Status))
	}
	out, err := upd.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errVenueNameTaken()
	}
	if err != nil {
		return nil, fmt.Errorf("update venue: %w", err)
	}
	return out, nil
}

// Venues reads up to limit+1 venues of the subtree at unitPath after id
// after, oldest first; status ("active", "retired" or "") filters.
func Venues(ctx context.Context, client *ent.Client, unitPath, status string, after, limit int) ([]*ent.Venue, error) {
	q := client.Venue.Query().Where(venue.UnitPathHasPrefix(unitPath), venue.IDGT(after))
	if status != "" {
		q.Where(venue.StatusEQ(venue.Status(status)))
	}
	rows, err := q.Order(ent.Asc(venue.FieldID)).Limit(limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list venues: %w", err)
	}
	return rows, nil
}
