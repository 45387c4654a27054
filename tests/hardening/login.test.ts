import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { demo } from '../mediation/helpers.ts';
import { LoginThrottleStore } from '../../bot/data/throttle.ts';
import { freshDatabase } from '../support/db.ts';
import { loadConfig } from '../../bot/config.ts';

const attempt = (s: TestServer, email: string, password: string, from?: string) =>
  fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) }, body: JSON.stringify({ email, password }) });

describe('log-in throttling per account across addresses and per address across accounts (defect 7)', () => {
  let s: TestServer;
  beforeAll(async () => {
    // The test client stands in for many addresses behind a trusted proxy on loopback.
    s = await startTestServer({ TRUST_PROXY: 'loopback', LOGIN_ADDRESS_FAILURES_BEFORE_DELAY: '10' });
  });
  afterAll(async () => s.close());

  it('60 wrong passwords from 60 addresses hold the account up, except from its known address', async () => {
    const email = demo.mediator;
    expect((await attempt(s, email, 'demo', '198.51.100.7')).status).toBe(200); // the mediator's own office
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await attempt(s, email, `wrong-${i}`, `203.0.113.${i + 1}`)).status);
    expect(statuses.slice(0, 10).every((x) => x === 401)).toBe(true);
    expect(statuses.slice(10).every((x) => x === 429)).toBe(true);
    const fromNewAddress = await attempt(s, email, 'demo', '192.0.2.200');
    expect(fromNewAddress.status).toBe(429);
    // Growing delays, capped: never a lock-out of hours.
    expect(Number(fromNewAddress.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect((await attempt(s, email, 'demo', '198.51.100.7')).status).toBe(200);
  });

  it('password spraying from one address is held up after the limit, and a known user there still gets in', async () => {
    expect((await attempt(s, demo.otherAdmin, 'demo', '198.51.100.99')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await attempt(s, `user${i}@spray.test`, 'Welkom01!', '198.51.100.99')).status);
    expect(statuses.slice(0, 10).every((x) => x === 401)).toBe(true);
    expect(statuses.slice(10).every((x) => x === 429)).toBe(true);
    expect((await attempt(s, demo.admin, 'demo', '198.51.100.99')).status).toBe(429); // not known from there
    expect((await attempt(s, demo.otherAdmin, 'demo', '198.51.100.99')).status).toBe(200); // known from there
  });
});

describe('X-Forwarded-For is not believed unless TRUST_PROXY names the proxy (defect 7)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  it('five failures with five forged addresses lock the pair like five from one address', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(s, demo.otherMediator, 'wrong', `203.0.113.${i + 1}`)).status).toBe(401);
    expect((await attempt(s, demo.otherMediator, 'demo', '203.0.113.77')).status).toBe(429);
  });

  it('TRUST_PROXY accepts addresses, CIDR blocks and range names only', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 192.0.2.1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '192.0.2.1']);
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});

describe('growing delays', () => {
  it('double per failure after the limit, up to the maximum, and end with the owner success', async () => {
    const { db } = await freshDatabase();
    try {
      const store = new LoginThrottleStore(db, { accountFailuresBeforeDelay: 3, addressFailuresBeforeDelay: 1000, baseDelayMs: 10_000, maxDelayMs: 60_000, pair: { maxFailures: 1000, windowMs: 60_000, lockMs: 1 } });
      const t0 = Date.parse('2026-12-01T10:00:00Z');
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        const now = new Date(t0 + i);
        await store.recordFailure('a@x.test', `192.0.2.${i}`, now);
        waits.push(await store.retryAfterSeconds('a@x.test', '192.0.2.250', now));
      }
      expect(waits).toEqual([0, 0, 10, 20, 40, 60]);
      await store.recordSuccess('a@x.test', '192.0.2.9', new Date(t0 + 10));
      expect(await store.retryAfterSeconds('a@x.test', '192.0.2.250', new Date(t0 + 11))).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
