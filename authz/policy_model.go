// Package authz decides who may do what where: the embedded Casbin model
// and role permissions, the ent-backed policy store that keeps every
// instance in step, and the request-time checks built on them.
package authz

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/casbin/casbin/v2/model"
)

// modelConf is the DESIGN.md §2 model. It is embedded so the binary cannot
// run with a model that differs from the one that was measured.
//
//go:embed model.conf
var modelConf string

// policyCSV holds the role→permission p lines; role assignments live in
// the database, never here.
//
//go:embed policy.csv
var policyCSV string

// newModel parses the embedded model; each enforcer needs its own copy.
func newModel() (model.Model, error) {
	m, err := model.NewModelFromString(modelConf)
	if err != nil {
		return nil, fmt.Errorf("authz model: %w", err)
	}
	return m, nil
}

// permissionRule is one p line: role may perform act on obj.
type permissionRule struct {
	Role, Obj, Act string
}

// parsePermissions reads the embedded p lines in file order, which is
// also the rank order of the roles (strongest first).
func parsePermissions(src string) ([]permissionRule, error) {
	r := csv.NewReader(strings.NewReader(src))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("policy.csv: %w", err)
	}
	out := make([]permissionRule, 0, len(recs))
	for i, rec := range recs {
		if len(rec) != 4 || rec[0] != "p" {
			return nil, fmt.Errorf("policy.csv record %d: want \"p, role, obj, act\", got %q", i+1, rec)
		}
		out = append(out, permissionRule{Role: rec[1], Obj: rec[2], Act: rec[3]})
	}
	return out, nil
}
