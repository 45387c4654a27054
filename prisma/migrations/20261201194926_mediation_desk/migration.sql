-- Mediation desk (issue 14): search keys, duplicate linking, holder kind, per-case webhook sequence.
-- Written as ADD COLUMN (not a table rebuild) so it composes with other engineers' migrations of "Case".
ALTER TABLE "Case" ADD COLUMN "searchName" TEXT;
ALTER TABLE "Case" ADD COLUMN "searchPhone" TEXT;
ALTER TABLE "Case" ADD COLUMN "searchPolicy" TEXT;
ALTER TABLE "Case" ADD COLUMN "searchEmail" TEXT;
ALTER TABLE "Case" ADD COLUMN "patientBirthDate" TEXT;
ALTER TABLE "Case" ADD COLUMN "claimedByKind" TEXT;
ALTER TABLE "Case" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "Case_insurerTenantId_updatedAt_id_idx" ON "Case"("insurerTenantId", "updatedAt", "id");
CREATE INDEX "Case_insurerTenantId_searchPolicy_idx" ON "Case"("insurerTenantId", "searchPolicy");
CREATE INDEX "Case_insurerTenantId_patientBirthDate_idx" ON "Case"("insurerTenantId", "patientBirthDate");
