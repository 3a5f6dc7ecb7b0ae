-- AlterTable
ALTER TABLE "person_links" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;
