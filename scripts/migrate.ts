/**
 * Offline Prisma migrations: drives @prisma/schema-engine-wasm directly, because every Prisma 7
 * CLI command first downloads a native schema engine that these machines cannot fetch.
 * Folder format and `_prisma_migrations` bookkeeping are Prisma's own, so a machine with network
 * can still use the official CLI on the same database.
 *
 *   tsx scripts/migrate.ts create NAME   write prisma/migrations/<ts>_NAME/migration.sql (SQLite) and
 *                                        prisma/migrations-postgresql/<ts>_NAME/migration.sql from the schema
 *   tsx scripts/migrate.ts deploy        apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
 *
 * PostgreSQL migrations are made against a real server: MIGRATE_POSTGRES_URL, or a throw-away one
 * that scripts/postgres-server.sh starts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { databaseKind, defaultDatabaseUrl, projectRoot, redactUrl, sqliteFilePath, type DatabaseKind } from '../bot/data/databaseUrl.ts';
import { postgresSchemaPath, postgresSchemaText } from '../prisma/postgresSchema.mjs';

const lockfileName = 'migration_lock.toml';

/**
 * The schema engine describes a PostgreSQL database through catalog columns of the internal
 * one-byte type "char" (OID 18), which @prisma/adapter-pg 7.10 refuses as an unsupported column
 * type. Its values arrive as text, so, in this migration tool only, such columns are reported as
 * text (OID 25). The product's own queries never select a "char" column.
 */
function readCatalogCharAsText(): void {
  const require = createRequire(import.meta.url);
  const Result = require('pg/lib/result.js') as { prototype: { addFields(fields: { dataTypeID: number }[]): void } };
  const addFields = Result.prototype.addFields;
  if ((addFields as { patched?: boolean }).patched) return;
  const patched = function (this: unknown, fields: { dataTypeID: number }[]) {
    for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  (patched as { patched?: boolean }).patched = true;
  Result.prototype.addFields = patched;
}
const filters = { externalTables: [], externalEnums: [] };

/** Each database has its migrations folder; both come from the one schema. */
interface Target {
  kind: DatabaseKind;
  schemaPath: string;
  schemaText: string;
  migrationsDir: string;
}

function targetFor(kind: DatabaseKind): Target {
  const source = readFileSync(join(projectRoot, 'prisma/schema.prisma'), 'utf8');
  return kind === 'sqlite'
    ? { kind, schemaPath: join(projectRoot, 'prisma/schema.prisma'), schemaText: source, migrationsDir: join(projectRoot, 'prisma/migrations') }
    : { kind, schemaPath: join(projectRoot, postgresSchemaPath), schemaText: postgresSchemaText(source), migrationsDir: join(projectRoot, 'prisma/migrations-postgresql') };
}

// One instance of the WebAssembly module per process: instantiating it twice breaks its globals.
let wasmReady: Promise<void> | undefined;

async function instantiateWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
  (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
}

async function loadEngine(factory: SqlMigrationAwareDriverAdapterFactory, target: Target): Promise<SchemaEngine> {
  // Node 20 cannot import a .wasm module, so the bindings are instantiated by hand.
  // The engine reports a Rust panic through this global; without it the panic hides behind a TypeError.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => process.stderr.write(`schema engine panic: ${message}\n`) };
  wasmReady ??= instantiateWasm();
  await wasmReady;
  const log = (line: string) => {
    if (process.env.MIGRATE_DEBUG) process.stderr.write(`${line}\n`);
  };
  return bg.SchemaEngine.new({ datamodels: [[target.schemaPath, target.schemaText]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

/**
 * better-sqlite3 rejects multi-statement executeRaw, which the engine uses to replay old migration
 * files into the shadow database (P3006); route those calls to executeScript.
 */
type ClosableFactory = SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> };

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every semicolon, which breaks a
 * function body (the audit log's append-only trigger). PostgreSQL's simple query protocol takes
 * the whole script at once, in one implicit transaction, so it is sent as it is.
 */
function wholeScripts(connection: SqlDriverAdapter): SqlDriverAdapter {
  if (connection.provider !== 'postgres') return connection;
  const driver = (connection as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const onError = (connection as unknown as { onError(error: unknown): never }).onError.bind(connection);
  connection.executeScript = async (script: string) => {
    try {
      await driver.query(script);
    } catch (error) {
      onError(error);
    }
  };
  return connection;
}

/**
 * The adapter drops its shadow database while the shadow's own pool is still connected, which
 * PostgreSQL refuses ("being accessed by other users"); end the pool first, then drop it.
 */
function dropShadowAfterItsConnections(shadow: SqlDriverAdapter, serverConfig: pg.ClientConfig): void {
  const pool = (shadow as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const name = (pool as unknown as { options: { database?: string } }).options.database;
  shadow.dispose = async () => {
    await pool.end().catch(() => undefined);
    if (!name) return;
    const admin = new pg.Client(serverConfig);
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}

function withScriptCapableShadow(factory: PrismaBetterSqlite3 | PrismaPg): ClosableFactory {
  // The engine never closes its connections; we do, so the file is free for the next client.
  const opened: SqlDriverAdapter[] = [];
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async disposeAll() {
      await Promise.all(opened.splice(0).map((c) => c.dispose().catch(() => undefined)));
    },
    async connect() {
      const connection = wholeScripts(await factory.connect());
      opened.push(connection);
      return connection;
    },
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadow = wholeScripts(await factory.connectToShadowDb());
      if (shadow.provider === 'postgres') dropShadowAfterItsConnections(shadow, (factory as unknown as { config: pg.ClientConfig }).config);
      opened.push(shadow);
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length === 0) {
          await shadow.executeScript(query.sql);
          return 0;
        }
        return executeRaw(query);
      };
      return shadow;
    },
  };
}

function migrationsList(target: Target): MigrationList {
  const { migrationsDir } = target;
  const lockPath = join(migrationsDir, lockfileName);
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

async function hasMigrationTable(url: string): Promise<boolean> {
  if (databaseKind(url) === 'postgresql') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await client.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
      return result.rows[0]?.t != null;
    } finally {
      await client.end();
    }
  }
  const file = sqliteFilePath(url);
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get() !== undefined;
  } finally {
    db.close();
  }
}

function factoryFor(url: string): PrismaBetterSqlite3 | PrismaPg {
  // PostgreSQL: the adapter makes (and drops) its own shadow database on the same server.
  if (databaseKind(url) === 'postgresql') {
    readCatalogCharAsText();
    // Fields, not a connection string: the adapter makes its shadow database by overriding
    // `database`, which a connection string would silently win over.
    const u = new URL(url);
    return new PrismaPg({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username) || undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      database: decodeURIComponent(u.pathname.slice(1)) || undefined,
      ssl: u.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
      max: 2,
    });
  }
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: ':memory:' });
}

/** Applies every pending migration; returns the names applied. */
export async function deployMigrations(url: string): Promise<string[]> {
  const target = targetFor(databaseKind(url));
  // Several instances may start at once on one PostgreSQL database: one migrates, the others wait.
  const release = target.kind === 'postgresql' ? await advisoryLock(url) : async () => undefined;
  const factory = withScriptCapableShadow(factoryFor(url));
  try {
    return await deployWith(factory, url, target);
  } finally {
    await factory.disposeAll();
    await release();
  }
}

/** A session-level advisory lock held on a connection of its own until released. */
async function advisoryLock(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT pg_advisory_lock(hashtext($1))', ['wachtwijzer:migrate']);
  return async () => {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['wachtwijzer:migrate']).catch(() => undefined);
    await client.end();
  };
}

async function deployWith(factory: ClosableFactory, url: string, target: Target): Promise<string[]> {
  const engine = await loadEngine(factory, target);
  const list = migrationsList(target);
  if (list.migrationDirectories.length === 0) throw new Error(`No migrations in ${target.migrationsDir}; run npm run db:migrate:create -- init`);
  const history = (await hasMigrationTable(url))
    ? await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters })
    : { editedMigrationNames: [] };
  if (history.editedMigrationNames.length > 0) {
    throw new Error(`Migrations were edited after they were applied: ${history.editedMigrationNames.join(', ')}. Create a new migration instead.`);
  }
  const out = await engine.applyMigrations({ migrationsList: list, filters });
  return out.appliedMigrationNames;
}

/** Writes new migration folders (SQLite and PostgreSQL) with the SQL that brings each up to the schema. */
export async function createMigration(name: string): Promise<{ sqlite: string | null; postgresql: string | null }> {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error('Migration name: letters, digits and underscores only');
  // A scratch database replays the existing migrations; the engine diffs it against the schema.
  const scratch = join(projectRoot, '.tmp', `migrate-${process.pid}.db`);
  const factory = withScriptCapableShadow(factoryFor(`file:${scratch}`));
  let sqlite: string | null;
  try {
    sqlite = await createWith(factory, name, targetFor('sqlite'));
  } finally {
    await factory.disposeAll();
    rmSync(scratch, { force: true });
  }
  const postgresql = await withPostgresServer((serverUrl) => createPostgresMigration(serverUrl, name));
  return { sqlite, postgresql };
}

async function createPostgresMigration(serverUrl: string, name: string, write = true): Promise<string | null> {
  const scratchDb = `wachtwijzer_migrate_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratchDb}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratchDb}`;
  const factory = withScriptCapableShadow(factoryFor(url.toString()));
  try {
    return await createWith(factory, name, targetFor('postgresql'), write);
  } finally {
    await factory.disposeAll();
    await admin.query(`DROP DATABASE IF EXISTS "${scratchDb}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Runs `work` against MIGRATE_POSTGRES_URL, or a throw-away server that is stopped afterwards. */
async function withPostgresServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const given = process.env.MIGRATE_POSTGRES_URL;
  if (given) return work(given);
  const dirFile = join(projectRoot, '.tmp', `pg-${process.pid}.dir`);
  mkdirSync(dirname(dirFile), { recursive: true });
  const script = join(projectRoot, 'scripts/postgres-server.sh');
  const url = execFileSync(script, ['start'], { env: { ...process.env, PGTEST_DIR_FILE: dirFile }, stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim();
  try {
    return await work(url);
  } finally {
    execFileSync(script, ['stop', readFileSync(dirFile, 'utf8').trim()], { stdio: 'ignore' });
    rmSync(dirFile, { force: true });
  }
}

/**
 * The SQL that the migrations of `kind` lack to match prisma/schema.prisma, or null when they
 * match (a test runs it for both databases, so a schema change without its migrations fails CI).
 */
export async function missingMigrationSql(kind: DatabaseKind, postgresServerUrl?: string): Promise<string | null> {
  if (kind === 'sqlite') {
    const scratch = join(projectRoot, '.tmp', `drift-${process.pid}-${Date.now()}.db`);
    const factory = withScriptCapableShadow(factoryFor(`file:${scratch}`));
    try {
      return await createWith(factory, 'drift', targetFor('sqlite'), false);
    } finally {
      await factory.disposeAll();
      rmSync(scratch, { force: true });
    }
  }
  if (!postgresServerUrl) throw new Error('missingMigrationSql(postgresql) needs a server URL');
  return createPostgresMigration(postgresServerUrl, 'drift', false);
}

async function createWith(factory: ClosableFactory, name: string, target: Target, write = true): Promise<string | null> {
  const engine = await loadEngine(factory, target);
  const list = migrationsList(target);
  await engine.applyMigrations({ migrationsList: list, filters });
  await engine.devDiagnostic({ migrationsList: list, filters });
  const out = await engine.createMigration({
    draft: false,
    migrationName: name,
    migrationsList: list,
    schema: { files: [{ path: target.schemaPath, content: target.schemaText }] },
    filters,
  });
  if (!out.migrationScript) return null;
  if (!write) return out.migrationScript;
  const dir = join(target.migrationsDir, out.generatedMigrationName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), out.migrationScript);
  const lockPath = join(target.migrationsDir, lockfileName);
  if (!existsSync(lockPath)) {
    writeFileSync(lockPath, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${target.kind}"\n`);
  }
  return out.generatedMigrationName;
}

async function cli(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
  if (command === 'deploy') {
    process.stderr.write(`Migrating ${redactUrl(url)}\n`);
    const applied = await deployMigrations(url);
    process.stderr.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date.\n');
  } else if (command === 'create') {
    if (!name) throw new Error('Usage: npm run db:migrate:create -- NAME');
    const created = await createMigration(name);
    process.stderr.write(created.sqlite ? `Created prisma/migrations/${created.sqlite}/migration.sql\n` : 'SQLite: the schema has no changes; no migration created.\n');
    process.stderr.write(
      created.postgresql ? `Created prisma/migrations-postgresql/${created.postgresql}/migration.sql\n` : 'PostgreSQL: the schema has no changes; no migration created.\n',
    );
  } else {
    throw new Error('Usage: tsx scripts/migrate.ts create NAME | deploy');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cli().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
