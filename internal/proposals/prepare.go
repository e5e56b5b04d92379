package proposals

import (
	"context"
	"strings"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/workflow"
)

// prepare validates an action's input and builds its change. Anything it
// writes (a co-signature, say) rolls back with the transaction if the
// transition itself fails.
func prepare(ctx context.Context, tx *ent.Tx, p *ent.Proposal, action string, in TransitionInput, by Actor) (change, error) {
	switch action {
	case workflow.Submit:
		if err := checkDeadline(p); err != nil {
			return change{}, err
		}
		return screenChange(ctx, tx, p)
	case workflow.Resubmit:
		return screenChange(ctx, tx, p)
	case workflow.Cosign:
		return cosignChange(ctx, tx, p, by)
	case workflow.Return:
		return change{}, requireNote(in, "say what the author should revise")
	case workflow.Reject:
		return rejectChange(ctx, tx, p, in)
	case workflow.Merge:
		return mergeChange(ctx, tx, p, in, by)
	case workflow.Escalate:
		return escalateChange(ctx, tx, p)
	case workflow.Refer:
		if strings.TrimSpace(in.ReferredTo) == "" || len([]rune(in.ReferredTo)) > 200 {
			return change{}, apperr.Invalid(apperr.FieldError{Field: "referred_to", Message: "name the outside body, at most 200 characters"})
		}
		return change{set: func(u *ent.ProposalUpdate) { u.SetReferredTo(strings.TrimSpace(in.ReferredTo)) },
			detail: map[string]any{"referred_to": in.ReferredTo}}, nil
	case workflow.Decide:
		return decideChange(ctx, tx, p, in)
	case workflow.Start:
		return startChange(ctx, tx, p)
	case workflow.Complete:
		return completeChange(ctx, tx, p)
	case workflow.ResolveOnSpot:
		return resolveOnSpotChange(ctx, tx, p, in)
	}
	return change{}, nil
}

func requireNote(in TransitionInput, why string) error {
	if strings.TrimSpace(in.Note) == "" {
		return apperr.Invalid(apperr.FieldError{Field: "note", Message: "is required: " + why})
	}
	return nil
}
