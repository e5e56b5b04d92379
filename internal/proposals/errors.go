package proposals

import (
	"database/sql"
	"errors"
)

// isNoRows reports ent's "no rows" answer to an upsert that did nothing,
// which for ON CONFLICT DO NOTHING means the row already existed.
func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
