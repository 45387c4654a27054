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
import { rssMb, runPatients, startServer, type Patient } from './directLineClient.ts';
import { intakeSays, questionSays } from './patients.ts';

// --warmup-seconds may be 0 (no warm-up); the other options must be positive.
const arg = (name: string, fallback: number, zeroAllowed = false) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) throw new Error(`--${name} must be a ${zeroAllowed ? 'number ≥ 0' : 'positive number'}`);
  return value;
};
const minutes = arg('minutes', 10);
const patients = arg('patients', 100);
const workers = arg('workers', defaultWorkers());
const warmupSeconds = arg('warmup-seconds', 120, true);
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
const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
/** The server's RSS in total and per process (primary, workers). */
const rssColumns = () => `${rssMb(app.pids()).toFixed(1).padStart(9)}  (${app.pids().map((pid) => rssMb([pid]).toFixed(0)).join(', ')})`;
const say = (p: Patient, i: number) => (i % 2 === 0 ? intakeSays(p) : questionSays(p));

// The warm-up: the same load, printed, not counted. A freshly started server returns the memory
// its start-up used some 80 s later (V8's memory reducer; it does so idle too), so without a
// warm-up the level "after the first minute" is that of start-up, not of the steady state.
let continuing: Patient[] | undefined;
if (warmupSeconds > 0) {
  const warm = await runPatients({ base, patients, seconds: warmupSeconds, thinkMs, say, serverPids: app.pids });
  process.stdout.write(`${'warm-up'.padStart(7)} ${String(warm.turns).padStart(6)} ${String(warm.errors).padStart(7)} ${warm.p95.toFixed(1).padStart(8)} ${rssColumns()}   not counted\n`);
  continuing = warm.patientsUsed;
}

let window: number[] = [];
let windowErrors = 0;
const samples: { atS: number; rss: number }[] = [];
let started = 0;
const timers: NodeJS.Timeout[] = [];
const run = await runPatients({
  base,
  patients,
  seconds: minutes * 60,
  thinkMs,
  say,
  serverPids: app.pids,
  ...(continuing ? { continuing } : {}),
  onStart: () => {
    started = Date.now();
    timers.push(setInterval(() => samples.push({ atS: (Date.now() - started) / 1000, rss: rssMb(app.pids()) }), sampleMs));
    timers.push(
      setInterval(() => {
        const sorted = window.sort((a, b) => a - b);
        const minute = Math.round((Date.now() - started) / 60_000);
        process.stdout.write(`${String(minute).padStart(6)} ${String(sorted.length).padStart(7)} ${String(windowErrors).padStart(7)} ${percentile(sorted, 0.95).toFixed(1).padStart(8)} ${rssColumns()}\n`);
        window = [];
        windowErrors = 0;
      }, 60_000),
    );
  },
  onTurn: (ms) => window.push(ms),
  onError: () => (windowErrors += 1),
});
for (const timer of timers) clearInterval(timer);

const after = samples.filter((s) => s.atS >= 60);
const baseline = after[0]?.rss;
process.stdout.write(`\n${run.turns} turns, ${run.errors} errors${run.firstError ? ` (first: ${run.firstError})` : ''}, ${run.patientsUsed.reduce((n, p) => n + p.cases, 0)} requests filed\n`);
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
