#!/usr/bin/env node
/**
 * Everything `npm start` and `npm test` need on a fresh clone, and nothing that is already done:
 *   1. install dependencies when node_modules is missing or the lockfile changed;
 *   2. generate the Prisma client when the schema changed;
 *   3. build the widget bundle;
 *   4. (start only) migrate and seed the database named by DATABASE_URL.
 * Plain Node with no dependencies, because it runs before they are installed.
 * With --test it also makes sure Debian's Chromium is there for the browser tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTest = process.argv.includes('--test');
const log = (line) => process.stderr.write(`[setup] ${line}\n`);
const hashOf = (...files) => {
  const h = createHash('sha256');
  for (const f of files) h.update(existsSync(join(root, f)) ? readFileSync(join(root, f)) : '');
  return h.digest('hex');
};
const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) {
    log(`${cmd} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
};
const bin = (name) => join(root, 'node_modules/.bin', name);

// 1. Dependencies.
const depsStamp = join(root, 'node_modules/.wachtwijzer-deps');
// Only what decides the installed packages: a new script line must not trigger a reinstall.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const depsHash = createHash('sha256')
  .update(JSON.stringify([pkg.dependencies, pkg.devDependencies, pkg.overrides ?? null, pkg.allowScripts ?? null]))
  .update(existsSync(join(root, 'package-lock.json')) ? readFileSync(join(root, 'package-lock.json')) : '')
  .digest('hex');
if (!existsSync(depsStamp) || readFileSync(depsStamp, 'utf8') !== depsHash) {
  log('installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(depsStamp, depsHash);
}

// 2. Prisma clients, one per database, from the one schema (prisma/postgresSchema.mjs derives the
// PostgreSQL copy). The CLI wants to download a schema engine it does not need for generate.
const clientStamp = join(root, 'generated/.schema-hash');
const schemaHash = hashOf('prisma/schema.prisma', 'prisma/postgresSchema.mjs', 'package-lock.json');
if (!existsSync(clientStamp) || readFileSync(clientStamp, 'utf8') !== schemaHash) {
  log('generating the Prisma clients (SQLite, PostgreSQL)…');
  const { postgresSchemaPath, postgresSchemaText } = await import('../prisma/postgresSchema.mjs');
  mkdirSync(join(root, 'generated'), { recursive: true });
  writeFileSync(join(root, postgresSchemaPath), postgresSchemaText(readFileSync(join(root, 'prisma/schema.prisma'), 'utf8')));
  const env = { PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  run(bin('prisma'), ['generate'], env);
  run(bin('prisma'), ['generate', '--schema', postgresSchemaPath], env);
  mkdirSync(dirname(clientStamp), { recursive: true });
  writeFileSync(clientStamp, schemaHash);
}

// 3. Widget bundle.
run(bin('tsx'), ['web-widget/build.ts']);
run(bin('tsx'), ['bot/mediation/console/build.ts']); // the mediators' console bundle (dist/console/console.js)

if (forTest) {
  // 4t. Browser tests drive Debian's Chromium; never a downloaded browser.
  if (!existsSync('/usr/bin/chromium') && process.env.SKIP_BROWSER_INSTALL !== '1') {
    log('installing Debian chromium for the browser tests…');
    try {
      const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
      execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { stdio: 'ignore' });
      execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      log('could not install chromium; browser tests will report it');
    }
  }
} else {
  // 4. Database: migrate, then seed (both idempotent).
  run(bin('tsx'), ['scripts/migrate.ts', 'deploy']);
  run(bin('tsx'), ['prisma/seed.ts']);
}
