package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestFaultOfClassifiesDatabaseErrors(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("query units: %w", err) }
	for _, tc := range []struct {
		name string
		err  error
		want Fault
	}{
		{"nil", nil, NoFault},
		{"plain", errors.New("boom"), NoFault},
		{"terminated 57P01", wrap(&pgconn.PgError{Severity: "FATAL", Code: "57P01"}), Unavailable},
		{"connection failure 08006", &pgconn.PgError{Code: "08006"}, Unavailable},
		{"standby 25006", &pgconn.PgError{Code: "25006"}, Unavailable},
		{"disk full 53100", &pgconn.PgError{Code: "53100"}, Full},
		{"too many connections", &pgconn.PgError{Code: "53300"}, Busy},
		{"serialization failure", &pgconn.PgError{Code: "40001"}, Busy},
		{"unique violation", &pgconn.PgError{Code: "23505"}, NoFault},
		{"bad conn", wrap(driver.ErrBadConn), Unavailable},
		{"conn closed", wrap(pgconn.ErrConnClosed), Unavailable},
		{"deadline", wrap(context.DeadlineExceeded), Unavailable},
		{"refused", wrap(syscall.ECONNREFUSED), Unavailable},
		{"eof mid-message", wrap(io.ErrUnexpectedEOF), Unavailable},
		{"canceled by the client", wrap(context.Canceled), NoFault},
	} {
		if got := FaultOf(tc.err); got != tc.want {
			t.Errorf("%s: FaultOf = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestSQLiteFaultUsesThePrimaryCode(t *testing.T) {
	for code, want := range map[int]Fault{
		5: Busy, 5 | 2<<8: Busy, 6: Busy, 13: Full, 10 | 3<<8: Unavailable, 19: NoFault, 11: NoFault,
	} {
		if got := sqliteFault(code); got != want {
			t.Errorf("sqliteFault(%d) = %d, want %d", code, got, want)
		}
	}
}

func TestURLBusyTimeoutWins(t *testing.T) {
	if dsn := sqliteDSN("/tmp/y.db?_pragma=busy_timeout(50)"); strings.Contains(dsn, "busy_timeout(10000)") {
		t.Fatalf("default busy timeout added over the URL's: %s", dsn)
	}
	if dsn := sqliteDSN("/tmp/y.db"); !strings.Contains(dsn, "busy_timeout(10000)") {
		t.Fatalf("no default busy timeout: %s", dsn)
	}
	if u := withConnectTimeout("postgres://u@h/db?sslmode=disable"); !strings.Contains(u, "connect_timeout=5") {
		t.Fatalf("no connect timeout: %s", u)
	}
	if u := withConnectTimeout("postgres://u@h/db?connect_timeout=1"); u != "postgres://u@h/db?connect_timeout=1" {
		t.Fatalf("URL's connect timeout replaced: %s", u)
	}
}
