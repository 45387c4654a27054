-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'mediator',
    "hash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    CONSTRAINT "ApiToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenantId" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "onBehalfOf" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'success',
    "caseId" TEXT,
    "caseReference" TEXT,
    "ipHash" TEXT,
    "userAgent" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "SystemSecret" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartedAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookEndpoint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "caseReference" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookOutbox_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outboxId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "WebhookAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "WebhookOutbox" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "insurerTenantId" TEXT NOT NULL,
    "sourceTenantId" TEXT NOT NULL,
    "conversationId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "priority" INTEGER NOT NULL DEFAULT 3,
    "urgencyAnchorAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "specialty" TEXT,
    "treeknormExceeded" BOOLEAN,
    "locale" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "request" TEXT NOT NULL,
    "transcript" TEXT,
    "claimedById" TEXT,
    "claimedByName" TEXT,
    "claimedAt" DATETIME,
    "firstContactDueAt" DATETIME,
    "firstContactAt" DATETIME,
    "finishedAt" DATETIME,
    "closedReason" TEXT,
    "outcome" TEXT,
    "outcomeKind" TEXT,
    "daysSaved" INTEGER,
    "anonymisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_insurerTenantId_fkey" FOREIGN KEY ("insurerTenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("anonymisedAt", "channel", "claimedAt", "claimedById", "closedReason", "conversationId", "createdAt", "firstContactDueAt", "id", "idempotencyKey", "insurerTenantId", "locale", "outcome", "priority", "reference", "request", "sourceTenantId", "status", "transcript", "updatedAt") SELECT "anonymisedAt", "channel", "claimedAt", "claimedById", "closedReason", "conversationId", "createdAt", "firstContactDueAt", "id", "idempotencyKey", "insurerTenantId", "locale", "outcome", "priority", "reference", "request", "sourceTenantId", "status", "transcript", "updatedAt" FROM "Case";
-- Backfill (hand-written): cases stored before this migration get their queue columns from the
-- request JSON; dates stay in Prisma's ISO format so they sort with the ones Prisma writes.
UPDATE "new_Case" SET
    "urgencyAnchorAt" = "createdAt",
    "specialty" = json_extract("request", '$.specialty'),
    "treeknormExceeded" = json_extract("request", '$.treeknormExceeded'),
    "finishedAt" = CASE WHEN "status" IN ('resolved', 'closed') THEN "updatedAt" ELSE NULL END;
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");
CREATE UNIQUE INDEX "Case_idempotencyKey_key" ON "Case"("idempotencyKey");
CREATE INDEX "Case_insurerTenantId_status_urgencyAnchorAt_idx" ON "Case"("insurerTenantId", "status", "urgencyAnchorAt");
CREATE INDEX "Case_insurerTenantId_status_firstContactDueAt_idx" ON "Case"("insurerTenantId", "status", "firstContactDueAt");
CREATE INDEX "Case_insurerTenantId_specialty_status_urgencyAnchorAt_idx" ON "Case"("insurerTenantId", "specialty", "status", "urgencyAnchorAt");
CREATE INDEX "Case_status_finishedAt_idx" ON "Case"("status", "finishedAt");
CREATE INDEX "Case_conversationId_idx" ON "Case"("conversationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CaseNote_caseId_createdAt_idx" ON "CaseNote"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "ApiToken_tenantId_idx" ON "ApiToken"("tenantId");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_at_idx" ON "AuditEvent"("tenantId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_caseReference_at_idx" ON "AuditEvent"("tenantId", "caseReference", "at");

-- CreateIndex
CREATE INDEX "LoginThrottle_updatedAt_idx" ON "LoginThrottle"("updatedAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_tenantId_active_idx" ON "WebhookEndpoint"("tenantId", "active");

-- CreateIndex
CREATE INDEX "WebhookOutbox_status_nextAttemptAt_idx" ON "WebhookOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookOutbox_tenantId_createdAt_idx" ON "WebhookOutbox"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookAttempt_outboxId_attempt_idx" ON "WebhookAttempt"("outboxId", "attempt");

-- NEN 7513 (hand-written): the access log is append-only. The database itself refuses to change or
-- remove a row, whatever code or tool connects to it.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
