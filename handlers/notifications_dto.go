package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
)

// notificationResponse is one inbox entry: what happened (kind is the
// timeline action, e.g. accept or progress_report, or break_glass for a
// tenant admin told of a platform override), to which proposal, and which
// timeline event (event_id) or audit log entry (audit_id) says more.
// Exactly one of event_id and audit_id is set.
type notificationResponse struct {
	ID         int        `json:"id"`
	Kind       string     `json:"kind" example:"accept"`
	ProposalID *int       `json:"proposal_id"`
	EventID    *int       `json:"event_id"`
	AuditID    *int       `json:"audit_id"`
	Title      string     `json:"title" example:"你关注的提案「转角遇到爱心椅」已受理"`
	Body       string     `json:"body" example:"状态：已提交 → 已受理（submitted → accepted）"`
	Read       bool       `json:"read"`
	ReadAt     *time.Time `json:"read_at"`
	CreatedAt  time.Time  `json:"created_at"`
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
	return notificationResponse{ID: n.ID, Kind: n.Kind, ProposalID: n.ProposalID, EventID: n.EventID, AuditID: n.AuditID,
		Title: n.Title, Body: n.Body, Read: n.ReadAt != nil, ReadAt: utcPtr(n.ReadAt), CreatedAt: n.CreatedAt.UTC()}
}
