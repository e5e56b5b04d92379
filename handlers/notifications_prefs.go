package handlers

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// notificationPreferences is the caller's notification settings: every
// kind in the one table of kinds, with its Chinese label and whether the
// caller receives it, and the daily digest switch.
type notificationPreferences struct {
	DailyDigest bool                   `json:"daily_digest" example:"false"`
	Kinds       []notificationKindPref `json:"kinds"`
}

// notificationKindPref is one kind's setting.
type notificationKindPref struct {
	Kind    string `json:"kind" example:"vote_opened"`
	Label   string `json:"label" example:"投票开始"`
	Enabled bool   `json:"enabled" example:"true"`
}

// putNotificationPreferencesRequest replaces the settings: muted lists the
// kinds the caller does not want (every other kind is on); daily_digest
// batches the rest for external delivery once a day.
type putNotificationPreferencesRequest struct {
	DailyDigest bool     `json:"daily_digest" example:"true"`
	Muted       []string `json:"muted" example:"meeting_scheduled" maxItems:"32"`
}

func (r *putNotificationPreferencesRequest) validate() []apperr.FieldError {
	if len(r.Muted) > 32 {
		return []apperr.FieldError{{Field: "muted", Message: "at most 32 kinds"}}
	}
	var out []apperr.FieldError
	for i, k := range r.Muted {
		if !notify.Known(k) {
			out = append(out, apperr.FieldError{Field: fmt.Sprintf("muted[%d]", i), Message: "is not a notification kind"})
		}
	}
	return out
}

func newNotificationPreferences(p notify.Preferences) notificationPreferences {
	out := notificationPreferences{DailyDigest: p.Digest, Kinds: []notificationKindPref{}}
	for _, k := range notify.Kinds() {
		out.Kinds = append(out.Kinds, notificationKindPref{Kind: string(k.Kind), Label: k.Label,
			Enabled: !slices.Contains(p.Muted, k.Kind)})
	}
	return out
}

// getNotificationPreferences godoc
//
//	@Summary	The caller's notification preferences
//	@Description	Every notification kind (the one table of kinds: proposal_update, proposal_queued, vote_opened, vote_result, meeting_scheduled, meeting_moved, meeting_cancelled, minutes_pending, task_assigned, task_overdue) with its Chinese label and whether the caller receives it, and the daily digest switch. A muted kind is not written to the caller's inbox at all. With daily_digest on, notifications are still written to the inbox as they come, marked digest=true, so external delivery batches them once a day.
//	@ID			getNotificationPreferences
//	@Tags		notifications
//	@Produce	json
//	@Security	BearerAuth
//	@Success	200	{object}	notificationPreferences
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden: partner-app tokens have no inbox; tenant.suspended"
//	@Router		/v1/me/notification-preferences [get]
func (s *server) getNotificationPreferences(c *gin.Context) error {
	uid, err := inboxOwner(c)
	if err != nil {
		return err
	}
	p, err := notify.ReadPreferences(c.Request.Context(), s.Store.Client, uid)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newNotificationPreferences(p))
	return nil
}

// putNotificationPreferences godoc
//
//	@Summary	Replace the caller's notification preferences
//	@Description	muted lists the kinds the caller does not want (every other kind is on; an empty list turns everything on); daily_digest batches external delivery once a day. Unknown kinds are 400 naming muted[i]. Answers the full preferences as GET does.
//	@ID			putNotificationPreferences
//	@Tags		notifications
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		body	body		putNotificationPreferencesRequest	true	"the new preferences"
//	@Success	200		{object}	notificationPreferences
//	@Failure	400		{object}	problem	"request.invalid: muted[i] is not a notification kind"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden: partner-app tokens have no inbox; tenant.suspended"
//	@Failure	415		{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429		{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/me/notification-preferences [put]
func (s *server) putNotificationPreferences(c *gin.Context) error {
	uid, err := inboxOwner(c)
	if err != nil {
		return err
	}
	var req putNotificationPreferencesRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	in := notify.Preferences{Digest: req.DailyDigest}
	for _, k := range req.Muted {
		in.Muted = append(in.Muted, notify.Kind(k))
	}
	p, err := notify.WritePreferences(c.Request.Context(), s.Store.Client, uid, in)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newNotificationPreferences(p))
	return nil
}
