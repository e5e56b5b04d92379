-- Add column "headers" to table: "idempotency_keys"
ALTER TABLE `idempotency_keys` ADD COLUMN `headers` json NULL;
