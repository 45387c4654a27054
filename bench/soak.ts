/**
 * npm run bench:soak [-- --minutes 10 --patients 100 --workers N --warmup-seconds 120]
 *
 * A long run at steady load: half the patients go through the intake (filing requests, starting
 * over), half ask information questions, each a turn every 2 s on average, through the client of
 * bench:conversation (poll every 5 ms). Every 10 s it samples the server processes' resident
 * memory (RSS, from /proc, primary and workers together). Target: after the first minute, RSS
 * stays within 10 % of its level at the end of that minute. Prints one line a minute and the
 * verdict; figures only.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { defaultWorkers } from '../bot/cluster.ts';
import { openPatient, rssMb, startServer, turn, type Patient } from './directLineClient.ts';
import { intakeSays, questionSays } from './patients.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const minutes = arg('minutes', 10);
const patients = arg('patients', 100);
const workers = arg('workers', defaultWorkers());
const warmupSeconds = (() => {
  const i = process.argv.indexOf('--warmup-seconds');
  const value = i > 0 ? Number(process.argv[i + 1]) : 120;
  if (!Number.isFinite(value) || value < 0) throw new Error('--warmup-seconds must be a number ≥ 0');
  return value;
})();
const thinkMs = 2000;
const sampleMs = 10_000;

const app = await startServer('bench/conversationServer.ts', { BENCH_WORKERS: String(workers) });
const base = `http://127.0.0.1:${app.port}/v3/directline`;
process.stdout.write(
  [
    `bench:soak ${new Date().toISOString()}`,
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}; SQLite; loopback`,
    `${patients} patients (half intake, half information questions), a turn every ${thinkMs / 1000} s on average, ${minutes} min after a ${warmupSeconds} s warm-up; server: ${workers} process(es)`,
    '',
    'minute   turns  errors   p95 ms    RSS MB  (per process: primary, workers)',
  ].join('\n') + '\n',
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;
const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

const list: Patient[] = await Promise.all(Array.from({ length: patients }, (_, i) => openPatient(base, i)));

/** Every patient talks until `until` (ms since the epoch), a turn every think time. */
async function drive(until: number, onTurn: (ms: number) => void, onError: (e: unknown) => void, firstTime = false): Promise<void> {
  await Promise.all(
    list.map(async (p, i) => {
      const say = i % 2 === 0 ? intakeSays : questionSays;
      await sleep(firstTime ? Math.random() * thinkMs : exponential(thinkMs));
      while (Date.now() < until) {
        try {
          onTurn(await turn(p, say(p)));
        } catch (error) {
          onError(error);
        }
        await sleep(Math.min(exponential(thinkMs), Math.max(0, until - Date.now())));
      }
    }),
  );
}

// The warm-up: the same load, printed, not counted. A freshly started server returns the memory
// its start-up used some 80 s later (V8's memory reducer; it does so idle too), so without a
// warm-up the level "after the first minute" is that of start-up, not of the steady state.
if (warmupSeconds > 0) {
  const warm: number[] = [];
  let warmErrors = 0;
  await drive(Date.now() + warmupSeconds * 1000, (ms) => warm.push(ms), () => (warmErrors += 1), true);
  warm.sort((a, b) => a - b);
  process.stdout.write(`${'warm-up'.padStart(7)} ${String(warm.length).padStart(6)} ${String(warmErrors).padStart(7)} ${percentile(warm, 0.95).toFixed(1).padStart(8)} ${rssMb(app.pids()).toFixed(1).padStart(9)}  (${app.pids().map((pid) => rssMb([pid]).toFixed(0)).join(', ')})   not counted\n`);
}
const end = Date.now() + minutes * 60_000;
let window: number[] = [];
let windowErrors = 0;
let totalTurns = 0;
let totalErrors = 0;
let firstError: string | undefined;

const samples: { atS: number; rss: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => samples.push({ atS: (Date.now() - started) / 1000, rss: rssMb(app.pids()) }), sampleMs);
const reporter = setInterval(() => {
  const sorted = window.sort((a, b) => a - b);
  const minute = Math.round((Date.now() - started) / 60_000);
  process.stdout.write(`${String(minute).padStart(6)} ${String(sorted.length).padStart(7)} ${String(windowErrors).padStart(7)} ${percentile(sorted, 0.95).toFixed(1).padStart(8)} ${rssMb(app.pids()).toFixed(1).padStart(9)}  (${app.pids().map((pid) => rssMb([pid]).toFixed(0)).join(', ')})\n`);
  totalTurns += sorted.length;
  totalErrors += windowErrors;
  window = [];
  windowErrors = 0;
}, 60_000);

await drive(end, (ms) => window.push(ms), (error) => {
  windowErrors += 1;
  firstError ??= error instanceof Error ? error.message : String(error);
});
clearInterval(sampler);
clearInterval(reporter);
totalTurns += window.length;
totalErrors += windowErrors;

const after = samples.filter((s) => s.atS >= 60);
const baseline = after[0]?.rss;
process.stdout.write(`\n${totalTurns} turns, ${totalErrors} errors${firstError ? ` (first: ${firstError})` : ''}, ${list.reduce((n, p) => n + p.cases, 0)} requests filed\n`);
if (baseline === undefined) {
  process.stdout.write('RSS: the run was shorter than a minute and a sample; no verdict\n');
} else {
  const max = Math.max(...after.map((s) => s.rss));
  const min = Math.min(...after.map((s) => s.rss));
  const last = after.at(-1)!.rss;
  const worst = Math.max(Math.abs(max - baseline), Math.abs(min - baseline)) / baseline;
  process.stdout.write(
    `RSS after the first minute ${baseline.toFixed(1)} MB; from then on min ${min.toFixed(1)}, max ${max.toFixed(1)}, last ${last.toFixed(1)} MB: ` +
      `largest deviation ${(100 * worst).toFixed(1)} % (target within 10 %: ${worst <= 0.1 ? 'met' : 'NOT met'})\n`,
  );
}

const exited = new Promise((r) => app.child.once('exit', r));
app.child.kill('SIGTERM');
await Promise.race([exited, sleep(5000)]);
process.exit(0);
