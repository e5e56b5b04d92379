package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
	"yishi/internal/vocab"
)

// proposalStatuses are every status a proposal can have (the schema's
// enum, via the one catalogue).
var proposalStatuses = vocab.Of("proposal.status")

// listProposals godoc
//
//	@ID		listProposals
//	@Summary	List proposals of a unit's whole subtree
//	@Description	Proposals handled in, or filed in, the unit or any unit below it, newest first. Staff see everything in their subtree; residents see their community's proposals past draft, and their own drafts. q searches title and body by substring (Chinese needs no segmentation). Items carry no allowed_actions (deciding them per row would cost a policy check per action); GET the proposal for them.
//	@Tags		proposals
//	@Produce	json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
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
//	@Param		format		query		string	false	"json (default), csv or xlsx: the whole filtered list as a file instead of a page (limit and cursor are ignored); Accept: text/csv or the XLSX media type does the same"	Enums(json, csv, xlsx)
//	@Success	200			{object}	pageOf[proposalItem]	"JSON: one page. CSV (UTF-8 with a byte-order mark, so Excel reads Chinese) or XLSX: every row, streamed, newest first, with the columns id, title, status, category_code, channel, kind, unit_id, origin_unit_id, author_name, author_phone (masked as in JSON), cosign_count, outcome, referred_to, created_at, submitted_at, resolved_at, closed_at"
//	@Header		200			{string}	Content-Disposition	"for a file: attachment; filename=proposals-YYYYMMDD.csv (or .xlsx)"
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Router		/v1/units/{id}/proposals [get]
func (s *server) listProposals(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	f, err := proposalFilters(c)
	if err != nil {
		return err
	}
	if format, file, err := exportFormatOf(c); err != nil || file {
		if err != nil {
			return err
		}
		return s.exportProposals(c, u, f, format)
	}
	revealed := 0
	err = respondPage(c, func(p page) ([]*ent.Proposal, error) {
		return proposals.ListUnder(c.Request.Context(), s.Store.Client, u.Path, f, p.After, p.Limit+1)
	}, func(r *ent.Proposal) int { return r.ID },
		func(r *ent.Proposal) proposalItem {
			personal := s.seesPersonalData(c, r)
			revealed += boolCount(revealsPhone(c, r, personal))
			return newProposalItem(r, personal)
		})
	if err == nil {
		s.auditPersonalReadAfter(c, u, revealed)
	}
	return err
}

// proposalFilters parses the list filters, naming every bad one.
func proposalFilters(c *gin.Context) (proposals.ListFilter, error) {
	var f proposals.ListFilter
	var bad []apperr.FieldError
	statuses, badStatus := listFilter(c, "status", func(st string) bool { return proposalStatuses.Has(st) }, "")
	f.Statuses, bad = statuses, append(bad, badStatus...)
	f.Category = c.Query("category")
	if f.Channel = c.Query("channel"); f.Channel != "" && !proposalChannels.Has(f.Channel) {
		bad = append(bad, apperr.FieldError{Field: "channel", Message: "unknown channel"})
	}
	if f.Kind = c.Query("kind"); f.Kind != "" && !proposalKinds.Has(f.Kind) {
		bad = append(bad, apperr.FieldError{Field: "kind", Message: "unknown kind"})
	}
	bad = append(bad, rangeFilters(c, &f)...)
	if len(bad) > 0 {
		return f, apperr.Invalid(bad...)
	}
	return f, nil
}

// rangeFilters parses the unit, time and text filters into f.
func rangeFilters(c *gin.Context, f *proposals.ListFilter) []apperr.FieldError {
	var bad []apperr.FieldError
	if v := c.Query("unit_id"); v != "" {
		id, err := strconv.Atoi(v)
		if err != nil {
			bad = append(bad, apperr.FieldError{Field: "unit_id", Message: "must be a unit id"})
		}
		f.UnitID = &id
	}
	for _, name := range []string{"from", "to"} {
		if v := c.Query(name); v != "" {
			t, err := parseTimeParam(v)
			switch {
			case err != nil:
				bad = append(bad, apperr.FieldError{Field: name, Message: "must be RFC 3339 or YYYY-MM-DD"})
			case name == "from":
				f.From = &t
			default:
				f.To = &t
			}
		}
	}
	if v := strings.TrimSpace(c.Query("q")); v != "" {
		if len([]rune(v)) > 100 {
			bad = append(bad, apperr.FieldError{Field: "q", Message: "must be at most 100 characters"})
		}
		f.Text = v
	}
	return bad
}

// parseTimeParam accepts RFC 3339 or a bare date (midnight UTC).
func parseTimeParam(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	return time.Parse("2006-01-02", v)
}
