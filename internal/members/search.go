package members

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"yishi/ent"
	"yishi/ent/membership"
	"yishi/ent/predicate"
	"yishi/ent/user"
)

// Filter narrows a subtree member list. Q matches a name (substring) or a
// full phone (exact: a partial phone finds nobody, so the list cannot be
// used to walk the numbers). UserIDs, when not nil, keeps only those
// users (the talent-skill filter).
type Filter struct {
	Q        string
	Identity string
	UnitID   int
	UserIDs  []int
}

// InSubtree returns up to limit members of units at path or below whose
// id is above after, oldest first, each with its user, narrowed by f. It
// reads as the caller: privacy keeps the rows in the caller's scopes, so
// a phone of another tenant's resident finds nothing, like an unknown one.
func InSubtree(ctx context.Context, client *ent.Client, path string, f Filter, after, limit int) ([]*ent.Membership, error) {
	where := []predicate.Membership{membership.UnitPathHasPrefix(path)}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, membership.HasUserWith(user.Or(user.NameContains(q), user.Phone(q))))
	}
	if f.UnitID > 0 {
		where = append(where, membership.UnitID(f.UnitID))
	}
	if f.UserIDs != nil {
		where = append(where, membership.UserIDIn(f.UserIDs...))
	}
	// Identities are a JSON list, which the two databases search
	// differently; they are filtered here, a batch at a time.
	batch := max(limit, 100)
	out := make([]*ent.Membership, 0, limit)
	for {
		rows, err := client.Membership.Query().Where(append(where, membership.IDGT(after))...).WithUser().
			Order(ent.Asc(membership.FieldID)).Limit(batch).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("list members under %s: %w", path, err)
		}
		for _, m := range rows {
			if f.Identity == "" || slices.Contains(m.Identities, f.Identity) {
				out = append(out, m)
				if len(out) == limit {
					return out, nil
				}
			}
		}
		if len(rows) < batch {
			return out, nil
		}
		after = rows[len(rows)-1].ID
	}
}
