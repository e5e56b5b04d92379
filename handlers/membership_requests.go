package handlers

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/members"
	"yishi/internal/units"
)

// joinableUnit is the community or grid named by :id that the caller
// asks to join. A newcomer has no scope, so the route declares no target
// and the unit is read as the system (units.Joinable); a caller who
// belongs only to other tenants gets the 404 of a missing id
// (members.Admissible, issue 15).
func (s *server) joinableUnit(c *gin.Context) (*ent.Unit, error) {
	u, err := getByID(c, "unit", func(ctx context.Context, id int) (*ent.Unit, error) {
		return units.Joinable(ctx, s.Store.Client, id)
	})
	if err != nil {
		return nil, err
	}
	v := caller(c)
	if v.UserID == 0 {
		return nil, apperr.Forbidden("this endpoint is for user tokens")
	}
	ok, err := members.Admissible(c.Request.Context(), s.Store.Client, u.TenantID, []int{v.UserID})
	if err != nil {
		return nil, err
	}
	if len(ok) == 0 {
		return nil, errUnitNotFound()
	}
	return u, nil
}

// membershipRequestTarget is the membership request named by :id.
func membershipRequestTarget() loader {
	return loader{Name: "membership_request", Load: func(s *server, c *gin.Context) (access.Target, error) {
		r, err := getByID(c, "membership_request", func(ctx context.Context, id int) (*ent.MembershipRequest, error) {
			return members.GetRequest(ctx, s.Store.Client, id)
		})
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "membership_request", UnitPath: r.UnitPath, Visible: true,
			SubjectUserID: r.UserID, Object: r}, nil
	}}
}

// createMembershipRequest godoc
//
//	@Summary	Ask to join a community or grid
//	@Description	A signed-in person asks to join the unit with their address (building, unit, room) and the stakeholder identities they claim. Guides and leads in scope approve or reject it. A person who belongs only to other tenants gets 404, like a missing unit (they join through an invitation). 409 member.exists when already a member, 409 membership_request.pending when a request is waiting.
//	@ID			createMembershipRequest
//	@Tags		members
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int								true	"unit id (community or grid)"
//	@Param		body	body		createMembershipRequestRequest	true	"the request"
//	@Success	201		{object}	membershipRequestResponse
//	@Failure	400		{object}	problem	"invalid fields, named"
//	@Failure	401		{object}	problem
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Failure	409		{object}	problem	"member.exists, membership_request.pending"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/units/{id}/membership-requests [post]
func (s *server) createMembershipRequest(c *gin.Context) error {
	u, err := s.joinableUnit(c)
	if err != nil {
		return err
	}
	var req createMembershipRequestRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	r, err := members.Request(c.Request.Context(), s.Store.Client, u, members.NewRequest{UserID: caller(c).UserID,
		Building: req.Building, UnitNo: req.Unit, Room: req.Room, Identities: req.Identities, Message: req.Message})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newMembershipRequestResponse(r))
	return nil
}

// listMembershipRequests godoc
//
//	@Summary	List the membership requests of a unit's subtree
//	@Description	For guides, leads and the tenant office in scope; status filters (pending, approved, rejected; all when absent).
//	@ID			listMembershipRequests
//	@Tags		members
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		status	query		string	false	"pending, approved or rejected"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[membershipRequestResponse]
//	@Failure	400		{object}	problem	"status, limit or cursor invalid"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Router		/v1/units/{id}/membership-requests [get]
func (s *server) listMembershipRequests(c *gin.Context) error {
	status := c.Query("status")
	if status != "" && status != "pending" && status != "approved" && status != "rejected" {
		return apperr.Invalid(apperr.FieldError{Field: "status", Message: "must be pending, approved or rejected"})
	}
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.MembershipRequest, error) {
		return members.RequestsInSubtree(c.Request.Context(), s.Store.Client, u.Path, status, p.After, p.Limit+1)
	}, func(r *ent.MembershipRequest) int { return r.ID }, newMembershipRequestResponse)
}

// approveMembershipRequest godoc
//
//	@Summary	Approve a membership request
//	@Description	Creates the membership (and the resident role, unless held) in the same transaction and notifies the requester. Nobody approves their own request (403). 409 membership_request.decided when already decided, member.exists when the person became a member meanwhile.
//	@ID			approveMembershipRequest
//	@Tags		members
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int								true	"membership request id"
//	@Param		body	body		decideMembershipRequestRequest	false	"the note"
//	@Success	200		{object}	membershipRequestResponse
//	@Failure	400		{object}	problem	"note too long"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"membership_request.not_found"
//	@Failure	409		{object}	problem	"membership_request.decided, member.exists"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/membership-requests/{id}/approve [post]
func (s *server) approveMembershipRequest(c *gin.Context) error {
	return s.decideMembershipRequest(c, true)
}

// rejectMembershipRequest godoc
//
//	@Summary	Reject a membership request
//	@Description	Records the note and notifies the requester. 409 membership_request.decided when already decided.
//	@ID			rejectMembershipRequest
//	@Tags		members
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int								true	"membership request id"
//	@Param		body	body		decideMembershipRequestRequest	false	"the note"
//	@Success	200		{object}	membershipRequestResponse
//	@Failure	400		{object}	problem	"note too long"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"membership_request.not_found"
//	@Failure	409		{object}	problem	"membership_request.decided"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/membership-requests/{id}/reject [post]
func (s *server) rejectMembershipRequest(c *gin.Context) error {
	return s.decideMembershipRequest(c, false)
}

func (s *server) decideMembershipRequest(c *gin.Context, approve bool) error {
	var req decideMembershipRequestRequest
	if c.Request.ContentLength != 0 {
		if err := bindJSON(c, &req); err != nil {
			return err
		}
	}
	r := targetOf[*ent.MembershipRequest](c)
	if err := s.checkNotSelf(c, r.UserID, "nobody decides their own membership request"); err != nil {
		return err
	}
	ctx, v := c.Request.Context(), caller(c)
	u, err := units.Get(ctx, s.Store.Client, r.UnitID)
	if err != nil {
		return fmt.Errorf("read unit of membership request %d: %w", r.ID, err)
	}
	out, err := members.Decide(ctx, s.Store.Client, r, u, members.Decision{Approve: approve, Note: req.Note,
		By: userIDPtr(v), Actor: v.Subject, RequestID: requestID(c), Grant: s.residentGrant(c, u, r.UserID)}, time.Now())
	if err != nil {
		return err
	}
	if approve {
		s.syncPolicy(c)
	}
	c.JSON(http.StatusOK, newMembershipRequestResponse(out))
	return nil
}
