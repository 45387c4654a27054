-- Mediation desk (issue 14): search keys, duplicate linking, holder kind, per-case webhook sequence.
-- Hand-written (the generator refused to diff here); the same columns and indexes as the SQLite migration.
ALTER TABLE "Case" ADD COLUMN "searchName" TEXT;
ALTER TABLE "Case" ADD COLUMN "searchPhone" TEXT;
ALTER TABLE "Case" ADD COLUMN "searchPolicy" TEXT;
ALTER TABLE "Case" ADD COLUMN "searchEmail" TEXT;
ALTER TABLE "Case" ADD COLUMN "patientBirthDate" TEXT;
ALTER TABLE "Case" ADD COLUMN "claimedByKind" TEXT;
ALTER TABLE "Case" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Case_insurerTenantId_updatedAt_id_idx" ON "Case"("insurerTenantId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Case_insurerTenantId_searchPolicy_idx" ON "Case"("insurerTenantId", "searchPolicy");

-- CreateIndex
CREATE INDEX "Case_insurerTenantId_patientBirthDate_idx" ON "Case"("insurerTenantId", "patientBirthDate");
