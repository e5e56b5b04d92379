package handlers

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// allowTenantRead decides obj:read on reference data that belongs to a
// whole tenant, such as the proposal lists: every community and grid of the
// subdistrict works under them, so the caller may read when they hold
// obj:read at any of their own units inside the tenant (the root
// included). Outside the tenant the answer is 404 naming what; inside it,
// a missing permission is 403.
func (s *server) allowTenantRead(c *gin.Context, obj, tenantPath, what string) error {
	return s.allowInTenant(c, obj, "read", tenantPath, what, false)
}

// allowTenantAdmin decides obj:act on tenant-wide data, which must be held
// at the tenant root itself. Staff and residents elsewhere in the tenant
// get 403 rather than 404: they can read the data, so hiding it is moot.
func (s *server) allowTenantAdmin(c *gin.Context, obj, act, tenantPath, what string) error {
	return s.allowInTenant(c, obj, act, tenantPath, what, true)
}

func (s *server) allowInTenant(c *gin.Context, obj, act, tenantPath, what string, atRoot bool) error {
	v := caller(c)
	if v == nil {
		return apperr.Unauthorized("authentication required")
	}
	var scopes []string
	for _, sc := range v.Scopes {
		if strings.HasPrefix(sc, tenantPath) {
			scopes = append(scopes, sc)
		}
	}
	if len(scopes) == 0 && !v.Platform {
		return apperr.NotFound(what)
	}
	if atRoot {
		scopes = []string{tenantPath}
	}
	for _, sc := range scopes {
		if v.TokenAllows(obj, act) && s.Policy.Enforce(v.Subject, obj, act, sc) {
			return nil
		}
	}
	return apperr.Forbidden("you may not " + act + " " + obj + " here")
}

// loadListItem reads the item named by :id and checks list_item:act on its
// tenant. Privacy would hide the subdistrict-owned row from a community or
// grid viewer who may legitimately read it, so the row is read with
// viewer.SystemContext and the tenant check above decides; a caller
// outside the tenant gets the same 404 as for a missing id.
func (s *server) loadListItem(c *gin.Context, act string) (*ent.ListItem, error) {
	id, err := pathID(c, "id", "list_item")
	if err != nil {
		return nil, err
	}
	it, err := s.Store.Client.ListItem.Get(viewer.SystemContext(c.Request.Context()), id)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("list_item")
	}
	if err != nil {
		return nil, fmt.Errorf("read list item: %w", err)
	}
	path := units.TenantPath(it.TenantID)
	if act == "read" {
		err = s.allowTenantRead(c, "list_item", path, "list_item")
	} else {
		err = s.allowTenantAdmin(c, "list_item", act, path, "list_item")
	}
	if err != nil {
		return nil, err
	}
	return it, nil
}
