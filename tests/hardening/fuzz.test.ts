import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createCase } from '../mediation/helpers.ts';
import { fuzzCredentials, fuzzRequests, run } from '../support/fuzz.ts';

const requests = Number(process.env.FUZZ_REQUESTS ?? 5000);
const seed = Number(process.env.FUZZ_SEED ?? 20261201);

describe(`${requests} generated hostile requests across every route (fast-check, seed ${seed})`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  it('get no 5xx, never crash the process, and leave a healthy server', async () => {
    const creds = await fuzzCredentials(s.url, async () => (await createCase(s.services)).reference);
    const generated = fc.sample(fuzzRequests(creds), { numRuns: requests, seed });
    const started = Date.now();
    const { counts, failures } = await run(s.url, generated);
    const seconds = (Date.now() - started) / 1000;
    const summary = [...counts.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
    process.stdout.write(`fuzz: ${generated.length} requests (${generated.filter((r) => r.kind === 'upgrade').length} upgrades) in ${seconds.toFixed(1)} s; ${summary}\n`);
    expect(failures.slice(0, 5).map((f) => ({ status: f.status, request: JSON.stringify(f.request).slice(0, 400) }))).toEqual([]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(requests);
    // Healthy afterwards: the database answers and a patient can still open a conversation and talk.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const after = await fuzzCredentials(s.url, async () => 'unused');
    const reply = await fetch(`${s.url}/v3/directline/conversations/${after.conversationId}/activities`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${after.directLineToken}` }, body: '{"type":"message","text":"Hoe lang is de wachttijd?","from":{"id":"p"}}',
    });
    expect(reply.status).toBe(200);
  }, 300_000);
});
