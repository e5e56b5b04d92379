package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// transitionDue applies action, as the system, to up to 500 proposals
// matching due, oldest first, and returns how many moved. It goes through
// Transition, so the timeline records the system as actor; a proposal that
// changed meanwhile (a 409 of any kind) is skipped, which makes every job
// built on it safe to race with requests and with itself.
func transitionDue(ctx context.Context, client *ent.Client, action, note string, due ...predicate.Proposal) (int, error) {
	sys := viewer.SystemContext(ctx)
	rows, err := client.Proposal.Query().Where(due...).Order(ent.Asc(proposal.FieldID)).Limit(500).All(sys)
	if err != nil {
		return 0, fmt.Errorf("%s: list due: %w", action, err)
	}
	n := 0
	for _, p := range rows {
		_, err := Transition(sys, client, p, action, TransitionInput{Note: note}, systemActor())
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindConflict {
			continue
		}
		if err != nil {
			return n, fmt.Errorf("%s proposal %d: %w", action, p.ID, err)
		}
		n++
	}
	return n, nil
}

// systemActor is the timeline actor of background jobs.
func systemActor() Actor { return Actor{Subject: "system", Name: "system"} }
