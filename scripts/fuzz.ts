/**
 * npm run fuzz -- --requests 20000 [--seed N] [--concurrency 8]
 * Sends generated hostile requests (HTTP on every route and WebSocket upgrades) to the real app on a
 * fresh, seeded database, prints the status counts, and exits 1 on any 5xx or dropped answer.
 */
import fc from 'fast-check';
import setup from '../tests/support/globalSetup.ts';
import { startTestServer } from '../tests/support/server.ts';
import { createCase } from '../tests/mediation/helpers.ts';
import { fuzzCredentials, fuzzRequests, run } from '../tests/support/fuzz.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 1) throw new Error(`--${name} must be a positive number`);
  return value;
};
const requests = arg('requests', 5000);
const seed = arg('seed', Date.now() % 1_000_000_000);
const concurrency = arg('concurrency', 8);

const teardown = await setup();
const s = await startTestServer();
try {
  const creds = await fuzzCredentials(s.url, async () => (await createCase(s.services)).reference);
  const generated = fc.sample(fuzzRequests(creds), { numRuns: requests, seed });
  const started = Date.now();
  const { counts, failures } = await run(s.url, generated, concurrency);
  const seconds = (Date.now() - started) / 1000;
  const health = (await fetch(`${s.url}/healthz`)).status;
  console.log(`requests: ${generated.length} (${generated.filter((r) => r.kind === 'upgrade').length} WebSocket upgrades), seed ${seed}, concurrency ${concurrency}`);
  console.log(`duration: ${seconds.toFixed(1)} s (${Math.round(generated.length / seconds)} requests/s)`);
  console.log('status counts (0 = upgrade closed without an HTTP answer, e.g. an opened stream):');
  for (const [status, n] of [...counts.entries()].sort(([a], [b]) => a - b)) console.log(`  ${String(status).padStart(3)}: ${n}`);
  console.log(`healthz afterwards: ${health}`);
  console.log(`5xx or dropped: ${failures.length}`);
  for (const f of failures.slice(0, 10)) console.log(`  ${f.status} ${JSON.stringify(f.request).slice(0, 300)}`);
  process.exitCode = failures.length === 0 && health === 200 ? 0 : 1;
} finally {
  await s.close();
  await teardown();
}
