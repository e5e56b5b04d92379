package handlers

import (
	"context"
	"fmt"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/clients"
	"yishi/internal/grants"
	"yishi/internal/lists"
	"yishi/internal/meetings"
	"yishi/internal/organizations"
	"yishi/internal/proposals"
	"yishi/internal/tasks"
	"yishi/internal/units"
	"yishi/internal/voting"
	"yishi/internal/webhooks"
)

// getByID reads the row named by :id with get, answering 404 naming kind
// when it is missing or privacy hides it from the caller.
func getByID[T any](c *gin.Context, kind string, get func(ctx context.Context, id int) (T, error)) (T, error) {
	var zero T
	id, err := pathID(c, "id", kind)
	if err != nil {
		return zero, err
	}
	row, err := get(c.Request.Context(), id)
	if ent.IsNotFound(err) {
		return zero, apperr.NotFound(kind)
	}
	if err != nil {
		return zero, fmt.Errorf("load %s: %w", kind, err)
	}
	return row, nil
}

// read binds an internal/<area> finder to the server's client: the
// loaders read their targets through the area's service, never ent.
func read[T any](s *server, find func(context.Context, *ent.Client, int) (T, error)) func(context.Context, int) (T, error) {
	return func(ctx context.Context, id int) (T, error) { return find(ctx, s.Store.Client, id) }
}

// The loaders of the route table, one per kind of target. Rows read
// through privacy are Visible: the caller sees them, so a refusal is 403.

// unitTarget is the unit named by :id, read through privacy.
func unitTarget() loader {
	return loader{Name: "unit", Load: func(s *server, c *gin.Context) (access.Target, error) {
		u, err := getByID(c, "unit", read(s, units.Get))
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "unit", UnitPath: u.Path, Object: u}, nil
	}}
}

// communityUnitTarget is the unit named by :id for community-wide reads:
// a resident of a grid lists their whole community, whose unit the
// subtree read would hide from them. units.GetInCommunity reads it as the
// caller with the community reach privacy admits; a unit the caller cannot
// reach at all answers the same 404 as a missing id.
func communityUnitTarget() loader {
	return loader{Name: "unit (community-wide)", Load: func(s *server, c *gin.Context) (access.Target, error) {
		u, err := getByID(c, "unit", read(s, units.GetInCommunity))
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "unit", UnitPath: u.Path, Object: u}, nil
	}}
}

// tenantTarget is the subdistrict named by :id, decided on its path alone:
// community and grid callers may not read the root unit itself. The
// object is the tenant id.
func tenantTarget() loader {
	return loader{Name: "tenant", Load: func(_ *server, c *gin.Context) (access.Target, error) {
		id, err := pathID(c, "id", "tenant")
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "tenant", UnitPath: units.TenantPath(id), Object: id}, nil
	}}
}

// proposalTarget is the proposal named by :id.
func proposalTarget() loader {
	return loader{Name: "proposal", Load: func(s *server, c *gin.Context) (access.Target, error) {
		p, err := getByID(c, "proposal", read(s, proposals.Get))
		if err != nil {
			return access.Target{}, err
		}
		return proposalAccess(p), nil
	}}
}

// voteTarget is the vote named by :id.
func voteTarget() loader {
	return loader{Name: "vote", Load: func(s *server, c *gin.Context) (access.Target, error) {
		v, err := getByID(c, "vote", read(s, voting.Get))
		if err != nil {
			return access.Target{}, err
		}
		return voteAccess(v), nil
	}}
}

// meetingTarget is the meeting named by :id.
func meetingTarget() loader {
	return loader{Name: "meeting", Load: func(s *server, c *gin.Context) (access.Target, error) {
		m, err := getByID(c, "meeting", read(s, meetings.Get))
		if err != nil {
			return access.Target{}, err
		}
		return meetingAccess(m), nil
	}}
}

// taskTarget is the task named by :id.
func taskTarget() loader {
	return loader{Name: "task", Load: func(s *server, c *gin.Context) (access.Target, error) {
		t, err := getByID(c, "task", read(s, tasks.Get))
		if err != nil {
			return access.Target{}, err
		}
		return taskAccess(t), nil
	}}
}

// venueTarget is the venue named by :id.
func venueTarget() loader {
	return loader{Name: "venue", Load: func(s *server, c *gin.Context) (access.Target, error) {
		v, err := getByID(c, "venue", read(s, meetings.GetVenue))
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "venue", UnitPath: v.UnitPath, CommunityPath: v.CommunityPath,
			Visible: true, Object: v}, nil
	}}
}

// participantTarget is the meeting participant named by :id.
func participantTarget() loader {
	return loader{Name: "participant", Load: func(s *server, c *gin.Context) (access.Target, error) {
		p, err := getByID(c, "participant", read(s, meetings.GetParticipant))
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "participant", UnitPath: p.UnitPath, Visible: true, Object: p}, nil
	}}
}

// organizationTarget is the organization named by :id.
func organizationTarget() loader {
	return loader{Name: "organization", Load: func(s *server, c *gin.Context) (access.Target, error) {
		o, err := getByID(c, "organization", read(s, organizations.Get))
		if err != nil {
			return access.Target{}, err
		}
		return organizationAccess(o), nil
	}}
}

// listItemTarget is the guidebook list item named by :id. The row belongs
// to the subdistrict; privacy lets everyone with a role in the tenant read
// it (lists.Get), and the rule is decided tenant-wide: a caller outside
// the tenant gets the same 404 as for a missing id.
func listItemTarget() loader {
	return loader{Name: "list_item", Load: func(s *server, c *gin.Context) (access.Target, error) {
		it, err := getByID(c, "list_item", read(s, lists.Get))
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "list_item", UnitPath: units.TenantPath(it.TenantID), Object: it}, nil
	}}
}

// roleAssignmentTarget is the person's role assignment named by :id;
// revoking it needs the power to grant its role there.
func roleAssignmentTarget() loader {
	return loader{Name: "role_assignment", Load: func(s *server, c *gin.Context) (access.Target, error) {
		ra, err := getByID(c, "role_assignment", read(s, grants.Get))
		switch {
		case err != nil:
			return access.Target{}, err
		case ra.APIClientID != nil:
			return access.Target{}, apperr.NotFound("role_assignment")
		case ra.Domain == authz.PlatformDomain:
			return access.Target{}, apperr.Forbidden("platform roles are managed with the admin command")
		}
		return access.Target{Kind: "role_assignment", UnitPath: ra.Domain, Grant: ra.Role, Object: ra}, nil
	}}
}

// apiClientTarget is the partner app named by :id.
func apiClientTarget() loader {
	return loader{Name: "api_client", Load: func(s *server, c *gin.Context) (access.Target, error) {
		ac, err := getByID(c, "api_client", read(s, clients.Get))
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "api_client", UnitPath: ac.UnitPath, Object: ac}, nil
	}}
}

// attachmentTarget is the proposal attachment named by :id, decided on its
// proposal; internal files are invisible (404) to those who may not read
// internal fields.
func attachmentTarget() loader {
	return loader{Name: "attachment", Load: func(s *server, c *gin.Context) (access.Target, error) {
		id, err := pathID(c, "id", "attachment")
		if err != nil {
			return access.Target{}, err
		}
		m, p, err := proposals.GetAttachment(c.Request.Context(), s.Store.Client, id)
		if err != nil {
			return access.Target{}, err
		}
		if m.Internal && !s.seesInternal(c, p) {
			return access.Target{}, apperr.NotFound("attachment")
		}
		return access.Target{Kind: "attachment", UnitPath: p.UnitPath, CommunityPath: p.CommunityPath,
			Visible: true, Object: m}, nil
	}}
}

// webhookTarget is the webhook endpoint named by :id, read through privacy.
func webhookTarget() loader {
	return loader{Name: "webhook", Load: func(s *server, c *gin.Context) (access.Target, error) {
		w, err := getByID(c, "webhook", func(ctx context.Context, id int) (*ent.Webhook, error) {
			return webhooks.Get(ctx, s.Store.Client, id)
		})
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "webhook", UnitPath: w.UnitPath, Object: w}, nil
	}}
}
