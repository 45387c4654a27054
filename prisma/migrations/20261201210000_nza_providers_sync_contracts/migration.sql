-- CreateTable
CREATE TABLE "WaitingTimeImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trigger" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'running',
    "summary" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ContractedProvider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "agbCode" TEXT,
    "providerName" TEXT,
    "hospitalId" TEXT,
    "specialismCode" TEXT,
    "contracted" BOOLEAN NOT NULL,
    "validFrom" DATETIME,
    "validUntil" DATETIME,
    "uploadBatch" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Hospital" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officialName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agbCode" TEXT,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "website" TEXT,
    "kvkNumber" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'reference',
    "originDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Hospital" ("agbCode", "aliases", "id", "kind", "officialName", "website") SELECT "agbCode", "aliases", "id", "kind", "officialName", "website" FROM "Hospital";
DROP TABLE "Hospital";
ALTER TABLE "new_Hospital" RENAME TO "Hospital";
CREATE UNIQUE INDEX "Hospital_officialName_key" ON "Hospital"("officialName");
CREATE INDEX "Hospital_agbCode_idx" ON "Hospital"("agbCode");
CREATE TABLE "new_Location" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hospitalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "postcode" TEXT,
    "pc4" TEXT,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "agbCode" TEXT,
    "hasEmergency" BOOLEAN NOT NULL DEFAULT false,
    "street" TEXT,
    "houseNumber" TEXT,
    "nzaLocationKey" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'reference',
    "originDate" DATETIME,
    CONSTRAINT "Location_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Location" ("agbCode", "city", "hasEmergency", "hospitalId", "id", "latitude", "longitude", "name", "pc4", "postcode") SELECT "agbCode", "city", "hasEmergency", "hospitalId", "id", "latitude", "longitude", "name", "pc4", "postcode" FROM "Location";
DROP TABLE "Location";
ALTER TABLE "new_Location" RENAME TO "Location";
CREATE INDEX "Location_hospitalId_idx" ON "Location"("hospitalId");
CREATE INDEX "Location_agbCode_idx" ON "Location"("agbCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WaitingTimeImportRun_trigger_startedAt_idx" ON "WaitingTimeImportRun"("trigger", "startedAt");

-- CreateIndex
CREATE INDEX "WaitingTimeImportRun_startedAt_idx" ON "WaitingTimeImportRun"("startedAt");

-- CreateIndex
CREATE INDEX "ContractedProvider_tenantId_supersededAt_idx" ON "ContractedProvider"("tenantId", "supersededAt");
