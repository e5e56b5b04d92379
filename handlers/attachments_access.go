package handlers

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
)

// loadAttachment reads the attachment named by :id as the caller (privacy
// hides rows outside their tenant and community: 404), then its proposal
// with loadProposal's rules for read. A staff-only file is 404 for anyone
// else: the list never showed it to them either.
func (s *server) loadAttachment(c *gin.Context) (*ent.Attachment, error) {
	id, err := pathID(c, "id", "attachment")
	if err != nil {
		return nil, err
	}
	ctx := c.Request.Context()
	m, err := s.Store.Client.Attachment.Get(ctx, id)
	if ent.IsNotFound(err) || (err == nil && m.OwnerType != attachmentOwnerProposal) {
		return nil, apperr.NotFound("attachment")
	}
	if err != nil {
		return nil, fmt.Errorf("load attachment: %w", err)
	}
	p, err := s.Store.Client.Proposal.Get(ctx, m.OwnerID)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("attachment")
	}
	if err != nil {
		return nil, fmt.Errorf("load attachment's proposal: %w", err)
	}
	if err := s.allowInCommunity(c, "proposal", "read", p.UnitPath, p.CommunityPath); err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
			return nil, apperr.Forbidden("you may not read this proposal") // visible, as in loadProposal
		}
		return nil, err
	}
	if m.Internal && !s.seesInternal(c, p) {
		return nil, apperr.NotFound("attachment")
	}
	return m, nil
}

// contentDisposition names a download for every browser: an ASCII
// fallback, then the exact UTF-8 name percent-encoded (RFC 6266, 8187).
func contentDisposition(name string) string {
	var ascii, enc strings.Builder
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			r = '_'
		}
		ascii.WriteRune(r)
	}
	for i := 0; i < len(name); i++ {
		if b := name[i]; isAttrChar(b) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + enc.String()
}

// isAttrChar reports whether b may appear unencoded in an RFC 8187 value.
func isAttrChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}
