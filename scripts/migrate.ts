/**
 * Offline Prisma migrations: drives @prisma/schema-engine-wasm directly, because every Prisma 7
 * CLI command first downloads a native schema engine that these machines cannot fetch.
 * Folder format and `_prisma_migrations` bookkeeping are Prisma's own, so a machine with network
 * can still use the official CLI on the same database.
 *
 *   tsx scripts/migrate.ts create NAME   write prisma/migrations/<ts>_NAME/migration.sql from the schema
 *   tsx scripts/migrate.ts deploy        apply pending migrations to DATABASE_URL
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { defaultDatabaseUrl, projectRoot, sqliteFilePath } from '../bot/data/databaseUrl.ts';

const schemaPath = join(projectRoot, 'prisma/schema.prisma');
const migrationsDir = join(projectRoot, 'prisma/migrations');
const lockfileName = 'migration_lock.toml';
const filters = { externalTables: [], externalEnums: [] };

async function loadEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  // Node 20 cannot import a .wasm module, so the bindings are instantiated by hand.
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
  (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  const log = (line: string) => {
    if (process.env.MIGRATE_DEBUG) process.stderr.write(`${line}\n`);
  };
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, 'utf8')]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

/**
 * better-sqlite3 rejects multi-statement executeRaw, which the engine uses to replay old migration
 * files into the shadow database (P3006); route those calls to executeScript.
 */
type ClosableFactory = SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> };

function withScriptCapableShadow(factory: PrismaBetterSqlite3): ClosableFactory {
  // The engine never closes its connections; we do, so the file is free for the next client.
  const opened: SqlDriverAdapter[] = [];
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async disposeAll() {
      await Promise.all(opened.splice(0).map((c) => c.dispose().catch(() => undefined)));
    },
    async connect() {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadow = await factory.connectToShadowDb();
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

function migrationsList(): MigrationList {
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

function hasMigrationTable(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get() !== undefined;
  } finally {
    db.close();
  }
}

function factoryFor(url: string): PrismaBetterSqlite3 {
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: ':memory:' });
}

/** Applies every pending migration; returns the names applied. */
export async function deployMigrations(url: string): Promise<string[]> {
  const factory = withScriptCapableShadow(factoryFor(url));
  try {
    return await deployWith(factory, url);
  } finally {
    await factory.disposeAll();
  }
}

async function deployWith(factory: ClosableFactory, url: string): Promise<string[]> {
  const engine = await loadEngine(factory);
  const list = migrationsList();
  if (list.migrationDirectories.length === 0) throw new Error('No migrations in prisma/migrations; run npm run db:migrate:create -- init');
  const history = hasMigrationTable(sqliteFilePath(url))
    ? await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters })
    : { editedMigrationNames: [] };
  if (history.editedMigrationNames.length > 0) {
    throw new Error(`Migrations were edited after they were applied: ${history.editedMigrationNames.join(', ')}. Create a new migration instead.`);
  }
  const out = await engine.applyMigrations({ migrationsList: list, filters });
  return out.appliedMigrationNames;
}

/** Writes a new migration folder with the SQL that brings the migrations up to the schema. */
export async function createMigration(name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error('Migration name: letters, digits and underscores only');
  // A scratch database replays the existing migrations; the engine diffs it against the schema.
  const scratch = join(projectRoot, '.tmp', `migrate-${process.pid}.db`);
  const factory = withScriptCapableShadow(factoryFor(`file:${scratch}`));
  try {
    return await createWith(factory, name);
  } finally {
    await factory.disposeAll();
    rmSync(scratch, { force: true });
  }
}

async function createWith(factory: ClosableFactory, name: string): Promise<string | null> {
  const engine = await loadEngine(factory);
  const list = migrationsList();
  await engine.applyMigrations({ migrationsList: list, filters });
  await engine.devDiagnostic({ migrationsList: list, filters });
  const out = await engine.createMigration({
    draft: false,
    migrationName: name,
    migrationsList: list,
    schema: { files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
    filters,
  });
  if (!out.migrationScript) return null;
  const dir = join(migrationsDir, out.generatedMigrationName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), out.migrationScript);
  const lockPath = join(migrationsDir, lockfileName);
  if (!existsSync(lockPath)) {
    writeFileSync(lockPath, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n');
  }
  return out.generatedMigrationName;
}

async function cli(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
  if (command === 'deploy') {
    const applied = await deployMigrations(url);
    process.stderr.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date.\n');
  } else if (command === 'create') {
    if (!name) throw new Error('Usage: npm run db:migrate:create -- NAME');
    const created = await createMigration(name);
    process.stderr.write(created ? `Created prisma/migrations/${created}/migration.sql\n` : 'The schema has no changes; no migration created.\n');
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
