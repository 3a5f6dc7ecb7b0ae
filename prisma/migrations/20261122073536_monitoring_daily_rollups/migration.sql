-- DropIndex
DROP INDEX "quality_rule_daily_rollups_day_idx";

-- CreateTable
CREATE TABLE "monitoring_daily_rollups" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "within_timeliness" INTEGER NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "completeness_num" INTEGER NOT NULL DEFAULT 0,
    "completeness_den" INTEGER NOT NULL DEFAULT 0,
    "consistency_num" INTEGER NOT NULL DEFAULT 0,
    "consistency_den" INTEGER NOT NULL DEFAULT 0,
    "integration_num" INTEGER NOT NULL DEFAULT 0,
    "integration_den" INTEGER NOT NULL DEFAULT 0,
    "timeliness_num" INTEGER NOT NULL DEFAULT 0,
    "timeliness_den" INTEGER NOT NULL DEFAULT 0,
    "uniqueness_num" INTEGER NOT NULL DEFAULT 0,
    "uniqueness_den" INTEGER NOT NULL DEFAULT 0,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitoring_daily_rollups_pkey" PRIMARY KEY ("institution_id","dataset","day")
);

-- CreateIndex
CREATE INDEX "monitoring_daily_rollups_dataset_day_idx" ON "monitoring_daily_rollups"("dataset", "day");

-- CreateIndex
CREATE INDEX "monitoring_daily_rollups_day_institution_id_dataset_idx" ON "monitoring_daily_rollups"("day" DESC, "institution_id", "dataset");

-- CreateIndex
CREATE INDEX "quality_rule_daily_rollups_dataset_day_idx" ON "quality_rule_daily_rollups"("dataset", "day");
