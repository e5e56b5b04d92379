package handlers

import (
	"context"
	"strconv"
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/webhooks"
)

// createWebhookRequest registers a partner endpoint at the tenant root.
// events are patterns: "*", "<resource>.*" or "<resource>.<event>", with
// resource one of proposal, vote, meeting, task, feedback, notification,
// membership_request.
type createWebhookRequest struct {
	URL         string   `json:"url" example:"https://hotline.example.cn/yishi/events" maxLength:"2048"`
	Events      []string `json:"events" example:"proposal.*,vote.closed"`
	Description string   `json:"description" example:"12345 热线工单同步" maxLength:"500"`
}

// maxWebhookEvents bounds one endpoint's subscription list.
const maxWebhookEvents = 50

// validateWebhookFields checks the fields a create or update sets; url is
// checked by the SSRF guard, which resolves the host.
func validateWebhookFields(ctx context.Context, g webhooks.Guard, url *string, events *[]string, description *string) []apperr.FieldError {
	var out []apperr.FieldError
	if url != nil {
		if msg := g.CheckURL(ctx, *url); msg != "" {
			out = append(out, apperr.FieldError{Field: "url", Message: msg})
		} else if len(*url) > 2048 {
			out = append(out, apperr.FieldError{Field: "url", Message: "must be at most 2048 characters"})
		}
	}
	if events != nil {
		if len(*events) == 0 || len(*events) > maxWebhookEvents {
			out = append(out, apperr.FieldError{Field: "events", Message: "must list 1 to 50 event types"})
		}
		for i, e := range *events {
			if !webhooks.ValidEventPattern(e) {
				out = append(out, apperr.FieldError{Field: "events[" + strconv.Itoa(i) + "]",
					Message: "must be *, <resource>.* or <resource>.<event>"})
			}
		}
	}
	if description != nil && len([]rune(*description)) > 500 {
		out = append(out, apperr.FieldError{Field: "description", Message: "must be at most 500 characters"})
	}
	return out
}

// updateWebhookRequest edits an endpoint; absent fields are unchanged.
// disabled true stops deliveries (they wait); false re-enables it.
type updateWebhookRequest struct {
	URL         *string   `json:"url,omitempty" maxLength:"2048"`
	Events      *[]string `json:"events,omitempty"`
	Description *string   `json:"description,omitempty" maxLength:"500"`
	Disabled    *bool     `json:"disabled,omitempty"`
}

// webhookResponse is an endpoint. secret appears only in the answers of
// creation and rotation (whsec_ + base64; sign with its decoded bytes).
type webhookResponse struct {
	ID             int        `json:"id" example:"4"`
	URL            string     `json:"url"`
	Events         []string   `json:"events"`
	Description    string     `json:"description"`
	Secret         string     `json:"secret,omitempty" example:"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"`
	Enabled        bool       `json:"enabled"`
	DisabledAt     *time.Time `json:"disabled_at" extensions:"x-nullable"`
	DisabledReason string     `json:"disabled_reason,omitempty"`
	FailingSince   *time.Time `json:"failing_since" extensions:"x-nullable"`
	TenantID       int        `json:"tenant_id"`
	UnitID         int        `json:"unit_id"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

func newWebhookResponse(w *ent.Webhook) webhookResponse {
	return webhookResponse{ID: w.ID, URL: w.URL, Events: w.Events, Description: w.Description,
		Enabled: w.DisabledAt == nil, DisabledAt: w.DisabledAt, DisabledReason: w.DisabledReason,
		FailingSince: w.FailingSince, TenantID: w.TenantID, UnitID: w.UnitID,
		CreatedAt: w.CreatedAt.UTC(), UpdatedAt: w.UpdatedAt.UTC()}
}

// webhookDeliveryResponse is one event owed to an endpoint and how its
// attempts went. message_id is the webhook-id header of every attempt.
type webhookDeliveryResponse struct {
	ID            int        `json:"id" example:"91"`
	WebhookID     int        `json:"webhook_id"`
	EventID       int        `json:"event_id"`
	EventType     string     `json:"event_type" example:"proposal.submit"`
	MessageID     string     `json:"message_id" example:"msg_1207"`
	Status        string     `json:"status" enums:"pending,succeeded,failed"`
	Attempts      int        `json:"attempts"`
	NextAttemptAt *time.Time `json:"next_attempt_at" extensions:"x-nullable"`
	LastAttemptAt *time.Time `json:"last_attempt_at" extensions:"x-nullable"`
	ResponseCode  *int       `json:"response_code" extensions:"x-nullable"`
	DurationMs    *int       `json:"duration_ms" extensions:"x-nullable"`
	LastError     string     `json:"last_error,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
}

func newWebhookDeliveryResponse(d *ent.WebhookDelivery) webhookDeliveryResponse {
	out := webhookDeliveryResponse{ID: d.ID, WebhookID: d.WebhookID, EventID: d.EventID, EventType: d.EventType,
		MessageID: d.MessageID, Status: d.Status.String(), Attempts: d.Attempts, LastAttemptAt: d.LastAttemptAt,
		ResponseCode: d.ResponseCode, DurationMs: d.DurationMs, LastError: d.LastError, CreatedAt: d.CreatedAt.UTC()}
	if d.Status.String() == "pending" {
		next := d.NextAttemptAt.UTC()
		out.NextAttemptAt = &next
	}
	return out
}

func (r *createWebhookRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.URL == "" {
		out = append(out, apperr.FieldError{Field: "url", Message: "must not be empty"})
	}
	return append(out, validateWebhookFields(context.Background(), webhooks.Guard{AllowPrivate: true}, nil, &r.Events, &r.Description)...)
}

func (r *updateWebhookRequest) validate() []apperr.FieldError {
	return validateWebhookFields(context.Background(), webhooks.Guard{AllowPrivate: true}, nil, r.Events, r.Description)
}
