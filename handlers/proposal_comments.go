package handlers

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
)

// createCommentRequest is a comment; internal comments are staff notes.
type createCommentRequest struct {
	Body     string `json:"body" example:"三楼转角也需要一把" maxLength:"5000"`
	Internal bool   `json:"internal,omitempty"`
}

func (r *createCommentRequest) validate() []apperr.FieldError {
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Body)); n < 1 || n > 5000 {
		return []apperr.FieldError{{Field: "body", Message: "must be 1 to 5000 characters"}}
	}
	return nil
}

// commentResponse is one comment. A hidden or deleted comment keeps its
// place in the thread with status set and no body, except for moderators
// (comment:moderate where the proposal is handled), who read it in full
// with its moderation record.
type commentResponse struct {
	ID         int                `json:"id"`
	AuthorID   int                `json:"author_id"`
	Body       string             `json:"body"`
	Internal   bool               `json:"internal"`
	Status     string             `json:"status" enums:"visible,hidden,deleted" example:"visible"`
	CreatedAt  time.Time          `json:"created_at"`
	Moderation *commentModeration `json:"moderation,omitempty"`
}

// commentModeration is what moderators see of a comment: the negative-list
// matches found when it was written, the reports, and the hide record.
type commentModeration struct {
	ScreeningFlags []schematype.ScreeningFlag `json:"screening_flags"`
	Reports        int                        `json:"reports" example:"2"`
	HiddenAt       *time.Time                 `json:"hidden_at"`
	HiddenReason   string                     `json:"hidden_reason" example:"含人身攻击"`
	DeletedAt      *time.Time                 `json:"deleted_at"`
}

// commentView shapes m for a reader: moderators get everything (with the
// number of reports), others get no body once the comment is hidden or
// deleted.
func commentView(m *ent.Comment, moderator bool, reports int) commentResponse {
	out := commentResponse{ID: m.ID, AuthorID: m.AuthorID, Body: m.Body, Internal: m.Internal,
		Status: proposals.CommentState(m), CreatedAt: m.CreatedAt.UTC()}
	if moderator {
		flags := m.ScreeningFlags
		if flags == nil {
			flags = []schematype.ScreeningFlag{}
		}
		out.Moderation = &commentModeration{ScreeningFlags: flags, Reports: reports,
			HiddenAt: utcPtr(m.HiddenAt), HiddenReason: m.HiddenReason, DeletedAt: utcPtr(m.DeletedAt)}
	} else if out.Status != "visible" {
		out.Body = ""
	}
	return out
}

// createProposalComment godoc
//
//	@ID		createProposalComment
//	@Summary	Comment on a proposal
//	@Description	Residents of the community and staff comment; internal=true makes a staff note that residents never see (needs proposal:read_internal). The body is screened against the tenant's negative list like a proposal: matches are kept as screening flags that moderators see; they never refuse the comment.
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"proposal id"
//	@Param		body	body		createCommentRequest	true	"the comment"
//	@Success	201		{object}	commentResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/proposals/{id}/comments [post]
func (s *server) createProposalComment(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	var req createCommentRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.Internal && !s.seesInternal(c, p) {
		return apperr.Forbidden("internal notes are for staff")
	}
	v := caller(c)
	if v.UserID == 0 {
		return apperr.Forbidden("only a person can comment")
	}
	m, err := proposals.AddComment(c.Request.Context(), s.Store.Client, p, v.UserID, req.Body, req.Internal)
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/proposals/"+strconv.Itoa(p.ID)+"/comments")
	c.JSON(http.StatusCreated, commentView(m, s.moderates(c, p.UnitPath), 0))
	return nil
}

// listProposalComments godoc
//
//	@ID		listProposalComments
//	@Summary	A proposal's comments
//	@Description	Oldest first. Internal staff notes are included only for callers with proposal:read_internal. A comment hidden by a moderator or deleted by its author keeps its place with status hidden or deleted and an empty body; moderators (comment:moderate where the proposal is handled: guides, reviewers, leads) read it in full, with a moderation object (negative-list screening flags, number of reports, hide record).
//	@Tags		proposals
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"proposal id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[commentResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/proposals/{id}/comments [get]
func (s *server) listProposalComments(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	internal, moderator := s.seesInternal(c, p), s.moderates(c, p.UnitPath)
	reports := map[int]int{}
	return respondPage(c, func(pg page) ([]*ent.Comment, error) {
		rows, err := proposals.Comments(c.Request.Context(), s.Store.Client, p, internal, pg.After, pg.Limit+1)
		if err != nil || !moderator {
			return rows, err
		}
		ids := make([]int, len(rows))
		for i, m := range rows {
			ids[i] = m.ID
		}
		reports, err = proposals.ReportCounts(c.Request.Context(), s.Store.Client, ids)
		return rows, err
	}, func(m *ent.Comment) int { return m.ID }, func(m *ent.Comment) commentResponse {
		return commentView(m, moderator, reports[m.ID])
	})
}
