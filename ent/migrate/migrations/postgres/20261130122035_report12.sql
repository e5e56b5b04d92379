-- Modify "units" table
ALTER TABLE "units" ADD COLUMN "public_record" boolean NOT NULL DEFAULT false;
