import { defineConfig } from 'prisma/config';

// env() from prisma/config throws when the variable is unset; the default keeps `prisma generate` working.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/wachtwijzer.db' },
});
