-- Throttle state shared by every instance (issue 15). UNLOGGED: it is not
-- crash-safe and need not be; a crash forgets recent failed logins only.
-- Not in the ent schema: only internal/throttle's SQL store reads it.
CREATE UNLOGGED TABLE IF NOT EXISTS "throttle_failures" ("key" character varying(200) NOT NULL, "failures" bigint NOT NULL, "last_at" timestamptz NOT NULL, PRIMARY KEY ("key"));
-- Create index "throttle_failures_last_at" to table: "throttle_failures"
CREATE INDEX IF NOT EXISTS "throttle_failures_last_at" ON "throttle_failures" ("last_at");
