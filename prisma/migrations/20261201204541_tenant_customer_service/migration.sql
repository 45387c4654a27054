-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "insurerConcern" TEXT,
    "allowedOrigins" TEXT NOT NULL DEFAULT '[]',
    "theme" TEXT NOT NULL DEFAULT '{}',
    "defaultLocale" TEXT NOT NULL DEFAULT 'nl',
    "formality" TEXT NOT NULL DEFAULT 'u',
    "officeHours" TEXT NOT NULL DEFAULT '{}',
    "customerService" TEXT NOT NULL DEFAULT '{}',
    "responseWorkingDays" INTEGER NOT NULL DEFAULT 2,
    "retentionDays" INTEGER NOT NULL DEFAULT 90,
    "directLineSecretHash" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Tenant" ("allowedOrigins", "createdAt", "defaultLocale", "directLineSecretHash", "displayName", "formality", "id", "insurerConcern", "isDemo", "kind", "officeHours", "responseWorkingDays", "retentionDays", "theme", "updatedAt") SELECT "allowedOrigins", "createdAt", "defaultLocale", "directLineSecretHash", "displayName", "formality", "id", "insurerConcern", "isDemo", "kind", "officeHours", "responseWorkingDays", "retentionDays", "theme", "updatedAt" FROM "Tenant";
DROP TABLE "Tenant";
ALTER TABLE "new_Tenant" RENAME TO "Tenant";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
