package meetings

import (
	"fmt"

	"yishi/ent"
	"yishi/ent/minutes"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
)

// Outcomes a minuted decision can record.
func Outcomes() []string { return []string{"approved", "declined", "deferred", "noted"} }

// CheckDecisions links each decision to an agenda item of this meeting
// (items) and fills in the item's proposal, so the proposal id comes from
// the agenda, never from the client. A foreign or repeated agenda item is
// a field error naming the decision's index.
func CheckDecisions(in []schematype.MinutesDecision, items []*ent.AgendaItem) ([]schematype.MinutesDecision, []apperr.FieldError) {
	byID := make(map[int]*ent.AgendaItem, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	out := make([]schematype.MinutesDecision, 0, len(in))
	seen := map[int]bool{}
	var bad []apperr.FieldError
	for i, d := range in {
		field := fmt.Sprintf("decisions[%d].agenda_item_id", i)
		it, ok := byID[d.AgendaItemID]
		switch {
		case !ok:
			bad = append(bad, apperr.FieldError{Field: field, Message: "is not an agenda item of this meeting"})
			continue
		case seen[d.AgendaItemID]:
			bad = append(bad, apperr.FieldError{Field: field, Message: "has a decision already"})
			continue
		}
		seen[d.AgendaItemID] = true
		d.ProposalID = 0
		if it.ProposalID != nil {
			d.ProposalID = *it.ProposalID
		}
		out = append(out, d)
	}
	return out, bad
}

// NextDraft says what writing minutes does, given the latest version: the
// first write creates version 1; a draft is edited in place; an approved
// version is locked, so a correction becomes a new draft version.
func NextDraft(latest *ent.Minutes) (version int, editInPlace bool) {
	switch {
	case latest == nil:
		return 1, false
	case latest.Status == minutes.StatusDraft:
		return latest.Version, true
	}
	return latest.Version + 1, false
}
