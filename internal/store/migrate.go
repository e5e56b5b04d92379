package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"entgo.io/ent/dialect"

	"yishi/ent/migrate/migrations"
)

// migrationLockKey is the PostgreSQL advisory lock that serialises
// migrations when several instances start at once.
const migrationLockKey = 7_242_001

// Migration is one versioned SQL file.
type Migration struct {
	Version  string
	SQL      string
	Checksum string
}

// Migrations lists the embedded migrations for dialect in version order.
func Migrations(dia string) ([]Migration, error) {
	dir := "sqlite"
	if dia == dialect.Postgres {
		dir = "postgres"
	}
	entries, err := fs.ReadDir(migrations.FS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		b, err := fs.ReadFile(migrations.FS, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		sum := sha256.Sum256(b)
		out = append(out, Migration{
			Version:  strings.TrimSuffix(e.Name(), ".sql"),
			SQL:      string(b),
			Checksum: hex.EncodeToString(sum[:]),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Migrate applies every embedded migration not yet recorded in
// yishi_migrations, each in its own transaction, and returns the versions
// it applied. Running it again applies nothing. An applied file whose
// checksum changed is an error: migrations are append-only.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: conn: %w", err)
	}
	defer conn.Close()
	if s.Dialect == dialect.Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrationLockKey); err != nil {
			return nil, fmt.Errorf("migrate: lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLockKey)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS yishi_migrations (
		version VARCHAR(255) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL)`); err != nil {
		return nil, fmt.Errorf("migrate: bookkeeping table: %w", err)
	}
	applied, err := appliedMigrations(ctx, conn)
	if err != nil {
		return nil, err
	}
	all, err := Migrations(s.Dialect)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, m := range all {
		if sum, ok := applied[m.Version]; ok {
			if sum != m.Checksum {
				return done, fmt.Errorf("migrate: %s was edited after it was applied", m.Version)
			}
			continue
		}
		if err := s.apply(ctx, conn, m); err != nil {
			return done, err
		}
		done = append(done, m.Version)
	}
	return done, nil
}

func appliedMigrations(ctx context.Context, conn *sql.Conn) (map[string]string, error) {
	rows, err := conn.QueryContext(ctx, "SELECT version, checksum FROM yishi_migrations")
	if err != nil {
		return nil, fmt.Errorf("migrate: list applied: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var v, c string
		if err := rows.Scan(&v, &c); err != nil {
			return nil, fmt.Errorf("migrate: scan applied: %w", err)
		}
		out[v] = c
	}
	return out, rows.Err()
}

func (s *Store) apply(ctx context.Context, conn *sql.Conn, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %s: begin: %w", m.Version, err)
	}
	defer tx.Rollback()
	for _, stmt := range splitStatements(m.SQL) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Version, err)
		}
	}
	insert := "INSERT INTO yishi_migrations (version, checksum, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
	if s.Dialect == dialect.Postgres {
		insert = "INSERT INTO yishi_migrations (version, checksum, applied_at) VALUES ($1, $2, now()::text)"
	}
	if _, err := tx.ExecContext(ctx, insert, m.Version, m.Checksum); err != nil {
		return fmt.Errorf("migrate %s: record: %w", m.Version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %s: commit: %w", m.Version, err)
	}
	return nil
}

// splitStatements splits an atlas-formatted file: one statement per line
// group, each ending with ";" at the end of a line, comments starting "--".
func splitStatements(src string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, strings.TrimSpace(cur.String()))
	}
	return out
}
