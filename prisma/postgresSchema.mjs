// One Prisma schema is the source (prisma/schema.prisma, SQLite); the PostgreSQL schema is derived
// from it by changing only the provider and the client's output folder, so the two can never
// drift apart. Plain JavaScript: scripts/prepare.mjs runs it before dependencies are installed.

/** Where the derived PostgreSQL schema is written (generated/, not committed). */
export const postgresSchemaPath = 'generated/schema.postgresql.prisma';

/**
 * The PostgreSQL variant of the schema text.
 * @param {string} sqliteSchema
 * @returns {string}
 */
export function postgresSchemaText(sqliteSchema) {
  const provider = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/generated\/prisma"/;
  if (!provider.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error('prisma/schema.prisma: expected provider "sqlite" and output "../generated/prisma"');
  }
  return (
    '// GENERATED from prisma/schema.prisma by prisma/postgresSchema.mjs; do not edit.\n' +
    sqliteSchema.replace(provider, '$1"postgresql"').replace(output, '$1"./prisma-pg"')
  );
}
