package proposals

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/commentreport"
	"yishi/ent/listitem"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
	"yishi/internal/lists"
	"yishi/internal/viewer"
)

// screenComment screens a comment's body against its tenant's negative
// list, as proposals are screened on submit. Only negative matches count
// (a comment has no category); the flags inform moderators, never decide.
func screenComment(ctx context.Context, client *ent.Client, tenantID int, body string) ([]schematype.ScreeningFlag, error) {
	items, err := client.ListItem.Query().
		Where(listitem.TenantID(tenantID), listitem.KindEQ(listitem.KindNegative)).
		All(viewer.SystemContext(ctx)) // tenant reference data, as tenantListItems
	if err != nil {
		return nil, fmt.Errorf("load negative list: %w", err)
	}
	flags := []schematype.ScreeningFlag{}
	for _, f := range lists.Screen("", body, "", items) {
		if f.Kind == "negative" {
			flags = append(flags, f)
		}
	}
	return flags, nil
}

// CommentState is what a reader is told about a comment: visible,
// hidden by a moderator, or deleted by its author.
func CommentState(m *ent.Comment) string {
	switch {
	case m.DeletedAt != nil:
		return "deleted"
	case m.HiddenAt != nil:
		return "hidden"
	}
	return "visible"
}

// errCommentDeleted answers a moderation act on a deleted comment.
func errCommentDeleted() error {
	return apperr.Conflict("comment.deleted", "the comment was deleted by its author")
}

// HideComment hides m with reason: residents then see that a comment was
// hidden, and moderators still read it. Hiding a hidden comment is 409
// comment.hidden.
func HideComment(ctx context.Context, tx *ent.Tx, m *ent.Comment, by int, reason string, now time.Time) (*ent.Comment, error) {
	switch {
	case m.DeletedAt != nil:
		return nil, errCommentDeleted()
	case m.HiddenAt != nil:
		return nil, apperr.Conflict("comment.hidden", "the comment is already hidden")
	}
	out, err := tx.Comment.UpdateOne(m).SetHiddenAt(now.UTC()).SetHiddenBy(by).
		SetHiddenReason(strings.TrimSpace(reason)).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("hide comment %d: %w", m.ID, err)
	}
	return out, nil
}

// RestoreComment shows a hidden comment again; the reason for restoring
// goes to the audit log. Restoring a visible comment is 409
// comment.not_hidden.
func RestoreComment(ctx context.Context, tx *ent.Tx, m *ent.Comment) (*ent.Comment, error) {
	switch {
	case m.DeletedAt != nil:
		return nil, errCommentDeleted()
	case m.HiddenAt == nil:
		return nil, apperr.Conflict("comment.not_hidden", "the comment is not hidden")
	}
	out, err := tx.Comment.UpdateOne(m).ClearHiddenAt().ClearHiddenBy().SetHiddenReason("").Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("restore comment %d: %w", m.ID, err)
	}
	return out, nil
}

// DeleteComment marks m deleted by its author. The row stays (moderators
// and the audit log still refer to it); readers see that a comment was
// deleted. Deleting twice is harmless.
func DeleteComment(ctx context.Context, tx *ent.Tx, m *ent.Comment, now time.Time) (*ent.Comment, error) {
	if m.DeletedAt != nil {
		return m, nil
	}
	out, err := tx.Comment.UpdateOne(m).SetDeletedAt(now.UTC()).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("delete comment %d: %w", m.ID, err)
	}
	return out, nil
}

// ReportComment records reporterID's report on m. A second report by the
// same person keeps the first (created is false).
func ReportComment(ctx context.Context, tx *ent.Tx, m *ent.Comment, reporterID int, reason string) (r *ent.CommentReport, created bool, err error) {
	if m.DeletedAt != nil {
		return nil, false, errCommentDeleted()
	}
	prev, err := tx.CommentReport.Query().
		Where(commentreport.CommentID(m.ID), commentreport.ReporterID(reporterID)).Only(ctx)
	if err == nil {
		return prev, false, nil
	}
	if !ent.IsNotFound(err) {
		return nil, false, fmt.Errorf("read report on comment %d: %w", m.ID, err)
	}
	r, err = tx.CommentReport.Create().SetCommentID(m.ID).SetReporterID(reporterID).
		SetReason(strings.TrimSpace(reason)).Save(ctx)
	if ent.IsConstraintError(err) { // a concurrent report by the same person
		return nil, false, apperr.Conflict("comment.report_in_flight", "your report on this comment is being recorded")
	}
	if err != nil {
		return nil, false, fmt.Errorf("report comment %d: %w", m.ID, err)
	}
	return r, true, nil
}

// ReportCounts counts the reports on each of the comments, in one query.
// It reads as the caller: only moderators are shown the counts.
func ReportCounts(ctx context.Context, client *ent.Client, ids []int) (map[int]int, error) {
	out := map[int]int{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		CommentID int `json:"comment_id"`
		Count     int `json:"count"`
	}
	err := client.CommentReport.Query().Where(commentreport.CommentIDIn(ids...)).
		GroupBy(commentreport.FieldCommentID).Aggregate(ent.Count()).Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("count comment reports: %w", err)
	}
	for _, r := range rows {
		out[r.CommentID] = r.Count
	}
	return out, nil
}

// Comment reads one comment as the caller (privacy: 404 when invisible).
func Comment(ctx context.Context, client *ent.Client, id int) (*ent.Comment, error) {
	return client.Comment.Get(ctx, id)
}
