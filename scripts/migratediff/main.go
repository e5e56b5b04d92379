// Command migratediff writes a new versioned migration for each dialect
// from the difference between the ent schema and the migrations already in
// ent/migrate/migrations. It replays the existing files into a scratch
// database (in-memory SQLite; a throwaway PostgreSQL database) and asks
// ent's NamedDiff for the rest.
//
//	go run ./scripts/migratediff -name add_proposals
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"time"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"yishi/ent/migrate"
)

func main() {
	name := flag.String("name", "", "migration name, e.g. add_proposals")
	pg := flag.String("pg", envOr("YISHI_DEV_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"), "PostgreSQL server for the scratch database")
	flag.Parse()
	if *name == "" {
		log.Fatal("migratediff: -name is required")
	}
	ctx := context.Background()
	if err := diffSQLite(ctx, *name); err != nil {
		log.Fatal(err)
	}
	if err := diffPostgres(ctx, *pg, *name); err != nil {
		log.Fatal(err)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func diff(ctx context.Context, db *sql.DB, dia, dir, name string) error {
	d, err := atlas.NewLocalDir(dir)
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	m, err := schema.NewMigrate(entsql.OpenDB(dia, db),
		schema.WithDir(d),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dia),
		schema.WithFormatter(atlas.DefaultFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", dia, err)
	}
	if err := m.NamedDiff(ctx, name, migrate.Tables...); err != nil {
		return fmt.Errorf("diff %s: %w", dia, err)
	}
	return nil
}

func diffSQLite(ctx context.Context, name string) error {
	db, err := sql.Open("sqlite", "file:migratediff?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return diff(ctx, db, dialect.SQLite, "ent/migrate/migrations/sqlite", name)
}

func diffPostgres(ctx context.Context, server, name string) error {
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return err
	}
	defer admin.Close()
	scratch := fmt.Sprintf("yishi_migratediff_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		return fmt.Errorf("create scratch database: %w", err)
	}
	defer admin.ExecContext(ctx, "DROP DATABASE "+scratch+" WITH (FORCE)")
	u, err := url.Parse(server)
	if err != nil {
		return fmt.Errorf("parse -pg: %w", err)
	}
	u.Path = "/" + scratch
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	return diff(ctx, db, dialect.Postgres, "ent/migrate/migrations/postgres", name)
}
