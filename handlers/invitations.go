package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/members"
	"yishi/internal/phone"
)

// createInvitationRequest invites a phone to the unit in the URL.
type createInvitationRequest struct {
	Phone      string   `json:"phone" example:"13812341234" pattern:"^1[3-9][0-9]{9}$"`
	Name       string   `json:"name" example:"王大爷" maxLength:"100"`
	Identities []string `json:"identities,omitempty" example:"resident"`
}

func (r *createInvitationRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if !phone.Valid(r.Phone) {
		out = append(out, apperr.FieldError{Field: "phone", Message: "must be an 11-digit mainland mobile number"})
	}
	out = append(out, checkTalentName(&r.Name)...)
	if len(r.Identities) == 0 {
		r.Identities = []string{"resident"}
	}
	return append(out, checkIdentities(r.Identities)...)
}

// invitationResponse is an invitation; the phone is shown in full to the
// staff who may list them.
type invitationResponse struct {
	ID         int        `json:"id"`
	UnitID     int        `json:"unit_id"`
	Phone      string     `json:"phone"`
	Name       string     `json:"name"`
	Identities []string   `json:"identities"`
	Status     string     `json:"status" enums:"pending,claimed,revoked"`
	InvitedBy  *int       `json:"invited_by"`
	ClaimedAt  *time.Time `json:"claimed_at"`
	CreatedAt  time.Time  `json:"created_at"`
}

func newInvitationResponse(i *ent.Invitation) invitationResponse {
	return invitationResponse{ID: i.ID, UnitID: i.UnitID, Phone: i.Phone, Name: i.Name, Identities: i.Identities,
		Status: string(i.Status), InvitedBy: i.InvitedBy, ClaimedAt: i.ClaimedAt, CreatedAt: i.CreatedAt.UTC()}
}

// invitationTarget is the invitation named by :id, read through privacy.
func invitationTarget() loader {
	return loader{Name: "invitation", Load: func(s *server, c *gin.Context) (access.Target, error) {
		i, err := getByID(c, "invitation", func(ctx context.Context, id int) (*ent.Invitation, error) {
			return members.GetInvitation(ctx, s.Store.Client, id)
		})
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "invitation", UnitPath: i.UnitPath, Visible: true, Object: i}, nil
	}}
}

// createInvitation godoc
//
//	@Summary	Invite a person by phone to a unit
//	@Description	When that phone registers, the membership (and the resident role) is created in the registration's transaction. Whether the phone is already registered is neither checked nor revealed; a registered person joins by a membership request instead. 409 invitation.pending for a second pending invitation of the phone to the unit.
//	@ID			createInvitation
//	@Tags		members
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"unit id"
//	@Param		body	body		createInvitationRequest	true	"the invitation"
//	@Success	201		{object}	invitationResponse
//	@Failure	400		{object}	problem	"invalid fields, named"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Failure	409		{object}	problem	"invitation.pending"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/units/{id}/invitations [post]
func (s *server) createInvitation(c *gin.Context) error {
	var req createInvitationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	inv, err := members.Invite(c.Request.Context(), s.Store.Client, u, members.NewInvitation{Phone: req.Phone,
		Name: req.Name, Identities: req.Identities, InvitedBy: userIDPtr(caller(c))})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newInvitationResponse(inv))
	return nil
}

// listInvitations godoc
//
//	@Summary	List the pending invitations of a unit's subtree
//	@ID			listInvitations
//	@Tags		members
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[invitationResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Router		/v1/units/{id}/invitations [get]
func (s *server) listInvitations(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.Invitation, error) {
		return members.PendingInvitations(c.Request.Context(), s.Store.Client, u.Path, p.After, p.Limit+1)
	}, func(i *ent.Invitation) int { return i.ID }, newInvitationResponse)
}

// revokeInvitation godoc
//
//	@Summary	Revoke a pending invitation
//	@Description	The invitation stays, marked revoked; registering with the phone then creates nothing. 409 invitation.not_pending when already claimed or revoked.
//	@ID			revokeInvitation
//	@Tags		members
//	@Security	BearerAuth
//	@Param		id	path	int	true	"invitation id"
//	@Success	204
//	@Failure	400	{object}	problem
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem	"invitation.not_found"
//	@Failure	409	{object}	problem	"invitation.not_pending"
//	@Failure	429	{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/invitations/{id} [delete]
func (s *server) revokeInvitation(c *gin.Context) error {
	if err := members.Revoke(c.Request.Context(), s.Store.Client, targetOf[*ent.Invitation](c)); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// claimInvitations is the registration hook that turns the new phone's
// pending invitations into memberships, in the registration's transaction.
func (s *server) claimInvitations(c *gin.Context, claimed *int) func(ctx context.Context, tx *ent.Tx, u *ent.User) error {
	return func(ctx context.Context, tx *ent.Tx, u *ent.User) error {
		n, err := members.ClaimInvitations(ctx, tx, u, func(unit *ent.Unit, inv *ent.Invitation) members.RoleGrant {
			uid := u.ID
			return members.RoleGrant{Subject: authz.UserSubject(uid), Role: authz.RoleResident,
				Write: func(ctx context.Context, tx *ent.Tx) error {
					_, err := s.Policy.WriteGrant(ctx, tx, authz.Grant{UserID: &uid, Role: authz.RoleResident, Unit: unit,
						GrantedBy: inv.InvitedBy, Actor: "system", RequestID: requestID(c)})
					return err
				}}
		}, time.Now())
		*claimed = n
		return err
	}
}
