-- DropIndex
DROP INDEX "Case_insurerTenantId_status_urgencyAnchorAt_idx";

-- CreateIndex
CREATE INDEX "Case_insurerTenantId_status_urgencyAnchorAt_firstContactDueAt_idx" ON "Case"("insurerTenantId", "status", "urgencyAnchorAt", "firstContactDueAt");
