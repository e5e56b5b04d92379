// Package open311 maps Yishi onto Open311 GeoReport v2 for city hotlines:
// a jurisdiction is a tenant (its code), a service is an encouraged
// category of the tenant's guidebook, and a service request is a
// hotline-channel proposal filed on a resident's behalf.
package open311

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/proposal"
	"yishi/ent/proposalevent"
	"yishi/ent/unit"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Jurisdiction returns the tenant root whose code is code. It reads as
// the system: jurisdictions are public (services.json needs no key).
func Jurisdiction(ctx context.Context, client *ent.Client, code string) (*ent.Unit, error) {
	us, err := client.Unit.Query().Where(unit.CodeEQ(code)).All(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("find jurisdiction: %w", err)
	}
	for _, u := range us {
		if u.ID == u.TenantID {
			return u, nil
		}
	}
	return nil, apperr.NotFound("jurisdiction")
}

// Services are the tenant's active encouraged categories, in list order:
// public reference data, read as the system.
func Services(ctx context.Context, client *ent.Client, tenantID int) ([]*ent.ListItem, error) {
	items, err := client.ListItem.Query().Where(listitem.TenantID(tenantID), listitem.KindEQ(listitem.KindEncouraged),
		listitem.StatusEQ(listitem.StatusActive)).Order(ent.Asc(listitem.FieldPosition), ent.Asc(listitem.FieldCode)).
		All(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("list services: %w", err)
	}
	return items, nil
}

// closedStatuses are the proposal statuses Open311 reports as closed.
var closedStatuses = []string{"rejected", "merged", "referred", "declined", "completed", "closed", "withdrawn", "lapsed"}

// StatusOf maps a proposal status to Open311's open or closed.
func StatusOf(s string) string {
	if slices.Contains(closedStatuses, s) {
		return "closed"
	}
	return "open"
}

// Request is a service request: the proposal and its latest note.
type Request struct {
	Proposal *ent.Proposal
	Note     string
}

// Requests reads the tenant's hotline proposals as the caller (privacy
// applies): those named by ids, or the newest limit when ids is empty.
func Requests(ctx context.Context, client *ent.Client, tenantID int, ids []int, limit int) ([]Request, error) {
	q := client.Proposal.Query().Where(proposal.TenantID(tenantID), proposal.ChannelEQ(proposal.ChannelHotline))
	if len(ids) > 0 {
		q.Where(proposal.IDIn(ids...))
	}
	ps, err := q.Order(ent.Desc(proposal.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list service requests: %w", err)
	}
	out := make([]Request, 0, len(ps))
	for _, p := range ps {
		ev, err := client.ProposalEvent.Query().Where(proposalevent.ProposalID(p.ID), proposalevent.NoteNEQ("")).
			Order(ent.Desc(proposalevent.FieldID)).First(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return nil, fmt.Errorf("latest note of %d: %w", p.ID, err)
		}
		r := Request{Proposal: p}
		if ev != nil {
			r.Note = ev.Note
		}
		out = append(out, r)
	}
	return out, nil
}

// ParseIDs reads a comma-separated service_request_id list.
func ParseIDs(s string) ([]int, bool) {
	var out []int
	seen := map[int]bool{}
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		id, err := strconv.Atoi(part)
		if err != nil || id <= 0 {
			return nil, false
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, len(out) <= 200
}
