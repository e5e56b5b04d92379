package testdb

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"
)

// envRequirePG is set to 1 by scripts/test-pg under CI=true. Then a
// missing or unreachable PostgreSQL must fail the run: a CI that quietly
// falls back to SQLite would report the PostgreSQL suites as green
// without running them.
const envRequirePG = "YISHI_REQUIRE_PG"

func TestPostgresRequiredInCI(t *testing.T) {
	if os.Getenv(envRequirePG) != "1" {
		t.Skipf("%s is not 1; PostgreSQL is optional here", envRequirePG)
	}
	base := os.Getenv(EnvURL)
	if base == "" {
		t.Fatalf("%s=1 but %s is not set: the suites would run on SQLite only", envRequirePG, EnvURL)
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", EnvURL, err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var version string
	if err := db.QueryRowContext(ctx, "SHOW server_version").Scan(&version); err != nil {
		t.Fatalf("PostgreSQL from %s is unreachable: %v", EnvURL, err)
	}
	t.Logf("PostgreSQL %s", version)

	// The harness itself must produce a PostgreSQL database for a test.
	if !IsPostgres() {
		t.Fatalf("IsPostgres() = false with %s set", EnvURL)
	}
	st := Open(t)
	if st.Dialect != "postgres" {
		t.Fatalf("testdb.Open dialect = %q, want postgres", st.Dialect)
	}
}
