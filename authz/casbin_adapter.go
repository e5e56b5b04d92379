package authz

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"

	"yishi/ent"
	"yishi/internal/viewer"
)

// adapterPageSize bounds one query while loading assignments; keyset pages
// of this size load 100k rows in a handful of round trips.
const adapterPageSize = 10_000

// errWriteThroughAPI is returned by every write method: a role change must
// be a RoleAssignment row written (and audited) by the API, so Casbin is
// never the writer.
var errWriteThroughAPI = errors.New("authz adapter: role assignments are written through the API as RoleAssignment rows, not through casbin")

// Adapter is the Casbin adapter over ent: the embedded p lines plus one
// g line (subject, role, domain) per live RoleAssignment. No public ent
// adapter can be fetched here, and the policy needs only this much.
type Adapter struct {
	client *ent.Client
	logger *slog.Logger
}

var _ persist.Adapter = (*Adapter)(nil)

// NewAdapter returns an adapter reading through client; rows it cannot
// use are skipped and reported to logger.
func NewAdapter(client *ent.Client, logger *slog.Logger) *Adapter {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Adapter{client: client, logger: logger}
}

// LoadPolicy satisfies persist.Adapter for plain Casbin use; the policy
// store calls load with its own context instead.
func (a *Adapter) LoadPolicy(m model.Model) error {
	return a.load(context.Background(), m, nil)
}

// load fills m and calls onRow (when set) for each g line it adds, so the
// caller can build its subject index from the very same rows.
func (a *Adapter) load(ctx context.Context, m model.Model, onRow func(string, Assignment)) error {
	if err := a.loadPermissions(m); err != nil {
		return err
	}
	return a.loadAssignments(viewer.SystemContext(ctx), m, onRow)
}

// loadPermissions adds the embedded role→permission p lines.
func (a *Adapter) loadPermissions(m model.Model) error {
	rules, err := parsePermissions(policyCSV)
	if err != nil {
		return err
	}
	for _, r := range rules {
		if err := persist.LoadPolicyArray([]string{"p", r.Role, r.Obj, r.Act}, m); err != nil {
			return fmt.Errorf("load p line: %w", err)
		}
	}
	return nil
}
