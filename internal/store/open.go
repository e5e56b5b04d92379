// Package store opens the database (embedded SQLite or PostgreSQL), applies
// the versioned migrations and hands out the ent client.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"yishi/ent"
	_ "yishi/ent/runtime" // registers privacy policies and hooks
)

// Store is an open database: the ent client plus the raw handle for health
// checks, migrations and LISTEN/NOTIFY.
type Store struct {
	Client  *ent.Client
	DB      *sql.DB
	Dialect string
	URL     string
}

// Open connects to url. "postgres://" and "postgresql://" select
// PostgreSQL; "sqlite://PATH", "file:..." or a bare path select SQLite with
// WAL, foreign keys and synchronous=FULL.
func Open(ctx context.Context, url string) (*Store, error) {
	db, dia, dsn, err := openDB(url)
	if err != nil {
		return nil, err
	}
	configurePool(db, dia, dsn)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("ping %s: %w", dia, err)
	}
	drv := entsql.OpenDB(dia, db)
	return &Store{Client: ent.NewClient(ent.Driver(drv)), DB: db, Dialect: dia, URL: url}, nil
}

// Close closes the ent client and the pool.
func (s *Store) Close() error { return s.Client.Close() }

// Ping checks the database answers; /readyz uses it. database/sql does
// not retry a ping that fails on a pooled connection the server killed
// (it only retries getting one), so one dead connection would report the
// instance unready: the dead one is dropped and a second ping decides.
func (s *Store) Ping(ctx context.Context) error {
	err := s.DB.PingContext(ctx)
	if errors.Is(err, driver.ErrBadConn) {
		err = s.DB.PingContext(ctx)
	}
	return err
}

// openDB opens the pool for url without connecting yet.
func openDB(url string) (db *sql.DB, dia, dsn string, err error) {
	driver, dsn, dia := resolve(url)
	if dia == dialect.Postgres {
		db, err = openPostgres(dsn)
	} else {
		db, err = sql.Open(driver, dsn)
	}
	if err != nil {
		return nil, dia, dsn, fmt.Errorf("open %s: %w", dia, err)
	}
	return db, dia, dsn, nil
}

func resolve(url string) (driver, dsn, dia string) {
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return "pgx", url, dialect.Postgres
	case strings.HasPrefix(url, "sqlite://"):
		return "sqlite", sqliteDSN(strings.TrimPrefix(url, "sqlite://")), dialect.SQLite
	default:
		return "sqlite", sqliteDSN(url), dialect.SQLite
	}
}

// sqliteDSN turns a path or file: URI into a modernc DSN with the pragmas
// Yishi relies on. An acknowledged write must survive a power cut, hence
// synchronous=FULL; _txlock=immediate avoids lock-upgrade deadlocks. The
// busy timeout (how long a write waits for another writer's lock before
// SQLITE_BUSY, answered 503) is 10 s unless the URL sets its own.
func sqliteDSN(path string) string {
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	pragmas := "_pragma=foreign_keys(1)&_txlock=immediate"
	if !strings.Contains(path, "busy_timeout") {
		pragmas += "&_pragma=busy_timeout(10000)"
	}
	if !strings.Contains(path, "mode=memory") {
		pragmas += "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	}
	return path + sep + pragmas
}

func configurePool(db *sql.DB, dia, dsn string) {
	if dia == dialect.Postgres {
		// 16 connections let commits share fsyncs (DESIGN.md §10).
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		db.SetConnMaxIdleTime(5 * time.Minute)
		return
	}
	if strings.Contains(dsn, "mode=memory") {
		// A private in-memory database lives in one connection.
		db.SetMaxOpenConns(1)
		return
	}
	db.SetMaxOpenConns(8)
}
