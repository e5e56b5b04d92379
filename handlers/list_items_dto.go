package handlers

import (
	"slices"

	"yishi/internal/apperr"
	"yishi/internal/lists"
)

// createListItemRequest is the body of POST /v1/tenants/{id}/list-items:
// one encouraged category or negative-list item of the subdistrict's
// guidebook. Negative items are matched by their keywords, so they need one.
type createListItemRequest struct {
	Kind        string `json:"kind" enums:"encouraged,negative" example:"negative"`
	Code        string `json:"code" example:"N02" maxLength:"64" pattern:"^[A-Za-z0-9_-]{1,64}$"`
	Title       string `json:"title" example:"已进入司法或仲裁程序的事项" maxLength:"200"`
	TitleEn     string `json:"title_en,omitempty" example:"Matters already before a court or arbitration" maxLength:"200"`
	Description string `json:"description,omitempty" example:"Once a matter is in litigation, deliberation must not interfere." maxLength:"2000"`
	// Keywords: up to 50 phrases of 1-32 characters, matched as substrings
	// ignoring case; a negative item needs at least one.
	Keywords []string `json:"keywords" example:"起诉,法院,仲裁"`
}

func (r *createListItemRequest) validate() []apperr.FieldError {
	var out fieldErrors
	out.add("kind", lists.ValidateKind(r.Kind))
	out.add("code", lists.ValidateCode(r.Code))
	out.add("title", lists.ValidateText(r.Title, lists.MaxTitleLen, true, false))
	out.add("title_en", lists.ValidateText(r.TitleEn, lists.MaxTitleLen, false, false))
	out.add("description", lists.ValidateText(r.Description, lists.MaxDescriptionLen, false, true))
	out.add("keywords", lists.ValidateKeywords(r.Keywords, lists.KindOf(r.Kind))...)
	return out
}

// input is the validated request in the business layer's terms.
func (r *createListItemRequest) input() lists.Input {
	return lists.Input{Kind: lists.KindOf(r.Kind), Code: r.Code, Title: r.Title, TitleEn: r.TitleEn,
		Description: r.Description, Keywords: r.Keywords}
}

// updateListItemRequest is the body of PATCH /v1/list-items/{id}: absent
// fields keep their value. Retiring (status "retired") is how an item
// leaves use; there is no delete, so old screening flags still resolve.
type updateListItemRequest struct {
	Title       *string `json:"title,omitempty" example:"已进入司法或仲裁程序的事项" maxLength:"200"`
	TitleEn     *string `json:"title_en,omitempty" example:"Matters already before a court or arbitration" maxLength:"200"`
	Description *string `json:"description,omitempty" maxLength:"2000"`
	// Keywords replace the whole list: up to 50 phrases of 1-32 characters.
	Keywords *[]string `json:"keywords,omitempty" example:"起诉,法院,仲裁"`
	Status   *string   `json:"status,omitempty" enums:"active,retired" example:"retired"`
}

func (r *updateListItemRequest) validate() []apperr.FieldError {
	if r.Title == nil && r.TitleEn == nil && r.Description == nil && r.Keywords == nil && r.Status == nil {
		return []apperr.FieldError{{Field: "body", Message: "must change at least one field"}}
	}
	var out fieldErrors
	if r.Title != nil {
		out.add("title", lists.ValidateText(*r.Title, lists.MaxTitleLen, true, false))
	}
	if r.TitleEn != nil {
		out.add("title_en", lists.ValidateText(*r.TitleEn, lists.MaxTitleLen, false, false))
	}
	if r.Description != nil {
		out.add("description", lists.ValidateText(*r.Description, lists.MaxDescriptionLen, false, true))
	}
	if r.Keywords != nil {
		out.add("keywords", lists.ValidateKeywords(*r.Keywords, "")...)
	}
	if r.Status != nil {
		out.add("status", lists.ValidateStatus(*r.Status))
	}
	return out
}

// patch is the validated request in the business layer's terms.
func (r *updateListItemRequest) patch() lists.Patch {
	p := lists.Patch{Title: r.Title, TitleEn: r.TitleEn, Description: r.Description, Keywords: r.Keywords}
	if r.Status != nil {
		p.Status = lists.StatusOf(*r.Status)
	}
	return p
}

// fields names the fields the request changes, for the audit log.
func (r *updateListItemRequest) fields() []string {
	var out []string
	for name, set := range map[string]bool{"title": r.Title != nil, "title_en": r.TitleEn != nil,
		"description": r.Description != nil, "keywords": r.Keywords != nil, "status": r.Status != nil} {
		if set {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// fieldErrors collects validation messages for one request.
type fieldErrors []apperr.FieldError

// add records each non-empty message against field.
func (f *fieldErrors) add(field string, msgs ...string) {
	for _, m := range msgs {
		if m != "" {
			*f = append(*f, apperr.FieldError{Field: field, Message: m})
		}
	}
}
