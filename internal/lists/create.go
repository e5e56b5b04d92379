package lists

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/internal/apperr"
)

// Input is a new item as the subdistrict defines it; the HTTP layer has
// already validated every field with the Validate functions.
type Input struct {
	Kind        listitem.Kind
	Code        string
	Title       string
	TitleEn     string
	Description string
	Keywords    []string
}

// Create adds an item to the tenant's lists after the last one of its kind.
// A code already used for that kind in the tenant, retired or not, is a
// 409: retired codes stay reserved so old screening flags keep their meaning.
func Create(ctx context.Context, tx *ent.Tx, tenant *ent.Unit, in Input, now time.Time) (*ent.ListItem, error) {
	last, err := tx.ListItem.Query().Where(listitem.TenantID(tenant.ID), listitem.KindEQ(in.Kind)).
		Order(ent.Desc(listitem.FieldPosition)).First(ctx)
	position := 1
	switch {
	case err == nil:
		position = last.Position + 1
	case !ent.IsNotFound(err):
		return nil, fmt.Errorf("find last list position: %w", err)
	}
	keywords := in.Keywords
	if keywords == nil {
		keywords = []string{}
	}
	at := storedTime(now)
	it, err := tx.ListItem.Create().
		SetTenantID(tenant.ID).SetUnitID(tenant.ID).SetUnitPath(tenant.Path).
		SetKind(in.Kind).SetCode(in.Code).SetTitle(strings.TrimSpace(in.Title)).
		SetTitleEn(strings.TrimSpace(in.TitleEn)).SetDescription(strings.TrimSpace(in.Description)).
		SetKeywords(keywords).SetPosition(position).SetCreatedAt(at).SetUpdatedAt(at).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("list_item.code_taken",
			fmt.Sprintf("code %q is already used in the %s list", in.Code, in.Kind))
	}
	if err != nil {
		return nil, fmt.Errorf("create list item: %w", err)
	}
	return it, nil
}

// storedTime is now as the database will keep it. PostgreSQL stores
// microseconds, so truncating first makes the row returned by a write, and
// any version derived from its updated_at, equal to what a later read sees.
func storedTime(now time.Time) time.Time { return now.UTC().Truncate(time.Microsecond) }
