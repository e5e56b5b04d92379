// Package units builds and reads the tenant tree: subdistricts (tenant
// roots), communities and grids, each with a materialized path.
package units

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// levelPrefix is the letter a level's ids carry in paths: s12/c345/g6/.
func levelPrefix(l unit.Level) string {
	switch l {
	case unit.LevelSubdistrict:
		return "s"
	case unit.LevelCommunity:
		return "c"
	}
	return "g"
}

// ChildLevel is the only level a child of parent may have; ok is false for
// a grid, which has no children.
func ChildLevel(parent unit.Level) (unit.Level, bool) {
	switch parent {
	case unit.LevelSubdistrict:
		return unit.LevelCommunity, true
	case unit.LevelCommunity:
		return unit.LevelGrid, true
	}
	return "", false
}

var codePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// ValidateCode reports why code is unusable, or "" when it is fine. Codes
// appear in URLs and exports, so they are short ASCII slugs.
func ValidateCode(code string) string {
	if code == "" {
		return "must not be empty"
	}
	if !codePattern.MatchString(code) {
		return "must be 1-64 letters, digits, '-' or '_', starting with a letter or digit"
	}
	return ""
}

// ValidateName reports why a display name is unusable, or "".
func ValidateName(name string) string {
	n := utf8.RuneCountInString(name)
	switch {
	case strings.TrimSpace(name) == "":
		return "must not be empty"
	case n > 200:
		return "must be at most 200 characters"
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "must not contain control characters"
	}
	return ""
}

// Input is what a caller supplies for a new unit.
type Input struct {
	Name string
	Code string
}

// CreateTenant creates a subdistrict, the root of a new tenant.
func CreateTenant(ctx context.Context, tx *ent.Tx, in Input) (*ent.Unit, error) {
	return create(ctx, tx, nil, unit.LevelSubdistrict, in)
}

// CreateChild creates the next level down under parent.
func CreateChild(ctx context.Context, tx *ent.Tx, parent *ent.Unit, in Input) (*ent.Unit, error) {
	level, ok := ChildLevel(parent.Level)
	if !ok {
		return nil, apperr.New(apperr.KindUnprocessable, "unit.no_child_level",
			"a grid is the lowest level and cannot have children")
	}
	return create(ctx, tx, parent, level, in)
}

// create inserts the row with its parent's path (so privacy can check the
// parent is in scope), then completes path and tenant_id from the new id.
func create(ctx context.Context, tx *ent.Tx, parent *ent.Unit, level unit.Level, in Input) (*ent.Unit, error) {
	b := tx.Unit.Create().SetLevel(level).SetName(strings.TrimSpace(in.Name)).SetCode(in.Code)
	parentPath := ""
	if parent != nil {
		b.SetParentID(parent.ID).SetTenantID(parent.TenantID)
		parentPath = parent.Path
	}
	u, err := b.SetPath(parentPath).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("unit.code_taken", fmt.Sprintf("code %q is already used at this level", in.Code))
	}
	if err != nil {
		return nil, fmt.Errorf("create unit: %w", err)
	}
	tenantID := u.TenantID
	if parent == nil {
		tenantID = u.ID
	}
	path := fmt.Sprintf("%s%s%d/", parentPath, levelPrefix(level), u.ID)
	u, err = tx.Unit.UpdateOne(u).SetPath(path).SetTenantID(tenantID).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("set unit path: %w", err)
	}
	return u, nil
}

// CommunityPath cuts a unit path to its community ("s1/c4/g9/" → "s1/c4/");
// a community or subdistrict path is its own. Residents see the proposals
// of their community, so rows carry this prefix.
func CommunityPath(path string) string { return viewer.CommunityOf(path) }
