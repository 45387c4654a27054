-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "customerService" TEXT NOT NULL DEFAULT '{}';
