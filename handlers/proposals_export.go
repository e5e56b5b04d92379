package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/export"
	"yishi/internal/proposals"
)

// proposalExportHeader names the columns of a proposal list export.
func proposalExportHeader() []string {
	return []string{"id", "title", "status", "category_code", "channel", "kind", "unit_id", "origin_unit_id",
		"author_name", "author_phone", "cosign_count", "outcome", "referred_to",
		"created_at", "submitted_at", "resolved_at", "closed_at"}
}

// exportProposals answers the whole filtered list under path as a file,
// newest first, reading exportPage rows at a time as the caller (privacy
// applies), with personal data masked exactly as in the JSON list.
// A staff export that shows full phones is audited like the JSON list.
func (s *server) exportProposals(c *gin.Context, u *ent.Unit, f proposals.ListFilter, format export.Format) error {
	revealed := 0
	err := writeExport(c, format, "proposals", proposalExportHeader(), func(emit func(...any) error) error {
		before := 0
		for {
			rows, err := proposals.ListUnder(c.Request.Context(), s.Store.Client, u.Path, f, before, exportPage)
			if err != nil {
				return err
			}
			for _, p := range rows {
				personal := s.seesPersonalData(c, p)
				revealed += boolCount(revealsPhone(c, p, personal))
				if err := emit(proposalExportRow(newProposalItem(p, personal))...); err != nil {
					return err
				}
			}
			if len(rows) < exportPage {
				return nil
			}
			before = rows[len(rows)-1].ID
		}
	})
	if err == nil {
		s.auditPersonalReadAfter(c, u, revealed)
	}
	return err
}

// proposalExportRow is one proposal as export cells.
func proposalExportRow(p proposalItem) []any {
	return []any{p.ID, p.Title, p.Status, p.CategoryCode, p.Channel, p.Kind, p.UnitID, p.OriginUnitID,
		p.Author.Name, p.Author.Phone, p.CosignCount, p.Outcome, p.ReferredTo,
		p.CreatedAt, p.SubmittedAt, p.ResolvedAt, p.ClosedAt}
}
