package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
)

// notificationResponse is one inbox entry: what it is about (kind, one
// of the table in GET /v1/me/notification-preferences), the ids to act
// on (data), and the Chinese text for people. A proposal_update names
// the timeline event (event_id) and its action (data.action).
type notificationResponse struct {
	ID         int    `json:"id"`
	Kind       string `json:"kind" example:"proposal_update" enums:"proposal_update,proposal_queued,vote_opened,vote_result,meeting_scheduled,meeting_moved,meeting_cancelled,minutes_pending,task_assigned,task_overdue,membership_approved,membership_rejected,break_glass"`
	ProposalID *int   `json:"proposal_id"`
	EventID    *int   `json:"event_id"`
	// MembershipRequestID names the membership request whose decision
	// this announces (kinds membership_approved, membership_rejected).
	MembershipRequestID *int `json:"membership_request_id,omitempty"`
	// AuditID names the audit entry a break_glass notice reports.
	AuditID   *int           `json:"audit_id,omitempty"`
	Data      map[string]any `json:"data" swaggertype:"object"`
	Digest    bool           `json:"digest"`
	Title     string         `json:"title" example:"你关注的提案「转角遇到爱心椅」已受理"`
	Body      string         `json:"body" example:"状态：已提交 → 已受理"`
	Read      bool           `json:"read"`
	ReadAt    *time.Time     `json:"read_at"`
	CreatedAt time.Time      `json:"created_at"`
}

// notificationPage is one page of the inbox, newest first, with the
// number of unread entries for a badge.
type notificationPage struct {
	Items       []notificationResponse `json:"items"`
	NextCursor  string                 `json:"next_cursor"`
	UnreadCount int                    `json:"unread_count" example:"3"`
}

// markNotificationsReadRequest names the entries to mark read, or all.
type markNotificationsReadRequest struct {
	IDs []int `json:"ids,omitempty" maxItems:"200"`
	All bool  `json:"all,omitempty"`
}

func (r *markNotificationsReadRequest) validate() []apperr.FieldError {
	switch {
	case r.All && len(r.IDs) > 0:
		return []apperr.FieldError{{Field: "ids", Message: "give ids or all, not both"}}
	case !r.All && len(r.IDs) == 0:
		return []apperr.FieldError{{Field: "ids", Message: "name at least one notification, or set all"}}
	case len(r.IDs) > 200:
		return []apperr.FieldError{{Field: "ids", Message: "at most 200 at a time"}}
	}
	for _, id := range r.IDs {
		if id <= 0 {
			return []apperr.FieldError{{Field: "ids", Message: "must be notification ids"}}
		}
	}
	return nil
}

// markNotificationsReadResponse says how many entries changed from
// unread to read.
type markNotificationsReadResponse struct {
	Updated int `json:"updated" example:"3"`
}

func newNotificationResponse(n *ent.Notification) notificationResponse {
	data := n.Data
	if data == nil {
		data = map[string]any{}
	}
	return notificationResponse{ID: n.ID, Kind: n.Kind, ProposalID: n.ProposalID, EventID: n.EventID, MembershipRequestID: n.MembershipRequestID, AuditID: n.AuditID,
		Data: data, Digest: n.Digest, Title: n.Title, Body: n.Body, Read: n.ReadAt != nil, ReadAt: utcPtr(n.ReadAt), CreatedAt: n.CreatedAt.UTC()}
}
