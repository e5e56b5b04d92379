package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/lists"
	"yishi/internal/messages"
)

// listItemResponse is a list item as clients see it. etag repeats the
// ETag header so a client holding a page of items can send If-Match on
// any of them without reading each one first.
type listItemResponse struct {
	ID          int       `json:"id" example:"8"`
	TenantID    int       `json:"tenant_id" example:"1"`
	Kind        string    `json:"kind" enums:"encouraged,negative" example:"negative"`
	Code        string    `json:"code" example:"N02"`
	Title       string    `json:"title" example:"已进入司法或仲裁程序的事项"`
	TitleEn     string    `json:"title_en" example:"Matters already before a court or arbitration"`
	Description string    `json:"description"`
	Keywords    []string  `json:"keywords" example:"起诉,法院,仲裁"`
	Status      string    `json:"status" enums:"active,retired" example:"active"`
	Position    int       `json:"position" example:"2"`
	ETag        string    `json:"etag" example:"\"5f1c0a9e2b7d4c31\""`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// newListItemResponse answers it with its description in lang (a seeded
// default is served in Chinese or English; see lists.DescriptionIn).
func newListItemResponse(it *ent.ListItem, lang messages.Lang) listItemResponse {
	kw := it.Keywords
	if kw == nil {
		kw = []string{}
	}
	return listItemResponse{
		ID: it.ID, TenantID: it.TenantID, Kind: string(it.Kind), Code: it.Code, Title: it.Title,
		TitleEn: it.TitleEn, Description: lists.DescriptionIn(it, string(lang)), Keywords: kw, Status: string(it.Status),
		Position: it.Position, ETag: listItemETag(it), CreatedAt: it.CreatedAt.UTC(), UpdatedAt: it.UpdatedAt.UTC(),
	}
}
