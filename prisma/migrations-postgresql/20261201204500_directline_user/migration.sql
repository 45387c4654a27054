-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "userId" TEXT;
