package handlers

import (
	"strconv"
	"strings"
	"time"

	"yishi/ent"
	"yishi/internal/lists"
	"yishi/internal/open311"
)

// open311Service is one GeoReport v2 service: an encouraged category of
// the jurisdiction's guidebook.
type open311Service struct {
	ServiceCode string `json:"service_code" example:"E02"`
	ServiceName string `json:"service_name" example:"整治类"`
	Description string `json:"description"`
	Metadata    bool   `json:"metadata" example:"false"`
	Type        string `json:"type" example:"realtime" enums:"realtime"`
	Keywords    string `json:"keywords" example:"整治,清理,疏通"`
	Group       string `json:"group" example:"encouraged"`
}

// open311RequestCreated is the answer to POST requests.json.
type open311RequestCreated struct {
	ServiceRequestID string  `json:"service_request_id" example:"638344"`
	ServiceNotice    string  `json:"service_notice"`
	AccountID        *string `json:"account_id" extensions:"x-nullable"`
}

// open311Request is one service request as GeoReport v2 reports it;
// status_notes is the latest note on the proposal's timeline.
type open311Request struct {
	ServiceRequestID  string    `json:"service_request_id" example:"638344"`
	Status            string    `json:"status" enums:"open,closed"`
	StatusNotes       string    `json:"status_notes"`
	ServiceName       string    `json:"service_name"`
	ServiceCode       string    `json:"service_code"`
	Description       string    `json:"description"`
	AgencyResponsible string    `json:"agency_responsible"`
	RequestedDatetime time.Time `json:"requested_datetime"`
	UpdatedDatetime   time.Time `json:"updated_datetime"`
}

func newOpen311Service(it *ent.ListItem, lang string) open311Service {
	name := it.Title
	if lang == "en" && it.TitleEn != "" {
		name = it.TitleEn
	}
	return open311Service{ServiceCode: it.Code, ServiceName: name, Description: lists.DescriptionIn(it, lang),
		Type: "realtime", Keywords: strings.Join(it.Keywords, ","), Group: string(it.Kind)}
}

func newOpen311Request(r open311.Request, agency string) open311Request {
	p := r.Proposal
	return open311Request{ServiceRequestID: strconv.Itoa(p.ID), Status: open311.StatusOf(string(p.Status)), StatusNotes: r.Note,
		ServiceName: p.Title, ServiceCode: p.CategoryCode, Description: p.Body, AgencyResponsible: agency,
		RequestedDatetime: p.CreatedAt.UTC(), UpdatedDatetime: p.UpdatedAt.UTC()}
}
