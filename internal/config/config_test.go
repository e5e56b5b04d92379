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

func TestLoadMaxUploadBytes(t *testing.T) {
	c, err := Load(nil, func(string) string { return "" })
	if err != nil || c.MaxUploadBytes != 20<<20 {
		t.Fatalf("default %d, %v", c.MaxUploadBytes, err)
	}
	env := map[string]string{"YISHI_MAX_UPLOAD_BYTES": "65536"}
	if c, err = Load(nil, func(k string) string { return env[k] }); err != nil || c.MaxUploadBytes != 65536 {
		t.Fatalf("env %d, %v", c.MaxUploadBytes, err)
	}
	for _, v := range []string{"0", "-1", "20MB"} {
		if _, err := Load([]string{"-max-upload-bytes", v}, func(string) string { return "" }); err == nil {
			t.Errorf("accepted -max-upload-bytes %s", v)
		}
	}
}

func TestLoadLimits(t *testing.T) {
	c, err := Load(nil, func(string) string { return "" })
	if err != nil || c.MetricsAddr != "" || c.HashConcurrency != 0 || c.WriteRate != 120 {
		t.Fatalf("defaults %q %d %d, %v", c.MetricsAddr, c.HashConcurrency, c.WriteRate, err)
	}
	env := map[string]string{"YISHI_METRICS_ADDR": "127.0.0.1:9090", "YISHI_HASH_CONCURRENCY": "4", "YISHI_WRITE_RATE": "30"}
	if c, err = Load(nil, func(k string) string { return env[k] }); err != nil || c.MetricsAddr != "127.0.0.1:9090" || c.HashConcurrency != 4 || c.WriteRate != 30 {
		t.Fatalf("env %+v, %v", c, err)
	}
	if c.TenantStorageQuota != 10<<30 || c.UserStorageQuota != 1<<30 {
		t.Fatalf("quota defaults %d %d", c.TenantStorageQuota, c.UserStorageQuota)
	}
	for _, args := range [][]string{{"-write-rate", "0"}, {"-hash-concurrency", "-1"}, {"-write-rate", "many"}, {"-user-storage-quota", "-1"}} {
		if _, err := Load(args, func(string) string { return "" }); err == nil {
			t.Errorf("accepted %v", args)
		}
	}
}

// TestLoadSMSSender: log is the default; webhook needs its URL and
// secret; anything else is refused at start-up.
func TestLoadSMSSender(t *testing.T) {
	c, err := Load(nil, func(string) string { return "" })
	if err != nil || c.SMSSender != "log" || c.PrivacyNoticeVersion == "" {
		t.Fatalf("defaults: %+v %v", c, err)
	}
	for _, args := range [][]string{{"-sms-sender", "carrier-pigeon"}, {"-sms-sender", "webhook"},
		{"-sms-sender", "webhook", "-sms-webhook-url", "https://gw.example/sms"}} {
		if _, err := Load(args, func(string) string { return "" }); err == nil {
			t.Errorf("Load(%v) accepted a bad sender", args)
		}
	}
	env := map[string]string{"YISHI_SMS_SENDER": "webhook", "YISHI_SMS_WEBHOOK_URL": "https://gw.example/sms", "YISHI_SMS_WEBHOOK_SECRET": "k"}
	if c, err := Load(nil, func(k string) string { return env[k] }); err != nil || c.SMSWebhookURL == "" {
		t.Fatalf("webhook: %+v %v", c, err)
	}
}
