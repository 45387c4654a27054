import { describe, expect, it } from 'vitest';
import { missingMigrationSql } from '../../scripts/migrate.ts';
import { onPostgres } from '../support/db.ts';

// One schema, two databases: a change to prisma/schema.prisma needs a migration for each
// (`npm run db:migrate:create -- NAME` writes both).
describe('migrations', () => {
  it.skipIf(onPostgres)('bring a SQLite database exactly to prisma/schema.prisma', { timeout: 120_000 }, async () => {
    expect(await missingMigrationSql('sqlite')).toBeNull();
  });
  it.skipIf(!onPostgres)('bring a PostgreSQL database exactly to prisma/schema.prisma', { timeout: 120_000 }, async () => {
    expect(await missingMigrationSql('postgresql', process.env.TEST_POSTGRES_URL)).toBeNull();
  });
});
