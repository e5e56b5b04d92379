// Package migrations embeds the versioned SQL migrations, one directory per
// dialect. They are generated from the ent schema by scripts/migrate-diff
// and applied by internal/store.
package migrations

import "embed"

// FS holds sqlite/*.sql and postgres/*.sql.
//
//go:embed sqlite/*.sql postgres/*.sql
var FS embed.FS
