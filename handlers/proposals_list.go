package handlers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
)

// proposalStatuses are every status a proposal can have.
func proposalStatuses() []string {
	return []string{"draft", "collecting", "submitted", "needs_revision", "accepted", "rejected", "merged",
		"referred", "deliberating", "approved", "declined", "implementing", "completed", "closed", "withdrawn", "lapsed"}
}

// listProposals godoc
//
//	@Summary	List proposals of a unit's whole subtree
//	@Description	Proposals handled in, or filed in, the unit or any unit below it, newest first. Staff see everything in their subtree; residents see their community's proposals past draft, and their own drafts. q searches title and body by substring (Chinese needs no segmentation).
//	@Tags		proposals
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int		true	"unit id"
//	@Param		status		query		string	false	"comma-separated statuses"
//	@Param		category	query		string	false	"category code"
//	@Param		channel		query		string	false	"intake channel"
//	@Param		kind		query		string	false	"individual, joint or organizational"
//	@Param		unit_id		query		int		false	"handling unit id"
//	@Param		from		query		string	false	"created at or after (RFC 3339 or YYYY-MM-DD)"
//	@Param		to			query		string	false	"created before (RFC 3339 or YYYY-MM-DD)"
//	@Param		q			query		string	false	"text search in title and body"
//	@Param		limit		query		int		false	"page size, 1-200"
//	@Param		cursor		query		string	false	"next_cursor of the previous page"
//	@Success	200			{object}	pageOf[proposalItem]
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Router		/v1/units/{id}/proposals [get]
func (s *server) listProposals(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	filters, err := proposalFilters(c)
	if err != nil {
		return err
	}
	return respondPage(c, func(p page) ([]*ent.Proposal, error) {
		q := s.Store.Client.Proposal.Query().Where(
			proposal.Or(proposal.UnitPathHasPrefix(u.Path), proposal.OriginPathHasPrefix(u.Path)))
		q.Where(filters...)
		if p.After > 0 {
			q.Where(proposal.IDLT(p.After))
		}
		rows, err := q.Order(ent.Desc(proposal.FieldID)).Limit(p.Limit + 1).All(c.Request.Context())
		if err != nil {
			return nil, fmt.Errorf("list proposals: %w", err)
		}
		return rows, nil
	}, func(r *ent.Proposal) int { return r.ID },
		func(r *ent.Proposal) proposalItem { return newProposalItem(r, s.seesPersonalData(c, r)) })
}

// proposalFilters parses the list filters, naming every bad one.
func proposalFilters(c *gin.Context) ([]predicate.Proposal, error) {
	var out []predicate.Proposal
	var bad []apperr.FieldError
	if v := c.Query("status"); v != "" {
		var sts []proposal.Status
		for _, st := range strings.Split(v, ",") {
			if !slices.Contains(proposalStatuses(), st) {
				bad = append(bad, apperr.FieldError{Field: "status", Message: "unknown status " + st})
			}
			sts = append(sts, proposal.Status(st))
		}
		out = append(out, proposal.StatusIn(sts...))
	}
	if v := c.Query("category"); v != "" {
		out = append(out, proposal.CategoryCode(v))
	}
	if v := c.Query("channel"); v != "" {
		if !slices.Contains(proposalChannels(), v) {
			bad = append(bad, apperr.FieldError{Field: "channel", Message: "unknown channel"})
		}
		out = append(out, proposal.ChannelEQ(proposal.Channel(v)))
	}
	if v := c.Query("kind"); v != "" {
		if !slices.Contains(proposalKinds(), v) {
			bad = append(bad, apperr.FieldError{Field: "kind", Message: "unknown kind"})
		}
		out = append(out, proposal.KindEQ(proposal.Kind(v)))
	}
	if v := c.Query("unit_id"); v != "" {
		id, err := strconv.Atoi(v)
		if err != nil {
			bad = append(bad, apperr.FieldError{Field: "unit_id", Message: "must be a unit id"})
		}
		out = append(out, proposal.UnitID(id))
	}
	for _, name := range []string{"from", "to"} {
		if v := c.Query(name); v != "" {
			t, err := parseTimeParam(v)
			if err != nil {
				bad = append(bad, apperr.FieldError{Field: name, Message: "must be RFC 3339 or YYYY-MM-DD"})
			} else if name == "from" {
				out = append(out, proposal.CreatedAtGTE(t))
			} else {
				out = append(out, proposal.CreatedAtLT(t))
			}
		}
	}
	if v := strings.TrimSpace(c.Query("q")); v != "" {
		if len([]rune(v)) > 100 {
			bad = append(bad, apperr.FieldError{Field: "q", Message: "must be at most 100 characters"})
		}
		out = append(out, proposal.Or(proposal.TitleContainsFold(v), proposal.BodyContainsFold(v)))
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	return out, nil
}

// parseTimeParam accepts RFC 3339 or a bare date (midnight UTC).
func parseTimeParam(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	return time.Parse("2006-01-02", v)
}
