package handlers

import (
	"strconv"
	"time"

	"yishi/ent"
)

// attachmentResponse describes a stored file without its bytes, which
// download_url serves; sha256 lets anyone check a copy against the record.
type attachmentResponse struct {
	ID          int       `json:"id" example:"12"`
	Filename    string    `json:"filename" example:"爱心椅来信.jpg"`
	ContentType string    `json:"content_type" example:"image/jpeg"`
	Size        int64     `json:"size" example:"183204"`
	SHA256      string    `json:"sha256" example:"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`
	Internal    bool      `json:"internal"`
	UploadedBy  *int      `json:"uploaded_by" example:"7"`
	CreatedAt   time.Time `json:"created_at"`
	DownloadURL string    `json:"download_url" example:"/v1/attachments/12/content"`
}

func newAttachmentResponse(m *ent.Attachment) attachmentResponse {
	return attachmentResponse{
		ID: m.ID, Filename: m.Filename, ContentType: m.ContentType, Size: m.Size, SHA256: m.Sha256,
		Internal: m.Internal, UploadedBy: m.UploadedBy, CreatedAt: m.CreatedAt.UTC(),
		DownloadURL: attachmentContentURL(m.ID),
	}
}

func attachmentContentURL(id int) string { return "/v1/attachments/" + strconv.Itoa(id) + "/content" }
