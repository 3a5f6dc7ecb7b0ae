-- AlterTable
ALTER TABLE "ingest_batches" ADD COLUMN     "cleansing" JSONB;
