package handlers

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/ent"
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

// commentResponse is one comment.
type commentResponse struct {
	ID        int       `json:"id"`
	AuthorID  int       `json:"author_id"`
	Body      string    `json:"body"`
	Internal  bool      `json:"internal"`
	CreatedAt time.Time `json:"created_at"`
}

func newCommentResponse(m *ent.Comment) commentResponse {
	return commentResponse{ID: m.ID, AuthorID: m.AuthorID, Body: m.Body, Internal: m.Internal, CreatedAt: m.CreatedAt.UTC()}
}

// createProposalComment godoc
//
//	@ID		createProposalComment
//	@Summary	Comment on a proposal
//	@Description	Residents of the community and staff comment; internal=true makes a staff note that residents never see (needs proposal:read_internal).
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
	c.JSON(http.StatusCreated, newCommentResponse(m))
	return nil
}

// listProposalComments godoc
//
//	@ID		listProposalComments
//	@Summary	A proposal's comments
//	@Description	Oldest first. Internal staff notes are included only for callers with proposal:read_internal.
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
	internal := s.seesInternal(c, p)
	return respondPage(c, func(pg page) ([]*ent.Comment, error) {
		return proposals.Comments(c.Request.Context(), s.Store.Client, p, internal, pg.After, pg.Limit+1)
	}, func(m *ent.Comment) int { return m.ID }, newCommentResponse)
}
