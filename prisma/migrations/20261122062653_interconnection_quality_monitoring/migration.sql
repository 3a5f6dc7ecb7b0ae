-- AlterTable
ALTER TABLE "institution_dataset_status" ADD COLUMN     "cadence_hours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "expected" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "quality_rule_daily_rollups" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "rule_code" VARCHAR(40) NOT NULL,
    "dimension" "quality_dimension" NOT NULL,
    "severity" "severity" NOT NULL,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_rule_daily_rollups_pkey" PRIMARY KEY ("institution_id","dataset","day","rule_code")
);

-- CreateTable
CREATE TABLE "quality_batch_scans" (
    "batch_id" UUID NOT NULL,
    "batch_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_batch_scans_pkey" PRIMARY KEY ("batch_id")
);

-- CreateTable
CREATE TABLE "record_fingerprints" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "event_at" TIMESTAMPTZ(3),
    "master_person_id" BIGINT,
    "batch_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_fingerprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_duplicates" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "original_institution_id" UUID NOT NULL,
    "original_source_id" VARCHAR(128) NOT NULL,
    "batch_id" UUID,
    "day" DATE NOT NULL,
    "master_person_id" BIGINT,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_duplicates_pkey" PRIMARY KEY ("institution_id","dataset","source_id")
);

-- CreateIndex
CREATE INDEX "quality_rule_daily_rollups_day_idx" ON "quality_rule_daily_rollups"("day");

-- CreateIndex
CREATE INDEX "quality_batch_scans_batch_updated_at_idx" ON "quality_batch_scans"("batch_updated_at");

-- CreateIndex
CREATE INDEX "record_fingerprints_dataset_kind_key_event_at_idx" ON "record_fingerprints"("dataset", "kind", "key", "event_at");

-- CreateIndex
CREATE INDEX "record_fingerprints_master_person_id_idx" ON "record_fingerprints"("master_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "record_fingerprints_institution_id_dataset_source_id_kind_key" ON "record_fingerprints"("institution_id", "dataset", "source_id", "kind");

-- CreateIndex
CREATE INDEX "record_duplicates_institution_id_dataset_day_idx" ON "record_duplicates"("institution_id", "dataset", "day");

-- CreateIndex
CREATE INDEX "record_duplicates_original_institution_id_dataset_idx" ON "record_duplicates"("original_institution_id", "dataset");

-- CreateIndex
CREATE INDEX "record_duplicates_day_idx" ON "record_duplicates"("day");
