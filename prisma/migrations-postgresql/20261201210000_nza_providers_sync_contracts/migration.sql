-- Issue 15: providers and locations created from NZa records, import runs, the sync lease and
-- insurers' contract lists. Additive: existing rows keep their values ("reference" origin).
ALTER TABLE "Hospital" ADD COLUMN "kvkNumber" TEXT;
ALTER TABLE "Hospital" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'reference';
ALTER TABLE "Hospital" ADD COLUMN "originDate" TIMESTAMP(3);
ALTER TABLE "Hospital" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "Hospital_agbCode_idx" ON "Hospital"("agbCode");

ALTER TABLE "Location" ADD COLUMN "street" TEXT;
ALTER TABLE "Location" ADD COLUMN "houseNumber" TEXT;
ALTER TABLE "Location" ADD COLUMN "nzaLocationKey" TEXT;
ALTER TABLE "Location" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'reference';
ALTER TABLE "Location" ADD COLUMN "originDate" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WaitingTimeImportRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "summary" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "WaitingTimeImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ContractedProvider" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "agbCode" TEXT,
    "providerName" TEXT,
    "hospitalId" TEXT,
    "specialismCode" TEXT,
    "contracted" BOOLEAN NOT NULL,
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "uploadBatch" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "ContractedProvider_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WaitingTimeImportRun_trigger_startedAt_idx" ON "WaitingTimeImportRun"("trigger", "startedAt");
CREATE INDEX "WaitingTimeImportRun_startedAt_idx" ON "WaitingTimeImportRun"("startedAt");
CREATE INDEX "ContractedProvider_tenantId_supersededAt_idx" ON "ContractedProvider"("tenantId", "supersededAt");
