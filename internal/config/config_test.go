package config

import (
	"testing"
	"time"
)

func TestLoadFlagsOverrideEnvironment(t *testing.T) {
	env := map[string]string{"YISHI_ADDR": ":9000", "YISHI_CORS_ORIGINS": "https://a.example, https://b.example", "YISHI_ACCESS_TTL": "5m"}
	c, err := Load([]string{"-addr", ":7000"}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":7000" || len(c.CORSOrigins) != 2 || c.AccessTTL != 5*time.Minute {
		t.Fatalf("unexpected config %+v", c)
	}
	if c.DatabaseURL != "sqlite://./yishi.db" {
		t.Fatalf("default database %q", c.DatabaseURL)
	}
}

func TestLoadRejectsBadValues(t *testing.T) {
	for _, args := range [][]string{{"-access-ttl", "soon"}, {"-log-level", "loud"}, {"-nope"}} {
		if _, err := Load(args, func(string) string { return "" }); err == nil {
			t.Errorf("Load(%v) accepted bad input", args)
		}
	}
}
