-- Modify "notifications" table
ALTER TABLE "notifications" ALTER COLUMN "event_id" DROP NOT NULL, ADD COLUMN "audit_id" bigint NULL;
-- Create index "notification_user_id_audit_id" to table: "notifications"
CREATE UNIQUE INDEX "notification_user_id_audit_id" ON "notifications" ("user_id", "audit_id");
