// The import as its users run it: `npm run import:waiting-times -- FILE_OR_URL` as a process (exit
// codes, the summary it prints, nothing lost on a refused file), and the server's schedule
// (WAITING_TIMES_SYNC_URL) fetching from a local HTTP server until the chat data and /healthz show it.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import type { Db } from '../../bot/data/db.ts';
import { freshDatabase } from '../support/db.ts';
import { freePort, startServerProcess } from '../support/serverProcess.ts';
import { recentNzaFixture } from '../support/nzaFixture.ts';

const fixtures = join(projectRoot, 'tests/fixtures/waiting-times');
// Dated relative to today: the command and the server import with the real clock.
const xml = recentNzaFixture('nza-zorgbeeld.xml');

/** Runs an import command on its own database; resolves with its exit code and output. */
function run(script: string, databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
const importCommand = (databaseUrl: string, ...args: string[]) => run('bot/data/importWaitingTimes.ts', databaseUrl, args);
const contractsCommand = (databaseUrl: string, ...args: string[]) => run('bot/data/importContracts.ts', databaseUrl, args);

let http: Server;
let base = '';
let answer: (path: string) => { status: number; body: string } = () => ({ status: 200, body: xml });
beforeAll(async () => {
  http = createServer((req, res) => {
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/xml' }).end(body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

const counts = async (db: Db) => ({ figures: await db.waitingTime.count(), hospitals: await db.hospital.count() });

describe('npm run import:waiting-times -- FILE_OR_URL', () => {
  let db: Db;
  let url: string;
  beforeEach(async () => {
    ({ db, url } = await freshDatabase());
    answer = () => ({ status: 200, body: xml });
  });
  afterEach(async () => db.$disconnect());

  it('a file with a few unusable records: imports the rest, lists the skipped ones with record number and reason, exits 0', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ww-nza-')), 'nza-zorgbeeld.xml');
    writeFileSync(file, xml);
    const r = await importCommand(url, file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/104/);
    expect(r.stdout).toMatch(/record 31.*-3 is negative/i);
    expect(await db.hospital.count({ where: { officialName: 'Voorbeeldkliniek Orthopedie B.V.' } })).toBe(1);
    expect(await db.waitingTimeImportRun.findFirst()).toMatchObject({ trigger: 'cli', status: 'imported' });
  });

  it('the same data from an http address', async () => {
    const r = await importCommand(url, `${base}/openapi/WaitingTimeMSZ`);
    expect(r.code, r.stderr).toBe(0);
    expect(await db.hospital.count({ where: { officialName: 'Voorbeeldkliniek Orthopedie B.V.' } })).toBe(1);
  });

  it('more than 5 % unusable records: imports nothing, says why, exits 1; what was stored stays', async () => {
    const records = JSON.parse(recentNzaFixture('nza-zorgbeeld.json')) as Record<string, string>[];
    const spoiled = records.map((rec, i) => (i % 10 === 0 ? { ...rec, Specialism: 'Overige' } : rec));
    answer = () => ({ status: 200, body: JSON.stringify(spoiled) });
    const before = await counts(db);
    const r = await importCommand(url, `${base}/spoiled.json`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/%/);
    expect(await counts(db)).toEqual(before);
    expect(await db.waitingTimeImportRun.findFirst()).toMatchObject({ status: 'rejected' });
  });

  it('an unreadable source (missing file, an address answering 404) imports nothing and exits 1; no argument exits 2', async () => {
    const before = await counts(db);
    const missing = await importCommand(url, join(fixtures, 'does-not-exist.xml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nothing was imported/);
    answer = () => ({ status: 404, body: 'not here' });
    expect((await importCommand(url, `${base}/gone.xml`)).code).toBe(1);
    expect(await counts(db)).toEqual(before);
    const usage = await importCommand(url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage/);
  });
});

describe('npm run import:contracts -- TENANT FILE', () => {
  it('stores a good list for an insurer (exit 0); a bad line stores nothing (exit 1, line and reason); a non-insurer tenant is refused (exit 2)', async () => {
    const { db, url } = await freshDatabase();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'ww-contracts-'));
      const good = join(dir, 'good.csv');
      const bad = join(dir, 'bad.csv');
      writeFileSync(good, 'agb_code,provider,specialism,contracted\n,Maasstad Ziekenhuis,0305,ja\n,Erasmus MC,all,nee\n');
      writeFileSync(bad, 'agb_code,provider,specialism,contracted\n,Maasstad Ziekenhuis,0305,misschien\n');
      const stored = await contractsCommand(url, 'demo-verzekeraar', good);
      expect(stored.code, stored.stderr).toBe(0);
      expect(stored.stdout).toMatch(/2 contract line\(s\) stored for demo-verzekeraar/);
      const refused = await contractsCommand(url, 'demo-verzekeraar', bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/line 2: .*yes or no/);
      expect(await db.contractedProvider.count({ where: { tenantId: 'demo-verzekeraar', supersededAt: null } })).toBe(2);
      expect((await contractsCommand(url, 'demo-ziekenhuis', good)).code).toBe(2);
      expect(await db.contractedProvider.count({ where: { tenantId: 'demo-ziekenhuis' } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('the server with WAITING_TIMES_SYNC_URL', () => {
  it('fetches the address at start-up, serves the imported figures at once, and shows the run in /healthz', async () => {
    answer = () => ({ status: 200, body: xml });
    const { url } = await freshDatabase();
    const port = await freePort();
    const server = await startServerProcess(url, port, { WAITING_TIMES_SYNC_URL: `${base}/openapi/WaitingTimeMSZ`, WAITING_TIMES_SYNC_DAYS: '14' });
    try {
      const origin = `http://127.0.0.1:${port}`;
      type Health = { waitingTimes: { sync: { scheduled: boolean; everyDays: number }; lastRun: { status: string; trigger: string; imported: number } | null } };
      let health: Health | null = null;
      for (let i = 0; i < 300 && health?.waitingTimes.lastRun?.status !== 'imported'; i += 1) {
        health = (await (await fetch(`${origin}/healthz`)).json()) as Health;
        if (health.waitingTimes.lastRun?.status !== 'imported') await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.waitingTimes).toMatchObject({ sync: { scheduled: true, everyDays: 14 }, lastRun: { status: 'imported', trigger: 'schedule', imported: 104 } });
      // The cached figures were dropped after the import: the new clinic is served straight away, as real data.
      const api = (await (await fetch(`${origin}/api/waiting-times?specialty=0305&near=3011AB&radiusKm=10`)).json()) as { results: { hospital: string; isDemo: boolean }[] };
      expect(api.results.find((r) => r.hospital === 'Voorbeeldkliniek Orthopedie B.V.')).toMatchObject({ isDemo: false });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
