// Fetching the NZa answer from an address (timeout, size limit, retries) and the scheduled sync
// (one instance at a time through a lease row; the outcome recorded for admins and the health
// details), against a local HTTP server.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import type { Db } from '../../bot/data/db.ts';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { readSource, SourceError } from '../../bot/data/waitingTimeSource.ts';
import { runImport, syncIfDue, syncStatus, SYNC_LEASE, waitingTimesHealth } from '../../bot/data/waitingTimeSync.ts';
import { acquireLease } from '../../bot/data/jobLease.ts';
import { createLogger } from '../../bot/logger.ts';
import { freshDatabase } from '../support/db.ts';

const xml = readFileSync(join(projectRoot, 'tests/fixtures/waiting-times/nza-zorgbeeld.xml'), 'utf8');
const reference = loadReferenceData();
const logger = createLogger('silent');
const now = () => new Date('2026-11-24T12:00:00Z');

type Handler = (attempt: number, res: import('node:http').ServerResponse) => void;
let server: Server;
let base = '';
let handler: Handler = () => undefined;
let attempts = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    attempts += 1;
    handler(attempts, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  attempts = 0;
  handler = (_n, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
});

const fast = { backoffMs: () => 10, timeoutMs: 2_000 };

describe('reading the NZa answer from an address', () => {
  it('reads the XML the service answers', async () => {
    const { name, content } = await readSource(`${base}/openapi/WaitingTimeMSZ`, fast);
    expect(name).toBe('WaitingTimeMSZ');
    expect(content).toBe(xml);
  });

  it('retries a 503 and a dropped connection, then succeeds', async () => {
    handler = (n, res) => {
      if (n === 1) res.writeHead(503).end('busy');
      else if (n === 2) res.destroy();
      else res.writeHead(200).end(xml);
    };
    await expect(readSource(`${base}/x.xml`, { ...fast, retries: 2 })).resolves.toMatchObject({ content: xml });
    expect(attempts).toBe(3);
  });

  it('gives up after the retries with the last reason', async () => {
    handler = (_n, res) => res.writeHead(502).end();
    await expect(readSource(`${base}/x.xml`, { ...fast, retries: 1 })).rejects.toThrow(/502.*after 2 attempts/);
    expect(attempts).toBe(2);
  });

  it('does not retry a 404', async () => {
    handler = (_n, res) => res.writeHead(404).end();
    await expect(readSource(`${base}/x.xml`, fast)).rejects.toThrow(SourceError);
    expect(attempts).toBe(1);
  });

  it('stops waiting after the timeout', async () => {
    handler = () => undefined; // never answers
    await expect(readSource(`${base}/slow`, { ...fast, timeoutMs: 200, retries: 0 })).rejects.toThrow(/no answer within 0.2 s/);
  });

  it('refuses an answer above the size limit, declared or not', async () => {
    await expect(readSource(`${base}/x.xml`, { ...fast, maxBytes: 1000 })).rejects.toThrow(/more than the limit of 1000/);
    handler = (_n, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.write(xml.slice(0, 800));
      res.end(xml.slice(800, 3000));
    };
    await expect(readSource(`${base}/x.xml`, { ...fast, maxBytes: 1000 })).rejects.toThrow(/more than the limit of 1000 bytes/);
  });
});

describe('the scheduled sync', () => {
  let db: Db;
  beforeEach(async () => {
    ({ db } = await freshDatabase());
  });
  afterEach(async () => db.$disconnect());

  it('imports when due, records the outcome, and is not due again for WAITING_TIMES_SYNC_DAYS', async () => {
    const options = { ...fast, url: `${base}/openapi/WaitingTimeMSZ?token=secret`, days: 14, now };
    expect(await syncIfDue(db, reference, logger, options)).toBe('imported');
    expect(await syncIfDue(db, reference, logger, options)).toBe('not_due');
    expect(await syncIfDue(db, reference, logger, { ...options, now: () => new Date('2026-12-09T12:00:00Z') })).toBe('imported');
    const status = await syncStatus(db, { url: options.url, days: 14 });
    expect(status).toMatchObject({ scheduled: true, everyDays: 14, source: `${base}/openapi/WaitingTimeMSZ` });
    expect(status.lastRun).toMatchObject({ trigger: 'schedule', status: 'imported', summary: { imported: 104, skipped: 5, skippedByReason: { bad_wait: 2 } } });
    // The address's query string (it may hold a key) is never stored.
    expect(JSON.stringify(await db.waitingTimeImportRun.findMany())).not.toContain('secret');
  });

  it('one instance at a time: while another holds the lease, nothing is fetched', async () => {
    expect(await acquireLease(db, SYNC_LEASE, 'other-instance', now(), new Date(now().getTime() + 60_000))).toBe(true);
    expect(await syncIfDue(db, reference, logger, { ...fast, url: `${base}/x.xml`, days: 14, now, owner: 'me' })).toBe('leased_elsewhere');
    expect(attempts).toBe(0);
    // An expired lease (a crashed instance) is taken over.
    const later = () => new Date(now().getTime() + 120_000);
    expect(await syncIfDue(db, reference, logger, { ...fast, url: `${base}/x.xml`, days: 14, now: later, owner: 'me' })).toBe('imported');
  });

  it('two instances starting together import once', async () => {
    const options = { ...fast, url: `${base}/x.xml`, days: 14, now };
    const results = await Promise.all([syncIfDue(db, reference, logger, { ...options, owner: 'a' }), syncIfDue(db, reference, logger, { ...options, owner: 'b' })]);
    expect(results.filter((r) => r === 'imported')).toHaveLength(1);
    expect(await db.waitingTimeImportRun.count({ where: { status: 'imported' } })).toBe(1);
  });

  it('a source that cannot be read is recorded as failed, imports nothing, and the sync tries again at the next check', async () => {
    handler = (_n, res) => res.writeHead(500).end();
    const before = await db.waitingTime.count();
    const options = { ...fast, retries: 0, url: `${base}/x.xml`, days: 14, now };
    expect(await syncIfDue(db, reference, logger, options)).toBe('failed');
    expect(await db.waitingTime.count()).toBe(before);
    const health = await waitingTimesHealth(db, { url: options.url, days: 14 });
    expect(health).toMatchObject({ sync: { scheduled: true, everyDays: 14 }, lastRun: { status: 'failed', reason: expect.stringMatching(/500/) }, lastImportedAt: null });
    handler = (_n, res) => res.writeHead(200).end(xml);
    expect(await syncIfDue(db, reference, logger, options)).toBe('imported');
  });

  it('the command line and the schedule share the run log', async () => {
    const { run } = await runImport(db, reference, join(projectRoot, 'tests/fixtures/waiting-times/nza-zorgbeeld.json'), 'cli', { now });
    expect(run).toMatchObject({ trigger: 'cli', source: 'nza-zorgbeeld.json', status: 'imported' });
    const bad = await runImport(db, reference, join(projectRoot, 'tests/fixtures/waiting-times/does-not-exist.xml'), 'cli', { now });
    expect(bad.run).toMatchObject({ status: 'failed', summary: { reason: expect.stringMatching(/cannot read/) } });
  });
});
