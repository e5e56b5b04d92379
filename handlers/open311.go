package handlers

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/clients"
	"yishi/internal/open311"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// open311Param reads a GeoReport parameter from the query or the form.
func open311Param(c *gin.Context, name string) string {
	if v, ok := c.GetPostForm(name); ok {
		return strings.TrimSpace(v)
	}
	return strings.TrimSpace(c.Query(name))
}

// open311Jurisdiction is the tenant named by jurisdiction_id.
func (s *server) open311Jurisdiction(c *gin.Context) (*ent.Unit, error) {
	code := open311Param(c, "jurisdiction_id")
	if code == "" {
		return nil, apperr.Invalid(apperr.FieldError{Field: "jurisdiction_id", Message: "must not be empty"})
	}
	return open311.Jurisdiction(c.Request.Context(), s.Store.Client, code)
}

// open311Client authenticates api_key ("client_id:client_secret" of a
// partner app of the jurisdiction) and makes the app the request's
// viewer, with the same scopes its access token would carry. Failures
// count against the caller's address like token requests do.
func (s *server) open311Client(c *gin.Context, tenant *ent.Unit) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	if err := refuseWhile(s.Logins.CheckAddress(ctx, addr)); err != nil {
		return err
	}
	id, secret, _ := strings.Cut(open311Param(c, "api_key"), ":")
	if id == "" || secret == "" || len(id) > 64 || len(secret) > 128 || hasControl(id) || !utf8.ValidString(id) {
		return apperr.Unauthorized("api_key must be client_id:client_secret of a partner app")
	}
	ac, ok, err := clients.Authenticate(ctx, s.Store.Client, id, secret)
	if err != nil {
		return err
	}
	if !ok || ac.TenantID != tenant.TenantID {
		if err := s.Logins.AddressFailed(ctx, addr); err != nil {
			return err
		}
		return apperr.Unauthorized("unknown api_key")
	}
	sub := authz.ClientSubject(ac.ID)
	v := &viewer.Viewer{Subject: sub, ClientID: ac.ID, Scopes: s.Policy.Scopes(sub),
		TokenScopes: append([]string{}, ac.Scopes...)}
	v.StaffScopes, v.CommunityScopes = s.Policy.RoleScopes(sub)
	c.Request = c.Request.WithContext(viewer.NewContext(ctx, v))
	return nil
}

// listOpen311Services godoc
//
//	@ID			listOpen311Services
//	@Summary	Open311 GeoReport v2: the jurisdiction's services
//	@Description	The encouraged categories of the tenant's guidebook (jurisdiction_id is the tenant's code), in the language of Accept-Language. No key needed.
//	@Tags		open311
//	@Produce	json
//	@Param		jurisdiction_id	query	string	true	"tenant code"
//	@Success	200	{array}		open311Service
//	@Failure	400	{object}	problem	"request.invalid: jurisdiction_id missing"
//	@Failure	404	{object}	problem	"jurisdiction.not_found"
//	@Router		/open311/v2/services.json [get]
func (s *server) listOpen311Services(c *gin.Context) error {
	u, err := s.open311Jurisdiction(c)
	if err != nil {
		return err
	}
	items, err := open311.Services(c.Request.Context(), s.Store.Client, u.TenantID)
	if err != nil {
		return err
	}
	out := make([]open311Service, len(items))
	for i, it := range items {
		out[i] = newOpen311Service(it, string(langOf(c)))
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// createOpen311Request godoc
//
//	@ID			createOpen311Request
//	@Summary	Open311 GeoReport v2: file a service request
//	@Description	Files a hotline-channel proposal at the tenant root on a resident's behalf and submits it. api_key is client_id:client_secret of a partner app (POST /v1/units/{id}/api-clients) registered at the tenant root with a role and scopes granting proposal:create_on_behalf and proposal:submit there (for example role guide with scopes proposal:create_on_behalf, proposal:submit, proposal:read). service_code is an encouraged category; the address and coordinates are kept in the proposal's text.
//	@Tags		open311
//	@Accept		x-www-form-urlencoded
//	@Produce	json
//	@Param		jurisdiction_id	formData	string	true	"tenant code"
//	@Param		api_key			formData	string	true	"client_id:client_secret"
//	@Param		service_code	formData	string	true	"encouraged category code"
//	@Param		description		formData	string	true	"the request, up to 4000 characters"
//	@Param		lat				formData	number	false	"latitude"
//	@Param		long			formData	number	false	"longitude"
//	@Param		address_string	formData	string	false	"address"
//	@Param		first_name		formData	string	false	"resident's given name"
//	@Param		last_name		formData	string	false	"resident's family name"
//	@Param		phone			formData	string	false	"resident's phone"
//	@Param		email			formData	string	false	"resident's e-mail (not stored)"
//	@Success	201	{array}		open311RequestCreated
//	@Failure	400	{object}	problem	"request.invalid: service_code, description, lat, long or jurisdiction_id invalid"
//	@Failure	401	{object}	problem	"auth.unauthorized: api_key missing or unknown"
//	@Failure	403	{object}	problem	"auth.forbidden: the app may not file on behalf of residents at the tenant root"
//	@Failure	404	{object}	problem	"jurisdiction.not_found"
//	@Failure	415	{object}	problem	"request.unsupported_media_type"
//	@Failure	429	{object}	problem	"auth.throttled: too many failed keys from this address; see Retry-After"
//	@Router		/open311/v2/requests.json [post]
func (s *server) createOpen311Request(c *gin.Context) error {
	u, err := s.open311Jurisdiction(c)
	if err != nil {
		return err
	}
	if err := s.open311Client(c, u); err != nil {
		return err
	}
	n, err := s.open311Intake(c, u)
	if err != nil {
		return err
	}
	t := access.Target{Kind: "unit", UnitPath: u.Path, Object: u}
	for _, perm := range []string{"proposal:create_on_behalf", "proposal:submit"} {
		if err := s.decide(c, perm, t, access.Subtree); err != nil {
			return err
		}
	}
	ctx, by := c.Request.Context(), s.actor(c)
	var p *ent.Proposal
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		if p, err = proposals.Create(ctx, tx, n, by); err != nil {
			return err
		}
		p, err = proposals.TransitionTx(ctx, tx, p, "submit", proposals.TransitionInput{}, by)
		return err
	})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, []open311RequestCreated{{ServiceRequestID: strconv.Itoa(p.ID)}})
	return nil
}

// open311Intake builds the proposal of a GeoReport request.
func (s *server) open311Intake(c *gin.Context, u *ent.Unit) (proposals.NewProposal, error) {
	var fields []apperr.FieldError
	code, desc := open311Param(c, "service_code"), open311Param(c, "description")
	if code == "" {
		fields = append(fields, apperr.FieldError{Field: "service_code", Message: "must not be empty"})
	}
	if desc == "" || utf8.RuneCountInString(desc) > 4000 || !utf8.ValidString(desc) || hasControl(strings.ReplaceAll(desc, "\n", "")) {
		fields = append(fields, apperr.FieldError{Field: "description", Message: "must be 1 to 4000 characters"})
	}
	var where []string
	if a := open311Param(c, "address_string"); a != "" {
		if utf8.RuneCountInString(a) > 500 || hasControl(a) {
			fields = append(fields, apperr.FieldError{Field: "address_string", Message: "must be at most 500 characters"})
		}
		where = append(where, "地址："+a)
	}
	lat, long := open311Param(c, "lat"), open311Param(c, "long")
	if lat != "" || long != "" {
		la, err1 := strconv.ParseFloat(lat, 64)
		lo, err2 := strconv.ParseFloat(long, 64)
		if err1 != nil || la < -90 || la > 90 {
			fields = append(fields, apperr.FieldError{Field: "lat", Message: "must be a latitude"})
		}
		if err2 != nil || lo < -180 || lo > 180 {
			fields = append(fields, apperr.FieldError{Field: "long", Message: "must be a longitude"})
		}
		where = append(where, "坐标："+lat+","+long)
	}
	name := strings.TrimSpace(open311Param(c, "last_name") + open311Param(c, "first_name"))
	if name == "" {
		name = "热线来电市民"
	}
	phone := open311Param(c, "phone")
	if utf8.RuneCountInString(name) > 100 || hasControl(name) || len(phone) > 32 || hasControl(phone) {
		fields = append(fields, apperr.FieldError{Field: "first_name", Message: "must be at most 100 characters"})
	}
	if len(fields) > 0 {
		return proposals.NewProposal{}, apperr.Invalid(fields...)
	}
	if err := s.checkCategory(c, u, code); err != nil {
		return proposals.NewProposal{}, apperr.Invalid(apperr.FieldError{Field: "service_code", Message: "is not a service of this jurisdiction"})
	}
	body := desc
	if len(where) > 0 {
		body += "\n\n" + strings.Join(where, "\n")
	}
	title := []rune(desc)
	if len(title) > 40 {
		title = append(title[:40], '…')
	}
	return proposals.NewProposal{Unit: u, Title: string(title), Body: body, Kind: "individual", Channel: "hotline",
		CategoryCode: code, AuthorName: name, AuthorPhone: phone}, nil
}

// listOpen311Requests godoc
//
//	@ID			listOpen311Requests
//	@Summary	Open311 GeoReport v2: service requests and their status
//	@Description	The jurisdiction's hotline requests the app can read (service_request_id: a comma-separated list; else the newest 50), status open or closed with the latest timeline note as status_notes. api_key as for POST; the app needs proposal:read.
//	@Tags		open311
//	@Produce	json
//	@Param		jurisdiction_id		query	string	true	"tenant code"
//	@Param		api_key				query	string	true	"client_id:client_secret"
//	@Param		service_request_id	query	string	false	"comma-separated request ids"
//	@Success	200	{array}		open311Request
//	@Failure	400	{object}	problem	"request.invalid"
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden"
//	@Failure	404	{object}	problem	"jurisdiction.not_found"
//	@Failure	429	{object}	problem	"auth.throttled"
//	@Router		/open311/v2/requests.json [get]
func (s *server) listOpen311Requests(c *gin.Context) error {
	ids, ok := open311.ParseIDs(c.Query("service_request_id"))
	if !ok {
		return apperr.Invalid(apperr.FieldError{Field: "service_request_id", Message: "must list request ids"})
	}
	return s.answerOpen311Requests(c, ids)
}

// getOpen311Request godoc
//
//	@ID			getOpen311Request
//	@Summary	Open311 GeoReport v2: one service request
//	@Tags		open311
//	@Produce	json
//	@Param		id				path	string	true	"request id, with .json"
//	@Param		jurisdiction_id	query	string	true	"tenant code"
//	@Param		api_key			query	string	true	"client_id:client_secret"
//	@Success	200	{array}		open311Request
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden"
//	@Failure	404	{object}	problem	"jurisdiction.not_found, service_request.not_found"
//	@Failure	429	{object}	problem	"auth.throttled"
//	@Router		/open311/v2/requests/{id} [get]
func (s *server) getOpen311Request(c *gin.Context) error {
	id, err := strconv.Atoi(strings.TrimSuffix(c.Param("id"), ".json"))
	if err != nil || id <= 0 {
		return apperr.NotFound("service_request")
	}
	return s.answerOpen311Requests(c, []int{id})
}

// answerOpen311Requests authenticates and answers the requests ids names
// (all recent ones when empty); one named request not found is 404.
func (s *server) answerOpen311Requests(c *gin.Context, ids []int) error {
	u, err := s.open311Jurisdiction(c)
	if err != nil {
		return err
	}
	if err := s.open311Client(c, u); err != nil {
		return err
	}
	if err := s.decide(c, "proposal:read", access.Target{Kind: "unit", UnitPath: u.Path, Object: u}, access.Subtree); err != nil {
		return err
	}
	rs, err := open311.Requests(c.Request.Context(), s.Store.Client, u.TenantID, ids, 50)
	if err != nil {
		return err
	}
	if len(ids) == 1 && len(rs) == 0 {
		return apperr.NotFound("service_request")
	}
	out := make([]open311Request, len(rs))
	for i, r := range rs {
		out[i] = newOpen311Request(r, u.Name)
	}
	c.JSON(http.StatusOK, out)
	return nil
}
