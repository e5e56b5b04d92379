-- Add column "access_checks" to table: "idempotency_keys"
ALTER TABLE `idempotency_keys` ADD COLUMN `access_checks` json NULL;
