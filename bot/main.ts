import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { shareNoticesAcrossWorkers } from './cluster.ts';
import { createApp } from './app.ts';
import { attachDirectLineStream } from './channels/directline/stream.ts';
import { loadConfig } from './config.ts';
import { createDb, tuneSqlite } from './data/db.ts';
import { startWalCheckpointer } from './data/walCheckpointer.ts';
import { createI18n } from './i18n/index.ts';
import { createLogger } from './logger.ts';
import { installProcessGuard } from './processGuard.ts';
import { createServices } from './services.ts';
import { startMediationJobs } from './mediation/jobs.ts';
import { startWaitingTimeSync } from './data/waitingTimeSync.ts';
import { runOncePerPeriod } from './data/jobLease.ts';
import { purgeInactiveConversations } from './data/conversationRetention.ts';
import { demoAccounts } from '../prisma/demoData.ts';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
installProcessGuard(logger);
const db = createDb(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
await tuneSqlite(db);
// SQLite: checkpoints on a thread of their own, not inside a turn's commit (bot/data/walCheckpointer.ts).
const checkpointer = await startWalCheckpointer(db, config.DATABASE_URL, { onProblem: (message) => logger.warn(message) });
const services = createServices(config, db, logger, await createI18n());
const app = createApp({ config, logger, services });
// Providers imports created are named in chat from the first turn: load them (and the figures) now.
await services.knowledge.ready().catch((e: unknown) => logger.warn({ err: { message: (e as Error).message } }, 'waiting times not loaded at start-up'));
const server = createServer(app);
const stream = attachDirectLineStream(server, services.directLine, logger);
shareNoticesAcrossWorkers(services.directLine.notifier);
// Daily jobs run on one instance a day (a lease in the database), whichever gets there first;
// 20 hours rather than 24, so a day's run is never skipped because the timers drift.
const oncePerPeriod = async (name: string, work: () => Promise<number>) => runOncePerPeriod(db, name, 20 * 3_600_000, work);
// Webhook delivery (every instance; rows are leased) and daily case retention.
const mediationJobs = startMediationJobs(services.mediation, logger, { oncePerPeriod });
// NZa waiting times on schedule (WAITING_TIMES_SYNC_URL every WAITING_TIMES_SYNC_DAYS days; one instance at a time).
const waitingTimeSync = config.WAITING_TIMES_SYNC_URL
  ? startWaitingTimeSync(db, services.reference, logger, { url: config.WAITING_TIMES_SYNC_URL, days: config.WAITING_TIMES_SYNC_DAYS, onImported: () => services.waitingTimes.invalidate() })
  : null;
// Conversations without activity are deleted after CONVERSATION_RETENTION_DAYS (now and daily).
const purgeConversations = () =>
  runOncePerPeriod(db, 'conversation-retention', 20 * 3_600_000, () => purgeInactiveConversations(db, new Date(), config.CONVERSATION_RETENTION_DAYS))
    .then((outcome) => (outcome.ran ? logger.info(outcome.result, 'conversation retention ran') : logger.debug('conversation retention: another instance ran it today')))
    .catch((e: unknown) => logger.error({ err: { message: (e as Error).message } }, 'conversation retention failed'));
void purgeConversations();
const conversationRetention = setInterval(purgeConversations, 86_400_000);
conversationRetention.unref();

server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
  const lines = [
    '',
    `Wachtwijzer is running on ${base}`,
    `  Demo host page (widget):   ${base}/`,
    `  Bot Framework endpoint:    ${base}/api/messages  (authentication ${config.botAuthEnabled ? 'on' : 'off: MicrosoftAppId is empty'})`,
    `  Direct Line 3.0:           ${base}/v3/directline`,
    `  Health:                    ${base}/healthz`,
    `  Mediator console:          ${base}/console/  (API: ${base}/api/openapi.json)`,
  ];
  if (!config.botAuthEnabled) {
    lines.push(
      '',
      '!!! WARNING: Bot Framework authentication is OFF (MicrosoftAppId is empty).',
      '!!! /api/messages accepts unsigned activities and replies only to serviceUrls on this machine',
      '!!! (the Bot Framework Emulator). Never expose this server to a network like this.',
    );
  }
  if (!config.isProduction) {
    lines.push('', 'Demo accounts (demo data, never created in production):');
    for (const a of demoAccounts(config.DEMO_PASSWORD)) lines.push(`  ${a.email.padEnd(36)} password: ${a.password}   (${a.tenant}, ${a.role})`);
  }
  // With --workers, every worker listens on the port; the first one says so.
  if (!cluster.isWorker || cluster.worker?.id === 1) process.stdout.write(`${lines.join('\n')}\n\n`);
  if (!config.botAuthEnabled) logger.warn('Bot Framework authentication is off: /api/messages is for local use with the Emulator only');
  logger.info({ port }, 'listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new connections, finishing turns in flight');
  stream.close();
  clearInterval(conversationRetention);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await services.directLine.drain(config.SHUTDOWN_TIMEOUT_MS);
  await mediationJobs.stop();
  await waitingTimeSync?.stop();
  await Promise.race([closed, new Promise((r) => setTimeout(r, config.SHUTDOWN_TIMEOUT_MS).unref())]);
  server.closeAllConnections();
  await services.coordination.close();
  await checkpointer.stop();
  await db.$disconnect();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
