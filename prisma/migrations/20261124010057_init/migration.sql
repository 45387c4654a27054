-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "insurerConcern" TEXT,
    "allowedOrigins" TEXT NOT NULL DEFAULT '[]',
    "theme" TEXT NOT NULL DEFAULT '{}',
    "defaultLocale" TEXT NOT NULL DEFAULT 'nl',
    "formality" TEXT NOT NULL DEFAULT 'u',
    "officeHours" TEXT NOT NULL DEFAULT '{}',
    "responseWorkingDays" INTEGER NOT NULL DEFAULT 2,
    "retentionDays" INTEGER NOT NULL DEFAULT 90,
    "directLineSecretHash" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Hospital" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officialName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agbCode" TEXT,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "website" TEXT
);

-- CreateTable
CREATE TABLE "Location" (
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
    CONSTRAINT "Location_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Specialism" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameNl" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "WaitingTime" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "locationId" TEXT NOT NULL,
    "specialismCode" TEXT NOT NULL,
    "careType" TEXT NOT NULL,
    "treatment" TEXT,
    "days" INTEGER,
    "insufficient" BOOLEAN NOT NULL DEFAULT false,
    "measuredAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "importBatch" TEXT,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WaitingTime_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "nextSeq" INTEGER NOT NULL DEFAULT 1,
    "started" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conversation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DirectLineActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "fromRole" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DirectLineActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DirectLineToken" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StateItem" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "eTag" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "insurerTenantId" TEXT NOT NULL,
    "sourceTenantId" TEXT NOT NULL,
    "conversationId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "priority" INTEGER NOT NULL DEFAULT 3,
    "locale" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "request" TEXT NOT NULL,
    "transcript" TEXT,
    "claimedById" TEXT,
    "claimedAt" DATETIME,
    "firstContactDueAt" DATETIME,
    "closedReason" TEXT,
    "outcome" TEXT,
    "anonymisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_insurerTenantId_fkey" FOREIGN KEY ("insurerTenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mediator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'mediator',
    "passwordHash" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mediator_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediatorSession" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "mediatorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'session',
    "csrfToken" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediatorSession_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "Mediator" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Hospital_officialName_key" ON "Hospital"("officialName");

-- CreateIndex
CREATE INDEX "Location_hospitalId_idx" ON "Location"("hospitalId");

-- CreateIndex
CREATE INDEX "Location_agbCode_idx" ON "Location"("agbCode");

-- CreateIndex
CREATE INDEX "WaitingTime_specialismCode_careType_measuredAt_idx" ON "WaitingTime"("specialismCode", "careType", "measuredAt");

-- CreateIndex
CREATE UNIQUE INDEX "WaitingTime_locationId_specialismCode_careType_treatment_measuredAt_source_key" ON "WaitingTime"("locationId", "specialismCode", "careType", "treatment", "measuredAt", "source");

-- CreateIndex
CREATE INDEX "Conversation_lastActivityAt_idx" ON "Conversation"("lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectLineActivity_conversationId_seq_key" ON "DirectLineActivity"("conversationId", "seq");

-- CreateIndex
CREATE INDEX "DirectLineToken_conversationId_idx" ON "DirectLineToken"("conversationId");

-- CreateIndex
CREATE INDEX "DirectLineToken_expiresAt_idx" ON "DirectLineToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Case_idempotencyKey_key" ON "Case"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Case_insurerTenantId_status_priority_idx" ON "Case"("insurerTenantId", "status", "priority");

-- CreateIndex
CREATE INDEX "Case_conversationId_idx" ON "Case"("conversationId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_createdAt_idx" ON "CaseEvent"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Mediator_email_key" ON "Mediator"("email");

-- CreateIndex
CREATE INDEX "MediatorSession_mediatorId_idx" ON "MediatorSession"("mediatorId");
