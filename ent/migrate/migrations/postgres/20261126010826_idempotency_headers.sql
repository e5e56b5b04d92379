-- Modify "idempotency_keys" table
ALTER TABLE "idempotency_keys" ADD COLUMN "headers" jsonb NULL;
