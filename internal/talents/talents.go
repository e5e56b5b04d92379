// Package talents is the talent registry (能人): the resident activists
// a subdistrict finds on home visits, at activities, by self-registration
// or recommendation, their skills and growth records, and what they have
// done on the platform, which is counted from the platform's own rows and
// never typed in. Talents match proposals by skill (suggest.go).
package talents

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/talent"
	"yishi/internal/apperr"
)

// Sources are how a talent was found (DESIGN: 走访, 活动, 自主报名, 推荐).
func Sources() []string {
	return []string{"home_visit", "activity", "self_registration", "recommendation"}
}

// RecordKinds are the kinds of growth record.
func RecordKinds() []string { return []string{"training", "micro_venture", "award", "role"} }

// New is a talent to record; the HTTP layer validated it.
type New struct {
	UserID         *int
	Name           string
	Skills         []string
	Source         string
	FoundBy        *int
	FoundAt        time.Time
	Profile        string
	ContactConsent bool
}

// Patch changes a talent; nil fields stay.
type Patch struct {
	UserID         *int
	Name           *string
	Skills         []string
	Source         *string
	Profile        *string
	ContactConsent *bool
	UnitID         *int
	UnitPath       *string
}

// NormalizeSkills trims, drops empties and repeats, keeping the order.
func NormalizeSkills(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// skillIndex is the "|木工|法律|" form a LIKE filter matches one tag in.
func skillIndex(skills []string) string {
	if len(skills) == 0 {
		return ""
	}
	return "|" + strings.Join(skills, "|") + "|"
}

// Create records in at u. A registered person already recorded in the
// tenant is 409 talent.exists.
func Create(ctx context.Context, client *ent.Client, u *ent.Unit, in New) (*ent.Talent, error) {
	skills := NormalizeSkills(in.Skills)
	t, err := client.Talent.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetNillableUserID(in.UserID).SetName(strings.TrimSpace(in.Name)).SetSkills(skills).
		SetSkillIndex(skillIndex(skills)).SetSource(talent.Source(in.Source)).SetNillableFoundBy(in.FoundBy).
		SetFoundAt(in.FoundAt.UTC()).SetProfile(in.Profile).SetContactConsent(in.ContactConsent).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errExists()
	}
	if err != nil {
		return nil, fmt.Errorf("create talent: %w", err)
	}
	return t, nil
}

func errExists() error {
	return apperr.Conflict("talent.exists", "this person is already recorded as a talent in the tenant")
}

// Get reads the talent with id as the caller in ctx (privacy applies).
func Get(ctx context.Context, client *ent.Client, id int) (*ent.Talent, error) {
	return client.Talent.Get(ctx, id)
}

// Update applies p to t.
func Update(ctx context.Context, client *ent.Client, t *ent.Talent, p Patch) (*ent.Talent, error) {
	up := client.Talent.UpdateOne(t)
	if p.UserID != nil {
		up.SetUserID(*p.UserID)
	}
	if p.Name != nil {
		up.SetName(strings.TrimSpace(*p.Name))
	}
	if p.Skills != nil {
		skills := NormalizeSkills(p.Skills)
		up.SetSkills(skills).SetSkillIndex(skillIndex(skills))
	}
	if p.Source != nil {
		up.SetSource(talent.Source(*p.Source))
	}
	if p.Profile != nil {
		up.SetProfile(*p.Profile)
	}
	if p.ContactConsent != nil {
		up.SetContactConsent(*p.ContactConsent)
	}
	if p.UnitID != nil && p.UnitPath != nil {
		up.SetUnitID(*p.UnitID).SetUnitPath(*p.UnitPath)
	}
	out, err := up.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errExists()
	}
	if err != nil {
		return nil, fmt.Errorf("update talent %d: %w", t.ID, err)
	}
	return out, nil
}

// Filter narrows a subtree list.
type Filter struct {
	Skill  string
	Source string
	UnitID int
}

// InSubtree returns up to limit talents recorded at path or below whose id
// is above after, oldest first, narrowed by f.
func InSubtree(ctx context.Context, client *ent.Client, path string, f Filter, after, limit int) ([]*ent.Talent, error) {
	q := client.Talent.Query().Where(talent.UnitPathHasPrefix(path), talent.IDGT(after))
	if f.Skill != "" {
		q.Where(talent.SkillIndexContains("|" + f.Skill + "|"))
	}
	if f.Source != "" {
		q.Where(talent.SourceEQ(talent.Source(f.Source)))
	}
	if f.UnitID > 0 {
		q.Where(talent.UnitID(f.UnitID))
	}
	rows, err := q.Order(ent.Asc(talent.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list talents under %s: %w", path, err)
	}
	return rows, nil
}

// UserIDsWithSkill returns the linked users of the talents under path
// holding skill: the member list's talent filter.
func UserIDsWithSkill(ctx context.Context, client *ent.Client, path, skill string) ([]int, error) {
	ids, err := client.Talent.Query().Where(talent.UnitPathHasPrefix(path),
		talent.SkillIndexContains("|"+skill+"|"), talent.UserIDNotNil()).
		Select(talent.FieldUserID).Ints(ctx)
	if err != nil {
		return nil, fmt.Errorf("talents with skill %q: %w", skill, err)
	}
	return ids, nil
}
