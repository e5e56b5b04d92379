-- Modify "idempotency_keys" table
ALTER TABLE "idempotency_keys" ADD COLUMN "access_checks" jsonb NULL;
