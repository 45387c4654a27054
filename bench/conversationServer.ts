/**
 * The server side of bench:conversation, in its own process(es) so that the simulated patients
 * do not share its event loop: the real app plus an echo agent on the same SDK, storage and
 * database under /echo. With BENCH_WORKERS=N it runs N instances on one port (Node cluster),
 * sharing the database (SQLite, or PostgreSQL with BENCH_DATABASE_URL) as several instances would.
 * Prints "PORT <n>" when it listens.
 */
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { AgentApplication, type TurnState } from '@microsoft/agents-hosting';
import { createApp } from '../bot/app.ts';
import { directLineRouter } from '../bot/channels/directline/routes.ts';
import { DirectLineService } from '../bot/channels/directline/service.ts';
import { loadConfig } from '../bot/config.ts';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { createDb, tuneSqlite } from '../bot/data/db.ts';
import { startWalCheckpointer } from '../bot/data/walCheckpointer.ts';
import { createI18n } from '../bot/i18n/index.ts';
import { createLogger } from '../bot/logger.ts';
import { createServices } from '../bot/services.ts';
import { deployMigrations } from '../scripts/migrate.ts';
import { seed } from '../prisma/seed.ts';

const workers = Math.max(1, Number(process.env.BENCH_WORKERS ?? 1));
// A folder per server, so two benchmarks at once (bench:soak beside bench:conversation) do not
// share or delete each other's database; cluster workers inherit the primary's.
const dir = process.env.BENCH_DB_DIR ?? join(projectRoot, '.tmp/bench', String(process.pid));
process.env.BENCH_DB_DIR = dir;
// BENCH_DATABASE_URL (bench:conversation --db postgres): a fresh PostgreSQL database; else a fresh SQLite file.
const url = process.env.BENCH_DATABASE_URL ?? `file:${join(dir, 'bench.db')}`;

if (process.env.BENCH_SETUP_ONLY) {
  await deployMigrations(url);
  const setupDb = createDb(url);
  await tuneSqlite(setupDb);
  await seed(setupDb, { production: false, demoPassword: 'demo' });
  await setupDb.$disconnect();
  process.exit(0);
}
if (cluster.isPrimary) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Migrations and the seed in a process of their own, as npm start's set-up step runs them: done
  // in the primary, their garbage (some 150 MB) stayed in its heap until V8 gave it back minutes
  // later, a drop in RSS that bench:soak would count against the server.
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_SETUP_ONLY: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
}
// bench:conversation --profile: SIGUSR2 starts a CPU profile of each server process, the next
// SIGUSR2 writes it to .tmp/profiles/<pid>-<n>.cpuprofile (the primary of a cluster ignores it).
let profiler: Session | null = null;
let profiles = 0;
process.on('SIGUSR2', () => {
  if (cluster.isPrimary && workers > 1) return;
  if (!profiler) {
    const session = new Session();
    session.connect();
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    profiler = session;
    return;
  }
  const session = profiler;
  profiler = null;
  session.post('Profiler.stop', (error, result) => {
    if (!error) {
      mkdirSync(join(projectRoot, '.tmp/profiles'), { recursive: true });
      writeFileSync(join(projectRoot, `.tmp/profiles/${process.pid}-${++profiles}.cpuprofile`), JSON.stringify(result.profile));
    }
    session.disconnect();
  });
});

if (cluster.isPrimary && workers > 1) {
  const ports: number[] = [];
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', (m: { port?: number }) => {
      if (m.port) ports.push(m.port);
      if (ports.length === workers) process.stdout.write(`PORT ${ports[0]}\n`);
    });
  }
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }, 500);
  });
} else {
const db = createDb(url);
await tuneSqlite(db);
// As bot/main.ts runs it (BENCH_NO_CHECKPOINTER=1: without, to compare).
const checkpointer = process.env.BENCH_NO_CHECKPOINTER ? null : await startWalCheckpointer(db, url);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url });
const logger = createLogger('silent');
const services = createServices(config, db, logger, await createI18n());

// The echo agent: same SDK, same Storage on the same database, same Direct Line code path.
const echo = new AgentApplication<TurnState>({ storage: services.storage, startTypingTimer: false });
echo.onConversationUpdate('membersAdded', async (context) => {
  await context.sendActivity('Hello');
});
echo.onActivity('message', async (context, state) => {
  const count = ((state.getValue('conversation.count') as number | undefined) ?? 0) + 1;
  state.setValue('conversation.count', count);
  await state.save(context, services.storage);
  await context.sendActivity(`echo ${count}: ${context.activity.text ?? ''}`);
});
const echoDirectLine = new DirectLineService(services.directLineStore, services.tenants, services.tokens, echo);

const outer = express();
outer.use('/echo', express.json({ limit: '64kb' }), directLineRouter(echoDirectLine, { streamUrl: () => '', linkBase: () => '' }));
outer.use(createApp({ config, logger, services }));
const server = createServer(outer);
server.keepAliveTimeout = 30_000;
// Cluster workers share one port: the first picks it, the others are handed the same.
await new Promise<void>((resolve) => server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
if (cluster.isWorker) process.send?.({ port });
else process.stdout.write(`PORT ${port}\n`);
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void (checkpointer?.stop() ?? Promise.resolve()).then(() => db.$disconnect()).then(() => {
    if (cluster.isPrimary) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
}

