package handlers

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
)

// updateProposalRequest edits a proposal; omitted fields stay as they are.
// body and address are the author's; title and category_code are also
// staff's to change (the name residents voted for, a better category).
type updateProposalRequest struct {
	Title        *string `json:"title,omitempty" example:"转角遇到爱心椅" maxLength:"200"`
	Body         *string `json:"body,omitempty" maxLength:"20000"`
	CategoryCode *string `json:"category_code,omitempty" example:"E01" maxLength:"64"`
	// Address is where the problem is, as text (3栋2单元楼道).
	Address *string `json:"address,omitempty" example:"3栋2单元楼道" maxLength:"200"`
}

func (r *updateProposalRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if r.Title == nil && r.Body == nil && r.CategoryCode == nil && r.Address == nil {
		add("body", "must change at least one of title, body, category_code, address")
	}
	if r.Title != nil {
		if n := utf8.RuneCountInString(strings.TrimSpace(*r.Title)); n < 1 || n > 200 {
			add("title", "must be 1 to 200 characters")
		}
	}
	if r.Body != nil {
		if n := utf8.RuneCountInString(*r.Body); strings.TrimSpace(*r.Body) == "" || n > 20000 {
			add("body", "must be 1 to 20000 characters")
		}
	}
	if r.CategoryCode != nil && (*r.CategoryCode == "" || len(*r.CategoryCode) > 64) {
		add("category_code", "must be a category code of at most 64 characters")
	}
	if r.Address != nil && utf8.RuneCountInString(*r.Address) > 200 {
		add("address", "must be at most 200 characters")
	}
	return out
}

// authorsOnly reports whether the request changes a field only the
// author edits.
func (r *updateProposalRequest) authorsOnly() bool { return r.Body != nil || r.Address != nil }

// proposalAuthorRule is the author's half of PATCH /v1/proposals/{id}:
// the author, or the guide who entered an offline proposal for them.
func proposalAuthorRule() access.Rule {
	return rule("proposal:edit", subtree, access.AnyOf("editing_author",
		"only the author, or the guide who entered an offline proposal, edits it", access.IsAuthor(), access.OfflineOnBehalf()))
}

// proposalReviewRule is the staff half: whoever reviews proposals where
// it is handled renames and recategorizes it.
func proposalReviewRule() access.Rule { return rule("proposal:recategorize", subtree) }

// updateProposal godoc
//
//	@ID			updateProposal
//	@Summary	Edit a proposal
//	@Description	The author (proposal:edit; for an offline proposal also the guide who entered it) edits title, body, category_code and address while the proposal is draft or needs_revision; staff who review proposals where it is handled (proposal:recategorize: lead, reviewer) rename it and change its category at any stage before it ends (draft through implementing). body and address are the author's alone (403 for staff who are not the author). Order of checks: 412 precondition.failed for a stale If-Match; 400 for bad fields (category_code must be an active encouraged category); 403 when the caller may not change a field; 409 proposal.not_editable when the status rules the edit out (an author after submission, anyone after the proposal ended); 409 proposal.conflict when it changed concurrently. Every change is one "edit" timeline event whose detail.changes lists each field's before and after; an edit that changes nothing writes nothing.
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int						true	"proposal id"
//	@Param		If-Match	header		string					false	"ETag of the version you saw"
//	@Param		body		body		updateProposalRequest	true	"the changes"
//	@Success	200			{object}	proposalResponse
//	@Failure	400			{object}	problem	"request.invalid: a field is out of range or category_code is not an active encouraged category"
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem	"forbidden: not the author, or staff changing body or address"
//	@Failure	404			{object}	problem
//	@Failure	409			{object}	problem	"proposal.not_editable: the status rules the edit out; proposal.conflict: changed concurrently"
//	@Failure	412			{object}	problem	"precondition.failed: If-Match is stale"
//	@Failure	429			{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415			{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/proposals/{id} [patch]
func (s *server) updateProposal(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	if err := s.checkIfMatch(c, proposalETag(p)); err != nil {
		return err
	}
	var req updateProposalRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.CategoryCode != nil {
		if err := s.checkCategory(c, &ent.Unit{TenantID: p.TenantID}, *req.CategoryCode); err != nil {
			return err
		}
	}
	if err := s.decideProposalEdit(c, p, &req); err != nil {
		return err
	}
	out, err := proposals.Apply(c.Request.Context(), s.Store.Client, p,
		proposals.Edit{Title: req.Title, Body: req.Body, CategoryCode: req.CategoryCode, Address: req.Address}, s.actor(c))
	if err != nil {
		return err
	}
	c.Header("ETag", proposalETag(out))
	c.JSON(http.StatusOK, s.proposalView(c, out))
	return nil
}

// decideProposalEdit decides which half of the route's rule the edit
// needs: body and address need the author; title and category are
// staff's at any open stage, and the author's while they revise.
func (s *server) decideProposalEdit(c *gin.Context, p *ent.Proposal, req *updateProposalRequest) error {
	t := accessTarget(c)
	r := proposalAuthorRule()
	authorErr := s.decide(c, r.Perm.String(), t, r.Mode, r.Preds...)
	if req.authorsOnly() {
		if authorErr != nil {
			return apperr.Forbidden("only the author edits the body and address of a proposal")
		}
		return proposals.CheckEditable(p, true)
	}
	staff := proposalReviewRule()
	if s.decide(c, staff.Perm.String(), t, staff.Mode) == nil {
		return proposals.CheckEditable(p, false)
	}
	if authorErr != nil {
		return authorErr
	}
	return proposals.CheckEditable(p, true)
}
