package handlers

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/proposals"
	"yishi/internal/store"
)

// commentTarget is the comment named by :id, read through privacy as the
// caller. An internal staff note is 404 to a caller who may not read
// internal fields where it lies, like a missing id.
func commentTarget() loader {
	return loader{Name: "comment", Load: func(s *server, c *gin.Context) (access.Target, error) {
		m, err := getByID(c, "comment", func(ctx context.Context, id int) (*ent.Comment, error) {
			return proposals.Comment(ctx, s.Store.Client, id)
		})
		if err != nil {
			return access.Target{}, err
		}
		t := access.Target{Kind: "comment", UnitPath: m.UnitPath, CommunityPath: m.CommunityPath, Visible: true, Object: m}
		if m.Internal && !s.access.Holds(caller(c), access.Perm("proposal:read_internal"), t, access.Subtree) {
			return access.Target{}, apperr.NotFound("comment")
		}
		return t, nil
	}}
}

// moderates reports whether the caller hides and restores comments at
// path (comment:moderate in the subtree: guides, reviewers, leads).
func (s *server) moderates(c *gin.Context, path string) bool {
	return s.access.Holds(caller(c), access.Perm("comment:moderate"), access.Target{UnitPath: path}, access.Subtree)
}

// moderationRequest carries the reason a moderator or reporter gives.
type moderationRequest struct {
	Reason string `json:"reason" example:"含人身攻击" maxLength:"500"`
}

func (r *moderationRequest) validate() []apperr.FieldError {
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Reason)); n < 1 || n > 500 {
		return []apperr.FieldError{{Field: "reason", Message: "must be 1 to 500 characters"}}
	}
	return nil
}

// commentReportResponse acknowledges a report.
type commentReportResponse struct {
	ID        int    `json:"id"`
	CommentID int    `json:"comment_id"`
	Reason    string `json:"reason" example:"广告"`
}

// reportComment godoc
//
//	@Summary	Report a comment
//	@Description	Anyone who can read the comment reports it to the moderators, with a reason. Reporting the same comment again answers 200 with the first report. Audited (comment.report).
//	@ID			reportComment
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"comment id"
//	@Param		body	body		moderationRequest	true	"why"
//	@Success	201		{object}	commentReportResponse
//	@Success	200		{object}	commentReportResponse	"already reported by the caller"
//	@Failure	400		{object}	problem	"request.invalid: reason missing or too long"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden: partner apps cannot report; tenant.suspended"
//	@Failure	404		{object}	problem	"comment.not_found"
//	@Failure	409		{object}	problem	"comment.deleted; comment.report_in_flight"
//	@Failure	415		{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429		{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/comments/{id}/reports [post]
func (s *server) reportComment(c *gin.Context) error {
	m := targetOf[*ent.Comment](c)
	var req moderationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	v := caller(c)
	if v.UserID == 0 {
		return apperr.Forbidden("only a person can report a comment")
	}
	ctx := c.Request.Context()
	var r *ent.CommentReport
	var created bool
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if r, created, err = proposals.ReportComment(ctx, tx, m, v.UserID, req.Reason); err != nil || !created {
			return err
		}
		return s.auditComment(c, tx, m, "comment.report", req.Reason)
	})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	c.JSON(status, commentReportResponse{ID: r.ID, CommentID: r.CommentID, Reason: r.Reason})
	return nil
}

// hideComment godoc
//
//	@Summary	Hide a comment
//	@Description	Guides, reviewers and leads where the proposal is handled (comment:moderate) hide a comment with a reason: residents then see it as hidden, with no body; moderators still read it. Audited (comment.hide).
//	@ID			hideComment
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"comment id"
//	@Param		body	body		moderationRequest	true	"why"
//	@Success	200		{object}	commentResponse
//	@Failure	400		{object}	problem	"request.invalid: reason missing or too long"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden: needs comment:moderate; tenant.suspended"
//	@Failure	404		{object}	problem	"comment.not_found"
//	@Failure	409		{object}	problem	"comment.hidden: already hidden; comment.deleted"
//	@Failure	415		{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429		{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/comments/{id}/hide [post]
func (s *server) hideComment(c *gin.Context) error {
	return s.moderateComment(c, "comment.hide", func(tx *ent.Tx, m *ent.Comment, reason string) (*ent.Comment, error) {
		return proposals.HideComment(c.Request.Context(), tx, m, caller(c).UserID, reason, s.now())
	})
}

// restoreComment godoc
//
//	@Summary	Restore a hidden comment
//	@Description	Moderators (comment:moderate) show a hidden comment again, with a reason. Audited (comment.restore).
//	@ID			restoreComment
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"comment id"
//	@Param		body	body		moderationRequest	true	"why"
//	@Success	200		{object}	commentResponse
//	@Failure	400		{object}	problem	"request.invalid: reason missing or too long"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden: needs comment:moderate; tenant.suspended"
//	@Failure	404		{object}	problem	"comment.not_found"
//	@Failure	409		{object}	problem	"comment.not_hidden; comment.deleted"
//	@Failure	415		{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429		{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/comments/{id}/restore [post]
func (s *server) restoreComment(c *gin.Context) error {
	return s.moderateComment(c, "comment.restore", func(tx *ent.Tx, m *ent.Comment, _ string) (*ent.Comment, error) {
		return proposals.RestoreComment(c.Request.Context(), tx, m)
	})
}

// moderateComment binds the reason, applies act and audits it in one
// transaction, and answers the comment as a moderator sees it.
func (s *server) moderateComment(c *gin.Context, action string, act func(*ent.Tx, *ent.Comment, string) (*ent.Comment, error)) error {
	cur := targetOf[*ent.Comment](c)
	var req moderationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request.Context()
	var m *ent.Comment
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if m, err = act(tx, cur, strings.TrimSpace(req.Reason)); err != nil {
			return err
		}
		return s.auditComment(c, tx, m, action, req.Reason)
	})
	if err != nil {
		return err
	}
	counts, err := proposals.ReportCounts(ctx, s.Store.Client, []int{m.ID})
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, commentView(m, true, counts[m.ID]))
	return nil
}

// deleteComment godoc
//
//	@Summary	Delete one's own comment
//	@Description	Only the comment's author. The comment keeps its place in the thread as deleted, with no body, for everyone but moderators. Deleting again is harmless. Audited (comment.delete).
//	@ID			deleteComment
//	@Tags		proposals
//	@Security	BearerAuth
//	@Param		id	path	int	true	"comment id"
//	@Success	204
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden: not the author; tenant.suspended"
//	@Failure	404	{object}	problem	"comment.not_found"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/comments/{id} [delete]
func (s *server) deleteComment(c *gin.Context) error {
	cur := targetOf[*ent.Comment](c)
	ctx := c.Request.Context()
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		if cur.DeletedAt != nil {
			return nil
		}
		m, err := proposals.DeleteComment(ctx, tx, cur, s.now())
		if err != nil {
			return err
		}
		return s.auditComment(c, tx, m, "comment.delete", "")
	})
	if err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// auditComment records a moderation act on m.
func (s *server) auditComment(c *gin.Context, tx *ent.Tx, m *ent.Comment, action, reason string) error {
	return audit.Record(c.Request.Context(), tx, audit.Entry{TenantID: &m.TenantID, UnitPath: m.UnitPath,
		Actor: caller(c).Subject, Action: action, TargetType: "comment", TargetID: m.ID, RequestID: requestID(c),
		Detail: map[string]any{"proposal_id": m.ProposalID, "reason": strings.TrimSpace(reason)}})
}
