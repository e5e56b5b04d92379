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

// Patch is a partial update; nil fields keep their value. Kind and code
// never change, because screening flags and statistics refer to them.
type Patch struct {
	Title       *string
	TitleEn     *string
	Description *string
	Keywords    *[]string
	Status      *listitem.Status
}

// ErrStale is returned when the item changed after the caller read it.
func ErrStale() error {
	return apperr.New(apperr.KindPreconditionFailed, "list_item.stale",
		"the list item changed since it was read; read it again and reapply the change")
}

// Update applies p to cur only if the row is still exactly as cur was read
// (a compare-and-swap on updated_at), so of two editors working from the
// same copy the second gets ErrStale instead of silently overwriting.
func Update(ctx context.Context, tx *ent.Tx, cur *ent.ListItem, p Patch, now time.Time) (*ent.ListItem, error) {
	if p.Keywords != nil && len(*p.Keywords) == 0 && cur.Kind == listitem.KindNegative {
		return nil, apperr.Invalid(apperr.FieldError{Field: "keywords", Message: "a negative item needs at least one keyword"})
	}
	u := tx.ListItem.UpdateOneID(cur.ID).Where(listitem.UpdatedAt(cur.UpdatedAt)).SetUpdatedAt(storedTime(now))
	if p.Title != nil {
		u.SetTitle(strings.TrimSpace(*p.Title))
	}
	if p.TitleEn != nil {
		u.SetTitleEn(strings.TrimSpace(*p.TitleEn))
	}
	if p.Description != nil {
		u.SetDescription(strings.TrimSpace(*p.Description))
	}
	if p.Keywords != nil {
		u.SetKeywords(*p.Keywords)
	}
	if p.Status != nil {
		u.SetStatus(*p.Status)
	}
	it, err := u.Save(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrStale()
	}
	if err != nil {
		return nil, fmt.Errorf("update list item: %w", err)
	}
	return it, nil
}
