/**
 * npm run bench:conversation [-- --patients 200 --seconds 60 --saturation-patients 50
 *                               --saturation-seconds 15 --warmup-seconds 30 --workers N
 *                               --only intake,questions,echo,plain --db sqlite|postgres]
 *
 * Real conversations over Direct Line on loopback, all driven by one client
 * (bench/directLineClient.ts: send, then poll GET activities every 5 ms until the reply is there):
 *   Wachtwijzer, intake:     patients asking their insurer to mediate, answering every question
 *   Wachtwijzer, questions:  patients asking for information (waiting time at a named hospital,
 *                            postponed care, rights, treatment elsewhere, the Treeknorm)
 *   echo agent:              the same server, SDK, storage and database with an agent that echoes
 *   plain-Node echo:         bench/plainEchoServer.ts, in memory, the protocol's floor
 * Each target runs twice: load (N patients, a turn every 2 s on average, exponential think time)
 * and saturation (fewer patients, no think time: turns per second). Before its load run each
 * target gets the same load for --warmup-seconds, printed but not counted, and the load run goes
 * on with the same patients: a freshly started Node process is several times slower until its
 * code is compiled (the first 3 s of a cold server had a p50 above 500 ms for intake patients),
 * an intake reaches its hand-off only after some 20 s, and 200 new patients all send their first
 * message within the same 2 s, which no steady state has. The servers are separate
 * processes (bench/conversationServer.ts, with --workers N as N processes on one port).
 * Prints p50/p95/p99, errors, turns/s, the server's CPU per turn, the targets and the ratios.
 * Figures only; no pass/fail here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkers } from '../bot/cluster.ts';
import { closePatients, runPatients, startServer, type Patient, type RunResult } from './directLineClient.ts';
import { echoSays, intakeSays, questionSays } from './patients.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
};
const patients = arg('patients', 200);
const seconds = arg('seconds', 60);
const saturationPatients = arg('saturation-patients', 50);
const saturationSeconds = arg('saturation-seconds', 15);
const warmupSeconds = arg('warmup-seconds', 30);
const workers = arg('workers', defaultWorkers());
const thinkMs = 2000;
const onlyIndex = process.argv.indexOf('--only');
const only = new Set(onlyIndex > 0 ? process.argv[onlyIndex + 1]!.split(',') : ['intake', 'questions', 'echo', 'plain']);

// --profile: CPU profiles of the app server(s) during each Wachtwijzer saturation run, in
// .tmp/profiles/<pid>-<n>.cpuprofile (Chrome DevTools opens them; bench/profileSummary.ts sums them up).
const profile = process.argv.includes('--profile');
// --db postgres: the servers share a throw-away PostgreSQL server (scripts/postgres-server.sh), as
// several production instances share one database; the default is the embedded SQLite file.
const dbIndex = process.argv.indexOf('--db');
const dbKind = dbIndex > 0 ? process.argv[dbIndex + 1] : 'sqlite';
if (dbKind !== 'sqlite' && dbKind !== 'postgres') throw new Error('--db must be sqlite or postgres');
let postgres: { url: string; dir: string; version: string } | null = null;
if (dbKind === 'postgres') {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  const dirFile = join(scratch, 'dir');
  const url = execFileSync('bash', ['scripts/postgres-server.sh', 'start'], { env: { ...process.env, PGTEST_DIR_FILE: dirFile }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const dir = readFileSync(dirFile, 'utf8').trim();
  rmSync(scratch, { recursive: true, force: true });
  const version = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/ | sort -V | tail -1 | xargs basename'], { encoding: 'utf8' }).trim();
  postgres = { url, dir, version };
}
const stopPostgres = () => {
  if (postgres) execFileSync('bash', ['scripts/postgres-server.sh', 'stop', postgres.dir], { stdio: 'ignore' });
};
const app = await startServer('bench/conversationServer.ts', { BENCH_WORKERS: String(workers), ...(postgres ? { BENCH_DATABASE_URL: postgres.url } : {}) });
const plain = await startServer('bench/plainEchoServer.ts');
const dl = (port: number, prefix = '') => `http://127.0.0.1:${port}${prefix}/v3/directline`;

interface Target {
  key: string;
  label: string;
  base: string;
  say: (p: Patient) => string;
  pids: () => number[];
}
const targets: Target[] = [
  { key: 'intake', label: 'wachtwijzer intake', base: dl(app.port), say: intakeSays, pids: app.pids },
  { key: 'questions', label: 'wachtwijzer questions', base: dl(app.port), say: questionSays, pids: app.pids },
  { key: 'echo', label: 'echo agent', base: dl(app.port, '/echo'), say: echoSays, pids: app.pids },
  { key: 'plain', label: 'plain-Node echo', base: dl(plain.port), say: echoSays, pids: plain.pids },
].filter((t) => only.has(t.key));

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `bench:conversation ${new Date().toISOString()}`,
    `machine: ${availableParallelism()} cores (${cpu}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}; ${postgres ? `PostgreSQL ${postgres.version} (throw-away server on loopback)` : 'SQLite'}; loopback`,
    `server: ${workers} process(es) on one port; client: poll every 5 ms after each send until the reply is there`,
    `load: ${patients} patients, think time ${thinkMs} ms on average, ${seconds} s after a ${warmupSeconds} s warm-up; saturation: ${saturationPatients} patients, no think time, ${saturationSeconds} s`,
    '',
  ].join('\n') + '\n',
);

const header = `${'target'.padEnd(24)}   turns  errors  turns/s   p50 ms   p95 ms   p99 ms  CPU ms/turn: server  client\n`;
const fmt = (x: number, w = 8) => (Number.isFinite(x) ? x.toFixed(1) : '-').padStart(w);
const line = (label: string, r: RunResult) =>
  `${label.padEnd(24)} ${String(r.turns).padStart(7)} ${String(r.errors).padStart(7)} ${fmt(r.perSecond)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)} ${fmt(r.serverCpuMsPerTurn, 16)} ${fmt(r.clientCpuMsPerTurn, 7)}${r.firstError ? `   first error: ${r.firstError}` : ''}\n`;

const load = new Map<string, RunResult>();
process.stdout.write(`load (${patients} patients, a turn every ${thinkMs / 1000} s on average)\n${header}`);
for (const t of targets) {
  let continuing: Patient[] | undefined;
  if (warmupSeconds > 0) {
    const w = await runPatients({ base: t.base, patients, seconds: warmupSeconds, thinkMs, say: t.say, serverPids: t.pids });
    process.stdout.write(line(`  (warm-up, not counted)`, w));
    continuing = w.patientsUsed;
  }
  const r = await runPatients({ base: t.base, patients, seconds, thinkMs, say: t.say, serverPids: t.pids, ...(continuing ? { continuing } : {}) });
  closePatients(r.patientsUsed);
  load.set(t.key, r);
  process.stdout.write(line(t.label, r));
}

const saturation = new Map<string, RunResult>();
process.stdout.write(`\nsaturation (${saturationPatients} patients, no think time)\n${header}`);
let profiled = 0;
const signalApp = () => {
  for (const pid of app.pids()) process.kill(pid, 'SIGUSR2');
};
for (const t of targets) {
  const profiling = profile && t.pids === app.pids && (t.key !== 'echo' || only.size === 1);
  const r = await runPatients({ base: t.base, patients: saturationPatients, seconds: saturationSeconds, thinkMs: 0, say: t.say, serverPids: t.pids, onStart: profiling ? signalApp : undefined });
  if (profiling) {
    signalApp();
    profiled += 1;
  }
  closePatients(r.patientsUsed);
  saturation.set(t.key, r);
  process.stdout.write(line(t.label, r) + (profiling ? `   (CPU profile: .tmp/profiles/<pid>-${profiled}.cpuprofile)\n` : ''));
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(2) : '-');
process.stdout.write('\ntargets per workload: load p95 ≤ 50 ms, p99 ≤ 150 ms, 0 errors; saturation ≥ 0.2 × plain-Node echo\n');
for (const key of ['intake', 'questions']) {
  const l = load.get(key);
  const s = saturation.get(key);
  if (!l || !s) continue;
  const verdict = l.p95 <= 50 && l.p99 <= 150 && l.errors === 0 ? 'met' : 'NOT met';
  process.stdout.write(
    `${key.padEnd(10)} load p95 ${fmt(l.p95, 0)} ms, p99 ${fmt(l.p99, 0)} ms, ${l.errors} errors (${verdict}); p95 / echo agent's ${ratio(l.p95, load.get('echo')?.p95)}; ` +
      `saturation ${ratio(s.perSecond, saturation.get('plain')?.perSecond)} × plain-Node echo, ${ratio(s.perSecond, saturation.get('echo')?.perSecond)} × echo agent; ` +
      `server CPU per turn ${ratio(s.serverCpuMsPerTurn, saturation.get('plain')?.serverCpuMsPerTurn)} × plain-Node echo's\n`,
  );
}

const exited = new Promise((r) => app.child.once('exit', r));
app.child.kill('SIGTERM');
plain.child.kill('SIGTERM');
await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
stopPostgres();
process.exit(0);
