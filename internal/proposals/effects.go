package proposals

import (
	"context"
	"fmt"
	"slices"
	"time"

	"yishi/ent"
	"yishi/ent/cosignature"
	"yishi/ent/listitem"
	"yishi/ent/proposal"
	"yishi/ent/schema/schematype"
	"yishi/ent/unit"
	"yishi/internal/apperr"
	"yishi/internal/lists"
	"yishi/internal/viewer"
	"yishi/internal/workflow"
)

// tenantListItems reads the subdistrict's lists. They are tenant-wide
// reference data that a grid-level caller's privacy scope would hide, so
// this is a deliberate system read, limited to the proposal's tenant.
func tenantListItems(ctx context.Context, tx *ent.Tx, tenantID int) ([]*ent.ListItem, error) {
	items, err := tx.ListItem.Query().Where(listitem.TenantID(tenantID)).
		Order(ent.Asc(listitem.FieldPosition), ent.Asc(listitem.FieldCode)).All(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("load lists: %w", err)
	}
	return items, nil
}

// screenChange screens the proposal against its tenant's lists on submit
// and resubmit; the flags inform reviewers and never decide.
func screenChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal) (change, error) {
	items, err := tenantListItems(ctx, tx, p.TenantID)
	if err != nil {
		return change{}, err
	}
	flags := lists.Screen(p.Title, p.Body, p.CategoryCode, items)
	if flags == nil {
		flags = []schematype.ScreeningFlag{}
	}
	return change{
		set:    func(u *ent.ProposalUpdate) { u.SetScreeningFlags(flags) },
		detail: map[string]any{"screening_flags": len(flags)},
	}, nil
}

// checkDeadline refuses a joint proposal's co-signature or submission
// once its deadline has passed, even before the lapse job (which runs
// every minute) has moved it to lapsed.
func checkDeadline(p *ent.Proposal) error {
	if p.CosignDeadline != nil && !time.Now().Before(*p.CosignDeadline) {
		return apperr.Conflict("proposal.deadline_passed", "the co-signature deadline has passed")
	}
	return nil
}

// cosignChange records the caller's co-signature. The unique index makes
// a second signature fail, whatever the timing.
func cosignChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal, by Actor) (change, error) {
	if by.UserID == 0 {
		return change{}, apperr.Forbidden("only a person can co-sign")
	}
	if p.AuthorID != nil && *p.AuthorID == by.UserID {
		return change{}, apperr.Conflict("proposal.own_proposal", "authors do not co-sign their own proposal")
	}
	if err := checkDeadline(p); err != nil {
		return change{}, err
	}
	err := tx.Cosignature.Create().SetProposalID(p.ID).SetUserID(by.UserID).Exec(ctx)
	if ent.IsConstraintError(err) {
		return change{}, apperr.Conflict("proposal.already_cosigned", "you have already co-signed this proposal")
	}
	if err != nil {
		return change{}, fmt.Errorf("cosign: %w", err)
	}
	threshold := 0
	if p.CosignThreshold != nil {
		threshold = *p.CosignThreshold
	}
	return change{
		input: workflow.Input{CosignCount: p.CosignCount + 1, CosignThreshold: threshold},
		set:   func(u *ent.ProposalUpdate) { u.AddCosignCount(1) },
	}, nil
}

// rejectChange requires a reason, and a negative-list code when screening
// matched negative items; a given code must name a negative item.
func rejectChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal, in TransitionInput) (change, error) {
	if err := requireNote(in, "residents see why their proposal was rejected"); err != nil {
		return change{}, err
	}
	var flagged []string
	for _, f := range p.ScreeningFlags {
		if f.Kind == "negative" {
			flagged = append(flagged, f.Code)
		}
	}
	if in.ReasonCode == "" && len(flagged) > 0 {
		return change{}, apperr.Invalid(apperr.FieldError{Field: "reason_code",
			Message: fmt.Sprintf("is required: screening matched negative-list items %v", flagged)})
	}
	if in.ReasonCode != "" {
		items, err := tenantListItems(ctx, tx, p.TenantID)
		if err != nil {
			return change{}, err
		}
		if !slices.ContainsFunc(items, func(i *ent.ListItem) bool {
			return i.Kind == listitem.KindNegative && i.Code == in.ReasonCode
		}) {
			return change{}, apperr.Invalid(apperr.FieldError{Field: "reason_code", Message: "is not a negative-list code of this subdistrict"})
		}
	}
	return change{set: func(u *ent.ProposalUpdate) { u.SetReasonCode(in.ReasonCode) }}, nil
}

// escalateChange moves the handling unit up one level.
func escalateChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal) (change, error) {
	cur, err := tx.Unit.Query().Where(unit.ID(p.UnitID)).Only(viewer.SystemContext(ctx))
	if err != nil {
		return change{}, fmt.Errorf("load handling unit: %w", err)
	}
	if cur.ParentID == nil {
		return change{}, apperr.Conflict("proposal.cannot_escalate", "a subdistrict has no higher unit")
	}
	parent, err := tx.Unit.Query().Where(unit.ID(*cur.ParentID)).Only(viewer.SystemContext(ctx))
	if err != nil {
		return change{}, fmt.Errorf("load parent unit: %w", err)
	}
	steps := append(slices.Clone(p.Escalations),
		schematype.Escalation{FromUnitID: cur.ID, ToUnitID: parent.ID, EscalatedAt: time.Now().UTC()})
	return change{
		set: func(u *ent.ProposalUpdate) {
			u.SetUnitID(parent.ID).SetUnitPath(parent.Path).SetEscalations(steps)
		},
		detail: map[string]any{"from_unit_id": cur.ID, "to_unit_id": parent.ID, "to_unit": parent.Name},
	}, nil
}

// mergeChange merges p into the target named by into_id. Co-signers, and
// the source's registered author, carry over as co-signers of the target;
// nobody is counted twice because the unique index absorbs repeats.
func mergeChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal, in TransitionInput, by Actor) (change, error) {
	if in.IntoID <= 0 || in.IntoID == p.ID {
		return change{}, apperr.Invalid(apperr.FieldError{Field: "into_id", Message: "must name another proposal"})
	}
	target, err := tx.Proposal.Get(ctx, in.IntoID)
	if ent.IsNotFound(err) || (err == nil && target.TenantID != p.TenantID) {
		return change{}, apperr.Invalid(apperr.FieldError{Field: "into_id", Message: "names no proposal you can see"})
	}
	if err != nil {
		return change{}, fmt.Errorf("load merge target: %w", err)
	}
	if !slices.Contains([]proposal.Status{proposal.StatusCollecting, proposal.StatusSubmitted,
		proposal.StatusAccepted, proposal.StatusDeliberating}, target.Status) {
		return change{}, apperr.Conflict("proposal.merge_target_closed", "the target proposal is "+string(target.Status))
	}
	return change{
		set: func(u *ent.ProposalUpdate) { u.SetMergedIntoID(target.ID) },
		after: func(ctx context.Context, tx *ent.Tx, src *ent.Proposal) error {
			return carryCosigners(ctx, tx, src, target, by)
		},
		detail: map[string]any{"into_id": target.ID},
	}, nil
}

// carryCosigners copies src's signers onto target and recounts it. A
// collecting target that the carried signatures take to its threshold is
// submitted, exactly as if the last of them had signed.
func carryCosigners(ctx context.Context, tx *ent.Tx, src, target *ent.Proposal, by Actor) error {
	signers, err := tx.Cosignature.Query().Where(cosignature.ProposalID(src.ID)).
		Select(cosignature.FieldUserID).Ints(ctx)
	if err != nil {
		return fmt.Errorf("list co-signers: %w", err)
	}
	if src.AuthorID != nil {
		signers = append(signers, *src.AuthorID)
	}
	for _, uid := range signers {
		if target.AuthorID != nil && *target.AuthorID == uid {
			continue
		}
		err := tx.Cosignature.Create().SetProposalID(target.ID).SetUserID(uid).SetMergedFrom(src.ID).
			OnConflictColumns(cosignature.FieldProposalID, cosignature.FieldUserID).DoNothing().Exec(ctx)
		if err != nil && !isNoRows(err) {
			return fmt.Errorf("carry co-signer %d: %w", uid, err)
		}
	}
	count, err := tx.Cosignature.Query().Where(cosignature.ProposalID(target.ID)).Count(ctx)
	if err != nil {
		return fmt.Errorf("recount co-signers: %w", err)
	}
	upd := tx.Proposal.UpdateOneID(target.ID).SetCosignCount(count).AddVersion(1)
	reached := target.Status == proposal.StatusCollecting && target.CosignThreshold != nil && count >= *target.CosignThreshold
	if reached {
		upd.SetStatus(proposal.StatusSubmitted).SetSubmittedAt(time.Now().UTC())
	}
	updated, err := upd.Save(ctx)
	if err != nil {
		return err
	}
	// The target's timeline says what was merged into it ("merged from
	// #N"), whether or not the carried signatures moved it.
	return appendEvent(ctx, tx, updated, by, "merge_in", string(target.Status), string(updated.Status),
		fmt.Sprintf("合并自 #%d", src.ID), "", map[string]any{"merged_from": src.ID, "cosign_count": count})
}
