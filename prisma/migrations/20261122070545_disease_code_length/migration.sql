-- AlterTable
ALTER TABLE "disease_reports" ALTER COLUMN "disease_code" SET DATA TYPE VARCHAR(64);
