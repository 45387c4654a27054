-- "Patient reports worsening complaints" (issue 10): additive, existing cases are not flagged.
ALTER TABLE "Case" ADD COLUMN "worseningReported" BOOLEAN NOT NULL DEFAULT false;
