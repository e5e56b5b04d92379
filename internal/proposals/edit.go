package proposals

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/store"
	"yishi/internal/workflow"
)

// Edit is a change to a proposal's text (PATCH /v1/proposals/{id}); nil
// fields stay as they are. Who may change which field is decided by the
// caller (the handler) with workflow.AuthorEditable / StaffEditable.
type Edit struct {
	Title, Body, CategoryCode, Address *string
}

// Apply writes e to p in one transaction, guarded by p's version (409
// proposal.conflict when someone changed it since), with one "edit"
// timeline event whose detail lists every changed field's before and
// after. An edit that changes nothing writes nothing and returns p.
func Apply(ctx context.Context, client *ent.Client, p *ent.Proposal, e Edit, by Actor) (*ent.Proposal, error) {
	changes := map[string]any{}
	diff := func(field string, before string, after *string, set func(string)) {
		if after == nil || *after == before {
			return
		}
		changes[field] = map[string]string{"before": before, "after": *after}
		set(*after)
	}
	if e.Title != nil {
		t := strings.TrimSpace(*e.Title)
		e.Title = &t
	}
	var out *ent.Proposal
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		upd := tx.Proposal.Update().Where(proposal.ID(p.ID), proposal.Version(p.Version))
		diff("title", p.Title, e.Title, func(v string) { upd.SetTitle(v) })
		diff("body", p.Body, e.Body, func(v string) { upd.SetBody(v) })
		diff("category_code", p.CategoryCode, e.CategoryCode, func(v string) { upd.SetCategoryCode(v) })
		diff("address", p.Address, e.Address, func(v string) { upd.SetAddress(v) })
		if len(changes) == 0 {
			out = p
			return nil
		}
		n, err := upd.AddVersion(1).Save(ctx)
		if err != nil {
			return fmt.Errorf("edit proposal %d: %w", p.ID, err)
		}
		if n == 0 {
			return apperr.Conflict("proposal.conflict", "the proposal changed while you edited it; reload it and retry")
		}
		if out, err = tx.Proposal.Get(ctx, p.ID); err != nil {
			return fmt.Errorf("reload proposal %d: %w", p.ID, err)
		}
		return appendEvent(ctx, tx, out, by, "edit", string(p.Status), string(p.Status), "", "",
			map[string]any{"changes": changes})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CheckEditable answers the 409 for an edit the proposal's status rules
// out: nothing is edited once the proposal is closed (terminal), and the
// author's own fields only while draft or needs_revision.
func CheckEditable(p *ent.Proposal, authorFields bool) error {
	st := string(p.Status)
	if !workflow.StaffEditable(st) {
		return apperr.Conflict("proposal.not_editable", "a "+st+" proposal is no longer edited")
	}
	if authorFields && !workflow.AuthorEditable(st) {
		return apperr.Conflict("proposal.not_editable",
			"the author edits a proposal only while it is a draft or returned for revision; it is "+st)
	}
	return nil
}
