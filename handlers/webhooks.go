package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/webhooks"
)

// webhookGuard is the SSRF policy of the server's settings.
func (s *server) webhookGuard() webhooks.Guard {
	return webhooks.Guard{AllowHTTP: s.Config.WebhookAllowHTTP, AllowPrivate: s.Config.WebhookAllowPrivate}
}

// webhookWho is the caller of c, for the audit log.
func webhookWho(c *gin.Context) webhooks.Who {
	v := caller(c)
	return webhooks.Who{UserID: userIDPtr(v), Actor: v.Subject, RequestID: requestID(c)}
}

// checkWebhookURL runs the SSRF guard on a URL the body sets.
func (s *server) checkWebhookURL(c *gin.Context, url *string) error {
	if fields := validateWebhookFields(c.Request.Context(), s.webhookGuard(), url, nil, nil); len(fields) > 0 {
		return apperr.Invalid(fields...)
	}
	return nil
}

// createWebhook godoc
//
//	@ID			createWebhook
//	@Summary	Register a webhook endpoint
//	@Description	tenant_admin at the tenant root. Yishi POSTs the subscribed events to url, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature = "v1," + base64 HMAC-SHA256 of "id.timestamp.body" keyed with the secret's base64-decoded part). The secret is returned once. The URL must be https and must not resolve to a loopback, private, link-local or metadata address (unless YISHI_WEBHOOK_ALLOW_HTTP / YISHI_WEBHOOK_ALLOW_PRIVATE). Audited.
//	@Tags		webhooks
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"tenant root unit id"
//	@Param		body	body		createWebhookRequest	true	"the endpoint"
//	@Success	201		{object}	webhookResponse
//	@Failure	400		{object}	problem	"request.invalid: url, events or description invalid"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden"
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Failure	422		{object}	problem	"webhook.not_tenant_root: webhooks are registered at the tenant root"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/webhooks [post]
func (s *server) createWebhook(c *gin.Context) error {
	var req createWebhookRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	if u.ID != u.TenantID {
		return apperr.New(apperr.KindUnprocessable, "webhook.not_tenant_root", "webhooks are registered at the tenant root")
	}
	if err := s.checkWebhookURL(c, &req.URL); err != nil {
		return err
	}
	w, err := webhooks.Register(c.Request.Context(), s.Store.Client, u,
		webhooks.Endpoint{URL: req.URL, Events: req.Events, Description: req.Description}, webhookWho(c))
	if err != nil {
		return err
	}
	out := newWebhookResponse(w)
	out.Secret = w.Secret
	c.Header("Cache-Control", "no-store")
	c.Header("Location", "/v1/webhooks/"+strconv.Itoa(w.ID))
	c.JSON(http.StatusCreated, out)
	return nil
}

// listWebhooks godoc
//
//	@ID			listWebhooks
//	@Summary	List the tenant's webhook endpoints
//	@Tags		webhooks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"tenant root unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[webhookResponse]
//	@Failure	400		{object}	problem	"request.invalid: limit or cursor"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden"
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Router		/v1/units/{id}/webhooks [get]
func (s *server) listWebhooks(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.Webhook, error) {
		return webhooks.OfTenant(c.Request.Context(), s.Store.Client, u.TenantID, p.After, p.Limit+1)
	}, func(w *ent.Webhook) int { return w.ID }, newWebhookResponse)
}

// getWebhook godoc
//
//	@ID			getWebhook
//	@Summary	Read a webhook endpoint
//	@Tags		webhooks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"webhook id"
//	@Success	200	{object}	webhookResponse
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden"
//	@Failure	404	{object}	problem	"webhook.not_found"
//	@Router		/v1/webhooks/{id} [get]
func (s *server) getWebhook(c *gin.Context) error {
	c.JSON(http.StatusOK, newWebhookResponse(targetOf[*ent.Webhook](c)))
	return nil
}

// updateWebhook godoc
//
//	@ID			updateWebhook
//	@Summary	Edit, disable or re-enable a webhook endpoint
//	@Description	Absent fields are unchanged. disabled true stops deliveries (they wait); false re-enables the endpoint and forgets its failures. Audited.
//	@Tags		webhooks
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"webhook id"
//	@Param		body	body		updateWebhookRequest	true	"the changes"
//	@Success	200		{object}	webhookResponse
//	@Failure	400		{object}	problem	"request.invalid: url, events or description invalid"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden"
//	@Failure	404		{object}	problem	"webhook.not_found"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/webhooks/{id} [patch]
func (s *server) updateWebhook(c *gin.Context) error {
	var req updateWebhookRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.URL != nil {
		if err := s.checkWebhookURL(c, req.URL); err != nil {
			return err
		}
	}
	ch := webhooks.Change{URL: req.URL, Description: req.Description, Disabled: req.Disabled}
	if req.Events != nil {
		ch.Events = *req.Events
	}
	w, err := webhooks.Update(c.Request.Context(), s.Store.Client, targetOf[*ent.Webhook](c), ch, s.now(), webhookWho(c))
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newWebhookResponse(w))
	return nil
}

// deleteWebhook godoc
//
//	@ID			deleteWebhook
//	@Summary	Delete a webhook endpoint and its delivery log
//	@Description	Audited.
//	@Tags		webhooks
//	@Security	BearerAuth
//	@Param		id	path	int	true	"webhook id"
//	@Success	204
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden"
//	@Failure	404	{object}	problem	"webhook.not_found"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/webhooks/{id} [delete]
func (s *server) deleteWebhook(c *gin.Context) error {
	if err := webhooks.Delete(c.Request.Context(), s.Store.Client, targetOf[*ent.Webhook](c), webhookWho(c)); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// rotateWebhookSecret godoc
//
//	@ID			rotateWebhookSecret
//	@Summary	Replace a webhook endpoint's secret
//	@Description	The new secret signs every attempt from now on and is returned once. Audited.
//	@Tags		webhooks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"webhook id"
//	@Success	200	{object}	webhookResponse
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden"
//	@Failure	404	{object}	problem	"webhook.not_found"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/webhooks/{id}/rotate-secret [post]
func (s *server) rotateWebhookSecret(c *gin.Context) error {
	w, err := webhooks.RotateSecret(c.Request.Context(), s.Store.Client, targetOf[*ent.Webhook](c), webhookWho(c))
	if err != nil {
		return err
	}
	out := newWebhookResponse(w)
	out.Secret = w.Secret
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
	return nil
}

// listWebhookDeliveries godoc
//
//	@ID			listWebhookDeliveries
//	@Summary	The delivery log of a webhook endpoint, newest first
//	@Tags		webhooks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"webhook id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[webhookDeliveryResponse]
//	@Failure	400		{object}	problem	"request.invalid: limit or cursor"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden"
//	@Failure	404		{object}	problem	"webhook.not_found"
//	@Router		/v1/webhooks/{id}/deliveries [get]
func (s *server) listWebhookDeliveries(c *gin.Context) error {
	w := targetOf[*ent.Webhook](c)
	return respondPage(c, func(p page) ([]*ent.WebhookDelivery, error) {
		return webhooks.Deliveries(c.Request.Context(), s.Store.Client, w.ID, p.After, p.Limit+1)
	}, func(d *ent.WebhookDelivery) int { return d.ID }, newWebhookDeliveryResponse)
}

// redeliverWebhookDelivery godoc
//
//	@ID			redeliverWebhookDelivery
//	@Summary	Send a delivery's event again
//	@Description	Queues the event again for this endpoint as a new delivery with the same webhook-id (receivers deduplicate on it), behind the endpoint's pending deliveries.
//	@Tags		webhooks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int	true	"webhook id"
//	@Param		delivery_id	path		int	true	"delivery id"
//	@Success	202			{object}	webhookDeliveryResponse
//	@Failure	401			{object}	problem	"auth.unauthorized"
//	@Failure	403			{object}	problem	"auth.forbidden"
//	@Failure	404			{object}	problem	"webhook.not_found, webhook_delivery.not_found"
//	@Failure	409			{object}	problem	"webhook_delivery.event_expired"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver [post]
func (s *server) redeliverWebhookDelivery(c *gin.Context) error {
	id, err := pathID(c, "delivery_id", "webhook_delivery")
	if err != nil {
		return err
	}
	d, err := webhooks.Redeliver(c.Request.Context(), s.Store.Client, targetOf[*ent.Webhook](c), id, s.now())
	if err != nil {
		return err
	}
	c.JSON(http.StatusAccepted, newWebhookDeliveryResponse(d))
	return nil
}
