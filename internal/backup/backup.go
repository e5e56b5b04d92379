// Package backup copies a live SQLite installation (the database, the
// JWT signing keys and the attachment blobs) into a directory, and
// restores such a directory into an installation no process is using.
// PostgreSQL installations use pg_dump / pg_restore instead (README).
package backup

import (
	"errors"
	"time"
)

// Layout is where one installation keeps its state.
type Layout struct {
	// DBPath is the SQLite database file (its -wal and -shm files sit
	// beside it).
	DBPath string
	// KeyFile is the PEM file of JWT signing keys. Without it, every
	// access token and refresh session of the restored server is void.
	KeyFile string
	// BlobDir holds attachment files, which the database only names.
	BlobDir string
}

// Names of the parts inside a backup directory.
const (
	dbName       = "yishi.db"
	keyName      = "jwt-keys.pem"
	blobsName    = "blobs"
	manifestName = "manifest.json"
)

// Manifest describes a finished backup. It is written last, so a
// directory without one is an interrupted backup and restore refuses it.
type Manifest struct {
	CreatedAt time.Time `json:"created_at"`
	// Source is the database file that was copied.
	Source        string `json:"source"`
	DatabaseBytes int64  `json:"database_bytes"`
	// Integrity is the copy's PRAGMA integrity_check answer ("ok").
	Integrity string `json:"integrity"`
	HasKeys   bool   `json:"has_keys"`
	Blobs     int    `json:"blobs"`
	BlobBytes int64  `json:"blob_bytes"`
	// Took is how long the backup ran, for operators sizing their windows.
	Took string `json:"took"`
}

// ErrInUse is returned when restore finds a process (a running yishi
// serve, a sqlite3 shell) holding the target database open.
var ErrInUse = errors.New("the database is in use: stop every yishi serve (and any other program) using it first")
