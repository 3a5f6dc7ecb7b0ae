-- DropIndex
DROP INDEX "master_persons_id_number_bidx_idx";

-- CreateIndex
CREATE UNIQUE INDEX "master_persons_id_number_bidx_key" ON "master_persons"("id_number_bidx");
