package proposals

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/viewer"
)

// followUpPrefix opens a follow-up's title: "跟进：转角遇到爱心椅".
const followUpPrefix = "跟进："

// openFollowUp files the draft that carries dissatisfied feedback back
// into the process: authored by the person who gave it, online, at the
// unit where the original was filed, linked by follow_up_of_id. The
// original's timeline records the link (and so notifies its people).
func openFollowUp(ctx context.Context, tx *ent.Tx, orig *ent.Proposal, fb *ent.Feedback, in FeedbackInput, by Actor) (*ent.Proposal, error) {
	// A deliberate system read of one unit: a grid resident cannot see a
	// community-level origin unit, and the caller was authorized on the
	// proposal itself.
	origin, err := tx.Unit.Get(viewer.SystemContext(ctx), orig.OriginUnitID)
	if err != nil {
		return nil, fmt.Errorf("load origin unit: %w", err)
	}
	body := strings.TrimSpace(in.Comment)
	if body == "" {
		body = fmt.Sprintf("对已完成的提案「%s」评价满意度 %d 分，需要继续跟进。", orig.Title, in.Satisfaction)
	}
	name, uid := by.Name, by.UserID
	if name == "" {
		name = "居民"
	}
	fu, err := Create(ctx, tx, NewProposal{Unit: origin, Title: cutBytes(followUpPrefix+orig.Title, 200),
		Body: body, Kind: "individual", Channel: "online", CategoryCode: orig.CategoryCode,
		AuthorID: &uid, AuthorName: name, FollowUpOf: &orig.ID}, by)
	if err != nil {
		return nil, fmt.Errorf("open follow-up: %w", err)
	}
	detail := map[string]any{"follow_up_id": fu.ID, "feedback_id": fb.ID,
		"satisfaction": in.Satisfaction, "new_need": in.NewNeed}
	if err := RecordEvent(ctx, tx, orig, by, "follow_up", "", detail); err != nil {
		return nil, err
	}
	return fu, nil
}

// cutBytes shortens s to at most n bytes on a character boundary: the
// title column's limit counts bytes.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
