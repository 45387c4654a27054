/**
 * Benchmark of the mediation queue at scale: 100,000 cases in a real SQLite file (two insurers, all
 * statuses), then the two hot paths as a mediator meets them — listing the first page of the queue
 * (filter, sort, count, audit row) and claiming a case (conditional UPDATE, history, audit, outbox,
 * one transaction) — measured in the repository and over HTTP. Prints p50/p95/p99 in ms.
 * Target: p95 ≤ 20 ms for each.
 *
 *   npm run bench:queue [-- --cases 100000 --runs 300]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../bot/domain/demoWaitingTimes.ts';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../bot/app.ts';
import { loadConfig } from '../bot/config.ts';
import { createDb, tuneSqlite } from '../bot/data/db.ts';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import type { Actor } from '../bot/data/audit.ts';
import { newCaseReference, type CaseQuery } from '../bot/data/caseStore.ts';
import { urgencyAnchor } from '../bot/domain/casePriority.ts';
import { addWorkingDays } from '../bot/domain/workingDays.ts';
import { createI18n } from '../bot/i18n/index.ts';
import { createLogger } from '../bot/logger.ts';
import { createServices } from '../bot/services.ts';
import { deployMigrations } from '../scripts/migrate.ts';
import { seed } from '../prisma/seed.ts';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const caseCount = argument('cases', 100_000);
const runs = argument('runs', 300);
const target = 20;
// Same tiny PRNG as the demo data, so a run is repeatable.
const random = mulberry32(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
// Prisma's SQLite adapter stores DateTime as ISO 8601 with +00:00; the bulk insert writes the same.
const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');

const dir = join(projectRoot, '.tmp/bench');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = join(dir, 'queue.db');
const url = `file:${file}`;

process.stderr.write(`[bench] migrating and seeding ${file}…\n`);
await deployMigrations(url);
{
  const db = createDb(url);
  await seed(db, { production: false, demoPassword: 'demo' });
  await db.$disconnect();
}

process.stderr.write(`[bench] inserting ${caseCount.toLocaleString('en')} cases…\n`);
const insertStart = performance.now();
{
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  const insert = raw.prepare(`INSERT INTO "Case" ("id","reference","insurerTenantId","sourceTenantId","conversationId","idempotencyKey","status","priority","urgencyAnchorAt","specialty","treeknormExceeded","locale","channel","request","transcript","claimedById","claimedByName","claimedAt","firstContactDueAt","firstContactAt","finishedAt","createdAt","updatedAt")
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const statuses = ['new', 'new', 'new', 'new', 'new', 'new', 'claimed', 'claimed', 'in_progress', 'resolved', 'resolved', 'closed'];
  const specialties = ['0301', '0302', '0303', '0305', '0306', '0307', '0313', '0320', '0330', '0361'];
  const now = Date.now();
  const seen = new Set<string>();
  const rows = raw.transaction(() => {
    for (let i = 0; i < caseCount; i++) {
      let reference = newCaseReference();
      while (seen.has(reference)) reference = newCaseReference();
      seen.add(reference);
      const insurer = random() < 0.8 ? 'demo-verzekeraar' : 'andere-verzekeraar';
      const createdAt = new Date(now - Math.floor(random() * 120 * 86_400_000));
      const waitingWeeks = Math.floor(random() * 30);
      const treeknormWeeks = pick([4, 6, 7]);
      const specialty = pick(specialties);
      const request = {
        specialty, treatment: null, hospital: 'Maasstad Ziekenhuis', waitingWeeks, treeknormWeeks, treeknormExceeded: waitingWeeks > treeknormWeeks,
        postcode: '3011AB', maxTravelKm: 30, contactPreference: 'phone',
        patient: { fullName: `Patiënt ${i}`, dateOfBirth: '1961-04-02', policyNumber: String(10_000_000 + i), phone: '0612345678', email: null },
        consent: { given: true, at: createdAt.toISOString(), text: 'Toestemming' },
      };
      const status = pick(statuses);
      const claimed = status !== 'new';
      const finished = status === 'resolved' || status === 'closed';
      insert.run(
        `bench${i}`, reference, insurer, insurer, `bench-conv-${i}`, `bench-${i}`, status, 3, iso(urgencyAnchor(createdAt, request)), specialty, request.treeknormExceeded ? 1 : 0,
        'nl', 'directline', JSON.stringify(request), null, claimed ? 'bench-mediator' : null, claimed ? 'Bench' : null, claimed ? iso(createdAt) : null,
        iso(addWorkingDays(createdAt, 2)), status === 'in_progress' || finished ? iso(createdAt) : null, finished ? iso(createdAt) : null, iso(createdAt), iso(createdAt),
      );
    }
  });
  rows();
  raw.pragma('optimize');
  raw.close();
}
const insertMs = performance.now() - insertStart;

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, PORT: '0' });
const logger = createLogger('silent');
const db = createDb(url);
await tuneSqlite(db);
const services = createServices(config, db, logger, await createI18n());
const mediator = await db.mediator.findUniqueOrThrow({ where: { email: 'mediator@demo-verzekeraar.test' } });
const actor: Actor = { type: 'mediator', id: mediator.id, role: 'mediator', name: mediator.name, tenantId: mediator.tenantId, onBehalfOf: `insurer:${mediator.tenantId}`, ipHash: 'bench', userAgent: 'bench' };
const queue = services.cases.forInsurer('demo-verzekeraar');
const counts = {
  insurer: await db.case.count({ where: { insurerTenantId: 'demo-verzekeraar' } }),
  new: await db.case.count({ where: { insurerTenantId: 'demo-verzekeraar', status: 'new' } }),
};

async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up: statement cache, page cache
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i + 20);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

const firstPage = (extra: Partial<CaseQuery> = {}): CaseQuery => ({ status: ['new'], sort: 'priority', page: 1, pageSize: 25, ...extra });
const results = [];
results.push(await measure('list first page (status=new, most urgent first)', runs, () => queue.list(firstPage(), actor)));
results.push(await measure('list first page (sort=due)', runs, () => queue.list(firstPage({ sort: 'due' }), actor)));
results.push(await measure('list first page (specialty + treeknormExceeded)', runs, () => queue.list(firstPage({ specialty: '0305', treeknormExceeded: true }), actor)));
results.push(await measure('list first page (overdue=true)', runs, () => queue.list(firstPage({ status: undefined, overdue: true }), actor)));
results.push(await measure('list first page (all statuses)', runs, () => queue.list(firstPage({ status: undefined }), actor)));

// Claims take the most urgent new cases, as mediators do; each claim is a different case.
const toClaim = (await db.case.findMany({ where: { insurerTenantId: 'demo-verzekeraar', status: 'new' }, orderBy: { urgencyAnchorAt: 'asc' }, take: runs * 2 + 40, select: { reference: true } })).map((c) => c.reference);
let next = 0;
results.push(await measure('claim (repository, one transaction)', runs, () => queue.claim(toClaim[next++]!, actor)));

// The same over HTTP with a session cookie, as the console does.
const app = createApp({ config, logger, services });
const server = createServer(app);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'mediator@demo-verzekeraar.test', password: 'demo' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
results.push(await measure('HTTP GET /api/cases?status=new', runs, async () => {
  const r = await fetch(`${base}/api/cases?status=new`, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`list answered ${r.status}`);
  await r.arrayBuffer();
}));
results.push(await measure('HTTP POST /api/cases/{ref}/claim', runs, async () => {
  const r = await fetch(`${base}/api/cases/${toClaim[next++]!}/claim`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
  if (r.status !== 200) throw new Error(`claim answered ${r.status}`);
  await r.arrayBuffer();
}));
server.closeAllConnections();
await new Promise<void>((r) => server.close(() => r()));
await db.$disconnect();

const f = (x: number) => x.toFixed(2).padStart(7);
process.stdout.write(`\nQueue benchmark: ${caseCount.toLocaleString('en')} cases (${counts.insurer.toLocaleString('en')} for demo-verzekeraar, ${counts.new.toLocaleString('en')} of them new), ${runs} runs each; insert ${(insertMs / 1000).toFixed(1)} s\n\n`);
process.stdout.write(`${'operation'.padEnd(52)}    p50 ms   p95 ms   p99 ms\n`);
let failed = false;
for (const r of results) {
  const over = r.p95 > target;
  failed ||= over && (r.label.startsWith('list first page (status=new') || r.label.startsWith('claim') || r.label.startsWith('HTTP'));
  process.stdout.write(`${r.label.padEnd(52)} ${f(r.p50)}  ${f(r.p95)}  ${f(r.p99)}${over ? '  over target' : ''}\n`);
}
process.stdout.write(`\nTarget: p95 ≤ ${target} ms for listing the first page and for a claim: ${failed ? 'NOT MET' : 'met'}\n`);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
