// Package config reads Yishi's settings from YISHI_* environment variables,
// which command-line flags override.
package config

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// Config is every setting the binary reads. Each has an environment
// variable and a flag of the same name (YISHI_DATA_DIR ↔ -data-dir).
type Config struct {
	Addr            string
	DatabaseURL     string
	DataDir         string
	LogLevel        string
	CORSOrigins     []string
	JWTKeyFile      string
	Issuer          string
	Audience        string
	AccessTTL       time.Duration
	RefreshTTL      time.Duration
	AdminPhone      string
	AdminPassword   string
	MaxBodyBytes    int64
	MaxUploadBytes  int64
	ShutdownTimeout time.Duration
	// RequestTimeout bounds each request's context (database queries and
	// connection attempts included), so a vanished database answers 503
	// instead of hanging the client.
	RequestTimeout time.Duration
	// DrainDelay is how long a stopping server keeps its listener open,
	// answering new requests 503 and /readyz not ready, before it stops
	// accepting: time for a load balancer to take it out of rotation.
	DrainDelay     time.Duration
	TrustedProxies []string
	// FeedbackWindow is how long a completed proposal stays open for
	// residents' feedback before the background job closes it.
	FeedbackWindow time.Duration
	// MetricsAddr is where /metrics listens, apart from the public API
	// port; empty (the default) serves no metrics at all.
	MetricsAddr string
	// HashConcurrency bounds concurrent password hashes, each holding
	// 64 MiB; 0 means the number of CPUs.
	HashConcurrency int
	// WriteRate is how many writes (non-GET requests) one authenticated
	// caller may make per minute before getting 429.
	WriteRate int
	// TenantStorageQuota and UserStorageQuota cap the attachment bytes one
	// tenant and one uploader may store (0: no limit), so that nobody can
	// fill the disk everyone shares.
	TenantStorageQuota int64
	UserStorageQuota   int64
	// SMSSender delivers one-time codes: "log" (the default, local use
	// only) or "webhook" (a signed POST to SMSWebhookURL).
	SMSSender        string
	SMSWebhookURL    string
	SMSWebhookSecret string
	// PrivacyNoticeVersion is the privacy notice a registration consents
	// to; registrations must name it (PIPL, issue 11).
	PrivacyNoticeVersion string
	// WebhookAllowHTTP lets webhook endpoints use plain http;
	// WebhookAllowPrivate also lets them reach loopback, private and
	// link-local addresses (local development and tests only).
	WebhookAllowHTTP    bool
	WebhookAllowPrivate bool
}

// Load parses args (without the program and subcommand names) over the
// environment read through getenv, so tests need no real environment.
func Load(args []string, getenv func(string) string) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("yishi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	var cors, proxies, accessTTL, refreshTTL, shutdown, reqTimeout, drainDelay, maxUpload, feedback, hashes, writes, tenantQuota, userQuota string
	fs.StringVar(&c.Addr, "addr", env("YISHI_ADDR", ":8080"), "listen address")
	fs.StringVar(&c.DatabaseURL, "database-url", env("YISHI_DATABASE_URL", "sqlite://./yishi.db"), "database URL")
	fs.StringVar(&c.DataDir, "data-dir", env("YISHI_DATA_DIR", "./data"), "directory for keys and files")
	fs.StringVar(&c.LogLevel, "log-level", env("YISHI_LOG_LEVEL", "info"), "debug, info, warn or error")
	fs.StringVar(&cors, "cors-origins", env("YISHI_CORS_ORIGINS", ""), "comma-separated allowed SPA origins")
	fs.StringVar(&c.JWTKeyFile, "jwt-key-file", env("YISHI_JWT_KEY_FILE", ""), "PEM file of Ed25519 signing keys")
	fs.StringVar(&c.Issuer, "issuer", env("YISHI_ISSUER", "yishi"), "JWT iss claim")
	fs.StringVar(&c.Audience, "audience", env("YISHI_AUDIENCE", "yishi-api"), "JWT aud claim")
	fs.StringVar(&accessTTL, "access-ttl", env("YISHI_ACCESS_TTL", "15m"), "access token lifetime")
	fs.StringVar(&refreshTTL, "refresh-ttl", env("YISHI_REFRESH_TTL", "720h"), "refresh token lifetime")
	fs.StringVar(&c.AdminPhone, "admin-phone", env("YISHI_ADMIN_PHONE", ""), "bootstrap platform_admin phone")
	fs.StringVar(&c.AdminPassword, "admin-password", env("YISHI_ADMIN_PASSWORD", ""), "bootstrap platform_admin password")
	fs.Int64Var(&c.MaxBodyBytes, "max-body-bytes", 1<<20, "largest JSON request body")
	fs.StringVar(&maxUpload, "max-upload-bytes", env("YISHI_MAX_UPLOAD_BYTES", "20971520"), "largest attachment file")
	fs.StringVar(&shutdown, "shutdown-timeout", env("YISHI_SHUTDOWN_TIMEOUT", "20s"), "grace period for in-flight requests")
	fs.StringVar(&reqTimeout, "request-timeout", env("YISHI_REQUEST_TIMEOUT", "30s"), "longest a request may run")
	fs.StringVar(&drainDelay, "drain-delay", env("YISHI_DRAIN_DELAY", "0s"), "how long to answer 503 before closing the listener on shutdown")
	fs.StringVar(&proxies, "trusted-proxies", env("YISHI_TRUSTED_PROXIES", ""), "comma-separated proxy CIDRs trusted for client IPs")
	fs.StringVar(&feedback, "feedback-window", env("YISHI_FEEDBACK_WINDOW", "720h"), "how long completed proposals await feedback before closing")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("YISHI_METRICS_ADDR", ""), "listen address for /metrics (empty: off)")
	fs.StringVar(&hashes, "hash-concurrency", env("YISHI_HASH_CONCURRENCY", "0"), "concurrent password hashes (0: number of CPUs)")
	fs.StringVar(&writes, "write-rate", env("YISHI_WRITE_RATE", "120"), "writes per minute per authenticated caller")
	fs.StringVar(&tenantQuota, "tenant-storage-quota", env("YISHI_TENANT_STORAGE_QUOTA", "10737418240"), "attachment bytes per tenant (0: no limit)")
	fs.StringVar(&userQuota, "user-storage-quota", env("YISHI_USER_STORAGE_QUOTA", "1073741824"), "attachment bytes per uploader (0: no limit)")
	fs.StringVar(&c.SMSSender, "sms-sender", env("YISHI_SMS_SENDER", "log"), "one-time code delivery: log or webhook")
	fs.StringVar(&c.SMSWebhookURL, "sms-webhook-url", env("YISHI_SMS_WEBHOOK_URL", ""), "SMS gateway webhook URL (sms-sender=webhook)")
	fs.StringVar(&c.SMSWebhookSecret, "sms-webhook-secret", env("YISHI_SMS_WEBHOOK_SECRET", ""), "HMAC-SHA256 secret signing SMS webhook posts")
	fs.StringVar(&c.PrivacyNoticeVersion, "privacy-notice-version", env("YISHI_PRIVACY_NOTICE_VERSION", "2026-11"), "version of the privacy notice registrations consent to")
	fs.BoolVar(&c.WebhookAllowHTTP, "webhook-allow-http", env("YISHI_WEBHOOK_ALLOW_HTTP", "") == "true", "allow http webhook endpoints")
	fs.BoolVar(&c.WebhookAllowPrivate, "webhook-allow-private", env("YISHI_WEBHOOK_ALLOW_PRIVATE", "") == "true", "allow webhook endpoints on private, loopback and link-local addresses (and http)")
	if err := fs.Parse(args); err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	c.CORSOrigins = splitList(cors)
	c.TrustedProxies = splitList(proxies)
	var err error
	if c.AccessTTL, err = parseDuration("access-ttl", accessTTL); err != nil {
		return c, err
	}
	if c.RefreshTTL, err = parseDuration("refresh-ttl", refreshTTL); err != nil {
		return c, err
	}
	if c.ShutdownTimeout, err = parseDuration("shutdown-timeout", shutdown); err != nil {
		return c, err
	}
	if c.RequestTimeout, err = parseDuration("request-timeout", reqTimeout); err != nil {
		return c, err
	}
	if c.DrainDelay, err = time.ParseDuration(drainDelay); err != nil || c.DrainDelay < 0 {
		return c, fmt.Errorf("config: drain-delay %q is not a duration", drainDelay)
	}
	if c.FeedbackWindow, err = parseDuration("feedback-window", feedback); err != nil {
		return c, err
	}
	if c.MaxUploadBytes, err = parseSize("max-upload-bytes", maxUpload); err != nil {
		return c, err
	}
	if c.HashConcurrency, err = parseCount("hash-concurrency", hashes, 0); err != nil {
		return c, err
	}
	if c.WriteRate, err = parseCount("write-rate", writes, 1); err != nil {
		return c, err
	}
	if c.TenantStorageQuota, err = parseQuota("tenant-storage-quota", tenantQuota); err != nil {
		return c, err
	}
	if c.UserStorageQuota, err = parseQuota("user-storage-quota", userQuota); err != nil {
		return c, err
	}
	if _, err := c.SlogLevel(); err != nil {
		return c, err
	}
	if err := c.checkSMS(); err != nil {
		return c, err
	}
	return c, nil
}

// SlogLevel turns LogLevel into a slog.Level.
func (c Config) SlogLevel() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return l, fmt.Errorf("config: log level %q: %w", c.LogLevel, err)
	}
	return l, nil
}

func parseDuration(name, v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("config: %s %q is not a positive duration", name, v)
	}
	return d, nil
}

// parseSize reads a byte count such as MaxUploadBytes, which is separate
// from MaxBodyBytes because attachments stream to disk while JSON bodies
// are held in memory.
func parseSize(name, v string) (int64, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("config: %s %q is not a positive byte count", name, v)
	}
	return n, nil
}

// parseCount reads a whole number of at least min, such as WriteRate.
func parseCount(name, v string, min int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < min {
		return 0, fmt.Errorf("config: %s %q is not a whole number of at least %d", name, v, min)
	}
	return n, nil
}

// parseQuota reads a byte count where 0 means no limit.
func parseQuota(name, v string) (int64, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("config: %s %q is not a byte count (0: no limit)", name, v)
	}
	return n, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkSMS refuses an unknown sender, a webhook sender without its URL
// and secret, and an empty privacy notice version, at start-up rather
// than at the first registration.
func (c Config) checkSMS() error {
	switch c.SMSSender {
	case "log":
	case "webhook":
		if c.SMSWebhookURL == "" || c.SMSWebhookSecret == "" {
			return fmt.Errorf("config: sms-sender webhook needs sms-webhook-url and sms-webhook-secret")
		}
	default:
		return fmt.Errorf("config: sms-sender %q is not log or webhook", c.SMSSender)
	}
	if c.PrivacyNoticeVersion == "" || len(c.PrivacyNoticeVersion) > 32 {
		return fmt.Errorf("config: privacy-notice-version must be 1 to 32 characters")
	}
	return nil
}
