package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
)

// getAttachmentContent godoc
//
//	@ID		getAttachmentContent
//	@Summary	Download an attachment
//	@Description	Streams the stored bytes as a download (Content-Disposition: attachment, X-Content-Type-Options: nosniff), so an uploaded file never renders inside the app's origin. The type is the one sniffed at upload. The ETag is the SHA-256; If-None-Match with it answers 304. Whoever may read the proposal may download; internal files only callers with proposal:read_internal.
//	@Tags		attachments
//	@Produce	jpeg,png,image/webp,application/pdf,plain
//	@Security	BearerAuth
//	@Param		id	path		int		true	"attachment id"
//	@Success	200	{file}		file	"the file's bytes"
//	@Header		200	{string}	ETag	"quoted lowercase hex SHA-256 of the bytes"
//	@Success	304
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/attachments/{id}/content [get]
func (s *server) getAttachmentContent(c *gin.Context) error {
	m := targetOf[*ent.Attachment](c)
	etag := `"` + m.Sha256 + `"`
	if etagMatches(c.GetHeader("If-None-Match"), etag) {
		c.Header("ETag", etag)
		c.Header("Cache-Control", "private, no-cache")
		c.Status(http.StatusNotModified)
		return nil
	}
	rc, err := s.Blobs.Open(c.Request.Context(), m.StorageKey)
	if err != nil { // a row without its blob is the server's fault: 500, logged
		return fmt.Errorf("open attachment %d: %w", m.ID, err)
	}
	defer rc.Close()
	c.DataFromReader(http.StatusOK, m.Size, m.ContentType, rc, map[string]string{
		"ETag":                    etag,
		"Cache-Control":           "private, no-cache", // revalidate: access can be revoked
		"Content-Disposition":     contentDisposition(m.Filename),
		"Content-Security-Policy": "default-src 'none'; sandbox",
		"X-Content-Type-Options":  "nosniff",
	})
	return nil
}

// etagMatches implements If-None-Match for a strong ETag: a list of tags,
// weak or strong, or "*".
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
