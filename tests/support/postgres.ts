import pg from 'pg';

/**
 * The test suites run on SQLite by default and, with TEST_POSTGRES_URL naming a PostgreSQL server
 * (CI starts one with scripts/postgres-server.sh), on PostgreSQL: one migrated and seeded template
 * database per run, and a database of its own for each test copied from it (CREATE DATABASE … TEMPLATE).
 */
export function testPostgresServer(): string | undefined {
  const url = process.env.TEST_POSTGRES_URL;
  return url && url.trim() !== '' ? url : undefined;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseOnServer(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database. */
export async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Copies the run's template database; retried, because PostgreSQL lets one copy of a template run at a time. */
export async function copyTemplate(serverUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      const busy = error instanceof Error && /being accessed by other users/.test(error.message);
      if (!busy || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/** Drops every database of this run (names start with the run's prefix). */
export async function dropRunDatabases(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
